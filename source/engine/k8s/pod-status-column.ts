// The STATUS of a pod as `kubectl get pods` prints it (kubectl's printPod rules). The cluster pane
// shows the same words, so the pane and kubectl never disagree about a pod.
import {podIsReady} from './typed-store.ts';
import type {ContainerStatus} from './types.ts';
import type {Pod} from './kinds.ts';

export function podStatusColumn(pod: Pod): string {
	let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
	const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
	let hasRunning = false;
	for (let i = statuses.length - 1; i >= 0; i--) {
		const s = statuses[i];
		if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
		else if (s.state?.terminated) reason = s.state.terminated.reason || (s.state.terminated.signal ? `Signal:${s.state.terminated.signal}` : `ExitCode:${s.state.terminated.exitCode}`);
		else if (s.ready && s.state?.running) hasRunning = true;
	}
	if (reason === 'Completed' && hasRunning) reason = podIsReady(pod) ? 'Running' : 'NotReady';
	if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
	if (!statuses.length && pod.spec?.nodeName && reason === 'Pending') reason = 'ContainerCreating';
	return reason;
}
