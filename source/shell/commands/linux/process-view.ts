// How processes look to a viewer: pids in its /proc view, user names through its user
// namespace, ps's STAT letters, times and sizes as procps prints them.
import type {Host, Process} from '../../../engine/host/types.ts';
import {worldEpoch} from '../../../engine/world.ts';
import {comm} from './context.ts';

/** The name a viewer's ps prints for a process's owner (uids it cannot map are "nobody"). */
export function ownerAsSeenBy(host: Host, viewer: Process, p: Process): string {
	const viewerNs = host.namespaces.get(viewer.namespaces.user);
	if (!viewerNs || viewerNs.id === host.initNamespaces.user) return p.user;
	const map = viewerNs.uidMap?.find(m => p.uid >= m.outside && p.uid < m.outside + m.count);
	if (!map) return 'nobody';
	const inside = map.inside + (p.uid - map.outside);
	return Object.entries(host.users).find(([, id]) => id === inside)?.[0] ?? String(inside);
}


const multiThreaded = /^(\/usr\/bin\/(dockerd|containerd|kubelet)|.*qemu-system|.*multipassd|.*snapd|node |.*containerd-shim|kube-|etcd|.*python3)/;

export function statOf(p: Process, foreground = false): string {
	let stat: string = p.cpuDemand > 0 ? 'R' : p.state;
	const sessionLeader = p.pid === 1 || p.ppid === 1 || p.command.startsWith('-') || p.command.startsWith('sshd:');
	if (sessionLeader && stat !== 'R') stat += 's';
	if (multiThreaded.test(p.command)) stat += 'l';
	if (foreground) stat += '+';
	return stat;
}

export function rssKib(p: Process): number {
	return Math.round(p.memoryBytes / 1024);
}

export function vszKib(p: Process): number {
	return Math.round(p.memoryBytes / 1024) + 4096 + (comm(p.command).length * 977) % 9000;
}

/** ps's TIME in `aux` style: M:SS of CPU time. */
export function cpuTimeShort(p: Process): string {
	const s = Math.floor(p.cpuMillis / 1000);
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** ps's TIME in `-ef` / plain style: HH:MM:SS (days as D-HH:MM:SS). */
export function cpuTimeLong(p: Process): string {
	const s = Math.floor(p.cpuMillis / 1000);
	const hh = Math.floor(s / 3600);
	return `${String(hh).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** START / STIME: the time of day it started, or the date when it started on an earlier day. */
export function startTimeText(p: Process, now: number): string {
	const start = new Date(worldEpoch + p.startTime);
	const today = new Date(worldEpoch + now);
	if (start.getUTCFullYear() === today.getUTCFullYear() && start.getUTCMonth() === today.getUTCMonth() && start.getUTCDate() === today.getUTCDate()) {
		return `${String(start.getUTCHours()).padStart(2, '0')}:${String(start.getUTCMinutes()).padStart(2, '0')}`;
	}
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	return `${months[start.getUTCMonth()]}${String(start.getUTCDate()).padStart(2, '0')}`;
}

export function percentCpu(p: Process, now: number): string {
	const elapsed = now - p.startTime;
	if (elapsed <= 0) return '0.0';
	return Math.min(999.9, (p.cpuMillis / elapsed) * 100).toFixed(1);
}

export function percentMem(host: Host, p: Process): string {
	return ((p.memoryBytes / host.memoryBytes) * 100).toFixed(1);
}
