// Where a connection from a process goes: name -> IP -> (connect resolvers, NAT rules) -> the
// net namespace that owns the address -> the server process listening on the port there.
import {random} from '../rng.ts';
import {listenerOf} from '../host/listeners.ts';
import type {Host, Namespace, NetInterface, Process} from '../host/types.ts';
import type {World} from '../world.ts';
import {ipOf, linkIsOperational} from './links.ts';
import {lookupHost} from './dns.ts';
import {worldBehaviour, type WorldBehaviour} from '../world-behaviour.ts';
import type {ConnectDecision} from './resolvers.ts';
import type {NatRule} from './types.ts';

export type Caller = {host: string; pid: number}; // host pid of the calling process

export type ConnectOutcome =
	| {ok: true; host: Host; netns: Namespace; server: Process; ip: string; port: number; sourceIp: string; hops: string[]}
	| {ok: false; error: 'resolve' | 'refused' | 'timeout' | 'unreachable'; ip?: string; hops: string[]};

const isLoopback = (ip: string) => ip.startsWith('127.');

/** Resolves a name the way the caller's C library would: an IP as is, its /etc/hosts, then the nameservers of its /etc/resolv.conf. */
export function resolveName(w: World, caller: Caller, name: string, behaviour: WorldBehaviour = worldBehaviour): string | undefined {
	const found = lookupHost(w, caller, name, behaviour);
	return found.ok ? found.ip : undefined;
}

export type AddressOwner = {host: Host; netns: Namespace; iface: NetInterface};

/** The interface that holds an address, preferring the caller's own host (bridge addresses repeat across hosts). */
export function findAddressOwner(w: World, ip: string, preferHost?: string): AddressOwner | undefined {
	const search = (host: Host): AddressOwner | undefined => {
		for (const netns of host.namespaces.values()) {
			if (netns.kind !== 'net') continue;
			for (const iface of netns.interfaces ?? []) {
				if (iface.kind === 'loopback') continue;
				if (iface.addresses.some(a => ipOf(a) === ip)) return {host, netns, iface};
			}
		}
		return undefined;
	};
	const preferred = preferHost ? w.hosts.get(preferHost) : undefined;
	if (preferred) {
		const found = search(preferred);
		if (found) return found;
	}
	for (const host of w.hosts.values()) {
		if (host === preferred) continue;
		const found = search(host);
		if (found) return found;
	}
	return undefined;
}

/** The address a namespace's traffic leaves from: its first working non-loopback address. */
export function sourceAddress(host: Host, netns: Namespace): string | undefined {
	for (const iface of netns.interfaces ?? []) {
		if (iface.kind === 'loopback' || !linkIsOperational(host, iface)) continue;
		if (iface.addresses[0]) return ipOf(iface.addresses[0]);
	}
	return undefined;
}

