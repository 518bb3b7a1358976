// The simulated Linux host: the kernel's view of processes, namespaces, cgroups and files.
// Plain serializable data; everything that changes it lives in the functions beside this file.

import type {NatRule} from '../network/types.ts';
import type {ScriptState} from '../script/run-script.ts';

export const namespaceKinds = ['mnt', 'pid', 'net', 'ipc', 'uts', 'user', 'cgroup', 'time'] as const;
export type NamespaceKind = (typeof namespaceKinds)[number];

export type NetInterface = {
	name: string;
	kind: 'loopback' | 'ethernet' | 'veth' | 'bridge';
	state: 'UP' | 'DOWN';
	mac: string;
	mtu: number;
	addresses: string[]; // CIDR, e.g. "10.244.1.5/24"
	peer?: {namespaceId: number; name: string}; // the other end of a veth pair
	index: number;
};

export type Namespace = {
	id: number; // the inode number the kernel prints, e.g. 4026531992
	kind: NamespaceKind;
	parentId?: number; // pid and user namespaces nest
	creatorPid: number; // host pid of the process that made it (lsns PID column falls back to it)
	// Per-kind payload:
	hostname?: string; // uts
	domainname?: string; // uts
	interfaces?: NetInterface[]; // net
	rootfs?: string; // mnt: id of the filesystem mounted at /
	mounts?: {target: string; fs: string; prefix: string; readOnly?: boolean}[]; // mnt: volumes and bind mounts (mounts.ts)
	procMountedFromPidNs?: number; // mnt: which pid namespace /proc shows (--mount-proc)
	uidMap?: {inside: number; outside: number; count: number}[]; // user
	name?: string; // net: a name given by `ip netns add`
	ipForward?: boolean; // net: net.ipv4.ip_forward once written (unset: on in a docker host's own namespace, else off)
	cgroupRoot?: string; // cgroup: the cgroup path this namespace shows as "/" (default "/")
	lastPid?: number; // pid: the last pid handed out inside it (the kernel's pid counter; never reused while it lives)
};

export type ProcessState = 'R' | 'S' | 'D' | 'Z' | 'T';

/** What a process does over virtual time, so cgroup limits have consequences. */
export type Workload =
	| {kind: 'idle'}
	| {kind: 'memory-hog'; targetBytes: number; growBytesPerSecond: number}
	| {kind: 'cpu-burner'; threads: number}
	| {kind: 'fork-bomb'; forksPerSecond: number; childCommand: string}
	| {kind: 'leak'; growBytesPerSecond: number}
	| ({kind: 'server'; app: string; more?: Listener[]} & Listener);

/**
 * A TCP socket a server listens on. `addresses`: the local addresses it is bound to (absent: all,
 * 0.0.0.0), as kube-scheduler's --bind-address=127.0.0.1. An https listener's certificate is signed
 * by kubeadm's cluster CA (unless `certificate` says etcd's own CA, or self-signed with its own CA
 * in the chain it sends: the kubelet's, the scheduler's), for the names in `certificateNames`; `clientCertificate: 'required'` ends the handshake
 * of a client that sends none (etcd's --client-cert-auth).
 */
export type Listener = {port: number; protocol: 'http' | 'https'; addresses?: string[]; certificate?: 'self-signed-chain' | 'etcd-ca'; certificateNames?: string[]; clientCertificate?: 'required'};

export type Process = {
	pid: number; // pid in the host's initial pid namespace
	ppid: number;
	nsPids: Record<number, number>; // pid as seen inside each pid namespace the process is visible in
	command: string; // full command line, as ps prints it
	user: string;
	uid: number;
	state: ProcessState;
	startTime: number; // virtual ms
	namespaces: Record<NamespaceKind, number>;
	cgroup: string; // cgroup path, e.g. "/" or "/demo" or "/system.slice/docker-<id>.scope"
	memoryBytes: number; // resident set size
	cpuMillis: number; // CPU time used, virtual ms
	cpuDemand: number; // cores it would use if unthrottled
	cpuUsage?: number; // cores it actually used over the last slice (after cpu.max and host contention)
	endsAt?: number; // virtual ms when it exits by itself (stress --timeout)
	/** Every fork fails with this errno: a shell started by `unshare --pid` without --fork, whose new pid namespace died with its first child. */
	forksFailWith?: 'ENOMEM';
	workload: Workload;
	containerId?: string;
	vmId?: string;
	tty?: string;
	cwd: string;
	env?: Record<string, string>;
	/** A shell script it runs in virtual time (sh -c 'while ...; sleep 5; done'): its program counter, variables and wake-up. */
	script?: ScriptState;
	/** prctl(PR_SET_PDEATHSIG): it gets this signal when its parent dies (stress's workers ask for SIGTERM). */
	parentDeathSignal?: number;
};

