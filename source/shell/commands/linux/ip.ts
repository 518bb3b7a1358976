// ip (iproute2): link, addr, netns, route, in the caller's network namespace.
import {produce} from 'immer';
import {spawnProcess} from '../../../engine/host/processes.ts';
import type {Host, Namespace, NetInterface} from '../../../engine/host/types.ts';
import {isPrivileged} from '../../../engine/host/unshare.ts';
import {addAddress, addNamedNetns, addVethPair, deleteAddress, deleteLink, deleteNamedNetns, findInterface, ipOf, linkIsOperational, moveInterface, namedNetns, parseCidr, setLinkState} from '../../../engine/network/links.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, ok, optionsOf} from './context.ts';
import {ipUsage} from './option-specs-tools.ts';
import {runNested} from './nested.ts';

function flagsOf(host: Host, iface: NetInterface): string {
	if (iface.kind === 'loopback') return iface.state === 'UP' ? '<LOOPBACK,UP,LOWER_UP>' : '<LOOPBACK>';
	if (iface.state !== 'UP') return iface.kind === 'veth' ? '<BROADCAST,MULTICAST,M-DOWN>' : '<BROADCAST,MULTICAST>';
	return linkIsOperational(host, iface) ? '<BROADCAST,MULTICAST,UP,LOWER_UP>' : '<NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN>';
}

function operState(host: Host, iface: NetInterface): string {
	if (iface.kind === 'loopback') return iface.state === 'UP' ? 'UNKNOWN' : 'DOWN';
	if (iface.state !== 'UP') return 'DOWN';
	return linkIsOperational(host, iface) ? 'UP' : 'LOWERLAYERDOWN';
}

function qdisc(iface: NetInterface): string {
	if (iface.state !== 'UP') return 'noop';
	return iface.kind === 'ethernet' ? 'fq_codel' : 'noqueue';
}

function nameWithPeer(host: Host, ns: Namespace, iface: NetInterface): string {
	if (iface.kind !== 'veth' || !iface.peer) return iface.name;
	if (iface.peer.namespaceId === ns.id) return `${iface.name}@${iface.peer.name}`;
	const peer = host.namespaces.get(iface.peer.namespaceId)?.interfaces?.find(i => i.name === iface.peer!.name);
	return `${iface.name}@if${peer?.index ?? 0}`;
}

function linkNetns(host: Host, ns: Namespace, iface: NetInterface): string {
	if (iface.kind !== 'veth' || !iface.peer || iface.peer.namespaceId === ns.id) return '';
	const other = host.namespaces.get(iface.peer.namespaceId);
	return other?.name ? ` link-netns ${other.name}` : ' link-netnsid 0';
}

function linkLines(host: Host, ns: Namespace, iface: NetInterface, showMode: boolean): string[] {
	const head = `${iface.index}: ${nameWithPeer(host, ns, iface)}: ${flagsOf(host, iface)} mtu ${iface.mtu} qdisc ${qdisc(iface)} state ${operState(host, iface)}${showMode ? ' mode DEFAULT' : ''} group default qlen 1000`;
	const link = iface.kind === 'loopback' ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' : `    link/ether ${iface.mac} brd ff:ff:ff:ff:ff:ff${linkNetns(host, ns, iface)}`;
	return [head, link];
}

function broadcast(cidr: string): string {
	const parsed = parseCidr(cidr)!;
	const n = parsed.ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
	const hostBits = 32 - parsed.prefix;
	const b = hostBits === 0 ? n : (Math.floor(n / 2 ** hostBits) + 1) * 2 ** hostBits - 1;
	return [24, 16, 8, 0].map(s => Math.floor(b / 2 ** s) % 256).join('.');
}

