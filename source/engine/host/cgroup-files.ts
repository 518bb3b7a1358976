// The cgroup v2 interface files (/sys/fs/cgroup/<group>/<file>) as the kernel reads and parses
// them. Reads return the file's text; writes return an errno name the shell turns into bash's
// "write error: Invalid argument", or undefined when accepted. Call writes on a draft.
// Longer than ~300 lines because it is one table of the cgroup v2 files, each with its read and write.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {newCgroup, normalizeCgroupPath} from './cgroups.ts';
import {cgroupMemoryCurrent} from './memory.ts';
import {enforceMemoryLimits} from './oom.ts';
import {killProcess} from './processes.ts';
import type {Cgroup, Host, Process} from './types.ts';

export type Errno = 'EINVAL' | 'ESRCH' | 'EBUSY' | 'ENOENT' | 'EACCES' | 'EEXIST' | 'ENOTEMPTY' | 'EPERM';

export const errnoText: Record<Errno, string> = {
	EINVAL: 'Invalid argument',
	ESRCH: 'No such process',
	EBUSY: 'Device or resource busy',
	ENOENT: 'No such file or directory',
	EACCES: 'Permission denied',
	EEXIST: 'File exists',
	ENOTEMPTY: 'Directory not empty',
	EPERM: 'Operation not permitted',
};

const allControllers = ['cpuset', 'cpu', 'io', 'memory', 'hugetlb', 'pids', 'rdma', 'misc'];
/** What systemd enables for the groups it manages (root, slices, services, container scopes). */
const systemdSubtree = ['cpuset', 'cpu', 'io', 'memory', 'pids'];