function toNumber(ip: string): number {
	return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function onAttachedSubnet(host: Host, netns: Namespace, ip: string): boolean {
	const target = toNumber(ip);
	for (const iface of netns.interfaces ?? []) {
		if (iface.kind === 'loopback' || !linkIsOperational(host, iface)) continue;
		for (const cidr of iface.addresses) {
			const [address, prefix = '32'] = cidr.split('/');
			const size = 2 ** (32 - Number(prefix));
			if (Math.floor(toNumber(address!) / size) === Math.floor(target / size)) return true;
		}
	}
	return false;
}

export function listeningServer(host: Host, netnsId: number, port: number, ip?: string): Process | undefined {
	for (const p of host.processes.values()) {
		if (p.namespaces.net === netnsId && listenerOf(p, port, ip)) return p;
	}
	return undefined;
}

function matchRule(rules: NatRule[], ip: string, port: number, local: boolean): NatRule | undefined {
	return rules.find(r => r.port === port && (r.protocol ?? 'tcp') === 'tcp' && (r.destination === ip || (local && r.destination === 'local')));
}

function pickTarget(w: World, rule: NatRule): {ip: string; port: number} | undefined {
	if (rule.targets.length === 0) return undefined;
	if (rule.targets.length === 1) return rule.targets[0];
	return rule.targets[Math.floor(random(w) * rule.targets.length)];
}

/**
 * Follows a TCP connection from `caller` to `target:port`. Call on a draft: picking one of
 * several endpoints draws from the world's RNG.
 */
export function connect(w: World, caller: Caller, target: string, port: number, behaviour: WorldBehaviour = worldBehaviour): ConnectOutcome {
	const hops: string[] = [];
	const fromHost = w.hosts.get(caller.host);
	const fromProcess = fromHost?.processes.get(caller.pid);
	if (!fromHost || !fromProcess) return {ok: false, error: 'unreachable', hops};
	const fromNetns = fromHost.namespaces.get(fromProcess.namespaces.net)!;
	const resolved = resolveName(w, caller, target, behaviour);
	if (!resolved) return {ok: false, error: 'resolve', hops};
	let ip: string = resolved;
	let sourceIp = isLoopback(ip) ? '127.0.0.1' : (sourceAddress(fromHost, fromNetns) ?? '');
	let currentPort = port;
	let natHost: string | undefined;
	for (let redirects = 0; redirects < 8; redirects++) {
		const attempt = {fromHost: caller.host, fromNetns: fromNetns.id, sourceIp, ip, port: currentPort, protocol: 'tcp'} as const;
		let decision: ConnectDecision | undefined;
		for (const resolver of behaviour.connectResolvers) if ((decision = resolver(w, attempt))) break;
		if (decision?.kind === 'redirect') {
			hops.push(`${decision.via}: ${ip}:${currentPort} -> ${decision.ip}:${decision.port}`);
			ip = decision.ip;
			currentPort = decision.port;
			if (decision.sourceIp) sourceIp = decision.sourceIp;
			continue;
		}
		if (decision) return {ok: false, error: decision.kind, ip, hops: [...hops, decision.via]};
		const inHostNetns = fromNetns.id === fromHost.initNamespaces.net;
		// A rule for this exact address (a ClusterIP) applies wherever the packet leaves from.
		const specific = fromHost.reachable ? fromHost.natRules.find(r => r.destination === ip && r.port === currentPort) : undefined;
		if (specific) {
			const next = pickTarget(w, specific);
			if (!next) return {ok: false, error: 'refused', ip, hops};
			hops.push(`${specific.owner}: ${ip}:${currentPort} -> ${next.ip}:${next.port}`);
			ip = next.ip;
			currentPort = next.port;
			if (specific.sourceRewrite) sourceIp = specific.sourceRewrite;
			continue;
		}
		if (isLoopback(ip)) {
			const lo = fromNetns.interfaces?.find(i => i.kind === 'loopback');
			if (!lo || lo.state !== 'UP') return {ok: false, error: 'unreachable', ip, hops};
			const server = listeningServer(fromHost, fromNetns.id, currentPort, ip);
			if (server) return {ok: true, host: fromHost, netns: fromNetns, server, ip, port: currentPort, sourceIp, hops};
			const rule: NatRule | undefined = inHostNetns ? matchRule(fromHost.natRules, ip, currentPort, true) : undefined;
			const next: {ip: string; port: number} | undefined = rule && pickTarget(w, rule);
			if (!rule || !next) return {ok: false, error: 'refused', ip, hops};
			hops.push(`${rule.owner}: ${ip}:${currentPort} -> ${next.ip}:${next.port}`);
			ip = next.ip;
			currentPort = next.port;
			sourceIp = rule.sourceRewrite ?? sourceIp;
			continue;
		}
		const owner = findAddressOwner(w, ip, natHost ?? caller.host);
		// Nobody answers ARP on a directly attached subnet: "No route to host" after ~3s; elsewhere the SYN is simply lost.
		if (!owner) return {ok: false, error: onAttachedSubnet(fromHost, fromNetns, ip) ? 'unreachable' : 'timeout', ip, hops};
		if (!owner.host.reachable) return {ok: false, error: 'unreachable', ip, hops};
		const sameNetns = owner.host === fromHost && owner.netns.id === fromNetns.id;
		if (!sameNetns && !sourceAddress(fromHost, fromNetns)) return {ok: false, error: 'unreachable', ip, hops};
		if (!linkIsOperational(owner.host, owner.iface)) return {ok: false, error: 'unreachable', ip, hops};
		const server = listeningServer(owner.host, owner.netns.id, currentPort, ip);
		if (server) return {ok: true, host: owner.host, netns: owner.netns, server, ip, port: currentPort, sourceIp, hops};
		if (owner.netns.id === owner.host.initNamespaces.net) {
			const rule: NatRule | undefined = matchRule(owner.host.natRules, ip, currentPort, true);
			const next: {ip: string; port: number} | undefined = rule && pickTarget(w, rule);
			if (rule && next) {
				hops.push(`${rule.owner}: ${ip}:${currentPort} -> ${next.ip}:${next.port}`);
				ip = next.ip;
				currentPort = next.port;
				if (rule.sourceRewrite) sourceIp = rule.sourceRewrite;
				// The rewritten address (a container's 172.17.0.x) belongs to the host that applied the rule.
				natHost = owner.host.name;
				continue;
			}
		}
		return {ok: false, error: 'refused', ip, hops};
	}
	return {ok: false, error: 'timeout', ip, hops};
}
