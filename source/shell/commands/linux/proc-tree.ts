// /proc as the caller's mount namespace shows it: the processes of the pid namespace mounted
// there (with pids as seen from it), per-process files, and namespace links like uts:[4026531838].
import {hostMemoryUsed, kernelReservedBytes} from '../../../engine/host/memory.ts';
import {kernelBuildString} from '../../../engine/host/create-host.ts';
import type {Host, NamespaceKind, Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import {produce} from 'immer';
import type {PathResult, VirtualTree} from '../../virtual-tree.ts';
import type {ShellFrame} from '../../types.ts';
import {callerOf, comm, findVisible} from './context.ts';
import {statOf} from './process-view.ts';

const nsEntries = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'];
const perProcessFiles = ['cgroup', 'cmdline', 'comm', 'cwd', 'environ', 'exe', 'gid_map', 'ns', 'oom_score', 'oom_score_adj', 'root', 'stat', 'status', 'uid_map'];
const globalFiles = ['cgroups', 'cmdline', 'cpuinfo', 'filesystems', 'loadavg', 'meminfo', 'mounts', 'self', 'stat', 'sys', 'thread-self', 'uptime', 'version'];

type Where = {host: Host; viewer: Process; view: number; target?: Process; rest: string[]};

function locate(world: World, frame: ShellFrame, path: string): Where | undefined {
	const caller = callerOf(world, frame);
	if (!caller) return undefined;
	const parts = path.slice('/proc'.length).split('/').filter(Boolean);
	const where: Where = {host: caller.host, viewer: caller.process, view: caller.viewPidNs, rest: parts};
	const first = parts[0];
	if (first === 'self' || first === 'thread-self' || (first && /^\d+$/.test(first))) {
		const target = first === 'self' || first === 'thread-self' ? (caller.process.nsPids[caller.viewPidNs] !== undefined ? caller.process : undefined) : findVisible(caller.host, caller.viewPidNs, Number(first));
		if (!target) return {...where, rest: ['<missing>']};
		return {...where, target, rest: parts.slice(1)};
	}
	return where;
}

/** The target of a symbolic link under /proc (ns links, cwd, exe, root, self), or undefined. */
export function procLink(world: World, frame: ShellFrame, path: string): string | undefined {
	if (path === '/proc/self' || path === '/proc/thread-self') {
		const caller = callerOf(world, frame);
		const pid = caller?.process.nsPids[caller.viewPidNs];
		return pid === undefined ? undefined : path.endsWith('thread-self') ? `${pid}/task/${pid}` : String(pid);
	}
	const at = locate(world, frame, path);
	if (!at?.target) return undefined;
	const [a, b] = at.rest;
	if (a === 'ns' && b && nsEntries.includes(b) && at.rest.length === 2) {
		const kind = b.replace('_for_children', '') as NamespaceKind;
		return `${kind}:[${at.target.namespaces[kind]}]`;
	}
	if (at.rest.length !== 1) return undefined;
	if (a === 'cwd') return at.target.cwd;
	if (a === 'root') return '/';
	if (a === 'exe') {
		const argv0 = at.target.command.split(' ')[0]!.replace(/^-/, '').replace(/:$/, '');
		return argv0.startsWith('/') ? argv0 : `/usr/bin/${argv0}`;
	}
	return undefined;
}

function kb(bytes: number): number {
	return Math.round(bytes / 1024);
}

function meminfo(host: Host): string {
	const used = hostMemoryUsed(host);
	const cache = Math.floor(kernelReservedBytes(host) / 2);
	const free = Math.max(0, host.memoryBytes - used);
	const rows: [string, number][] = [
		['MemTotal', kb(host.memoryBytes)],
		['MemFree', kb(free)],
		['MemAvailable', kb(free)],
		['Buffers', kb(cache / 8)],
		['Cached', kb((cache * 7) / 8)],
		['SwapCached', 0],
		['Active', kb(used / 2)],
		['Inactive', kb(used / 3)],
		['SwapTotal', 0],
		['SwapFree', 0],
		['Shmem', kb(1.2 * 1024 * 1024)],
		['Slab', kb(kernelReservedBytes(host) / 4)],
	];
	return rows.map(([k, v]) => `${(k + ':').padEnd(16)}${String(v).padStart(8)} kB`).join('\n') + '\n';
}

function status(host: Host, view: number, p: Process): string {
	const chain = Object.entries(p.nsPids)
		.map(([ns, pid]) => ({ns: Number(ns), pid}))
		.sort((x, y) => (x.ns === host.initNamespaces.pid ? -1 : y.ns === host.initNamespaces.pid ? 1 : x.ns - y.ns));
	// NSpid lists the pid in the viewer's namespace and every namespace nested below it.
	const fromView = chain.slice(Math.max(0, chain.findIndex(c => c.ns === view)));
	const parent = host.processes.get(p.ppid);
	const state = statOf(p)[0]!;
	const stateName: Record<string, string> = {R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', Z: 'Z (zombie)', T: 'T (stopped)'};
	const pid = p.nsPids[view]!;
	return [
		`Name:\t${comm(p.command)}`,
		'Umask:\t0022',
		`State:\t${stateName[state] ?? state}`,
		`Tgid:\t${pid}`,
		`Ngid:\t0`,
		`Pid:\t${pid}`,
		`PPid:\t${parent ? (parent.nsPids[view] ?? 0) : 0}`,
		'TracerPid:\t0',
		`Uid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`,
		`Gid:\t${p.uid}\t${p.uid}\t${p.uid}\t${p.uid}`,
		`NStgid:\t${fromView.map(c => c.pid).join('\t')}`,
		`NSpid:\t${fromView.map(c => c.pid).join('\t')}`,
		`NSpgid:\t${fromView.map(c => c.pid).join('\t')}`,
		`NSsid:\t${fromView.map(c => c.pid).join('\t')}`,
		`VmRSS:\t${String(kb(p.memoryBytes)).padStart(8)} kB`,
		`Threads:\t${statOf(p).includes('l') ? 8 : 1}`,
		'',
	].join('\n');
}

function uidMap(host: Host, p: Process): string {
	const ns = host.namespaces.get(p.namespaces.user);
	const map = ns?.uidMap ?? [];
	return map.map(m => `${String(m.inside).padStart(10)} ${String(m.outside).padStart(10)} ${String(m.count).padStart(10)}`).join('\n') + (map.length ? '\n' : '');
}

function processFile(where: Where, name: string): string | undefined {
	const p = where.target!;
	const host = where.host;
	switch (name) {
		case 'status': return status(host, where.view, p);
		case 'cmdline': return p.command.split(' ').join('\0') + '\0';
		case 'comm': return comm(p.command) + '\n';
		case 'cgroup': {
			const root = host.namespaces.get(where.viewer.namespaces.cgroup)?.cgroupRoot ?? '/';
			const rel = root === '/' ? p.cgroup : p.cgroup.startsWith(root) ? p.cgroup.slice(root.length) || '/' : `/..${p.cgroup}`;
			return `0::${rel}\n`;
		}
		case 'environ': return Object.entries(p.env ?? {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}).map(([k, v]) => `${k}=${v}`).join('\0') + '\0';
		case 'oom_score': return `${Math.round((p.memoryBytes / host.memoryBytes) * 1000)}\n`;
		case 'oom_score_adj': return '0\n';
		case 'uid_map':
		case 'gid_map': return uidMap(host, p);
		case 'stat': {
			const pid = p.nsPids[where.view]!;
			const ppid = host.processes.get(p.ppid)?.nsPids[where.view] ?? 0;
			return `${pid} (${comm(p.command)}) ${statOf(p)[0]} ${ppid} ${pid} ${pid} 0 -1 4194560 0 0 0 0 ${Math.round(p.cpuMillis / 10)} 0 0 0 20 0 1 0 ${Math.round(p.startTime / 10)} ${p.memoryBytes + 4194304} ${Math.round(p.memoryBytes / 4096)}\n`;
		}
		default: return undefined;
	}
}

function globalFile(world: World, host: Host, viewer: Process, name: string): string | undefined {
	switch (name) {
		case 'meminfo': return meminfo(host);
		case 'uptime': {
			const up = (world.time - host.bootTime) / 1000 + 60;
			return `${up.toFixed(2)} ${(up * host.cpus * 0.97).toFixed(2)}\n`;
		}
		case 'version': return `Linux version ${host.kernel} (buildd@lcy02-amd64-059) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${kernelBuildString(host.kernel)}\n`;
		case 'loadavg': {
			let running = 0;
			for (const pid of host.activePids) running += host.processes.get(pid)?.cpuUsage ?? 0;
			return `${running.toFixed(2)} ${(running * 0.8).toFixed(2)} ${(running * 0.5).toFixed(2)} ${Math.ceil(running)}/${host.processes.size} ${host.nextPid - 1}\n`;
		}
		case 'cpuinfo':
			return Array.from({length: host.cpus}, (_, i) => `processor\t: ${i}\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\ncpu MHz\t\t: 2200.000\ncpu cores\t: ${host.cpus}\n`).join('\n');
		case 'cgroups': return '#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpuset\t0\t' + host.cgroups.size + '\t1\ncpu\t0\t' + host.cgroups.size + '\t1\nmemory\t0\t' + host.cgroups.size + '\t1\npids\t0\t' + host.cgroups.size + '\t1\n';
		case 'filesystems': return 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tcgroup2\nnodev\toverlay\n\text4\n';
		case 'mounts': {
			const mnt = host.namespaces.get(viewer.namespaces.mnt);
			const rootType = mnt?.rootfs && mnt.rootfs !== `${host.name}:/` ? 'overlay / overlay rw,relatime 0 0' : '/dev/sda1 / ext4 rw,relatime 0 0';
			return `${rootType}\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\nsysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\ncgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0\ntmpfs /run tmpfs rw,nosuid,nodev,size=${Math.round(host.memoryBytes / 10240)}k,mode=755 0 0\n`;
		}
		case 'cmdline': return `BOOT_IMAGE=/vmlinuz-${host.kernel} root=/dev/sda1 ro quiet splash\n`;
		case 'stat': return `cpu  ${Math.round(world.time / 10)} 0 0 0 0 0 0 0 0 0\nprocesses ${host.nextPid - 1}\nprocs_running 1\nprocs_blocked 0\n`;
		default: return undefined;
	}
}

/**
 * net.ipv4.ip_forward of the viewer's network namespace: dockerd turns it on in the host's; a new
 * namespace copies the host's (the kernel's devconf_inherit_init_net default) until written.
 */
function ipForward(world: World, host: Host, viewer: Process): boolean {
	const ns = host.namespaces.get(viewer.namespaces.net);
	if (ns?.ipForward !== undefined) return ns.ipForward;
	return host.namespaces.get(host.initNamespaces.net)?.ipForward ?? world.dockers.has(host.name);
}

/** Writing /proc/sys/net/ipv4/ip_forward: root of the host's user namespace only; a container's /proc/sys is mounted read-only. */
function writeIpForward(world: World, frame: ShellFrame, content: string): PathResult {
	const caller = callerOf(world, frame);
	if (!caller) return {ok: false, error: 'No such file or directory'};
	const {host, process} = caller;
	if (process.containerId !== undefined) return {ok: false, error: 'Read-only file system'};
	if (process.uid !== 0 || process.namespaces.user !== host.initNamespaces.user) return {ok: false, error: 'Permission denied'};
	const value = content.trim();
	if (!/^-?\d+$/.test(value)) return {ok: false, error: 'write error: Invalid argument'};
	const next = produce(world, w => {
		const ns = w.hosts.get(frame.host)!.namespaces.get(process.namespaces.net);
		if (ns) ns.ipForward = Number(value) !== 0;
	});
	return {ok: true, world: next};
}

export const procTree: VirtualTree = {
	prefix: '/proc',
	isDirectory(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at) return false;
		if (at.rest[0] === '<missing>') return false;
		if (at.target) return at.rest.length === 0 || (at.rest.length === 1 && at.rest[0] === 'ns');
		const rel = at.rest.join('/');
		return at.rest.length === 0 || rel === 'sys' || rel === 'sys/kernel' || rel === 'sys/net' || rel === 'sys/net/ipv4';
	},
	list(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at || at.rest[0] === '<missing>') return undefined;
		if (at.target) {
			if (at.rest.length === 0) return perProcessFiles;
			if (at.rest.length === 1 && at.rest[0] === 'ns') return nsEntries;
			return undefined;
		}
		if (at.rest.length === 0) {
			const pids: string[] = [];
			for (const p of at.host.processes.values()) {
				const pid = p.nsPids[at.view];
				if (pid !== undefined) pids.push(String(pid));
			}
			return [...pids.sort((a, b) => Number(a) - Number(b)), ...globalFiles];
		}
		if (at.rest.join('/') === 'sys') return ['kernel', 'net'];
		if (at.rest.join('/') === 'sys/net') return ['ipv4'];
		if (at.rest.join('/') === 'sys/net/ipv4') return ['ip_forward'];
		if (at.rest.join('/') === 'sys/kernel') return ['hostname', 'osrelease', 'pid_max', 'threads-max'];
		return undefined;
	},
	read(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at || at.rest[0] === '<missing>') return undefined;
		if (at.target) return at.rest.length === 1 ? processFile(at, at.rest[0]!) : undefined;
		const rel = at.rest.join('/');
		if (rel === 'sys/kernel/hostname') return `${at.host.namespaces.get(at.viewer.namespaces.uts)?.hostname ?? at.host.name}\n`;
		if (rel === 'sys/kernel/osrelease') return `${at.host.kernel}\n`;
		if (rel === 'sys/kernel/pid_max') return '4194304\n';
		if (rel === 'sys/kernel/threads-max') return '2048\n';
		if (rel === 'sys/net/ipv4/ip_forward') return `${ipForward(world, at.host, at.viewer) ? 1 : 0}\n`;
		return at.rest.length === 1 ? globalFile(world, at.host, at.viewer, at.rest[0]!) : undefined;
	},
	write(world, frame, path, content) {
		if (path === '/proc/sys/net/ipv4/ip_forward') return writeIpForward(world, frame, content);
		return {ok: false, error: 'Permission denied'};
	},
};

