// nslookup: asks the nameserver of the caller's /etc/resolv.conf. In a busybox or alpine container
// it is busybox's applet (networking/nslookup.c): the search list is applied only to names without
// a dot, A and AAAA queries each print their reply, and any NXDOMAIN makes the exit status 1. On
// an Ubuntu host it is bind9's nslookup, which asks systemd-resolved.
import {candidateNames, queryNameserver, resolverConfig, type DnsAnswer, type QueryType} from '../../../engine/network/dns.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome, CommandSpec, ShellFrame} from '../../types.ts';
import {busyboxVersion, usesBusybox} from './busybox.ts';
import {callerOf, external, fail, lostShell, notSimulated} from './context.ts';
import {nslookupFlags, readNslookupOptions} from './nslookup-options.ts';

/** The name CoreDNS gives an address in reverse (a Service's ClusterIP: NAME.NS.svc.cluster.local), if any. */
function reverseName(world: World, ip: string): string | undefined {
	for (const svc of world.cluster?.store.services.values() ?? []) {
		if (svc.spec?.clusterIP === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`;
	}
	return undefined;
}

/**
 * busybox up to 1.28 (the image the Kubernetes docs debug DNS with): the C library resolves the
 * name (search list, ndots), then each address, and the server, is named by a reverse lookup;
 * a name it cannot resolve is an error on stderr.
 */
function oldBusyboxLookup(world: World, who: {host: string; pid: number}, name: string, server: string, names: string[]): {stdout: string; stderr?: string; exitCode: number} {
	const address = (ip: string, i: number) => `Address ${i + 1}: ${ip}${reverseName(world, ip) ? ` ${reverseName(world, ip)}` : ''}\n`;
	const header = `Server:    ${server}\n${address(server, 0)}\n`;
	for (const candidate of names) {
		const answer = queryNameserver(world, who, server, candidate, 'A');
		if (answer === 'timeout' || answer.rcode !== 'NOERROR') continue;
		const ips = answer.records.flatMap(r => (r.type === 'A' ? [r.ip] : []));
		if (ips.length) return {stdout: `${header}Name:      ${name}\n${ips.map(address).join('')}`, exitCode: 0};
	}
	return {stdout: header, stderr: `nslookup: can't resolve '${name}'\n`, exitCode: 1};
}

function replyText(answer: DnsAnswer, name: string, busybox: boolean): string {
	if (answer.rcode !== 'NOERROR') return `** server can't find ${name}: ${answer.rcode}\n\n`;
	let out = answer.authoritative ? '' : 'Non-authoritative answer:\n';
	for (const r of answer.records) out += r.type === 'A' ? `Name:\t${r.name}\nAddress: ${r.ip}\n` : `${r.name}\tcanonical name = ${r.target}${busybox ? '' : '.'}\n`;
	return out + (busybox ? '\n' : '');
}

export const nslookup: CommandSpec = external({
	name: 'nslookup',
	summary: 'query the nameserver of /etc/resolv.conf for a name',
	usage: 'nslookup NAME [SERVER]',
	flags: nslookupFlags.bind,
	flagsAt: (world: World, frame: ShellFrame) => (usesBusybox(world, frame) ? nslookupFlags.busybox : nslookupFlags.bind),
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const busybox = usesBusybox(ctx.world, ctx.frame);
		const read = readNslookupOptions(args, busybox);
		if (read === 'usage') return fail(busyboxNslookupUsage);
		const {given, invalid} = read;
		const words = given.operands;
		if (words.length === 0 || words.length > 2) {
			return busybox ? fail(busyboxNslookupUsage) : fail('[simulator] interactive nslookup is not simulated here; give it a name: nslookup NAME', 1);
		}
		const type = given.value('type');
		if (busybox && type !== undefined && !busyboxQueryTypes.includes(type.toLowerCase())) return fail(`nslookup: invalid query type "${type}"`);
		// bind: an unknown option, or an unknown type, is said on stdout and the lookup goes on (for A).
		const said = invalid.map(opt => `*** Invalid option: ${opt}\n`).join('') + (!busybox && type !== undefined && !bindQueryTypes.includes(type.toLowerCase()) ? `unknown query type: ${type}\n` : '');
		const onlyA = type?.toLowerCase() === 'a';
		const notes = notSimulated('nslookup', given, ['type']) + (type !== undefined && !onlyA && (busybox || bindQueryTypes.includes(type.toLowerCase())) ? `[simulator] nslookup -type=${type}: only A (and AAAA) lookups are simulated; this is the plain lookup\n` : '');
		const outcome = lookupOutcome(ctx, words, busybox, onlyA);
		return {...outcome, stdout: said + outcome.stdout, ...(notes || outcome.stderr ? {stderr: notes + (outcome.stderr ?? '')} : {})};
	},
});

const busyboxQueryTypes = ['a', 'ns', 'cname', 'soa', 'ptr', 'mx', 'txt', 'aaaa', 'srv', 'naptr', 'any'];
const bindQueryTypes = ['a', 'aaaa', 'ns', 'cname', 'soa', 'ptr', 'mx', 'txt', 'srv', 'naptr', 'any', 'caa', 'ds', 'dnskey', 'hinfo', 'https', 'svcb', 'axfr'];

const busyboxNslookupUsage = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

/** The lookup itself: busybox asks A then AAAA for each name of the search; bind the first name that exists. */
function lookupOutcome(ctx: CommandContext, words: string[], busybox: boolean, onlyA: boolean): CommandOutcome {
		const name = words[0]!;
		const who = {host: ctx.frame.host, pid: ctx.frame.pid};
		const config = resolverConfig(ctx.world, who);
		const server = words[1] ?? config.nameservers[0]!;
		if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return {stdout: '', stderr: `[simulator] reverse lookups (PTR) are not simulated here; look names up forward: nslookup NAME\n`, exitCode: 1};
		if (busybox && /^1\.(1\d|2[0-8])\./.test(busyboxVersion(ctx.world, ctx.frame) ?? '')) return oldBusyboxLookup(ctx.world, who, name, server, candidateNames(name, config));
		// busybox: the search list only for a name without a dot; bind: as the C library does (ndots).
		const names = busybox ? (name.includes('.') || name.endsWith('.') ? [name.replace(/\.$/, '')] : config.search.length ? config.search.map(d => `${name}.${d}`) : [name]) : candidateNames(name, config);
		const header = busybox ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n` : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
		const timedOut = ';; connection timed out; no servers could be reached\n\n';
		if (busybox) {
			let out = '';
			let failed = false;
			for (const type of (onlyA ? ['A'] : ['A', 'AAAA']) as QueryType[]) {
				for (const candidate of names) {
					const answer = queryNameserver(ctx.world, who, server, candidate, type);
					if (answer === 'timeout') return {stdout: timedOut, exitCode: 1};
					if (answer.rcode !== 'NOERROR') failed = true;
					out += replyText(answer, candidate, true);
				}
			}
			return {stdout: header + out, exitCode: failed ? 1 : 0};
		}
		// bind: the first name of the search that exists answers (A, then AAAA); else the last NXDOMAIN.
		for (const candidate of names) {
			const a = queryNameserver(ctx.world, who, server, candidate, 'A');
			if (a === 'timeout') return {stdout: timedOut, exitCode: 1};
			if (a.rcode !== 'NOERROR') continue;
			const aaaa = onlyA ? 'timeout' : queryNameserver(ctx.world, who, server, candidate, 'AAAA');
			const extra = aaaa !== 'timeout' && aaaa.records.length ? replyText(aaaa, candidate, false).replace(/^Non-authoritative answer:\n/, '') : '';
			return {stdout: header + replyText(a, candidate, false) + extra + '\n', exitCode: 0};
		}
		return {stdout: header + `** server can't find ${name}: NXDOMAIN\n\n`, exitCode: 1};
}
