// The OOM killer: a cgroup over its memory.max, or a host out of memory, loses its biggest process.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {cgroupAncestry} from './cgroups.ts';
import {logKernel} from './create-host.ts';
import {cgroupMemoryUsage, hostMemoryUsed} from './memory.ts';
import {killProcess} from './processes.ts';
import {noteServiceProcessDied, serviceOf} from './services.ts';
import type {Host, Process} from './types.ts';

export type OomKill = {pid: number; command: string; cgroup: string; scope: 'cgroup' | 'host'; limitedBy: string};

function comm(p: Process): string {
	const argv0 = p.command.split(' ')[0] ?? p.command;
	return (argv0.split('/').pop() ?? argv0).replace(/^-/, '').replace(/:$/, '').slice(0, 15);
}

function kib(bytes: number): number {
	return Math.round(bytes / 1024);
}

/** Picks the victim the way oom_badness does: the largest resident set; init and kernel threads are never chosen. */
function pickVictim(host: Host, inGroup?: string): Process | undefined {
	const prefix = inGroup === undefined || inGroup === '/' ? undefined : inGroup + '/';
	let victim: Process | undefined;
	for (const p of host.processes.values()) {
		if (p.pid === 1) continue;
		if (prefix !== undefined && p.cgroup !== inGroup && !p.cgroup.startsWith(prefix)) continue;
		if (!victim || p.memoryBytes > victim.memoryBytes) victim = p;
	}
	return victim;
}

/** Ends a process for the OOM killer: kernel log lines as dmesg shows them, memory.events, a world event. */
export function oomKill(w: World, host: Host, victim: Process, scope: 'cgroup' | 'host', limitedBy: string): OomKill {
	const name = comm(victim);
	const rss = kib(victim.memoryBytes);
	logKernel(w, host, `${name} invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0`);
	if (scope === 'cgroup') {
		const group = host.cgroups.get(limitedBy);
		const limit = group && group.memoryMax !== 'max' ? kib(group.memoryMax) : 0;
		logKernel(w, host, `memory: usage ${limit}kB, limit ${limit}kB, failcnt ${(group?.memoryEvents.max ?? 0) + 1}`);
		logKernel(w, host, `oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=${limitedBy},task_memcg=${victim.cgroup},task=${name},pid=${victim.pid},uid=${victim.uid}`);
		logKernel(w, host, `Memory cgroup out of memory: Killed process ${victim.pid} (${name}) total-vm:${rss + 4264}kB, anon-rss:${rss - 264}kB, file-rss:264kB, shmem-rss:0kB, UID:${victim.uid} pgtables:${Math.max(48, Math.round(rss / 400))}kB oom_score_adj:0`);
		// memory.events is hierarchical: the limited group and every ancestor count the event.
		for (const g of cgroupAncestry(host, limitedBy)) {
			if (g.path === '/') continue;
			g.memoryEvents.max++;
			g.memoryEvents.oom++;
			g.memoryEvents.oom_kill++;
		}
	} else {
		logKernel(w, host, `oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=${victim.cgroup},task=${name},pid=${victim.pid},uid=${victim.uid}`);
		logKernel(w, host, `Out of memory: Killed process ${victim.pid} (${name}) total-vm:${rss + 4264}kB, anon-rss:${rss - 264}kB, file-rss:264kB, shmem-rss:0kB, UID:${victim.uid} pgtables:${Math.max(48, Math.round(rss / 400))}kB oom_score_adj:0`);
		for (const g of cgroupAncestry(host, victim.cgroup)) {
			if (g.path === '/') continue;
			g.memoryEvents.oom_kill++;
		}
	}
	const kill: OomKill = {pid: victim.pid, command: victim.command, cgroup: victim.cgroup, scope, limitedBy};
	const parent = host.processes.get(victim.ppid);
	const service = serviceOf(host, victim);
	killProcess(host, victim.pid);
	if (service) noteServiceProcessDied(w, host, service, '9/KILL');
	// stress's master process gives up when one of its workers is killed.
	if (parent && parent.command === victim.command && parent.pid !== 1) killProcess(host, parent.pid);
	recordEvent(w, {
		type: 'Warning',
		component: 'kernel',
		reason: 'OOMKilled',
		object: `process/${host.name}/${victim.pid}`,
		message: scope === 'cgroup' ? `Memory cgroup out of memory: Killed process ${victim.pid} (${name}) in ${limitedBy}` : `Out of memory: Killed process ${victim.pid} (${name})`,
		host: host.name,
	});
	return kill;
}

/**
 * Brings every cgroup back under its memory.max and the host under its RAM, killing as the
 * kernel would (innermost limit first). Bounded: each round kills one process. Call on a draft.
 */
export function enforceMemoryLimits(w: World, host: Host): OomKill[] {
	const kills: OomKill[] = [];
	for (let round = 0; round < 64; round++) {
		const usage = cgroupMemoryUsage(host);
		let over: string | undefined;
		for (const [path, bytes] of usage) {
			const g = host.cgroups.get(path);
			if (!g || g.memoryMax === 'max' || bytes <= g.memoryMax) continue;
			if (!over || path.length > over.length) over = path;
		}
		if (over) {
			const victim = pickVictim(host, over);
			if (!victim) break;
			kills.push(oomKill(w, host, victim, 'cgroup', over));
			continue;
		}
		if (hostMemoryUsed(host) > host.memoryBytes) {
			const victim = pickVictim(host);
			if (!victim) break;
			kills.push(oomKill(w, host, victim, 'host', '/'));
			continue;
		}
		notePeaks(host, usage);
		break;
	}
	return kills;
}

/** Records how high each group's usage has been (memory.peak). */
export function notePeaks(host: Host, usage: Map<string, number>): void {
	for (const [path, bytes] of usage) {
		const g = host.cgroups.get(path);
		if (g && bytes > (g.memoryPeak ?? 0)) g.memoryPeak = bytes;
	}
}
