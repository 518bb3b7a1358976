import type {World} from '../world.ts';
import {ensureCgroup} from './cgroups.ts';
import {firstDynamicNamespaceId, initialNamespaceIds, loopback} from './namespaces.ts';
import {spawnProcess} from './processes.ts';
import type {FileNode, Host, Namespace, NamespaceKind, Workload} from './types.ts';
import {namespaceKinds} from './types.ts';

export type HostSpec = {
	name: string;
	ip: string;
	kernel?: string;
	os?: string;
	arch?: string;
	cpus?: number;
	memoryBytes?: number;
	services?: string[]; // daemons to run: "dockerd", "containerd", "sshd", "kubelet"...
	files?: Record<string, string>;
	users?: Record<string, number>; // extra login users, e.g. {ubuntu: 1000} on a multipass guest
	guestOf?: string; // a VM's guest: the physical host that runs it
	reachable?: boolean; // false for a guest that is still booting
};

export const gib = 1024 * 1024 * 1024;
export const mib = 1024 * 1024;

const baseFiles: Record<string, string> = {
	'/etc/hostname': '',
	'/etc/os-release': '',
	'/root/.bashrc': '# ~/.bashrc\n',
	'/home/learner/.bashrc': '# ~/.bashrc\n',
	'/tmp/.keep': '',
	'/bin/.keep': '',
	'/boot/.keep': '',
	'/dev/.keep': '',
	'/lib/.keep': '',
	'/opt/.keep': '',
	'/run/.keep': '',
	'/sbin/.keep': '',
	'/srv/.keep': '',
	'/usr/bin/.keep': '',
	'/usr/lib/.keep': '',
	'/var/log/.keep': '',
	'/var/lib/.keep': '',
	'/proc/.virtual': '',
	'/sys/fs/cgroup/.virtual': '',
};

/** Adds a booted Linux host to the world: init, a few daemons, initial namespaces, root cgroup. */
export function createHost(w: World, spec: HostSpec): Host {
	const initNamespaces = {} as Record<NamespaceKind, number>;
	const namespaces = new Map<number, Namespace>();
	for (const kind of namespaceKinds) {
		const id = initialNamespaceIds[kind];
		initNamespaces[kind] = id;
		const ns: Namespace = {id, kind, creatorPid: 1};
		if (kind === 'uts') ns.hostname = spec.name;
		if (kind === 'net') {
			ns.interfaces = [loopback(), {name: 'eth0', kind: 'ethernet', state: 'UP', mac: macFor(spec.ip), mtu: 1500, addresses: [`${spec.ip}/24`], index: 2}];
		}
		if (kind === 'mnt') ns.rootfs = `${spec.name}:/`;
		if (kind === 'user') ns.uidMap = [{inside: 0, outside: 0, count: 4294967295}];
		namespaces.set(id, ns);
	}
	const os = spec.os ?? 'Ubuntu 24.04.1 LTS';
	const files = new Map<string, FileNode>();
	const homes = Object.fromEntries(Object.keys(spec.users ?? {}).map(user => [`/home/${user}/.bashrc`, '# ~/.bashrc\n']));
	const allFiles = {...baseFiles, ...homes, '/etc/hostname': `${spec.name}\n`, '/etc/os-release': osRelease(os), ...spec.files};
	for (const [path, content] of Object.entries(allFiles)) {
		const parts = path.split('/').filter(Boolean);
		for (let i = 1; i < parts.length; i++) files.set('/' + parts.slice(0, i).join('/'), {type: 'dir'});
		if (!path.endsWith('/.keep') && !path.endsWith('/.virtual')) files.set(path, {type: 'file', content});
	}
	const host: Host = {
		name: spec.name,
		kernel: spec.kernel ?? '6.8.0-49-generic',
		os,
		arch: spec.arch ?? 'x86_64',
		cpus: spec.cpus ?? 2,
		memoryBytes: spec.memoryBytes ?? 4 * gib,
		bootTime: w.time,
		ip: spec.ip,
		nextPid: 1,
		nextNamespaceId: firstDynamicNamespaceId,
		processes: new Map(),
		namespaces,
		initNamespaces,
		cgroups: new Map(),
		filesystems: new Map([[`${spec.name}:/`, {id: `${spec.name}:/`, kind: 'plain', files}]]),
		kernelLog: [],
		vms: new Map(),
		users: {root: 0, learner: 1000, ...spec.users},
		services: {},
		reachable: spec.reachable ?? true,
		activePids: [],
		natRules: [],
		...(spec.guestOf ? {guestOf: spec.guestOf} : {}),
	};
	ensureCgroup(host, '/');
	ensureCgroup(host, '/init.scope');
	ensureCgroup(host, '/system.slice');
	ensureCgroup(host, '/user.slice');
	w.hosts.set(host.name, host);
	bootHost(w, host, ['systemd-journald', 'cron', ...(spec.services ?? ['sshd'])]);
	return host;
}

