import {produce} from 'immer';
import {advanceChallenge} from './challenge/advance-challenge.ts';
import {advanceDockers} from './docker/advance-docker.ts';
import {advanceHosts} from './host/advance-hosts.ts';
import {advanceCluster} from './k8s/advance-cluster.ts';
import {unsimulatedPrograms, type ExternalProgramRunner} from './script/external-programs.ts';
import type {World} from './world.ts';

/** The largest slice of virtual time the controllers see at once, so they react in order. */
export const tickSliceMs = 1000;

/**
 * Advances virtual time by `ms`, running every system in a fixed order each slice:
 * host kernels and workloads, then the cluster (scheduler, controllers, kubelets).
 * One produce for the whole advance: per-item produce calls are orders of magnitude slower.
 * Container scripts run their tools (ls, wget...) through `programs`: the shell's runtime passes
 * its own (ctx.runtime.programs); the engine alone answers with a marked line.
 */
export function tick(world: World, ms: number, programs: ExternalProgramRunner = unsimulatedPrograms): World {
	if (!(ms > 0)) return world;
	return produce(world, w => {
		let remaining = ms;
		while (remaining > 0) {
			const slice = Math.min(tickSliceMs, remaining);
			w.time += slice;
			advanceHosts(w, slice);
			advanceDockers(w, slice, programs);
			advanceCluster(w, slice, programs);
			advanceChallenge(w, slice);
			remaining -= slice;
		}
	});
}