function parentPath(path: string): string {
	return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** Controllers enabled for the children of a group (cgroup.subtree_control). */
export function subtreeControl(group: Cgroup): string[] {
	return group.subtreeControl ?? systemdSubtree;
}

/** Controllers available in a group (cgroup.controllers): those its parent enables for it. */
export function controllersOf(host: Host, path: string): string[] {
	const key = normalizeCgroupPath(path);
	if (key === '/') return allControllers;
	const parent = host.cgroups.get(parentPath(key));
	return parent ? subtreeControl(parent) : [];
}

const coreFiles = ['cgroup.controllers', 'cgroup.events', 'cgroup.freeze', 'cgroup.kill', 'cgroup.max.depth', 'cgroup.max.descendants', 'cgroup.procs', 'cgroup.stat', 'cgroup.subtree_control', 'cgroup.threads', 'cgroup.type', 'cpu.stat'];
const controllerFiles: Record<string, string[]> = {
	cpu: ['cpu.idle', 'cpu.max', 'cpu.max.burst', 'cpu.weight', 'cpu.weight.nice'],
	memory: ['memory.current', 'memory.events', 'memory.events.local', 'memory.high', 'memory.low', 'memory.max', 'memory.min', 'memory.oom.group', 'memory.peak', 'memory.stat', 'memory.swap.current', 'memory.swap.max'],
	pids: ['pids.current', 'pids.events', 'pids.max', 'pids.peak'],
	io: ['io.max', 'io.stat', 'io.weight'],
	cpuset: ['cpuset.cpus', 'cpuset.cpus.effective', 'cpuset.mems', 'cpuset.mems.effective'],
};
const rootFiles = ['cgroup.controllers', 'cgroup.max.depth', 'cgroup.max.descendants', 'cgroup.procs', 'cgroup.stat', 'cgroup.subtree_control', 'cgroup.threads', 'cpu.pressure', 'cpu.stat', 'io.pressure', 'io.stat', 'memory.numa_stat', 'memory.pressure', 'memory.stat', 'memory.reclaim', 'pids.current', 'pids.peak'];

export function cgroupFileNames(host: Host, path: string): string[] {
	const key = normalizeCgroupPath(path);
	if (key === '/') return rootFiles;
	const names = [...coreFiles];
	for (const controller of controllersOf(host, key)) names.push(...(controllerFiles[controller] ?? []));
	return names.sort();
}

export function childGroups(host: Host, path: string): string[] {
	const key = normalizeCgroupPath(path);
	const prefix = key === '/' ? '/' : key + '/';
	const out: string[] = [];
	for (const other of host.cgroups.keys()) {
		if (other !== key && other.startsWith(prefix) && !other.slice(prefix.length).includes('/')) out.push(other.slice(prefix.length));
	}
	return out.sort();
}

function members(host: Host, key: string, recursive: boolean): Process[] {
	const prefix = key === '/' ? '/' : key + '/';
	const out: Process[] = [];
	for (const p of host.processes.values()) if (p.cgroup === key || (recursive && p.cgroup.startsWith(prefix))) out.push(p);
	return out;
}

const fmtMax = (v: number | 'max') => (v === 'max' ? 'max' : String(v));

/** The text of a cgroup file, or undefined when the group has no such file. `viewPid` maps a process to the pid the reader sees (undefined: invisible). */
export function readCgroupFile(host: Host, path: string, file: string, viewPid: (p: Process) => number | undefined): string | undefined {
	const key = normalizeCgroupPath(path);
	const g = host.cgroups.get(key);
	if (!g || !cgroupFileNames(host, key).includes(file)) return undefined;
	const memory = () => cgroupMemoryCurrent(host, key);
	const pidsCurrent = () => members(host, key, true).length;
	switch (file) {
		case 'cgroup.procs':
		case 'cgroup.threads':
			return members(host, key, false).map(viewPid).filter((n): n is number => n !== undefined).sort((a, b) => a - b).map(n => `${n}\n`).join('');
		case 'cgroup.controllers':
			return controllersOf(host, key).join(' ') + '\n';
		case 'cgroup.subtree_control':
			return subtreeControl(g).join(' ') + '\n';
		case 'cgroup.events':
			return `populated ${members(host, key, true).length > 0 ? 1 : 0}\nfrozen 0\n`;
		case 'cgroup.type':
			return 'domain\n';
		case 'cgroup.freeze':
			return '0\n';
		case 'cgroup.max.depth':
		case 'cgroup.max.descendants':
			return 'max\n';
		case 'cgroup.stat':
			return `nr_descendants ${[...host.cgroups.keys()].filter(k => k !== key && k.startsWith(key === '/' ? '/' : key + '/')).length}\nnr_dying_descendants 0\n`;
		case 'cgroup.kill':
			return undefined;
		case 'memory.current':
			return `${memory()}\n`;
		case 'memory.peak':
			return `${Math.max(g.memoryPeak ?? 0, memory())}\n`;
		case 'memory.max':
			return `${fmtMax(g.memoryMax)}\n`;
		case 'memory.high':
		case 'memory.swap.max':
			return 'max\n';
		case 'memory.low':
		case 'memory.min':
		case 'memory.swap.current':
		case 'memory.oom.group':
			return '0\n';
		case 'memory.events':
		case 'memory.events.local': {
			const e = g.memoryEvents;
			return `low ${e.low}\nhigh ${e.high}\nmax ${e.max}\noom ${e.oom}\noom_kill ${e.oom_kill}\noom_group_kill 0\n`;
		}
		case 'memory.stat': {
			const bytes = memory();
			return `anon ${Math.round(bytes * 0.92)}\nfile ${Math.round(bytes * 0.08)}\nkernel ${Math.round(bytes * 0.01)}\nkernel_stack ${members(host, key, true).length * 16384}\npagetables ${Math.round(bytes / 500)}\nshmem 0\nfile_mapped ${Math.round(bytes * 0.03)}\nfile_dirty 0\nfile_writeback 0\nanon_thp 0\ninactive_anon ${Math.round(bytes * 0.5)}\nactive_anon ${Math.round(bytes * 0.42)}\ninactive_file ${Math.round(bytes * 0.05)}\nactive_file ${Math.round(bytes * 0.03)}\nunevictable 0\n`;
		}
		case 'cpu.max':
			return `${fmtMax(g.cpuMax.quota)} ${g.cpuMax.period}\n`;
		case 'cpu.max.burst':
		case 'cpu.idle':
			return '0\n';
		case 'cpu.weight':
			return `${g.cpuWeight ?? 100}\n`;
		case 'cpu.weight.nice':
			return '0\n';
		case 'cpu.stat': {
			const s = g.cpuStat;
			const base = `usage_usec ${s.usage_usec}\nuser_usec ${s.user_usec}\nsystem_usec ${s.system_usec}\ncore_sched.force_idle_usec 0\n`;
			if (key === '/') return base;
			return base + `nr_periods ${s.nr_periods}\nnr_throttled ${s.nr_throttled}\nthrottled_usec ${s.throttled_usec}\nnr_bursts 0\nburst_usec 0\n`;
		}
		case 'pids.current':
			return `${pidsCurrent()}\n`;
		case 'pids.peak':
			return `${Math.max(g.pidsPeak ?? 0, pidsCurrent())}\n`;
		case 'pids.max':
			return `${fmtMax(g.pidsMax)}\n`;
		case 'pids.events':
			return `max ${g.forkFailures}\n`;
		case 'io.max':
		case 'io.stat':
			return '';
		case 'io.weight':
			return 'default 100\n';
		case 'cpuset.cpus':
		case 'cpuset.mems':
			return '\n';
		case 'cpuset.cpus.effective':
			return host.cpus > 1 ? `0-${host.cpus - 1}\n` : '0\n';
		case 'cpuset.mems.effective':
			return '0\n';
		case 'cpu.pressure':
		case 'io.pressure':
		case 'memory.pressure':
			return 'some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
		case 'memory.numa_stat':
		case 'memory.reclaim':
			return '';
		default:
			return '';
	}
}

/** The kernel's memparse: a number with an optional K/M/G/T/P/E suffix; rounded down to whole pages. */
export function parseMemoryMax(text: string): number | 'max' | undefined {
	const t = text.trim();
	if (t === 'max') return 'max';
	const m = t.match(/^(\d+)([kKmMgGtTpPeE])?$/);
	if (!m) return undefined;
	const power = m[2] ? 'kmgtpe'.indexOf(m[2].toLowerCase()) + 1 : 0;
	const bytes = Number(m[1]) * 1024 ** power;
	if (!Number.isFinite(bytes)) return undefined;
	return Math.floor(bytes / 4096) * 4096;
}

export function parseCpuMax(text: string, current: Cgroup['cpuMax']): Cgroup['cpuMax'] | undefined {
	const parts = text.trim().split(/\s+/);
	if (parts.length < 1 || parts.length > 2 || parts[0] === '') return undefined;
	const quota = parts[0] === 'max' ? 'max' : /^\d+$/.test(parts[0]!) ? Number(parts[0]) : undefined;
	const period = parts[1] === undefined ? current.period : /^\d+$/.test(parts[1]) ? Number(parts[1]) : undefined;
	if (quota === undefined || period === undefined) return undefined;
	if (period < 1000 || period > 1_000_000) return undefined;
	if (quota !== 'max' && quota < 1000) return undefined;
	return {quota, period};
}

export type CgroupWriter = {
	/** Finds the process a pid written to cgroup.procs names, as the writer sees pids (0 = the writer itself). */
	resolvePid(pid: number): Process | undefined;
	component?: string;
};

/** Writes a cgroup file (on a draft). Returns an errno, or undefined when the kernel accepted it. */
export function writeCgroupFile(w: World, host: Host, path: string, file: string, content: string, writer: CgroupWriter): Errno | undefined {
	const key = normalizeCgroupPath(path);
	const g = host.cgroups.get(key);
	if (!g) return 'ENOENT';
	const names = cgroupFileNames(host, key);
	if (!names.includes(file)) return 'ENOENT';
	const value = content.trim();
	switch (file) {
		case 'memory.max': {
			const max = parseMemoryMax(value);
			if (max === undefined) return 'EINVAL';
			g.memoryMax = max;
			cgroupEvent(w, host, key, 'CgroupLimitSet', `${key}/memory.max = ${max}`);
			enforceMemoryLimits(w, host);
			return undefined;
		}
		case 'cpu.max': {
			const cpu = parseCpuMax(value, g.cpuMax);
			if (!cpu) return 'EINVAL';
			g.cpuMax = cpu;
			cgroupEvent(w, host, key, 'CgroupLimitSet', `${key}/cpu.max = ${cpu.quota} ${cpu.period}`);
			return undefined;
		}
		case 'pids.max': {
			if (value === 'max') g.pidsMax = 'max';
			else if (/^\d+$/.test(value) && Number(value) <= 4194304) g.pidsMax = Number(value);
			else return 'EINVAL';
			cgroupEvent(w, host, key, 'CgroupLimitSet', `${key}/pids.max = ${g.pidsMax}`);
			return undefined;
		}
		case 'cgroup.procs':
		case 'cgroup.threads': {
			// Several pids in one write: the kernel takes the first; echo writes one line anyway.
			const first = value.split(/\s+/)[0] ?? '';
			if (!/^\d+$/.test(first)) return 'EINVAL';
			const p = writer.resolvePid(Number(first));
			if (!p) return 'ESRCH';
			// cgroup v2's "no internal processes" rule: a group that hands controllers to children holds no processes.
			if (key !== '/' && (g.subtreeControl?.length ?? 0) > 0) return 'EBUSY';
			cgroupEvent(w, host, key, 'ProcessMoved', `process ${p.pid} (${p.command.split(' ')[0]}) moved from ${p.cgroup} to ${key}`);
			p.cgroup = key;
			enforceMemoryLimits(w, host);
			return undefined;
		}
		case 'cgroup.kill': {
			if (value !== '1') return 'EINVAL';
			for (const p of members(host, key, true)) if (host.processes.has(p.pid)) killProcess(host, p.pid);
			recordEvent(w, {type: 'Normal', component: writer.component ?? 'kernel', reason: 'CgroupKilled', object: `cgroup/${host.name}${key}`, message: `Killed every process in ${key}`, host: host.name});
			return undefined;
		}
		case 'cgroup.subtree_control': {
			const enabled = new Set(subtreeControl(g));
			const available = controllersOf(host, key);
			for (const token of value.split(/\s+/).filter(Boolean)) {
				const m = token.match(/^([+-])(\w+)$/);
				if (!m || !allControllers.includes(m[2]!)) return 'EINVAL';
				if (!available.includes(m[2]!)) return 'ENOENT';
				if (m[1] === '+') enabled.add(m[2]!);
				else enabled.delete(m[2]!);
			}
			if (key !== '/' && enabled.size > 0 && members(host, key, false).length > 0) return 'EBUSY';
			g.subtreeControl = allControllers.filter(c => enabled.has(c));
			return undefined;
		}
		case 'memory.high':
		case 'memory.low':
		case 'memory.min':
		case 'memory.swap.max':
			return parseMemoryMax(value) === undefined ? 'EINVAL' : undefined;
		case 'cpu.weight':
			return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10000 ? undefined : 'EINVAL';
		case 'memory.oom.group':
		case 'cgroup.freeze':
		case 'cpu.idle':
			return value === '0' || value === '1' ? undefined : 'EINVAL';
		case 'cgroup.max.depth':
		case 'cgroup.max.descendants':
		case 'cpu.max.burst':
		case 'cpu.weight.nice':
		case 'cpuset.cpus':
		case 'cpuset.mems':
		case 'io.max':
		case 'io.weight':
		case 'memory.reclaim':
			return undefined;
		default:
			return 'EACCES'; // read-only files (memory.current, cpu.stat, pids.current, ...)
	}
}

/** mkdir in /sys/fs/cgroup: a new, empty group that hands no controllers on to its own children yet. */
export function makeCgroup(w: World, host: Host, path: string): Errno | undefined {
	const key = normalizeCgroupPath(path);
	if (host.cgroups.has(key)) return 'EEXIST';
	if (!host.cgroups.has(parentPath(key))) return 'ENOENT';
	const group = newCgroup(key);
	group.subtreeControl = [];
	host.cgroups.set(key, group);
	cgroupEvent(w, host, key, 'CgroupCreated', `cgroup ${key} created`);
	return undefined;
}

function cgroupEvent(w: World, host: Host, key: string, reason: string, message: string): void {
	recordEvent(w, {type: 'Normal', component: 'kernel', reason, object: `cgroup/${host.name}${key}`, message, host: host.name});
}

/** rmdir in /sys/fs/cgroup: only an empty group with no children can go. */
export function removeCgroup(w: World, host: Host, path: string): Errno | undefined {
	const key = normalizeCgroupPath(path);
	if (key === '/') return 'EBUSY';
	if (!host.cgroups.has(key)) return 'ENOENT';
	if (childGroups(host, key).length > 0 || members(host, key, true).length > 0) return 'EBUSY';
	host.cgroups.delete(key);
	cgroupEvent(w, host, key, 'CgroupRemoved', `cgroup ${key} removed`);
	return undefined;
}

