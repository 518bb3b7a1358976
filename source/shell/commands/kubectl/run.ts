// kubectl run: a pod from flags, and with -it the terminal attached to its container.
import {createObject} from '../../../engine/k8s/api-server.ts';
import {attachedShell} from '../../../engine/k8s/attached-shell.ts';
import type {ContainerSpec} from '../../../engine/k8s/types.ts';
import type {Fields} from '../../../engine/k8s/object-input.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {endAttachedSession} from '../../attached-session.ts';
import {dryRunOutput} from './actions.ts';
import {bool, flag, flagAll} from './args.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {dryRunMode} from './dry-run.ts';
import type {Pod} from '../../../engine/k8s/kinds.ts';

export function kubectlRun(k: Kctx): CommandOutcome {
	const name = k.args.positional[0];
	const image = flag(k.args, 'image');
	if (!name) return fail('error: NAME is required for run');
	if (!image) return fail('error: required flag(s) "image" not set');
	const port = flag(k.args, 'port');
	const command = k.args.afterDash.length ? (bool(k.args, 'command') ? {command: k.args.afterDash} : {args: k.args.afterDash}) : {};
	const container: ContainerSpec = {name, image, ...command};
	if (port) container.ports = [{containerPort: Number(port)}];
	for (const e of flagAll(k.args, 'env')) (container.env ??= []).push({name: e.split('=')[0], value: e.split('=').slice(1).join('=')});
	const stdin = bool(k.args, 'i', 'stdin');
	const tty = bool(k.args, 't', 'tty');
	if (tty && !stdin) return fail('error: -i/--stdin is required for containers with -t/--tty=true');
	const remove = bool(k.args, 'rm');
	if (remove && !stdin && !bool(k.args, 'attach')) return fail('error: --rm should only be used for attached containers');
	if ((stdin || bool(k.args, 'attach')) && dryRunMode(k)) return fail("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
	if (stdin) Object.assign(container, {stdin: true, stdinOnce: true});
	if (tty) container.tty = true;
	const restart = flag(k.args, 'restart') ?? 'Always';
	const pod = {apiVersion: 'v1', kind: 'Pod' as const, metadata: {name, namespace: namespaceOf(k), labels: labelsFromFlag(flag(k.args, 'labels', 'l'), {run: name})}, spec: {containers: [container], restartPolicy: restart} as Fields};
	if (dryRunMode(k)) {
		container.resources = {};
		pod.spec.dnsPolicy = 'ClusterFirst';
		return dryRunOutput(k, pod, `pod/${name} created`);
	}
	const {world, result} = change(k.ctx.world, w => createObject(w, pod));
	if (!result.ok) return fail(serverError(result.error));
	if (stdin && tty) return attach(k, world, `${namespaceOf(k)}/${name}`, name, remove);
	return {stdout: `pod/${name} created\n`, exitCode: 0, world};
}

/**
 * `kubectl run -it`: waits (in simulated time, at most 2 minutes) for the container to run, then
 * attaches the terminal to it. A shell reading its stdin takes the shell's next commands, and
 * `exit` ends the container's main process as it would end the attached shell. Any other program
 * (`-- echo hello`, nginx) is followed instead: its output is shown until it exits. A pod that
 * has already completed gets its logs printed, as kubectl's handleAttachPod does.
 */
function attach(k: Kctx, created: World, key: string, name: string, remove: boolean): CommandOutcome {
	let world = created;
	for (let s = 0; s < 120; s++) {
		const runtime = world.cluster!.podRuntimes.get(key);
		const rt = runtime?.containers[0];
		if (runtime && rt?.startedAtMs !== undefined) {
			const pod = world.cluster!.store.pods.get(key);
			// kubectl waits for the pod to run and be ready, or to have completed: then it prints the logs instead of attaching.
			const phase = pod?.status?.phase;
			if (phase === 'Succeeded' || phase === 'Failed') return followAttached(k, world, key, name, remove, false);
			if (rt.stage !== 'running' || rt.pid === undefined || !attachedShell(world, key)) return followAttached(k, world, key, name, remove, true);
			const frame = {host: runtime.node, pid: rt.pid, user: 'root', cwd: '/', kind: 'pod' as const, label: name, attached: {namespace: key.split('/')[0]!, pod: name, container: name, remove}};
			return {stdout: "If you don't see a command prompt, try pressing enter.\n", exitCode: 0, world, session: {...k.ctx.session, frames: [...k.ctx.session.frames, frame]}};
		}
		world = tick(world, 1000, k.ctx.runtime.programs);
	}
	// kubectl gives up after --pod-running-timeout (1 minute by default; the simulation waits 2).
	return {stdout: '', stderr: 'error: timed out waiting for the condition\n', exitCode: 1, world};
}

/**
 * The attached program is not a shell: kubectl shows its output until it exits (at most 2 minutes
 * of simulated time here), then ends the session as `exit` would. A program that keeps running is
 * left running, and a [simulator] line says so.
 */
function followAttached(k: Kctx, started: World, key: string, name: string, remove: boolean, attached: boolean): CommandOutcome {
	let world = started;
	const first = world.cluster!.podRuntimes.get(key)!.containers[0]!;
	const attempt = first.attempt;
	for (let s = 0; s < 120; s++) {
		const rt = world.cluster!.podRuntimes.get(key)?.containers[0];
		if (!rt || rt.stage !== 'running' || rt.attempt !== attempt) break;
		world = tick(world, 1000, k.ctx.runtime.programs);
	}
	const rt = world.cluster!.podRuntimes.get(key)?.containers[0];
	const ended = !rt || rt.stage !== 'running' || rt.attempt !== attempt;
	const lines = (rt?.attempt === attempt ? rt.logs : rt?.previousLogs) ?? [];
	const output = `${attached ? "If you don't see a command prompt, try pressing enter.\n" : ''}${lines.map(l => `${l}\n`).join('')}`;
	if (!ended) return {stdout: output, stderr: `${notSimulatedAttach(name, namespaceOf(k))}\n`, exitCode: 0, world};
	const code = rt?.attempt === attempt ? (rt?.exitCode ?? 0) : (rt?.lastTermination?.exitCode ?? 0);
	const left = endAttachedSession(world, {namespace: key.split('/')[0]!, pod: name, container: name, remove}, output);
	const policy = started.cluster!.store.pods.get(key)?.spec?.restartPolicy ?? 'Always';
	return {...left, exitCode: policy === 'Always' ? 0 : code};
}

function notSimulatedAttach(name: string, namespace: string): string {
	return `[simulator] still attached to ${name}: a real terminal would keep showing its output until Ctrl-C; here the prompt returns and the pod keeps running (kubectl delete pod ${name}${namespace === 'default' ? '' : ` -n ${namespace}`} stops it)`;
}

function labelsFromFlag(text: string | undefined, fallback: Record<string, string>): Record<string, string> {
	if (!text) return fallback;
	return Object.fromEntries(text.split(',').map(p => p.split('=') as [string, string]));
}

