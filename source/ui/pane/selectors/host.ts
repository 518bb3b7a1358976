// What the host depth shows: the processes of one host grouped by the namespaces they live in
// (a group per pid namespace, naming the other namespaces it does not share with the host),
// and the cgroups that limit them with their live usage.
import type {Host, NamespaceKind} from '../../../engine/host/types.ts';
import {namespaceKinds} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';

export type ProcessRow = {
	id: string; // "process:host/pid"
	pid: number;
	nsPid: number; // pid inside its own pid namespace
	command: string;
	user: string;
	cgroup: string;
	memoryBytes: number;
	state: string;
	containerId?: string;
	/** The VM this process runs (a qemu hypervisor), with its state as multipass names it. */
	vm?: {name: string; state: 'Starting' | 'Running' | 'Stopped' | 'Deleted'};
};

const vmStates = {starting: 'Starting', running: 'Running', stopped: 'Stopped', deleted: 'Deleted'} as const;

export type NamespaceGroup = {
	key: string; // the namespaces it does not share with the host ("uts:4026532201,net:..."), or "host"
	pidNamespace: number;
	isHost: boolean; // every namespace the host's own
	ownKinds: NamespaceKind[]; // namespaces (of the group's first process) not shared with the host
	hostname?: string;
	colorIndex: number;
	processes: ProcessRow[];
};

export type CgroupRow = {
	id: string; // "cgroup:host/path"
	path: string;
	memoryMax: number | 'max';
	memoryUsed: number;
	cpuQuotaCores: number | 'max';
	cpuDemandCores: number;
	pids: number;
	pidsMax: number | 'max';
	oomKills: number;
	throttled: number;
};

export type HostView = {name: string; cpus: number; memoryBytes: number; groups: NamespaceGroup[]; cgroups: CgroupRow[]; processCount: number};

export function hostView(world: World, hostName: string): HostView | null {
	const host = world.hosts.get(hostName);
	if (!host) return null;
	// A group per set of namespaces: a shell in a new UTS or net namespace (chapter 2) gets a group
	// and a colour of its own even while it shares the host's pid namespace.
	const groups = new Map<string, NamespaceGroup>();
	const hostPidNs = host.initNamespaces.pid;
	const vmsById = new Map([...host.vms.values()].map(vm => [vm.id, vm]));
	for (const proc of host.processes.values()) {
		const pidNs = proc.namespaces.pid;
		const ownKinds = namespaceKinds.filter(kind => proc.namespaces[kind] !== host.initNamespaces[kind]);
		const key = ownKinds.length === 0 ? 'host' : ownKinds.map(kind => `${kind}:${proc.namespaces[kind]}`).join(',');
		let group = groups.get(key);
		if (!group) {
			const hostname = host.namespaces.get(proc.namespaces.uts)?.hostname;
			group = {key, pidNamespace: pidNs, isHost: ownKinds.length === 0, ownKinds, hostname, colorIndex: 0, processes: []};
			groups.set(key, group);
		}
		group.processes.push({
			id: `process:${host.name}/${proc.pid}`,
			pid: proc.pid,
			nsPid: proc.nsPids[pidNs] ?? proc.pid,
			command: proc.command,
			user: proc.user,
			cgroup: proc.cgroup,
			memoryBytes: proc.memoryBytes,
			state: proc.state,
			containerId: proc.containerId,
			...(proc.vmId && vmsById.has(proc.vmId) ? {vm: {name: vmsById.get(proc.vmId)!.name, state: vmStates[vmsById.get(proc.vmId)!.state]}} : {}),
		});
	}
	// The host's own group first, then the others in the order they were made; colours follow that order.
	const firstPid = (g: NamespaceGroup) => Math.min(...g.processes.map(p => p.pid));
	const ordered = [...groups.values()].sort((a, b) => Number(b.isHost) - Number(a.isHost) || firstPid(a) - firstPid(b));
	ordered.forEach((group, i) => {
		group.colorIndex = i;
		group.processes.sort((a, b) => a.pid - b.pid);
	});
	return {name: host.name, cpus: host.cpus, memoryBytes: host.memoryBytes, groups: ordered, cgroups: cgroupRows(host), processCount: host.processes.size};
}

/**
 * Cgroups worth showing: those with a limit, and top-level groups with processes (a service's
 * group under /system.slice counts in /system.slice's row unless it has a limit of its own: six
 * rows cut to "/system…" told a learner nothing at 80x24).
 */
export function cgroupRows(host: Host): CgroupRow[] {
	const rows: CgroupRow[] = [];
	for (const group of host.cgroups.values()) {
		if (group.path === '/') continue;
		let memoryUsed = 0;
		let pids = 0;
		let cpuDemand = 0;
		const prefix = group.path + '/';
		for (const proc of host.processes.values()) {
			if (proc.cgroup === group.path || proc.cgroup.startsWith(prefix)) {
				memoryUsed += proc.memoryBytes;
				cpuDemand += proc.cpuDemand;
				pids++;
			}
		}
		const limited = group.memoryMax !== 'max' || group.cpuMax.quota !== 'max' || group.pidsMax !== 'max';
		if (!limited && (pids === 0 || group.path.lastIndexOf('/') > 0)) continue;
		rows.push({
			id: `cgroup:${host.name}${group.path}`,
			path: group.path,
			memoryMax: group.memoryMax,
			memoryUsed,
			cpuQuotaCores: group.cpuMax.quota === 'max' ? 'max' : group.cpuMax.quota / group.cpuMax.period,
			cpuDemandCores: cpuDemand,
			pids,
			pidsMax: group.pidsMax,
			oomKills: group.memoryEvents.oom_kill,
			throttled: group.cpuStat.nr_throttled,
		});
	}
	// Limited groups first: they are the ones a lesson is about.
	return rows.sort((a, b) => Number(b.memoryMax !== 'max' || b.cpuQuotaCores !== 'max' || b.pidsMax !== 'max') - Number(a.memoryMax !== 'max' || a.cpuQuotaCores !== 'max' || a.pidsMax !== 'max') || a.path.localeCompare(b.path));
}
