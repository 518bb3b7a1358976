// unshare(1) and nsenter(1) in the kernel's terms: a new process in fresh namespaces of the
// chosen kinds, or in the namespaces of another process.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {createNamespace} from './namespaces.ts';
import {spawnProcess} from './processes.ts';
import type {Host, NamespaceKind, Process} from './types.ts';

export type UnshareOptions = {
	parentPid: number; // host pid of the caller (the shell)
	kinds: NamespaceKind[]; // which namespaces are new
	command: string; // what the new process runs, e.g. "bash"
	mountProc?: boolean; // --mount-proc: /proc in the new mount namespace shows the new pid namespace
	mapRootUser?: boolean; // --map-root-user: the caller's uid is root inside the new user namespace
	fork?: boolean; // --fork: with --pid, the new process is PID 1 of the new pid namespace
	tty?: string;
	cwd?: string;
};

/** Starts a process in new namespaces (the caller's for every other kind). Call on a draft. */
export function unshareProcess(w: World, host: Host, options: UnshareOptions): Process {
	const parent = host.processes.get(options.parentPid);
	const base = parent?.namespaces ?? host.initNamespaces;
	const namespaces: Partial<Record<NamespaceKind, number>> = {};
	const creator = host.nextPid;
	const kinds = new Set(options.kinds);
	if (options.mountProc) kinds.add('mnt');
	if (kinds.has('user')) {
		const uid = parent?.uid ?? 0;
		namespaces.user = createNamespace(host, 'user', creator, {parentId: base.user, uidMap: options.mapRootUser ? [{inside: 0, outside: uid, count: 1}] : []}).id;
	}
	if (kinds.has('uts')) {
		const current = host.namespaces.get(base.uts);
		namespaces.uts = createNamespace(host, 'uts', creator, {hostname: current?.hostname ?? host.name, domainname: current?.domainname ?? '(none)'}).id;
	}
	if (kinds.has('ipc')) namespaces.ipc = createNamespace(host, 'ipc', creator).id;
	if (kinds.has('net')) namespaces.net = createNamespace(host, 'net', creator).id;
	if (kinds.has('cgroup')) {
		namespaces.cgroup = createNamespace(host, 'cgroup', creator, {cgroupRoot: parent?.cgroup ?? '/'}).id;
	}
	if (kinds.has('time')) namespaces.time = createNamespace(host, 'time', creator).id;
	if (kinds.has('pid') && options.fork) namespaces.pid = createNamespace(host, 'pid', creator, {parentId: base.pid}).id;
	if (kinds.has('mnt')) {
		const current = host.namespaces.get(base.mnt);
		const procFrom = options.mountProc ? (namespaces.pid ?? base.pid) : procViewOf(host, base.mnt, base.pid);
		namespaces.mnt = createNamespace(host, 'mnt', creator, {rootfs: current?.rootfs ?? `${host.name}:/`, procMountedFromPidNs: procFrom}).id;
	}
	const p = spawnProcess(w, host, {parentPid: options.parentPid, command: options.command, namespaces, tty: options.tty ?? parent?.tty, cwd: options.cwd, memoryBytes: 4 * 1024 * 1024});
	// Without --fork the shell stays outside the new pid namespace; its first child (bash's own
	// start-up forks) becomes that namespace's init and exits, after which no fork can succeed.
	if (kinds.has('pid') && !options.fork) p.forksFailWith = 'ENOMEM';
	const made = Object.entries(namespaces).map(([kind, id]) => `${kind}:[${id}]`).join(', ');
	if (made) recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'NamespacesCreated', object: `process/${host.name}/${p.pid}`, message: `${options.command} (pid ${p.pid}) started in new namespaces ${made}`, host: host.name});
	return p;
}

/**
 * Which pid namespace /proc shows in a mount namespace: the one mounted there with --mount-proc
 * (or by a container runtime); a container's own root filesystem always has a fresh /proc; the
 * host's /proc otherwise.
 */
export function procViewOf(host: Host, mntNsId: number, ownPidNs: number): number {
	const ns = host.namespaces.get(mntNsId);
	if (ns?.procMountedFromPidNs !== undefined) return ns.procMountedFromPidNs;
	if (ns?.rootfs && ns.rootfs !== `${host.name}:/`) return ownPidNs;
	return host.initNamespaces.pid;
}

/** The pid namespace whose pids a process sees in /proc (ps, kill's view of ps, /proc/PID). */
export function procViewOfProcess(host: Host, p: Process): number {
	return procViewOf(host, p.namespaces.mnt, p.namespaces.pid);
}

export type EnterOptions = {
	parentPid: number;
	targetPid: number; // host pid whose namespaces to enter
	kinds: NamespaceKind[];
	command: string;
	tty?: string;
};

/** Starts a process in some of another process's namespaces (nsenter -t PID -u -n ...). Call on a draft. */
export function enterNamespaces(w: World, host: Host, options: EnterOptions): Process | undefined {
	const target = host.processes.get(options.targetPid);
	if (!target) return undefined;
	const namespaces: Partial<Record<NamespaceKind, number>> = {};
	for (const kind of options.kinds) namespaces[kind] = target.namespaces[kind];
	const user = options.kinds.includes('user') ? {uid: target.uid, user: target.user} : {};
	return spawnProcess(w, host, {parentPid: options.parentPid, command: options.command, namespaces, tty: options.tty, ...user, memoryBytes: 4 * 1024 * 1024});
}

/** What a process's uid is inside its own user namespace (65534, "nobody", when unmapped). */
export function uidInsideUserNamespace(host: Host, p: Process): number {
	const ns = host.namespaces.get(p.namespaces.user);
	if (!ns || ns.id === host.initNamespaces.user) return p.uid;
	const map = ns.uidMap?.find(m => p.uid >= m.outside && p.uid < m.outside + m.count);
	return map ? map.inside + (p.uid - map.outside) : 65534;
}

/** Whether a process holds CAP_SYS_ADMIN over a namespace: root in the initial user namespace, or root inside a user namespace that owns it (created with or after it). */
export function isPrivileged(host: Host, p: Process, over?: {kind: NamespaceKind; id: number}): boolean {
	if (p.namespaces.user === host.initNamespaces.user) return p.uid === 0;
	if (uidInsideUserNamespace(host, p) !== 0) return false;
	if (!over) return true;
	// A namespace made after the user namespace was (same creator or later) belongs to it.
	return over.id > p.namespaces.user;
}
