import type {World} from '../world.ts';
import {cgroupAncestry, ensureCgroup, processesInCgroup} from './cgroups.ts';
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
	endsAt?: number; // virtual ms when it exits by itself
	parentDeathSignal?: number; // see Process
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
		...(options.endsAt !== undefined ? {endsAt: options.endsAt} : {}),
		...(options.parentDeathSignal !== undefined ? {parentDeathSignal: options.parentDeathSignal} : {}),
	};
	ensureCgroup(host, process.cgroup);
	host.processes.set(pid, process);
	if (isActiveWorkload(process.workload) || process.endsAt !== undefined) {
		host.activePids.push(pid);
		host.needsTick = true;
	}
	return process;
}

/** Workloads that consume something over time; idle processes and servers cost the tick nothing. */
export function isActiveWorkload(workload: Workload): boolean {
	return workload.kind === 'memory-hog' || workload.kind === 'cpu-burner' || workload.kind === 'fork-bomb' || workload.kind === 'leak';
}

/** Gives a running process a new workload (keeps the tick's list of busy processes right). Call on a draft. */
export function setWorkload(host: Host, pid: number, workload: Workload): void {
	const p = host.processes.get(pid);
	if (!p) return;
	p.workload = workload;
	const listed = host.activePids.includes(pid);
	if (isActiveWorkload(workload) && !listed) {
		host.activePids.push(pid);
		host.needsTick = true;
	}
	if (!isActiveWorkload(workload) && listed) host.activePids = host.activePids.filter(x => x !== pid);
}

/** The most processes a host's kernel will hold (a stand-in for kernel.threads-max and ulimit -u). */
export const hostProcessLimit = 2048;

export type ForkRefusal = {error: 'EAGAIN'; limitedBy: string}; // limitedBy: the cgroup path, or "host"

/** Why a fork into `cgroupPath` would fail now (pids.max of the group or an ancestor, or the host's limit), or undefined. */
export function forkRefusal(host: Host, cgroupPath: string, extra = 1): ForkRefusal | undefined {
	if (host.processes.size + extra > hostProcessLimit) return {error: 'EAGAIN', limitedBy: 'host'};
	for (const group of cgroupAncestry(host, cgroupPath)) {
		if (group.pidsMax === 'max') continue;
		if (processesInCgroup(host, group.path, true).length + extra > group.pidsMax) return {error: 'EAGAIN', limitedBy: group.path};
	}
	return undefined;
}

/**
 * Forks as the kernel would: refused with EAGAIN when a pids.max on the way up (or the host's
 * process table) is full, in which case every limiting group's pids.events max is counted.
 * Call on a draft.
 */
export function trySpawnProcess(w: World, host: Host, options: SpawnOptions): Process | ForkRefusal {
	const parent = host.processes.get(options.parentPid);
	const cgroup = options.cgroup ?? parent?.cgroup ?? '/';
	const refusal = forkRefusal(host, cgroup);
	if (refusal) {
		noteForkFailure(host, refusal);
		return refusal;
	}
	return spawnProcess(w, host, options);
}

/** Counts a refused fork in pids.events of the group that refused it. */
export function noteForkFailure(host: Host, refusal: ForkRefusal, count = 1): void {
	if (refusal.limitedBy === 'host') return;
	const group = host.cgroups.get(refusal.limitedBy);
	if (group) group.forkFailures += count;
}

/** The next pid inside a (non-initial) pid namespace: 1 for its first process. O(1): the namespace keeps its counter. */
function nextPidInNamespace(host: Host, nsId: number): number {
	const ns = host.namespaces.get(nsId);
	if (ns && ns.lastPid === undefined) ns.lastPid = highestPidIn(host, nsId); // a namespace from before the counter existed
	if (!ns) return highestPidIn(host, nsId) + 1;
	ns.lastPid = ns.lastPid! + 1;
	return ns.lastPid;
}

/** The pid the next process gets in namespace nsId, unchanged: what a program that ends at once (stress on a bad option) prints as its own. */
export function upcomingPid(host: Host, nsId: number): number {
	if (nsId === host.initNamespaces.pid) return host.nextPid;
	const ns = host.namespaces.get(nsId);
	return (ns?.lastPid ?? highestPidIn(host, nsId)) + 1;
}

