// kubectl logs and exec: read a container's output, run a command inside a pod's container.
import {containerLogs} from '../../../engine/k8s/kubelet.ts';
import {digestHex} from '../../../engine/hash.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';

function findContainer(k: Kctx, podName: string | undefined): {error: string} | {pod: any; container: string; runtime: any} {
	if (!podName) return {error: 'error: expected POD_NAME'};
	const name = podName.replace(/^(pod|pods|po)\//, '');
	const ns = namespaceOf(k);
	const c = k.ctx.world.cluster!;
	const pod = c.store.pods.get(`${ns}/${name}`);
	if (!pod) return {error: `Error from server (NotFound): pods "${name}" not found`};
	const containers = pod.spec.containers.map((x: any) => x.name);
	const wanted = flag(k.args, 'c', 'container');
	if (wanted && !containers.includes(wanted)) return {error: `error: container ${wanted} is not valid for pod ${name}`};
	const container = wanted ?? containers[0];
	return {pod, container, runtime: c.podRuntimes.get(`${ns}/${name}`)?.containers.find(x => x.name === container)};
}

export function kubectlLogs(k: Kctx): CommandOutcome {
	const found = findContainer(k, k.args.positional[0]);
	if ('error' in found) return fail(found.error);
	const {pod, container, runtime} = found;
	if (bool(k.args, 'p', 'previous')) {
		if (!runtime?.previousLogs && !(runtime && runtime.attempt > 0)) return fail(`Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
		return {stdout: (runtime.previousLogs ?? []).map((l: string) => l + '\n').join(''), exitCode: 0};
	}
	const status = pod.status.containerStatuses?.find((s: any) => s.name === container);
	if (!runtime || runtime.pid === undefined && !runtime.lastTermination) {
		const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
		return fail(`Error from server (BadRequest): container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason === 'ContainerCreating' ? 'ContainerCreating' : reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? `trying and failing to pull image` : reason}`);
	}
	let lines: string[] = containerLogs(k.ctx.world, pod.spec.nodeName, runtime);
	const tail = flag(k.args, 'tail');
	if (tail !== undefined && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
	return {stdout: lines.map(l => l + '\n').join(''), exitCode: 0};
}

export function kubectlExec(k: Kctx, runInFrame: (host: string, pid: number, label: string, argv: string[]) => CommandOutcome): CommandOutcome {
	const found = findContainer(k, k.args.positional[0]);
	if ('error' in found) return fail(found.error);
	const {pod, container, runtime} = found;
	if (k.args.afterDash.length === 0 && k.args.positional.length < 2) return fail('error: you must specify at least one command for the container');
	const argv = k.args.afterDash.length ? k.args.afterDash : k.args.positional.slice(1);
	if (!runtime || runtime.pid === undefined) {
		if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return fail('error: cannot exec into a container in a completed pod; current phase is ' + pod.status.phase);
		return fail(`error: unable to upgrade connection: container not found ("${container}")`);
	}
	const result = runInFrame(pod.spec.nodeName, runtime.pid, `${pod.metadata.name}/${container}`, argv);
	if (result.exitCode === 127) {
		return {stdout: '', stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${digestHex(k.ctx.commandLine + k.ctx.world.time)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`, exitCode: 1, world: result.world};
	}
	if (result.exitCode !== 0) return {...result, stderr: (result.stderr ?? '') + `command terminated with exit code ${result.exitCode}\n`};
	return result;
}
