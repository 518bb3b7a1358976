// Extension points of the simulated network, for the engines that add virtual addresses:
//
// - Name resolvers turn a name into an IP, before the built-in rules (localhost, host names,
//   VM names). Kubernetes adds cluster DNS here: `kubia.default.svc.cluster.local` -> ClusterIP.
// - Connect resolvers see every connection attempt first, and may send it elsewhere (a
//   Service's virtual IP -> one pod endpoint), refuse it, or pass (return undefined). They run
//   before the hosts' own NAT rules (host.natRules, where docker's published ports live).
//
// Both are plain functions of the world (no I/O); registering twice under one name replaces.
import type {World} from '../world.ts';

export type ConnectionAttempt = {
	fromHost: string; // host the caller runs on
	fromNetns: number; // the caller's net namespace id on that host
	sourceIp: string; // the address the caller connects from
	ip: string; // destination address (after name resolution / earlier redirects)
	port: number;
	protocol: 'tcp' | 'udp';
};

export type ConnectDecision =
	| {kind: 'redirect'; ip: string; port: number; sourceIp?: string; via: string} // e.g. via "kube-proxy"
	| {kind: 'refused'; via: string} // nothing behind it: curl (7)
	| {kind: 'timeout'; via: string} // dropped: curl (28)
	| {kind: 'unreachable'; via: string}; // no route: EHOSTUNREACH

/**
 * A connect resolver may draw random numbers (to pick an endpoint) from the world: it is called
 * on an immer draft, so `random(w)` advances the seeded RNG.
 */
export type ConnectResolver = (w: World, attempt: ConnectionAttempt) => ConnectDecision | undefined;
export type NameResolver = (w: World, fromHost: string, name: string) => string | undefined;

const connectResolvers = new Map<string, ConnectResolver>();
const nameResolvers = new Map<string, NameResolver>();

export function registerConnectResolver(name: string, resolver: ConnectResolver): void {
	connectResolvers.set(name, resolver);
}

export function registerNameResolver(name: string, resolver: NameResolver): void {
	nameResolvers.set(name, resolver);
}

export function unregisterResolver(name: string): void {
	connectResolvers.delete(name);
	nameResolvers.delete(name);
}

export function runConnectResolvers(w: World, attempt: ConnectionAttempt): ConnectDecision | undefined {
	for (const resolver of connectResolvers.values()) {
		const decision = resolver(w, attempt);
		if (decision) return decision;
	}
	return undefined;
}

export function runNameResolvers(w: World, fromHost: string, name: string): string | undefined {
	for (const resolver of nameResolvers.values()) {
		const ip = resolver(w, fromHost, name);
		if (ip) return ip;
	}
	return undefined;
}
