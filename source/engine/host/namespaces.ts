import type {Host, Namespace, NamespaceKind, NetInterface} from './types.ts';

/** The inode numbers a fresh kernel gives its initial namespaces (as lsns prints them). */
export const initialNamespaceIds: Record<NamespaceKind, number> = {
	time: 4026531834,
	cgroup: 4026531835,
	pid: 4026531836,
	user: 4026531837,
	uts: 4026531838,
	ipc: 4026531839,
	mnt: 4026531840,
	net: 4026531992,
};

export const firstDynamicNamespaceId = 4026532160;

export function loopback(): NetInterface {
	return {name: 'lo', kind: 'loopback', state: 'UP', mac: '00:00:00:00:00:00', mtu: 65536, addresses: ['127.0.0.1/8'], index: 1};
}

/** A new, empty namespace of one kind; the caller moves processes into it. Call on a draft. */
export function createNamespace(host: Host, kind: NamespaceKind, creatorPid: number, payload: Partial<Namespace> = {}): Namespace {
	const id = host.nextNamespaceId++;
	const ns: Namespace = {id, kind, creatorPid, ...payload};
	if (kind === 'net' && !ns.interfaces) ns.interfaces = [{...loopback(), state: 'DOWN'}];
	if (kind === 'pid' && ns.lastPid === undefined) ns.lastPid = 0; // empty: its first process gets pid 1
	host.namespaces.set(id, ns);
	return ns;
}

/** The namespace of `kind` that process `pid` is in. */
export function namespaceOf(host: Host, pid: number, kind: NamespaceKind): Namespace | undefined {
	const p = host.processes.get(pid);
	return p ? host.namespaces.get(p.namespaces[kind]) : undefined;
}

/** The chain of pid namespaces from `nsId` up to the host's initial one, innermost first. */
export function pidNamespaceChain(host: Host, nsId: number): number[] {
	const chain: number[] = [];
	let current: number | undefined = nsId;
	while (current !== undefined) {
		chain.push(current);
		current = host.namespaces.get(current)?.parentId;
	}
	return chain;
}

/** Drops namespaces that no process holds any more (the kernel frees them). Named net namespaces stay. */
export function collectUnusedNamespaces(host: Host): void {
	const used = new Set<number>(Object.values(host.initNamespaces));
	for (const p of host.processes.values()) for (const id of Object.values(p.namespaces)) used.add(id);
	for (const ns of host.namespaces.values()) {
		if (ns.parentId !== undefined) used.add(ns.parentId);
	}
	for (const [id, ns] of host.namespaces) {
		if (used.has(id) || ns.name) continue;
		host.namespaces.delete(id);
		// A veth end goes with its network namespace, and the kernel destroys its peer with it.
		for (const iface of ns.interfaces ?? []) {
			const other = iface.peer && host.namespaces.get(iface.peer.namespaceId);
			if (other?.interfaces) other.interfaces = other.interfaces.filter(i => i.name !== iface.peer!.name);
		}
	}
}
