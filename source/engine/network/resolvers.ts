// Connect resolvers, the simulated network's extension point for the engines that add virtual
// addresses: they see every connection attempt first, and may send it elsewhere (a Service's
// virtual IP -> one pod endpoint), refuse it, or pass (return undefined). They run before the
// hosts' own NAT rules (host.natRules, where docker's published ports live). They are plain
// functions of the world (no I/O); which ones the world has is decided in one place,
// engine/world-behaviour.ts. (Names are the nameservers' job: dns.ts.)
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
