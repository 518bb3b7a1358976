// Name resolution as a process does it: its own /etc/hosts and /etc/resolv.conf (nameservers,
// search list, ndots), then a query to the nameserver those name. A nameserver is whatever
// answers on that address: CoreDNS behind the kube-dns ClusterIP, Docker's embedded DNS at
// 127.0.0.11 (both listed in engine/world-behaviour.ts), or the lab network's resolver (host and
// VM names, lab-resolver.ts). Everything here runs on demand, per lookup: nothing is kept per tick.
import {lookupFile} from '../host/filesystem.ts';
import type {Host, Process} from '../host/types.ts';
import type {World} from '../world.ts';
import {worldBehaviour, type WorldBehaviour} from '../world-behaviour.ts';
import type {DnsAnswer, DnsCaller, DnsRecord, QueryType} from './dns-types.ts';
import {upstreamAnswer} from './lab-resolver.ts';

export type {DnsAnswer, DnsCaller, DnsRecord, DnsServer, QueryType} from './dns-types.ts';

export type ResolverConfig = {nameservers: string[]; search: string[]; ndots: number; fromFile: boolean};

/** systemd-resolved's stub on an Ubuntu host without its own /etc/resolv.conf in the simulation. */
export const hostStubResolver = '127.0.0.53';

function callerProcess(w: World, caller: DnsCaller): {host: Host; process: Process} | undefined {
	const host = w.hosts.get(caller.host);
	const process = host?.processes.get(caller.pid);
	return host && process ? {host, process} : undefined;
}

function readFile(w: World, caller: DnsCaller, path: string): string | undefined {
	const found = callerProcess(w, caller);
	if (!found) return undefined;
	const rootfs = found.host.namespaces.get(found.process.namespaces.mnt)?.rootfs ?? `${found.host.name}:/`;
	const fs = found.host.filesystems.get(rootfs);
	const file = fs && lookupFile(w, fs, path);
	return file?.node.type === 'file' ? file.node.content : undefined;
}

/** The caller's /etc/resolv.conf, as the C library reads it (the last `search` wins; ndots defaults to 1). */
export function resolverConfig(w: World, caller: DnsCaller): ResolverConfig {
	const text = readFile(w, caller, '/etc/resolv.conf');
	if (text === undefined) return {nameservers: [hostStubResolver], search: [], ndots: 1, fromFile: false};
	const config: ResolverConfig = {nameservers: [], search: [], ndots: 1, fromFile: true};
	for (const line of text.split('\n')) {
		const [key, ...values] = line.trim().split(/\s+/);
		if (key === 'nameserver' && values[0]) config.nameservers.push(values[0]);
		if (key === 'search' || key === 'domain') config.search = values.filter(v => v !== '.');
		if (key === 'options') for (const v of values) if (v.startsWith('ndots:')) config.ndots = Math.min(15, Number(v.slice(6)) || 0);
	}
	if (config.nameservers.length === 0) config.nameservers.push('127.0.0.1');
	return config;
}

/** The caller's /etc/hosts entry for a name, if any. */
export function hostsFileAddress(w: World, caller: DnsCaller, name: string): string | undefined {
	const text = readFile(w, caller, '/etc/hosts');
	const wanted = name.replace(/\.$/, '');
	for (const line of (text ?? '').split('\n')) {
		const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
		if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.includes(wanted)) return ip;
	}
	return undefined;
}

/** Asks one nameserver one question. */
export function queryNameserver(w: World, caller: DnsCaller, server: string, name: string, type: QueryType, behaviour: WorldBehaviour = worldBehaviour): DnsAnswer | 'timeout' {
	for (const answer of behaviour.dnsServers) {
		const result = answer(w, caller, server, name, type);
		if (result) return result;
	}
	// The host's own stub (systemd-resolved) and the lab gateway forward to the lab's resolver.
	if (server === hostStubResolver || server === '192.168.56.1') return upstreamAnswer(w, caller, name, type);
	return 'timeout';
}

/** The names a stub resolver tries for `name`, in order (glibc and musl: search first below ndots dots). */
export function candidateNames(name: string, config: ResolverConfig): string[] {
	if (name.endsWith('.')) return [name.slice(0, -1)];
	const dots = name.split('.').length - 1;
	const searched = config.search.map(domain => `${name}.${domain}`);
	return dots >= config.ndots ? [name, ...searched] : [...searched, name];
}

export type Lookup = {ok: true; ip: string; canonical: string} | {ok: false; error: 'nxdomain' | 'timeout'};

/** Follows CNAMEs in an answer to the first address. */
function addressIn(answer: DnsAnswer): {ip: string; canonical: string} | undefined {
	const a = answer.records.find((r): r is Extract<DnsRecord, {type: 'A'}> => r.type === 'A');
	return a ? {ip: a.ip, canonical: a.name} : undefined;
}

/** getaddrinfo() for an IPv4 address, as a program in the caller's process would call it. */
export function lookupHost(w: World, caller: DnsCaller, name: string, behaviour: WorldBehaviour = worldBehaviour): Lookup {
	if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return {ok: true, ip: name, canonical: name};
	const fromHosts = hostsFileAddress(w, caller, name);
	if (fromHosts) return {ok: true, ip: fromHosts, canonical: name};
	if (name === 'localhost' || name === 'ip6-localhost') return {ok: true, ip: '127.0.0.1', canonical: name};
	const config = resolverConfig(w, caller);
	let timedOut = false;
	for (const candidate of candidateNames(name, config)) {
		let answered = false;
		for (const server of config.nameservers) {
			const answer = queryNameserver(w, caller, server, candidate, 'A', behaviour);
			if (answer === 'timeout') continue;
			answered = true;
			const found = answer.rcode === 'NOERROR' ? addressIn(answer) : undefined;
			if (found) return {ok: true, ...found};
			break;
		}
		if (!answered) timedOut = true;
	}
	return {ok: false, error: timedOut ? 'timeout' : 'nxdomain'};
}