export type Cgroup = {
	path: string; // "/" is the root
	memoryMax: number | 'max';
	cpuMax: {quota: number | 'max'; period: number};
	cpuWeight?: number; // cpu.weight (1..10000; 100 when unset)
	pidsMax: number | 'max';
	memoryEvents: {low: number; high: number; max: number; oom: number; oom_kill: number};
	cpuStat: {usage_usec: number; user_usec: number; system_usec: number; nr_periods: number; nr_throttled: number; throttled_usec: number};
	forkFailures: number; // pids.events max
	memoryPeak?: number; // memory.peak, bytes
	pidsPeak?: number; // pids.peak
	subtreeControl?: string[]; // cgroup.subtree_control: controllers enabled for children
};

export type FileNode =
	| {type: 'file'; content: string; mode?: number}
	| {type: 'dir'; mode?: number}
	| {type: 'whiteout'}; // an overlay's record that a lower file was deleted

/** A filesystem a mount namespace can have as its root. */
export type Filesystem =
	| {id: string; kind: 'plain'; files: Map<string, FileNode>}
	| {id: string; kind: 'overlay'; lower: string[]; upper: Map<string, FileNode>}; // lower: layer ids, top first

export type VirtualMachine = {
	id: string;
	name: string;
	image: string; // "24.04"
	kernel: string;
	os: string;
	memoryBytes: number; // guest RAM, reserved from the host while it runs
	osOverheadBytes: number; // what the guest OS itself uses before any app
	diskBytes: number;
	cpus: number;
	state: 'starting' | 'running' | 'stopped' | 'deleted';
	bootStartedAt: number;
	bootMillis: number;
	hypervisorPid: number; // host pid of its qemu-system-x86_64 process (0 when not running)
	ip: string;
	guestHost: string; // the guest's own simulated Host in world.hosts (its kernel, processes)
};

export type Host = {
	name: string;
	kernel: string; // uname -r
	os: string; // e.g. "Ubuntu 24.04 LTS"
	arch: string; // uname -m
	cpus: number;
	memoryBytes: number;
	bootTime: number; // virtual ms
	ip: string;
	nextPid: number;
	nextNamespaceId: number;
	processes: Map<number, Process>;
	namespaces: Map<number, Namespace>;
	initNamespaces: Record<NamespaceKind, number>;
	cgroups: Map<string, Cgroup>;
	filesystems: Map<string, Filesystem>;
	kernelLog: string[]; // dmesg
	vms: Map<string, VirtualMachine>;
	users: Record<string, number>; // name -> uid
	services: Record<string, 'active' | 'inactive'>; // systemctl units
	reachable: boolean; // false when powered off / unplugged
	/** Host pids whose workload consumes resources over time; the tick visits only these. */
	activePids: number[];
	/** Host pids running a shell script in virtual time (process.script), woken by the tick. */
	scriptPids?: number[];
	/**
	 * Exit statuses of processes that ended by themselves (`exit 3`), by host pid, until their
	 * parent reaps them (dockerd: a container's exit code). Only the last few are kept.
	 */
	exitStatuses?: Record<number, number>;
	/** Whether the tick has anything to do here (busy pids, VMs, a boot under way): a plain flag, cheap to read on a draft. */
	needsTick?: boolean;
	/** Destination NAT on this host (docker-proxy's published ports, kube-proxy's Service rules). */
	natRules: NatRule[];
	/** Set on a VM's guest: the physical host whose hypervisor runs it. */
	guestOf?: string;
	/** When the host stopped being reachable: powered off, or (guest) its VM stopped. */
	poweredOffAt?: number;
	/** Set while the host is booting: it becomes reachable, with init and its services, at this virtual ms. */
	bootsAt?: number;
	/** Services whose process died and that systemd restarts (Restart=always) at the given virtual ms. */
	serviceRestarts?: Record<string, number>;
};
