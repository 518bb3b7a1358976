import type {Cgroup, Host} from './types.ts';

export function newCgroup(path: string): Cgroup {
	return {
		path,
		memoryMax: 'max',
		cpuMax: {quota: 'max', period: 100000},
		pidsMax: 'max',
		memoryEvents: {low: 0, high: 0, max: 0, oom: 0, oom_kill: 0},
		cpuStat: {usage_usec: 0, user_usec: 0, system_usec: 0, nr_periods: 0, nr_throttled: 0, throttled_usec: 0},
		forkFailures: 0,
	};
}

/** "/demo/" and "demo" both mean "/demo". */
export function normalizeCgroupPath(path: string): string {
	const parts = path.split('/').filter(Boolean);
	return '/' + parts.join('/');
}

export function ensureCgroup(host: Host, path: string): Cgroup {
	const key = normalizeCgroupPath(path);
	let group = host.cgroups.get(key);
	if (!group) {
		const parent = key === '/' ? undefined : key.slice(0, key.lastIndexOf('/')) || '/';
		if (parent !== undefined) ensureCgroup(host, parent);
		group = newCgroup(key);
		host.cgroups.set(key, group);
	}
	return group;
}

/** The group and every ancestor up to the root, innermost first: a limit anywhere on the path applies. */
export function cgroupAncestry(host: Host, path: string): Cgroup[] {
	const out: Cgroup[] = [];
	let key = normalizeCgroupPath(path);
	for (;;) {
		const group = host.cgroups.get(key);
		if (group) out.push(group);
		if (key === '/') break;
		key = key.slice(0, key.lastIndexOf('/')) || '/';
	}
	return out;
}

export function processesInCgroup(host: Host, path: string, recursive = false): number[] {
	const key = normalizeCgroupPath(path);
	const prefix = key === '/' ? '/' : key + '/';
	const out: number[] = [];
	for (const p of host.processes.values()) {
		if (p.cgroup === key || (recursive && p.cgroup.startsWith(prefix))) out.push(p.pid);
	}
	return out;
}
