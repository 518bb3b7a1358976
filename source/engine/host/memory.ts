// Memory accounting: what a host has in use, and what each cgroup is charged (memory.current).
import {mib} from './create-host.ts';
import {cgroupAncestry, normalizeCgroupPath} from './cgroups.ts';
import type {Host} from './types.ts';

/**
 * Memory the kernel itself holds (its code, slab, page tables, unreclaimable caches). It makes
 * a host's "used" start well above zero, and makes each VM's guest pay it again.
 */
export function kernelReservedBytes(host: Pick<Host, 'memoryBytes'>): number {
	return 128 * mib + Math.floor(host.memoryBytes / 8);
}

export function processMemoryBytes(host: Host): number {
	let sum = 0;
	for (const p of host.processes.values()) sum += p.memoryBytes;
	return sum;
}

/** Bytes in use on the host: the kernel's share plus every process's resident memory. */
export function hostMemoryUsed(host: Host): number {
	if (!host.reachable && host.processes.size === 0) return 0;
	return kernelReservedBytes(host) + processMemoryBytes(host);
}

/** What a new allocation could still get (free's "available"; there is no swap). */
export function hostMemoryAvailable(host: Host): number {
	return Math.max(0, host.memoryBytes - hostMemoryUsed(host));
}

/** memory.current of every cgroup: each process's memory charged to its group and all ancestors. */
export function cgroupMemoryUsage(host: Host): Map<string, number> {
	const usage = new Map<string, number>();
	for (const p of host.processes.values()) {
		for (let path = normalizeCgroupPath(p.cgroup); ; path = parentCgroup(path)) {
			usage.set(path, (usage.get(path) ?? 0) + p.memoryBytes);
			if (path === '/') break;
		}
	}
	return usage;
}

export function cgroupMemoryCurrent(host: Host, path: string): number {
	const key = normalizeCgroupPath(path);
	const prefix = key === '/' ? '/' : key + '/';
	let sum = 0;
	for (const p of host.processes.values()) if (p.cgroup === key || p.cgroup.startsWith(prefix)) sum += p.memoryBytes;
	return sum;
}

export function parentCgroup(path: string): string {
	return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** The tightest memory.max on the way from a group up to the root, with the group that sets it. */
export function effectiveMemoryLimit(host: Host, path: string): {bytes: number; group: string} | undefined {
	let best: {bytes: number; group: string} | undefined;
	for (const g of cgroupAncestry(host, path)) {
		if (g.memoryMax !== 'max' && (!best || g.memoryMax < best.bytes)) best = {bytes: g.memoryMax, group: g.path};
	}
	return best;
}
