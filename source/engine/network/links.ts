// `ip netns` / `ip link` / `ip addr` in the kernel's terms: named network namespaces, veth pairs
// that join two namespaces, links going up and down, addresses. Each returns an error in
// iproute2's own words, or undefined when it worked. Call on a draft.
import type {World} from '../world.ts';
import {createNamespace} from '../host/namespaces.ts';
import type {Host, Namespace, NetInterface} from '../host/types.ts';
import {digestHex} from '../hash.ts';
import {recordEvent} from '../events.ts';

function linkEvent(w: World, host: Host, reason: string, message: string): void {
	recordEvent(w, {type: 'Normal', component: 'kernel', reason, object: `host/${host.name}`, message, host: host.name});
}

export function namedNetns(host: Host, name: string): Namespace | undefined {
	for (const ns of host.namespaces.values()) if (ns.kind === 'net' && ns.name === name) return ns;
	return undefined;
}

export function addNamedNetns(w: World, host: Host, name: string, creatorPid: number): Namespace | string {
	if (namedNetns(host, name)) return `Cannot create namespace file "/var/run/netns/${name}": File exists`;
	const ns = createNamespace(host, 'net', creatorPid, {name});
	linkEvent(w, host, 'NetnsAdded', `network namespace ${name} (net:[${ns.id}]) created`);
	return ns;
}

export function deleteNamedNetns(w: World, host: Host, name: string): string | undefined {
	const ns = namedNetns(host, name);
	if (!ns) return `Cannot remove namespace file "/var/run/netns/${name}": No such file or directory`;
	delete ns.name;
	linkEvent(w, host, 'NetnsDeleted', `network namespace ${name} (net:[${ns.id}]) deleted`);
	const held = [...host.processes.values()].some(p => p.namespaces.net === ns.id);
	if (!held) {
		// A veth whose end lived here is destroyed with the namespace, and so is its peer.
		for (const iface of ns.interfaces ?? []) if (iface.peer) removePeer(host, iface);
		host.namespaces.delete(ns.id);
	}
	return undefined;
}

function removePeer(host: Host, iface: NetInterface): void {
	if (!iface.peer) return;
	const other = host.namespaces.get(iface.peer.namespaceId);
	if (other?.interfaces) other.interfaces = other.interfaces.filter(i => i.name !== iface.peer!.name);
}

export function findInterface(ns: Namespace, name: string): NetInterface | undefined {
	return ns.interfaces?.find(i => i.name === name);
}

function nextIndex(host: Host): number {
	let max = 2;
	for (const ns of host.namespaces.values()) for (const i of ns.interfaces ?? []) max = Math.max(max, i.index);
	return max + 1;
}

