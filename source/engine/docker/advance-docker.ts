import {isDraft, original} from 'immer';
import {peek, readable} from '../draft-reads.ts';
import type {World} from '../world.ts';
import {unsimulatedPrograms, type ExternalProgramRunner} from '../script/external-programs.ts';
import {advanceScriptProcesses} from '../script/script-processes.ts';
import {appendLog, reconcileContainers} from './runtime.ts';
import type {DockerDaemon} from './types.ts';

/**
 * dockerd watching its containers over virtual time: a container whose main process ended (an
 * `exit` from `docker run -it`, the OOM killer, a kill from the host) is marked exited, removed
 * when it was started with --rm, and restarted by its restart policy.
 */
export function advanceDockers(w: World, _ms: number, programs: ExternalProgramRunner = unsimulatedPrograms): void {
	// Decide from the plain (pre-change) world which daemons have anything to watch, so a cluster
	// whose nodes only run the kubelet's pods pays no immer proxies here.
	const before = isDraft(w) ? (original(w) as World | undefined) : undefined;
	for (const hostName of readable(w.dockers).keys()) {
		const daemon = before?.dockers.get(hostName);
		const scripts = peek(w.hosts, hostName)?.scriptPids?.length ?? 0;
		if (daemon && !watchesAnything(daemon) && scripts === 0) continue;
		runContainerScripts(w, hostName, programs);
		reconcileContainers(w, hostName, programs);
	}
}

// The answer per plain (frozen) containers map: immer keeps an unchanged map's identity from tick to
// tick, so a cluster's daemons are scanned again only after their containers changed.
const watching = new WeakMap<DockerDaemon['containers'], boolean>();

function watchesAnything(daemon: DockerDaemon): boolean {
	const known = watching.get(daemon.containers);
	if (known !== undefined) return known;
	let answer = false;
	for (const c of daemon.containers.values()) {
		if (c.labels['io.kubernetes.pod.uid'] !== undefined) continue;
		if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting') {
			answer = true;
			break;
		}
	}
	// Only a frozen map can never change under its cached answer (a world built outside immer is not frozen).
	if (Object.isFrozen(daemon.containers)) watching.set(daemon.containers, answer);
	return answer;
}

/** Shell scripts in containers run on; what a main process prints goes to the container's log (an exec'd one's goes nowhere: its terminal is gone). */
function runContainerScripts(w: World, hostName: string, programs: ExternalProgramRunner): void {
	const host = w.hosts.get(hostName);
	if (!host?.scriptPids?.length) return;
	const daemon = w.dockers.get(hostName)!;
	advanceScriptProcesses(w, host, programs, (process, text) => {
		const container = process.containerId ? daemon.containers.get(process.containerId) : undefined;
		if (container && container.pid === process.pid) appendLog(container, text);
	});
}
