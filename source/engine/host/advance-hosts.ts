import type {World} from '../world.ts';
import {completeBoot} from './power.ts';
import {advanceVms} from './vms.ts';
import {runWorkloads} from './workloads.ts';

/**
 * Runs every host's kernel for `ms` of virtual time: boots finishing, VMs starting, and the
 * workloads of busy processes. A host with only idle processes is skipped after two checks.
 */
export function advanceHosts(w: World, ms: number): void {
	for (const host of w.hosts.values()) {
		if (host.bootsAt !== undefined && w.time >= host.bootsAt) completeBoot(w, host);
		if (!host.reachable) continue;
		if (host.vms.size > 0) advanceVms(w, host);
		if (host.activePids.length > 0) runWorkloads(w, host, ms);
	}
}
