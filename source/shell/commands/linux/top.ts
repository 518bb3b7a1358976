// top, one batch frame (top -b -n 1): load, tasks, CPU and memory summary, then the busiest
// processes by their CPU use over the last simulated second.
import {hostMemoryUsed, kernelReservedBytes} from '../../../engine/host/memory.ts';
import {worldEpoch} from '../../../engine/world.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, comm, external, lostShell, ok, optionsOf, visiblePid} from './context.ts';
import {ownerAsSeenBy, rssKib, statOf, vszKib} from './process-view.ts';

function clock(ms: number): string {
	return new Date(worldEpoch + ms).toISOString().slice(11, 19);
}

function uptime(ms: number): string {
	const minutes = Math.floor(ms / 60_000);
	return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export const top: CommandSpec = external({
	name: 'top',
	summary: 'show the busiest processes (one batch frame: top -b -n 1)',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me, viewPidNs} = caller;
		const procs = [...host.processes.values()].filter(p => visiblePid(p, viewPidNs) !== undefined);
		const running = procs.filter(p => (p.cpuUsage ?? 0) > 0);
		const busyCores = running.reduce((n, p) => n + (p.cpuUsage ?? 0), 0);
		const us = Math.min(100, (busyCores / host.cpus) * 100);
		const mibOf = (bytes: number) => (bytes / 1048576).toFixed(1).padStart(8);
		const used = hostMemoryUsed(host);
		const cache = Math.floor(kernelReservedBytes(host) / 2);
		const load = busyCores.toFixed(2);
		const rows = procs
			.map(p => ({p, cpu: (p.cpuUsage ?? 0) * 100}))
			.sort((a, b) => b.cpu - a.cpu || b.p.memoryBytes - a.p.memoryBytes)
			.slice(0, 15)
			.map(({p, cpu}) => {
				const time = p.cpuMillis / 1000;
				const timePlus = `${Math.floor(time / 60)}:${(time % 60).toFixed(2).padStart(5, '0')}`;
				return `${String(visiblePid(p, viewPidNs)).padStart(7)} ${ownerAsSeenBy(host, me, p).slice(0, 8).padEnd(8)}  20   0 ${String(vszKib(p)).padStart(7)} ${String(rssKib(p)).padStart(6)} ${String(Math.min(rssKib(p), 4096)).padStart(6)} ${statOf(p)[0]} ${cpu.toFixed(1).padStart(5)} ${((p.memoryBytes / host.memoryBytes) * 100).toFixed(1).padStart(5)} ${timePlus.padStart(9)} ${comm(p.command)}`;
			});
		const note = optionsOf('top', args).has('batch-mode') ? '' : '\n[simulator] interactive top is not simulated: this is one frame of `top -b -n 1`; run it again to refresh.\n';
		return ok(
			[
				`top - ${clock(ctx.world.time)} up ${uptime(ctx.world.time - host.bootTime + 60_000)},  1 user,  load average: ${load}, ${(busyCores * 0.8).toFixed(2)}, ${(busyCores * 0.5).toFixed(2)}`,
				// top counts itself: one more task, running.
				`Tasks: ${String(procs.length + 1).padStart(3)} total, ${String(running.length + 1).padStart(3)} running, ${String(procs.length - running.length).padStart(3)} sleeping,   0 stopped,   0 zombie`,
				`%Cpu(s): ${us.toFixed(1).padStart(4)} us,  0.3 sy,  0.0 ni, ${Math.max(0, 100 - us - 0.3).toFixed(1).padStart(4)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st`,
				`MiB Mem : ${mibOf(host.memoryBytes)} total, ${mibOf(Math.max(0, host.memoryBytes - used))} free, ${mibOf(used - cache)} used, ${mibOf(cache)} buff/cache`,
				`MiB Swap:      0.0 total,      0.0 free,      0.0 used. ${mibOf(Math.max(0, host.memoryBytes - used))} avail Mem`,
				'',
				'    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
				...rows,
			].join('\n') + '\n' + note,
		);
	},
});