function osRelease(os: string): string {
	const version = os.match(/(\d+\.\d+)(\.\d+)?/);
	const codenames: Record<string, string> = {'24.04': 'Noble Numbat', '22.04': 'Jammy Jellyfish', '20.04': 'Focal Fossa'};
	const id = version?.[1] ?? '24.04';
	return `PRETTY_NAME="${os}"\nNAME="Ubuntu"\nVERSION_ID="${id}"\nVERSION="${id}${version?.[2] ?? ''} LTS (${codenames[id] ?? 'Noble Numbat'})"\nID=ubuntu\nID_LIKE=debian\n`;
}

/** The command line of each daemon a host can run as a systemd service, keyed by host.services' names. */
export const daemonCommands: Record<string, string> = {
	sshd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
	containerd: '/usr/bin/containerd',
	dockerd: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
	kubelet: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf',
	'systemd-journald': '/usr/lib/systemd/systemd-journald',
	cron: '/usr/sbin/cron -f',
	multipassd: '/snap/multipass/current/bin/multipassd --verbosity debug --logger platform',
};

/** Memory (RSS) each daemon starts with. */
const daemonMemory: Record<string, number> = {dockerd: 72 * mib, containerd: 38 * mib, kubelet: 64 * mib, 'systemd-journald': 18 * mib, cron: 3 * mib, sshd: 8 * mib, multipassd: 30 * mib};

/**
 * The daemons that listen. The kubelet as kubeadm configures it: its API on :10250 on every address
 * (a self-signed serving certificate with its own CA in the chain, kubelet.go), healthz on
 * 127.0.0.1:10248, the read-only :10255 off (readOnlyPort: 0).
 */
const daemonWorkloads: Record<string, Workload> = {
	kubelet: {kind: 'server', app: 'kubelet', port: 10250, protocol: 'https', certificate: 'self-signed-chain', more: [{port: 10248, protocol: 'http', addresses: ['127.0.0.1']}]},
};

/** Starts a service's daemon process and marks the unit active. Call on a draft. */
export function startServiceProcess(w: World, host: Host, service: string): number {
	host.services[service] = 'active';
	const workload = daemonWorkloads[service];
	return spawnProcess(w, host, {parentPid: 1, command: daemonCommands[service] ?? `/usr/bin/${service}`, cgroup: `/system.slice/${service}.service`, memoryBytes: daemonMemory[service] ?? 20 * mib, state: 'S', ...(workload ? {workload} : {})}).pid;
}

/**
 * Boots the kernel: init (pid 1) and the given services, the first kernel log lines. Used at
 * creation and when a powered-off host is powered on again.
 */
export function bootHost(w: World, host: Host, services: string[]): void {
	host.bootTime = w.time;
	host.kernelLog.push(
		kernelLine(host, w.time, `Linux version ${host.kernel} (buildd@lcy02-amd64-059) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${kernelBuildString(host.kernel)}`),
		kernelLine(host, w.time, `Command line: BOOT_IMAGE=/vmlinuz-${host.kernel} root=/dev/sda1 ro quiet splash`),
		kernelLine(host, w.time + 12, `Memory: ${Math.round((host.memoryBytes * 0.97) / 1024)}K/${Math.round(host.memoryBytes / 1024)}K available`),
		kernelLine(host, w.time + 40, `cgroup: Using cgroup v2 (unified hierarchy)`),
		kernelLine(host, w.time + 1800, `systemd[1]: Set hostname to <${host.name}>.`),
	);
	spawnProcess(w, host, {parentPid: 0, command: '/sbin/init', cgroup: '/init.scope', memoryBytes: 12 * mib});
	for (const service of services) startServiceProcess(w, host, service);
}

/** The `#49-Ubuntu SMP PREEMPT_DYNAMIC ...` build string `uname -v` prints for a kernel release. */
export function kernelBuildString(kernel: string): string {
	const known: Record<string, string> = {
		'6.8.0-49-generic': '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024',
		'6.8.0-88-generic': '#89-Ubuntu SMP PREEMPT_DYNAMIC Sat Oct 11 01:02:46 UTC 2025',
		'5.15.0-161-generic': '#171-Ubuntu SMP Sat Oct 11 08:17:01 UTC 2025',
		'5.4.0-216-generic': '#236-Ubuntu SMP Fri Apr 11 19:53:21 UTC 2025',
	};
	const build = kernel.match(/-(\d+)-/)?.[1] ?? '1';
	return known[kernel] ?? `#${build}-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024`;
}

/** How many kernel log lines a host keeps (dmesg's ring buffer). */
export const kernelLogLimit = 400;

/** A dmesg line: `[  123.456789] message`, seconds since the host booted. */
export function kernelLine(host: Host, time: number, message: string): string {
	const seconds = Math.max(0, time - host.bootTime) / 1000;
	return `[${seconds.toFixed(6).padStart(12)}] ${message}`;
}

/** Appends to the host's kernel log (dmesg), dropping the oldest lines past the ring buffer's size. */
export function logKernel(w: World, host: Host, message: string): void {
	host.kernelLog.push(kernelLine(host, w.time, message));
	if (host.kernelLog.length > kernelLogLimit) host.kernelLog.splice(0, host.kernelLog.length - kernelLogLimit);
}

export function macFor(ip: string): string {
	const parts = ip.split('.').map(n => Number(n) & 0xff);
	return ['02', '42', ...parts.map(n => n.toString(16).padStart(2, '0'))].join(':');
}
