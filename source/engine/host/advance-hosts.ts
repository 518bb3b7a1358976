import {peek, readable} from '../draft-reads.ts';
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
	// Quiet hosts are read without drafting: iterating the draft Map would copy it and make a proxy
	// for every host (a thousand nodes' worth each tick). The flag is read as it is now (an earlier
	// host's VM may have woken a later one); no host joins or leaves the world in this loop.
	for (const name of readable(w.hosts).keys()) {
		if (!peek(w.hosts, name)?.needsTick) continue;
		const host = w.hosts.get(name)!;
		if (host.bootsAt !== undefined && w.time >= host.bootsAt) completeBoot(w, host);
		if (host.reachable) {
			if (host.serviceRestarts) runServiceRestarts(w, host);
			if (host.vms.size > 0) advanceVms(w, host);
			if (host.activePids.length > 0) runWorkloads(w, host, ms);
		}
		if (host.bootsAt === undefined && !host.serviceRestarts && host.activePids.length === 0 && ![...host.vms.values()].some(vm => vm.state === 'starting' || vm.state === 'running')) host.needsTick = false;
	}
}
