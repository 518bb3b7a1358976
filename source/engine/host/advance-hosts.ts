import type {World} from '../world.ts';
import {completeBoot} from './power.ts';
import {runServiceRestarts} from './services.ts';
import {advanceVms} from './vms.ts';
import {runWorkloads} from './workloads.ts';

/**
 * Runs every host's kernel for `ms` of virtual time: boots finishing, VMs starting, and the
 * workloads of busy processes. A host with nothing to do (needsTick unset) costs one flag read.
 */
export function advanceHosts(w: World, ms: number): void {
	for (const host of w.hosts.values()) {
		// Only a primitive is read on quiet hosts: touching their maps and arrays would draft them.
		if (!host.needsTick) continue;
		if (host.bootsAt !== undefined && w.time >= host.bootsAt) completeBoot(w, host);
		if (host.reachable) {
			if (host.serviceRestarts) runServiceRestarts(w, host);
			if (host.vms.size > 0) advanceVms(w, host);
			if (host.activePids.length > 0) runWorkloads(w, host, ms);
		}
		if (host.bootsAt === undefined && !host.serviceRestarts && host.activePids.length === 0 && ![...host.vms.values()].some(vm => vm.state === 'starting' || vm.state === 'running')) host.needsTick = false;
	}
}
