import type {World} from '../world.ts';

/** Runs every host's kernel for `ms` of virtual time: workloads, cgroup accounting, VM boots. */
export function advanceHosts(w: World, ms: number): void {
	void w;
	void ms;
}
