import type {World} from '../world.ts';
import {ensureCgroup} from './cgroups.ts';
import {collectUnusedNamespaces, pidNamespaceChain} from './namespaces.ts';
import type {Host, NamespaceKind, Process, Workload} from './types.ts';

export type SpawnOptions = {
	parentPid: number;
	command: string;
	user?: string;
	uid?: number;
	namespaces?: Partial<Record<NamespaceKind, number>>; // default: the parent's
	cgroup?: string; // default: the parent's
	memoryBytes?: number;
	cpuDemand?: number;
	workload?: Workload;
	containerId?: string;
	vmId?: string;
	cwd?: string;
	tty?: string;
	env?: Record<string, string>;
	state?: Process['state'];
};

/** Starts a process on a host and gives it a pid in every pid namespace that can see it. Call on a draft. */
export function spawnProcess(w: World, host: Host, options: SpawnOptions): Process {
	const parent = host.processes.get(options.parentPid);
	const namespaces = {...(parent?.namespaces ?? host.initNamespaces), ...options.namespaces};
	const pid = host.nextPid++;
	const nsPids: Record<number, number> = {};
	for (const nsId of pidNamespaceChain(host, namespaces.pid)) {
		nsPids[nsId] = nsId === host.initNamespaces.pid ? pid : nextPidInNamespace(host, nsId);
	}
	const process: Process = {
		pid,
		ppid: options.parentPid,
		nsPids,
		command: options.command,
		user: options.user ?? parent?.user ?? 'root',
		uid: options.uid ?? parent?.uid ?? 0,
		state: options.state ?? 'S',
		startTime: w.time,
		namespaces,
		cgroup: options.cgroup ?? parent?.cgroup ?? '/',
		memoryBytes: options.memoryBytes ?? 4 * 1024 * 1024,
		cpuMillis: 0,
		cpuDemand: options.cpuDemand ?? 0,
		workload: options.workload ?? {kind: 'idle'},
		containerId: options.containerId ?? parent?.containerId,
		vmId: options.vmId,
		cwd: options.cwd ?? parent?.cwd ?? '/',
		tty: options.tty,
		env: options.env,
	};
	ensureCgroup(host, process.cgroup);
	host.processes.set(pid, process);
	return process;
}

/** The next free pid inside a (non-initial) pid namespace: 1 for its first process. */
function nextPidInNamespace(host: Host, nsId: number): number {
	let max = 0;
	for (const p of host.processes.values()) max = Math.max(max, p.nsPids[nsId] ?? 0);
	return max + 1;
}

/** The pid of `process` as seen by a viewer in pid namespace `viewerPidNs`, or undefined if invisible. */
export function pidAsSeenFrom(process: Process, viewerPidNs: number): number | undefined {
	return process.nsPids[viewerPidNs];
}

/** Processes a viewer in `viewerPidNs` can see (its namespace and every one nested below it). */
export function visibleProcesses(host: Host, viewerPidNs: number): Process[] {
	return [...host.processes.values()].filter(p => p.nsPids[viewerPidNs] !== undefined);
}

/** Finds a process by the pid a viewer in `viewerPidNs` would type. */
export function findProcessByVisiblePid(host: Host, viewerPidNs: number, pid: number): Process | undefined {
	for (const p of host.processes.values()) if (p.nsPids[viewerPidNs] === pid) return p;
	return undefined;
}

/**
 * Ends a process and its descendants. When the init (pid 1) of a pid namespace dies, the kernel
 * kills everything else in that namespace too. Call on a draft.
 */
export function killProcess(host: Host, pid: number): number[] {
	const killed: number[] = [];
	const queue = [pid];
	while (queue.length > 0) {
		const current = queue.pop()!;
		const p = host.processes.get(current);
		if (!p) continue;
		host.processes.delete(current);
		killed.push(current);
		for (const child of host.processes.values()) if (child.ppid === current) queue.push(child.pid);
		if (p.nsPids[p.namespaces.pid] === 1 && p.namespaces.pid !== host.initNamespaces.pid) {
			for (const other of host.processes.values()) if (other.nsPids[p.namespaces.pid] !== undefined) queue.push(other.pid);
		}
	}
	collectUnusedNamespaces(host);
	return killed;
}
