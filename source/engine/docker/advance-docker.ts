import type {World} from '../world.ts';
import {reconcileContainers} from './runtime.ts';

/**
 * dockerd watching its containers over virtual time: a container whose main process ended (an
 * `exit` from `docker run -it`, the OOM killer, a kill from the host) is marked exited, and
 * removed when it was started with --rm.
 */
export function advanceDockers(w: World, _ms: number): void {
	for (const host of w.dockers.keys()) reconcileContainers(w, host);
}
