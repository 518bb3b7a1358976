// kubectl logs and exec: read a container's output, run a command inside a pod's container.
import {containerLogs} from '../../../engine/k8s/kubelet.ts';
import {digestHex} from '../../../engine/hash.ts';
import {chunksOf, pushChunks, stderrChunk} from '../../output-chunks.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {listObjects} from '../../../engine/k8s/api-server.ts';
import type {Pod} from '../../../engine/k8s/kinds.ts';
import {msOf} from '../../../engine/k8s/metadata.ts';
import {specOf} from '../../../engine/k8s/typed-store.ts';
import {fieldsIn} from '../../../engine/k8s/object-input.ts';
import type {ContainerRuntime} from '../../../engine/k8s/types.ts';
import {storeKey} from '../../../engine/k8s/resources.ts';
import {matchesMap, matchesRequirements, parseSelector} from '../../../engine/k8s/selectors.ts';
import {findResource, qualifiedPlural, typePrefix, unknownResourceType} from './resource-names.ts';

/** The pods a TYPE/NAME stands for: its own pod, or the pods its selector picks (deploy, rs, rc, svc, job...). */
export function podsFor(k: Kctx, ref: string): {pods: Pod[]; typed: string} | {error: string} {
	const ns = namespaceOf(k);
	const c = k.ctx.world.cluster!;
	const slash = ref.indexOf('/');
	const type = slash < 0 ? 'pod' : ref.slice(0, slash);
	const name = slash < 0 ? ref : ref.slice(slash + 1);
	const info = findResource(type);
	if (!info) return {error: unknownResourceType(type)};
	if (info.resource === 'pods') {
		const pod = c.store.pods.get(`${ns}/${name}`);
		return pod ? {pods: [pod], typed: name} : {error: `Error from server (NotFound): pods "${name}" not found`};
	}
	const owner = c.store[info.resource].get(storeKey(info, ns, name));
	if (!owner) return {error: `Error from server (NotFound): ${qualifiedPlural(info)} "${name}" not found`};
	const ownerSelector = fieldsIn(specOf(owner), 'selector');
	const selector = ownerSelector?.matchLabels ?? ownerSelector;
	if (!selector || typeof selector !== 'object') return {error: `error: cannot attach to ${info.kind}: selector for ${typePrefix(info)}/${name} not implemented`};
	// kubectl's GetFirstPod (podutils.ActivePods, reversed; ByLogging for logs is the same order): a
	// scheduled, running, ready pod first, ready the longest, restarted the least, the oldest; then the list's (name) order.
	const pods = listObjects(c, 'pods', ns).filter(p => matchesMap(p.metadata.labels, selector as Record<string, string>) && !p.metadata.deletionTimestamp);
	const phaseRank = (p: Pod) => ({Running: 2, Unknown: 1}[p.status?.phase as string] ?? 0);
	const readySince = (p: Pod) => {
		const ready = (p.status?.conditions ?? []).find(x => x.type === 'Ready' && x.status === 'True');
		return ready ? msOf(ready.lastTransitionTime) : Infinity;
	};
	const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, x) => Math.max(n, x.restartCount ?? 0), 0);
	pods.sort(
		(a, b) =>
			Number(Boolean(b.spec?.nodeName)) - Number(Boolean(a.spec?.nodeName)) ||
			phaseRank(b) - phaseRank(a) ||
			Number(readySince(b) !== Infinity) - Number(readySince(a) !== Infinity) ||
			(readySince(a) === readySince(b) ? 0 : readySince(a) - readySince(b)) ||
			restarts(a) - restarts(b) ||
			msOf(a.metadata.creationTimestamp) - msOf(b.metadata.creationTimestamp),
	);
	return pods.length ? {pods, typed: `${typePrefix(info)}/${name}`} : {error: `error: timed out waiting for the condition`};
}