function macFrom(seed: string): string {
	const hex = digestHex(seed, 12);
	const first = ((parseInt(hex.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, '0');
	return [first, ...hex.slice(2).match(/../g)!].join(':');
}

/** `ip link add A type veth peer name B`: both ends in namespace `ns`, down. */
export function addVethPair(w: World, host: Host, ns: Namespace, name: string, peerName: string): string | undefined {
	if (findInterface(ns, name) || findInterface(ns, peerName) || name === peerName) return 'RTNETLINK answers: File exists';
	if (!ns.interfaces) ns.interfaces = [];
	const index = nextIndex(host);
	ns.interfaces.push(
		{name, kind: 'veth', state: 'DOWN', mac: macFrom(`${host.name}/${name}/${w.time}/${index}`), mtu: 1500, addresses: [], index, peer: {namespaceId: ns.id, name: peerName}},
		{name: peerName, kind: 'veth', state: 'DOWN', mac: macFrom(`${host.name}/${peerName}/${w.time}/${index + 1}`), mtu: 1500, addresses: [], index: index + 1, peer: {namespaceId: ns.id, name}},
	);
	linkEvent(w, host, 'LinkAdded', `veth pair ${name} <-> ${peerName} created in net:[${ns.id}]`);
	return undefined;
}

/** `ip link set NAME netns TARGET`: the interface leaves `from` for `to`, keeping its peer link; its addresses are flushed and it goes down. */
export function moveInterface(w: World, host: Host, from: Namespace, name: string, to: Namespace): string | undefined {
	const iface = findInterface(from, name);
	if (!iface) return `Cannot find device "${name}"`;
	if (from.id === to.id) return undefined;
	if (findInterface(to, name)) return 'RTNETLINK answers: File exists';
	if (iface.kind === 'loopback') return 'RTNETLINK answers: Invalid argument';
	from.interfaces = from.interfaces!.filter(i => i !== iface);
	const moved: NetInterface = {...iface, state: 'DOWN', addresses: []};
	if (!to.interfaces) to.interfaces = [];
	to.interfaces.push(moved);
	if (moved.peer) {
		const peerNs = host.namespaces.get(moved.peer.namespaceId);
		const peer = peerNs && findInterface(peerNs, moved.peer.name);
		if (peer) peer.peer = {namespaceId: to.id, name};
	}
	linkEvent(w, host, 'LinkMoved', `${name} moved from net:[${from.id}] to net:[${to.id}]${to.name ? ` (${to.name})` : ''}`);
	return undefined;
}

export function setLinkState(w: World, host: Host, ns: Namespace, name: string, state: 'UP' | 'DOWN'): string | undefined {
	const iface = findInterface(ns, name);
	if (!iface) return `Cannot find device "${name}"`;
	if (iface.state !== state) linkEvent(w, host, state === 'UP' ? 'LinkUp' : 'LinkDown', `${name} in net:[${ns.id}] is ${state.toLowerCase()}`);
	iface.state = state;
	return undefined;
}

export function addAddress(w: World, host: Host, ns: Namespace, name: string, cidr: string): string | undefined {
	const iface = findInterface(ns, name);
	if (!iface) return `Cannot find device "${name}"`;
	if (!parseCidr(cidr)) return `Error: any valid prefix is expected rather than "${cidr}".`;
	const withPrefix = cidr.includes('/') ? cidr : `${cidr}/32`;
	if (iface.addresses.includes(withPrefix)) return 'Error: ipv4: Address already assigned.';
	iface.addresses.push(withPrefix);
	linkEvent(w, host, 'AddressAdded', `${withPrefix} added to ${name} in net:[${ns.id}]`);
	return undefined;
}

export function deleteAddress(ns: Namespace, name: string, cidr: string): string | undefined {
	const iface = findInterface(ns, name);
	if (!iface) return `Cannot find device "${name}"`;
	const withPrefix = cidr.includes('/') ? cidr : `${cidr}/32`;
	if (!iface.addresses.includes(withPrefix)) return 'Error: ipv4: Address not found.';
	iface.addresses = iface.addresses.filter(a => a !== withPrefix);
	return undefined;
}

export function deleteLink(host: Host, ns: Namespace, name: string): string | undefined {
	const iface = findInterface(ns, name);
	if (!iface) return `Cannot find device "${name}"`;
	if (iface.kind === 'loopback' || iface.kind === 'ethernet') return 'RTNETLINK answers: Operation not supported';
	ns.interfaces = ns.interfaces!.filter(i => i !== iface);
	removePeer(host, iface);
	return undefined;
}

/** Parses "10.0.0.1/24" (or a bare address) into its parts; undefined when malformed. */
export function parseCidr(text: string): {ip: string; prefix: number} | undefined {
	const m = text.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/);
	if (!m) return undefined;
	const octets = m.slice(1, 5).map(Number);
	const prefix = m[5] === undefined ? 32 : Number(m[5]);
	if (octets.some(o => o > 255) || prefix > 32) return undefined;
	return {ip: octets.join('.'), prefix};
}

export function ipOf(cidr: string): string {
	return cidr.split('/')[0]!;
}

/** The link is carrying traffic: up, and for a veth, its peer up too. */
export function linkIsOperational(host: Host, iface: NetInterface): boolean {
	if (iface.state !== 'UP') return false;
	if (iface.kind !== 'veth' || !iface.peer) return true;
	const peer = host.namespaces.get(iface.peer.namespaceId)?.interfaces?.find(i => i.name === iface.peer!.name);
	return peer?.state === 'UP';
}
