import type {World} from '../world.ts';

/** Runs the cluster for `ms` of virtual time: scheduler, controllers, kubelets, in that order. */
export function advanceCluster(w: World, ms: number): void {
	void w;
	void ms;
}