/** The container a command on this pod uses, with kubectl's "Defaulted container" note when it chose one of several. */
function pickContainer(k: Kctx, pod: Pod): {error: string} | {container: string; note: string} {
	const containers = pod.spec.containers.map(x => x.name);
	const wanted = flag(k.args, 'c', 'container');
	if (wanted && !containers.includes(wanted)) return {error: `error: container ${wanted} is not valid for pod ${pod.metadata.name}`};
	if (wanted) return {container: wanted, note: ''};
	const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
	const container = annotated && containers.includes(annotated) ? annotated : containers[0]!;
	return {container, note: containers.length > 1 && !annotated ? `Defaulted container "${container}" out of: ${containers.join(', ')}\n` : ''};
}

/** The kubelet's record of one container of the pod (undefined before it was created). */
function containerRuntime(k: Kctx, pod: Pod, container: string): ContainerRuntime | undefined {
	return k.ctx.world.cluster!.podRuntimes.get(`${pod.metadata.namespace}/${pod.metadata.name}`)?.containers.find(x => x.name === container);
}

function findContainer(k: Kctx, ref: string | undefined): {error: string} | {pod: Pod; container: string; runtime: ContainerRuntime | undefined; note: string} {
	if (!ref) return {error: 'error: expected POD_NAME'};
	const found = podsFor(k, ref);
	if ('error' in found) return found;
	const pod = found.pods[0]!;
	const picked = pickContainer(k, pod);
	if ('error' in picked) return picked;
	const more = found.pods.length > 1 ? `Found ${found.pods.length} pods, using pod/${pod.metadata.name}\n` : '';
	return {pod, container: picked.container, note: more + picked.note, runtime: containerRuntime(k, pod, picked.container)};
}

/** One container's log lines, or kubectl's error when it has none to give. */
function logsOf(k: Kctx, pod: Pod, container: string, runtime: ContainerRuntime | undefined): {lines: string[]} | {error: string} {
	if (bool(k.args, 'p', 'previous')) {
		if (!runtime?.previousLogs && !(runtime && runtime.attempt > 0)) return {error: `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.metadata.name}" not found`};
		return {lines: runtime.previousLogs ?? []};
	}
	const status = pod.status?.containerStatuses?.find(s => s.name === container);
	if (!runtime || (runtime.pid === undefined && !runtime.lastTermination)) {
		const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
		return {error: `Error from server (BadRequest): container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? `trying and failing to pull image` : reason}`};
	}
	return {lines: containerLogs(k.ctx.world, pod.spec.nodeName!, runtime)}; // a container the kubelet made is on a node
}

const logsUsage = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

