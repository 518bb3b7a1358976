import type {World} from '../world.ts';
import {ensureCgroup} from './cgroups.ts';
import {firstDynamicNamespaceId, initialNamespaceIds, loopback} from './namespaces.ts';
import {spawnProcess} from './processes.ts';
import type {FileNode, Host, Namespace, NamespaceKind} from './types.ts';
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
};

export const gib = 1024 * 1024 * 1024;
export const mib = 1024 * 1024;

const baseFiles: Record<string, string> = {
	'/etc/hostname': '',
	'/etc/os-release': '',
	'/root/.bashrc': '# ~/.bashrc\n',
	'/tmp/.keep': '',
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
	const allFiles = {...baseFiles, '/etc/hostname': `${spec.name}\n`, '/etc/os-release': `PRETTY_NAME="${os}"\nNAME="Ubuntu"\n`, ...spec.files};
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
		users: {root: 0, learner: 1000},
		services: {},
		reachable: true,
	};
	ensureCgroup(host, '/');
	ensureCgroup(host, '/system.slice');
	ensureCgroup(host, '/user.slice');
	w.hosts.set(host.name, host);
	spawnProcess(w, host, {parentPid: 0, command: '/sbin/init', cgroup: '/', memoryBytes: 12 * mib});
	const daemons: Record<string, string> = {
		sshd: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
		containerd: '/usr/bin/containerd',
		dockerd: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
		kubelet: '/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf',
		'systemd-journald': '/usr/lib/systemd/systemd-journald',
		cron: '/usr/sbin/cron -f',
	};
	for (const service of ['systemd-journald', 'cron', ...(spec.services ?? ['sshd'])]) {
		host.services[service] = 'active';
		spawnProcess(w, host, {parentPid: 1, command: daemons[service] ?? `/usr/bin/${service}`, cgroup: `/system.slice/${service}.service`, memoryBytes: 20 * mib});
	}
	return host;
}

function macFor(ip: string): string {
	const parts = ip.split('.').map(n => Number(n) & 0xff);
	return ['02', '42', ...parts.map(n => n.toString(16).padStart(2, '0'))].join(':');
}
