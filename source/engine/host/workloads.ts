// What busy processes do over virtual time: grow memory, burn CPU under cpu.max, fork until
// pids.max. Only the host's activePids are visited, so idle hosts cost the tick nothing.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {cgroupAncestry} from './cgroups.ts';
import {logKernel, mib} from './create-host.ts';
import {enforceMemoryLimits} from './oom.ts';
import {forkRefusal, killProcess, noteForkFailure, setWorkload, spawnProcess} from './processes.ts';
import type {Cgroup, Host, Process} from './types.ts';

/** Memory each fork bomb child holds (a bash subshell). */
export const forkBombChildBytes = 1 * mib;

export function runWorkloads(w: World, host: Host, ms: number): void {
	const seconds = ms / 1000;
	let memoryGrew = false;
	const burners: Process[] = [];
	const finished: Process[] = [];
	for (const pid of [...host.activePids]) {
		const p = host.processes.get(pid);
		if (!p) continue;
		// It still works through this slice, then exits at its deadline.
		if (p.endsAt !== undefined && w.time >= p.endsAt) finished.push(p);
		const work = p.workload;
		if (work.kind === 'memory-hog' && p.memoryBytes < work.targetBytes) {
			p.memoryBytes = Math.min(work.targetBytes, p.memoryBytes + work.growBytesPerSecond * seconds);
			memoryGrew = true;
		} else if (work.kind === 'leak') {
			p.memoryBytes += work.growBytesPerSecond * seconds;
			memoryGrew = true;
		} else if (work.kind === 'fork-bomb') {
			forkBomb(w, host, p, Math.max(1, Math.round(work.forksPerSecond * seconds)));
		}
		if (p.cpuDemand > 0 && host.processes.has(p.pid)) burners.push(p);
	}
	if (burners.length > 0) shareCpu(host, burners, ms);
	if (memoryGrew) enforceMemoryLimits(w, host);
	for (const p of finished) if (host.processes.has(p.pid)) finishTimedProcess(w, host, p);
}

/** A process with a deadline (stress --timeout) exits normally, with its workers. */
function finishTimedProcess(w: World, host: Host, p: Process): void {
	killProcess(host, p.pid);
	recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'Exited', object: `process/${host.name}/${p.pid}`, message: `${p.command} exited (status 0)`, host: host.name});
}

/** The bomb forks up to `attempts` children now, until pids.max (or the host's process table) refuses. Call on a draft. */
export function forkBomb(w: World, host: Host, bomb: Process, attempts: number): void {
	if (bomb.workload.kind !== 'fork-bomb') return;
	const childCommand = bomb.workload.childCommand;
	let spawned = 0;
	for (let i = 0; i < attempts; i++) {
		const refusal = forkRefusal(host, bomb.cgroup);
		if (refusal) {
			const failures = attempts - i;
			const group = refusal.limitedBy === 'host' ? undefined : host.cgroups.get(refusal.limitedBy);
			if (group && group.forkFailures === 0) logKernel(w, host, `cgroup: fork rejected by pids controller in ${group.path}`);
			noteForkFailure(host, refusal, failures);
			if (refusal.limitedBy === 'host' && spawned === 0 && i === 0) return;
			break;
		}
		// Each child of `:(){ :|:& };:` is a copy of the shell; the tree hangs off the bomb.
		spawnProcess(w, host, {parentPid: bomb.pid, command: childCommand, memoryBytes: forkBombChildBytes, tty: bomb.tty});
		spawned++;
	}
	if (spawned > 0) {
		for (const g of cgroupAncestry(host, bomb.cgroup)) {
			const count = countInSubtree(host, g.path);
			if (count > (g.pidsPeak ?? 0)) g.pidsPeak = count;
		}
	}
}

function countInSubtree(host: Host, path: string): number {
	const prefix = path === '/' ? '/' : path + '/';
	let n = 0;
	for (const p of host.processes.values()) if (p.cgroup === path || p.cgroup.startsWith(prefix)) n++;
	return n;
}

/**
 * Shares the CPU among busy processes: each cgroup's cpu.max caps what its subtree gets per
 * period (the CFS bandwidth controller), then the host's cores are shared if still oversubscribed.
 * cpu.stat counts usage, periods and throttling; each process's cpuUsage is what it got.
 */
function shareCpu(host: Host, burners: Process[], ms: number): void {
	const demandByGroup = new Map<string, number>();
	const chains = new Map<number, Cgroup[]>();
	for (const p of burners) {
		const chain = cgroupAncestry(host, p.cgroup);
		chains.set(p.pid, chain);
		for (const g of chain) demandByGroup.set(g.path, (demandByGroup.get(g.path) ?? 0) + p.cpuDemand);
	}
	const factorByGroup = new Map<string, number>();
	for (const [path, demand] of demandByGroup) {
		const g = host.cgroups.get(path)!;
		const quota = g.cpuMax.quota === 'max' ? Infinity : g.cpuMax.quota / g.cpuMax.period;
		factorByGroup.set(path, demand > quota ? quota / demand : 1);
	}
	let granted = 0;
	const shares = new Map<number, number>();
	for (const p of burners) {
		let factor = 1;
		for (const g of chains.get(p.pid)!) factor = Math.min(factor, factorByGroup.get(g.path)!);
		const share = p.cpuDemand * factor;
		shares.set(p.pid, share);
		granted += share;
	}
	const hostScale = granted > host.cpus ? host.cpus / granted : 1;
	const usedByGroup = new Map<string, number>();
	for (const p of burners) {
		const cores = shares.get(p.pid)! * hostScale;
		p.cpuUsage = cores;
		p.cpuMillis += cores * ms;
		for (const g of chains.get(p.pid)!) usedByGroup.set(g.path, (usedByGroup.get(g.path) ?? 0) + cores);
	}
	for (const [path, cores] of usedByGroup) {
		const g = host.cgroups.get(path)!;
		const usec = Math.round(cores * ms * 1000);
		g.cpuStat.usage_usec += usec;
		g.cpuStat.user_usec += Math.round(usec * 0.985);
		g.cpuStat.system_usec += usec - Math.round(usec * 0.985);
		if (g.cpuMax.quota === 'max') continue;
		const periods = Math.round((ms * 1000) / g.cpuMax.period);
		g.cpuStat.nr_periods += periods;
		const factor = factorByGroup.get(path)!;
		if (factor < 1) {
			g.cpuStat.nr_throttled += periods;
			// Each throttled period, the group waits out the part of the period its quota does not cover.
			g.cpuStat.throttled_usec += Math.round(periods * g.cpuMax.period * (1 - factor));
		}
	}
}

/**
 * A signal kills one process of a fork bomb, not the bomb: its copies are processes of their own
 * and keep forking (one carries on as the bomb, the others are its children), as on a real kernel;
 * only the whole cgroup ended at once (cgroup.kill) stops them. In the root cgroup, where nothing
 * could end them, the simulator still ends the tree (and says so). Call on a draft, before killing `pid`.
 */
export function handOverForkBomb(host: Host, pid: number): void {
	const bomb = host.processes.get(pid);
	if (bomb?.workload.kind !== 'fork-bomb' || bomb.cgroup === '/') return;
	const copies = [...host.processes.values()].filter(p => p.ppid === pid);
	const heir = copies[0];
	if (!heir) return;
	for (const copy of copies) copy.ppid = copy === heir ? 1 : heir.pid;
	setWorkload(host, heir.pid, bomb.workload);
}