function highestPidIn(host: Host, nsId: number): number {
	let max = 0;
	for (const p of host.processes.values()) max = Math.max(max, p.nsPids[nsId] ?? 0);
	return max;
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
	// Children looked up in an index built once: a contained fork bomb is thousands of processes,
	// and scanning them all for each one killed took seconds.
	const children = new Map<number, number[]>();
	for (const p of host.processes.values()) {
		const list = children.get(p.ppid);
		if (list) list.push(p.pid);
		else children.set(p.ppid, [p.pid]);
	}
	const killed: number[] = [];
	const emptiedNamespaces = new Set<number>();
	const queue = [pid];
	while (queue.length > 0) {
		const current = queue.pop()!;
		const p = host.processes.get(current);
		if (!p) continue;
		host.processes.delete(current);
		killed.push(current);
		for (const child of children.get(current) ?? []) queue.push(child);
		const ns = p.namespaces.pid;
		if (p.nsPids[ns] === 1 && ns !== host.initNamespaces.pid && !emptiedNamespaces.has(ns)) {
			emptiedNamespaces.add(ns);
			for (const other of host.processes.values()) if (other.nsPids[ns] !== undefined) queue.push(other.pid);
		}
	}
	if (killed.length > 0 && host.activePids.length > 0) {
		const gone = new Set(killed);
		host.activePids = host.activePids.filter(pid => !gone.has(pid));
	}
	// A forwarding rule a process held (kubectl port-forward) ends with it.
	if (host.natRules.some(r => r.pid !== undefined)) host.natRules = host.natRules.filter(r => r.pid === undefined || host.processes.has(r.pid));
	collectUnusedNamespaces(host);
	return killed;
}

/**
 * A process ended by a signal (kill, pkill): it alone goes, as on a real kernel. Its children live
 * on, re-parented to the nearest child subreaper above it in its pid namespace (containerd-shim)
 * or else to that namespace's init; only children that asked for a parent-death signal (stress's
 * workers) end with it. When pid 1 of a pid namespace dies, the whole namespace goes
 * (killProcess). Call on a draft.
 */
export function killAlone(host: Host, pid: number): number[] {
	const dying = host.processes.get(pid);
	if (!dying) return [];
	const ns = dying.namespaces.pid;
	if (dying.nsPids[ns] === 1 && ns !== host.initNamespaces.pid) return killProcess(host, pid);
	const reaper = reaperFor(host, dying);
	const killed: number[] = [];
	for (const child of [...host.processes.values()].filter(p => p.ppid === pid)) {
		if (child.parentDeathSignal === 9 || child.parentDeathSignal === 15) killed.push(...killAlone(host, child.pid));
		else child.ppid = reaper;
	}
	return [...killed, ...killProcess(host, pid)];
}

/** Who adopts the orphans of `dying`: kernel/exit.c's find_new_reaper, with containerd-shim as the only subreaper modelled. */
function reaperFor(host: Host, dying: Process): number {
	const ns = dying.namespaces.pid;
	const seen = new Set<number>();
	for (let up = host.processes.get(dying.ppid); up && up.namespaces.pid === ns && !seen.has(up.pid); up = host.processes.get(up.ppid)) {
		seen.add(up.pid);
		if (/^(\S*\/)?containerd-shim/.test(up.command)) return up.pid;
	}
	if (ns === host.initNamespaces.pid) return 1;
	for (const p of host.processes.values()) if (p.namespaces.pid === ns && p.nsPids[ns] === 1) return p.pid;
	return 1;
}

/** How many unreaped exit statuses a host keeps (a shell's exit nobody waits for must not pile up). */
const keptExitStatuses = 16;

/** A process ends by itself with `status` (bash's `exit N`): it goes away and its parent can reap the status. Call on a draft. */
export function exitProcess(host: Host, pid: number, status: number): number[] {
	if (!host.processes.has(pid)) return [];
	const statuses = {...host.exitStatuses, [pid]: status};
	const pids = Object.keys(statuses);
	for (const old of pids.slice(0, Math.max(0, pids.length - keptExitStatuses))) delete statuses[Number(old)];
	host.exitStatuses = statuses;
	return killProcess(host, pid);
}

/** The status a process exited with (exitProcess), forgotten once read, as wait(2) reaps it; undefined if it did not exit by itself. Call on a draft. */
export function reapExitStatus(host: Host, pid: number): number | undefined {
	const status = host.exitStatuses?.[pid];
	if (status === undefined) return undefined;
	const {[pid]: _reaped, ...rest} = host.exitStatuses!;
	host.exitStatuses = rest;
	return status;
}

/**
 * Removes one process that ran a single command for someone (an `nsenter ... cmd`, `ip netns
 * exec`, an ssh command): its children are re-parented to its parent, as orphans are to a
 * subreaper, so a server it started keeps running. Call on a draft.
 */
export function reapProcess(host: Host, pid: number): void {
	const p = host.processes.get(pid);
	if (!p) return;
	host.processes.delete(pid);
	for (const child of host.processes.values()) if (child.ppid === pid) child.ppid = p.ppid;
	if (host.activePids.includes(pid)) host.activePids = host.activePids.filter(x => x !== pid);
	collectUnusedNamespaces(host);
}