function linkLocal(mac: string): string {
	const b = mac.split(':').map(h => parseInt(h, 16));
	const words = [((b[0]! ^ 2) << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
	return `fe80::${words.map(x => x.toString(16)).join(':')}`;
}

function addrLines(host: Host, ns: Namespace, iface: NetInterface): string[] {
	const lines = linkLines(host, ns, iface, false);
	if (iface.kind === 'loopback') {
		if (iface.state !== 'UP') return lines;
		return [...lines, '    inet 127.0.0.1/8 scope host lo', '       valid_lft forever preferred_lft forever', '    inet6 ::1/128 scope host noprefixroute ', '       valid_lft forever preferred_lft forever'];
	}
	for (const a of iface.addresses) {
		const prefix = parseCidr(a)?.prefix ?? 32;
		lines.push(`    inet ${a}${prefix < 31 ? ` brd ${broadcast(a)}` : ''} scope global ${iface.name}`, '       valid_lft forever preferred_lft forever');
	}
	if (linkIsOperational(host, iface)) lines.push(`    inet6 ${linkLocal(iface.mac)}/64 scope link `, '       valid_lft forever preferred_lft forever');
	return lines;
}

type Where = {host: Host; ns: Namespace};

function change(ctx: CommandContext, where: Where, fn: (w: World, host: Host, ns: Namespace) => string | undefined): CommandOutcome {
	let error: string | undefined;
	const world = produce(ctx.world, w => {
		const host = w.hosts.get(where.host.name)!;
		error = fn(w, host, host.namespaces.get(where.ns.id)!);
	});
	if (error) return fail(error, error.startsWith('Cannot find device') ? 1 : 2);
	return {stdout: '', exitCode: 0, world};
}

const abbrev = (word: string | undefined, full: string, min = 1) => !!word && word.length >= min && full.startsWith(word);

function devArg(words: string[]): string | undefined {
	const i = words.indexOf('dev');
	return i >= 0 ? words[i + 1] : words.find(w => !['show', 'list', 'ls', 'up', 'down'].includes(w));
}

function linkCommand(ctx: CommandContext, where: Where, words: string[], privileged: boolean): CommandOutcome {
	const [verb = 'show', ...rest] = words;
	const {host, ns} = where;
	if (abbrev(verb, 'show') || abbrev(verb, 'list') || verb === 'ls') {
		const name = devArg(rest);
		const ifaces = (ns.interfaces ?? []).filter(i => !name || i.name === name);
		if (name && ifaces.length === 0) return fail(`Device "${name}" does not exist.`);
		return ok(ifaces.sort((a, b) => a.index - b.index).flatMap(i => linkLines(host, ns, i, true)).join('\n') + '\n');
	}
	if (!privileged && ['add', 'set', 'delete', 'del'].includes(verb)) return fail('RTNETLINK answers: Operation not permitted', 2);
	if (verb === 'add') {
		// ip link add [name] A type veth peer [name] B
		const words2 = rest[0] === 'name' ? rest.slice(1) : rest;
		const name = words2[0];
		const typeAt = words2.indexOf('type');
		const type = typeAt >= 0 ? words2[typeAt + 1] : undefined;
		if (!name || !type) return fail('Not enough information: "type" argument is required', 2);
		if (type !== 'veth') return fail(`[simulator] ip link add type ${type} is accepted by ip but not simulated here; use type veth`, 2);
		const peerAt = words2.indexOf('peer');
		const peer = peerAt >= 0 ? (words2[peerAt + 1] === 'name' ? words2[peerAt + 2] : words2[peerAt + 1]) : undefined;
		return change(ctx, where, (w, h, n) => addVethPair(w, h, n, name, peer ?? `veth${(n.interfaces?.length ?? 0)}`));
	}
	if (verb === 'delete' || verb === 'del') {
		const name = devArg(rest);
		if (!name) return fail('Not enough information: "dev" argument is required.', 2);
		return change(ctx, where, (_w, h, n) => deleteLink(h, n, name));
	}
	if (verb === 'set') {
		const name = rest[0] === 'dev' ? rest[1] : rest[0];
		const options = rest.slice(rest[0] === 'dev' ? 2 : 1);
		if (!name) return fail('Not enough information: "dev" argument is required.', 2);
		if (!findInterface(ns, name)) return fail(`Cannot find device "${name}"`);
		return change(ctx, where, (w, h, n) => {
			for (let i = 0; i < options.length; i++) {
				const o = options[i]!;
				if (o === 'up' || o === 'down') {
					const error = setLinkState(w, h, n, name, o === 'up' ? 'UP' : 'DOWN');
					if (error) return error;
				} else if (o === 'netns') {
					const targetName = options[++i];
					if (!targetName) return 'Command line is not complete. Try option "help"';
					const target = /^\d+$/.test(targetName) ? netnsOfPid(h, Number(targetName), ctx) : namedNetns(h, targetName);
					if (!target) return /^\d+$/.test(targetName) ? `Invalid "netns" value "${targetName}"` : `Cannot find netns "${targetName}"`;
					const error = moveInterface(w, h, n, name, target);
					if (error) return error;
				} else if (o === 'name') {
					const newName = options[++i];
					const iface = findInterface(n, name);
					if (!newName || !iface) return 'Command line is not complete. Try option "help"';
					iface.name = newName;
				} else if (o === 'mtu') {
					const iface = findInterface(n, name)!;
					iface.mtu = Number(options[++i]) || iface.mtu;
				} else return `Error: either "dev" is duplicate, or "${o}" is a garbage.`;
			}
			return undefined;
		});
	}
	return fail(`Command "${verb}" is unknown, try "ip link help".`, 255);
}

function netnsOfPid(host: Host, pid: number, ctx: CommandContext): Namespace | undefined {
	const caller = callerOf(ctx.world, ctx.frame);
	if (!caller) return undefined;
	for (const p of host.processes.values()) if (p.nsPids[caller.viewPidNs] === pid) return host.namespaces.get(p.namespaces.net);
	return undefined;
}

function addrCommand(ctx: CommandContext, where: Where, words: string[], privileged: boolean): CommandOutcome {
	const [verb = 'show', ...rest] = words;
	const {host, ns} = where;
	if (abbrev(verb, 'show') || abbrev(verb, 'list') || verb === 'ls') {
		const name = devArg(rest);
		const ifaces = (ns.interfaces ?? []).filter(i => !name || i.name === name);
		if (name && ifaces.length === 0) return fail(`Device "${name}" does not exist.`);
		return ok(ifaces.sort((a, b) => a.index - b.index).flatMap(i => addrLines(host, ns, i)).join('\n') + '\n');
	}
	if (verb === 'add' || verb === 'del' || verb === 'delete') {
		if (!privileged) return fail('RTNETLINK answers: Operation not permitted', 2);
		const cidr = rest[0];
		const dev = rest[rest.indexOf('dev') + 1];
		if (!cidr || rest.indexOf('dev') < 0 || !dev) return fail('Not enough information: "dev" argument is required.', 2);
		return change(ctx, where, (w, h, n) => (verb === 'add' ? addAddress(w, h, n, dev, cidr) : deleteAddress(n, dev, cidr)));
	}
	return fail(`Command "${verb}" is unknown, try "ip address help".`, 255);
}

function routeCommand(where: Where): CommandOutcome {
	const {host, ns} = where;
	const lines: string[] = [];
	for (const iface of ns.interfaces ?? []) {
		if (iface.kind === 'loopback' || !linkIsOperational(host, iface)) continue;
		for (const a of iface.addresses) {
			const parsed = parseCidr(a)!;
			if (iface.kind === 'ethernet' && lines.length === 0) lines.push(`default via ${ipOf(a).replace(/\.\d+$/, '.1')} dev ${iface.name} proto static`);
			const n = parsed.ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
			const net = Math.floor(n / 2 ** (32 - parsed.prefix)) * 2 ** (32 - parsed.prefix);
			lines.push(`${[24, 16, 8, 0].map(s => Math.floor(net / 2 ** s) % 256).join('.')}/${parsed.prefix} dev ${iface.name} proto kernel scope link src ${parsed.ip}`);
		}
	}
	return ok(lines.length ? lines.join('\n') + '\n' : '');
}

function netnsCommand(ctx: CommandContext, where: Where, words: string[], privileged: boolean): CommandOutcome {
	const [verb = 'list', name, ...rest] = words;
	const {host} = where;
	const named = [...host.namespaces.values()].filter(ns => ns.kind === 'net' && ns.name).sort((a, b) => b.id - a.id);
	if (verb === 'list' || verb === 'ls' || verb === 'show') {
		return ok(named.map(ns => `${ns.name}${ns.interfaces?.some(i => i.peer && i.peer.namespaceId !== ns.id) ? ` (id: ${named.length - 1 - named.indexOf(ns)})` : ''}`).join('\n') + (named.length ? '\n' : ''));
	}
	if (verb === 'add' || verb === 'delete' || verb === 'del') {
		if (!name) return fail(`No netns name specified`);
		if (!privileged) return fail(`mount --make-shared /run/netns failed: Operation not permitted`);
		return change(ctx, where, (w, h) => {
			if (verb === 'add') {
				const made = addNamedNetns(w, h, name, ctx.frame.pid);
				return typeof made === 'string' ? made : undefined;
			}
			return deleteNamedNetns(w, h, name);
		});
	}
	if (verb === 'exec') {
		if (!name) return fail('No netns name specified');
		const ns = namedNetns(host, name);
		if (!ns) return fail(`Cannot open network namespace "${name}": No such file or directory`);
		if (!privileged) return fail(`setting the network namespace "${name}" failed: Operation not permitted`);
		if (rest.length === 0) return fail('No command specified');
		const me = host.processes.get(ctx.frame.pid)!;
		return runNested(ctx, {host: host.name, user: ctx.frame.user, cwd: ctx.frame.cwd, spawn: (w, h, command) => spawnProcess(w, h, {parentPid: me.pid, command, namespaces: {net: ns.id}, tty: me.tty}).pid}, rest, {
			notFound: p => `exec of "${p}" failed: No such file or directory`,
			notFoundExit: 255,
			shellFrame: {kind: 'netns', label: `netns ${name}`},
		});
	}
	if (verb === 'identify') return ok('\n');
	return fail(`Command "${verb}" is unknown, try "ip netns help".`, 255);
}

/** `ip -br link` / `ip -br addr`: one line per interface. */
function briefList(where: Where, link: boolean, name: string | undefined): CommandOutcome {
	const {host, ns} = where;
	const ifaces = (ns.interfaces ?? []).filter(i => !name || i.name === name).sort((a, b) => a.index - b.index);
	if (name && ifaces.length === 0) return fail(`Device "${name}" does not exist.`);
	const lines = ifaces.map(i => {
		const head = `${nameWithPeer(host, ns, i).padEnd(16)} ${operState(host, i).padEnd(14)} `;
		if (link) return `${head}${i.mac} ${flagsOf(host, i)} `;
		const addresses = i.kind === 'loopback' ? (i.state === 'UP' ? ['127.0.0.1/8', '::1/128'] : []) : [...i.addresses, ...(linkIsOperational(host, i) ? [`${linkLocal(i.mac)}/64`] : [])];
		return `${head}${addresses.map(a => a + ' ').join('')}`;
	});
	return ok(lines.join('\n') + '\n');
}

export const ip: CommandSpec = external({
	name: 'ip',
	summary: 'show and change network interfaces and namespaces (link, addr, netns, route)',
	usage: 'ip link | ip addr | ip netns add|list|exec|delete | ip link add A type veth peer name B | ip link set A netns NS | ip addr add CIDR dev A',
	subcommands: ['link', 'addr', 'address', 'netns', 'route', 'a', 'l', 'r'],
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const given = optionsOf('ip', args);
		if (given.has('Version')) return ok('ip utility, iproute2-6.1.0, libbpf 1.3.0\n');
		const brief = given.has('brief');
		const words = given.operands;
		let ns = host.namespaces.get(me.namespaces.net)!;
		if (given.has('netns')) {
			// ip -n NAME: ip switches into /run/netns/NAME (setns, so root only) before it runs the object.
			const name = given.value('netns');
			const named = name ? namedNetns(host, name) : undefined;
			if (!named) return fail(`Cannot open network namespace "${name ?? '(null)'}": No such file or directory`, 255);
			if (!isPrivileged(host, me, {kind: 'net', id: me.namespaces.net})) return fail(`setting the network namespace "${name}" failed: Operation not permitted`, 255);
			ns = named;
		}
		if (words.length === 0 || words[0] === 'help') return {stdout: '', stderr: ipUsage, exitCode: 255};
		// Display options that change what ip prints, not modelled: said once, the usual output follows.
		const unmodelled = ['json', 'pretty', 'stats', 'statistics', 'details', 'oneline', 'timestamp', 'tshort'].filter(o => given.has(o));
		if (unmodelled.length) {
			const result = ipObject(ctx, {host, ns}, words, isPrivileged(host, me, {kind: 'net', id: ns.id}), brief, me.namespaces.user === host.initNamespaces.user);
			return {...result, stderr: `[simulator] ip ${unmodelled.map(o => `-${o}`).join(' ')}: not modelled; the usual output follows\n${result.stderr ?? ''}`};
		}
		return ipObject(ctx, {host, ns}, words, isPrivileged(host, me, {kind: 'net', id: ns.id}), brief, me.namespaces.user === host.initNamespaces.user);
	},
});

function ipObject(ctx: CommandContext, where: Where, words: string[], privileged: boolean, brief: boolean, initialUserNs: boolean): CommandOutcome {
	const [object, ...rest] = words;
	if (brief && (abbrev(object, 'link') || abbrev(object, 'address')) && (rest.length === 0 || abbrev(rest[0], 'show'))) return briefList(where, abbrev(object, 'link'), devArg(rest.slice(1)));
	if (abbrev(object, 'link')) return linkCommand(ctx, where, rest, privileged);
	if (abbrev(object, 'address') || object === 'addr') return addrCommand(ctx, where, rest, privileged);
	if (abbrev(object, 'route')) return routeCommand(where);
	if (object === 'netns') return netnsCommand(ctx, where, rest, privileged && initialUserNs);
	if (abbrev(object, 'neighbour') || abbrev(object, 'neighbor') || abbrev(object, 'rule')) return ok('');
	return fail(`Object "${object}" is unknown, try "ip help".`, 1);
}