export function kubectlLogs(given: Kctx): CommandOutcome {
	const selectorText = flag(given.args, 'l', 'selector');
	const [ref, inline, ...extra] = given.args.positional;
	if (extra.length || (!ref && selectorText === undefined)) return fail(logsUsage);
	if (selectorText !== undefined && ref && inline === undefined) return fail("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
	// `kubectl logs POD CONTAINER`: the second argument names the container, as -c does.
	if (inline !== undefined && flag(given.args, 'c', 'container') !== undefined) return fail('error: only one of -c or an inline [CONTAINER] arg is allowed');
	const k: Kctx = inline === undefined ? given : {...given, args: {...given.args, flags: new Map([...given.args.flags, ['container', [inline]]])}};
	const named = flag(k.args, 'c', 'container');
	if (bool(k.args, 'all-containers') && named !== undefined) return fail(`error: --all-containers=true should not be specified with container name ${named}`);
	let targets: {pod: Pod; containers: string[]}[];
	let note = '';
	if (selectorText !== undefined) {
		const reqs = parseSelector(selectorText);
		if (!reqs) return fail(`error: unable to parse requirement: found '${selectorText}'`);
		const pods = listObjects(k.ctx.world.cluster!, 'pods', namespaceOf(k)).filter(p => matchesRequirements(p.metadata.labels, reqs));
		if (pods.length === 0) return {stdout: '', stderr: `No resources found in ${namespaceOf(k)} namespace.\n`, exitCode: 0};
		const max = Number(flag(k.args, 'max-log-requests') ?? 5);
		if (pods.length > max && flag(k.args, 'f', 'follow') === 'true') return fail(`error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
		targets = [];
		for (const pod of pods) {
			const picked = pickContainer(k, pod);
			if ('error' in picked) return fail(picked.error);
			targets.push({pod, containers: bool(k.args, 'all-containers') ? pod.spec.containers.map(x => x.name) : [picked.container]});
		}
	} else {
		const found = findContainer(k, ref);
		if ('error' in found) return fail(found.error);
		note = bool(k.args, 'all-containers') ? found.note.replace(/^Defaulted container.*\n/m, '') : found.note;
		targets = [{pod: found.pod, containers: bool(k.args, 'all-containers') ? found.pod.spec.containers.map(x => x.name) : [found.container]}];
	}
	// With a selector kubectl shows the last 10 lines of each container unless --tail says otherwise.
	const tail = Number(flag(k.args, 'tail') ?? (selectorText !== undefined ? 10 : -1));
	const prefixed = bool(k.args, 'prefix');
	const out: string[] = [];
	const errors: string[] = [];
	for (const {pod, containers} of targets) {
		for (const container of containers) {
			const result = logsOf(k, pod, container, containerRuntime(k, pod, container));
			if ('error' in result) {
				errors.push(result.error);
				continue;
			}
			const lines = tail >= 0 ? result.lines.slice(Math.max(0, result.lines.length - tail)) : result.lines;
			for (const line of lines) out.push(`${prefixed ? `[pod/${pod.metadata.name}/${container}] ` : ''}${line}\n`);
		}
	}
	if (errors.length && out.length === 0 && targets.length === 1 && targets[0]!.containers.length === 1) return fail(errors[0]!, '');
	const failed = errors.map(e => e + '\n').join('');
	// The "Defaulted container" note comes before the logs, the errors after them, as on the terminal.
	return {stdout: out.join(''), stderr: note + failed, exitCode: errors.length ? 1 : 0, chunks: pushChunks(stderrChunk(note), [{stream: 'stdout', text: out.join('')}, ...stderrChunk(failed)])};
}

export function kubectlExec(k: Kctx, runInFrame: (host: string, pid: number, label: string, argv: string[]) => CommandOutcome): CommandOutcome {
	const found = findContainer(k, k.args.positional[0]);
	if ('error' in found) return fail(found.error);
	const {pod, container, runtime, note} = found;
	if (k.args.afterDash.length === 0 && k.args.positional.length < 2) return fail('error: you must specify at least one command for the container');
	const argv = k.args.afterDash.length ? k.args.afterDash : k.args.positional.slice(1);
	if (!runtime || runtime.pid === undefined) {
		const phase = pod.status!.phase;
		if (phase === 'Succeeded' || phase === 'Failed') return fail('error: cannot exec into a container in a completed pod; current phase is ' + phase);
		return fail(`error: unable to upgrade connection: container not found ("${container}")`);
	}
	const result = withNote(runInFrame(pod.spec.nodeName!, runtime.pid, `${pod.metadata.name}/${container}`, argv), note);
	if (result.exitCode === 127) {
		return {stdout: '', stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${digestHex(k.ctx.commandLine + k.ctx.world.time)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`, exitCode: 1, world: result.world};
	}
	if (result.exitCode !== 0) return {...result, stderr: (result.stderr ?? '') + `command terminated with exit code ${result.exitCode}\n`};
	return result;
}

/** kubectl says which container it defaulted to before the command runs: the note comes first on the terminal. */
function withNote(outcome: CommandOutcome, note: string): CommandOutcome {
	return note ? {...outcome, stderr: note + (outcome.stderr ?? ''), chunks: pushChunks(stderrChunk(note), [...chunksOf({...outcome, stderr: outcome.stderr ?? ''})])} : outcome;
}
