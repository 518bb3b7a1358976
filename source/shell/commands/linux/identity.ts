// Who and where am I: hostname, uname, id, whoami; and su / sudo to become someone else.
import {produce} from 'immer';
import {kernelBuildString} from '../../../engine/host/create-host.ts';
import {spawnProcess} from '../../../engine/host/processes.ts';
import {isPrivileged} from '../../../engine/host/unshare.ts';
import {ipOf} from '../../../engine/network/links.ts';
import {recordEvent} from '../../../engine/events.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, effectiveUser, external, fail, lostShell, ok, optionsOf} from './context.ts';
import {sudoUsage} from './option-specs-tools.ts';
import {runNested} from './nested.ts';

export const hostname: CommandSpec = external({
	name: 'hostname',
	summary: "show or set the system's host name (its UTS namespace's)",
	usage: 'hostname [NAME] | hostname -I',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const uts = host.namespaces.get(me.namespaces.uts);
		const name = uts?.hostname ?? host.name;
		const given = optionsOf('hostname', args);
		const operands = given.operands;
		if (given.has('all-ip-addresses')) {
			const net = host.namespaces.get(me.namespaces.net);
			const ips = (net?.interfaces ?? []).filter(i => i.kind !== 'loopback' && i.state === 'UP').flatMap(i => i.addresses.map(ipOf));
			return ok(ips.length ? ips.join(' ') + ' \n' : '\n');
		}
		if (given.has('ip-address')) return ok(`${host.ip}\n`);
		if (given.has('domain') || given.has('yp') || given.has('nis')) return ok('\n');
		if (given.has('version')) return ok('hostname 3.23\n');
		if (given.has('alias')) return ok('\n');
		if (given.has('file')) return fail('[simulator] hostname -F (the name read from a file) is not modelled; use hostname NAME');
		if (operands.length === 0) return ok(`${name}\n`);
		const wanted = operands[0]!;
		if (!isPrivileged(host, me, uts ? {kind: 'uts', id: uts.id} : undefined)) return fail('hostname: you must be root to change the host name');
		if (wanted.length > 64 || !/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(wanted)) return fail(`hostname: the specified hostname is invalid`);
		const world = produce(ctx.world, w => {
			const h = w.hosts.get(host.name)!;
			const ns = h.namespaces.get(me.namespaces.uts)!;
			const before = ns.hostname;
			ns.hostname = wanted;
			recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'HostnameChanged', object: `namespace/${host.name}/uts:[${ns.id}]`, message: `hostname ${before} -> ${wanted} in uts:[${ns.id}]${ns.id === h.initNamespaces.uts ? ' (the host itself)' : ''}`, host: host.name});
		});
		return {stdout: '', exitCode: 0, world};
	},
});

export const uname: CommandSpec = external({
	name: 'uname',
	summary: 'print kernel name, release (-r), host name (-n), machine (-m), all (-a)',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const nodename = host.namespaces.get(me.namespaces.uts)?.hostname ?? host.name;
		const fields = {s: 'Linux', n: nodename, r: host.kernel, v: kernelBuildString(host.kernel), m: host.arch, p: host.arch, i: host.arch, o: 'GNU/Linux'};
		const given = optionsOf('uname', args);
		if (given.has('version')) return ok('uname (GNU coreutils) 9.4\n');
		if (given.operands.length) return fail(`uname: extra operand '${given.operands[0]}'\nTry 'uname --help' for more information.`);
		const letters: Record<string, keyof typeof fields | 'a'> = {all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o'};
		const wanted = new Set<string>(given.given.map(g => letters[g.key]!));
		if (wanted.size === 0) wanted.add('s');
		const order: (keyof typeof fields)[] = wanted.has('a') ? ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] : (['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const).filter(k => wanted.has(k));
		return ok(order.map(k => fields[k]).join(' ') + '\n');
	},
});

function groupsFor(name: string, uid: number): string {
	if (uid === 0) return '0(root)';
	if (uid === 65534) return '65534(nogroup)';
	if (name === 'learner') return `${uid}(${name}),4(adm),27(sudo),999(docker)`;
	if (name === 'ubuntu') return `${uid}(${name}),4(adm),24(cdrom),27(sudo),30(dip),105(lxd)`;
	return `${uid}(${name})`;
}

export const id: CommandSpec = external({
	name: 'id',
	summary: 'print user and group ids (as the user namespace maps them)',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		let {uid, name} = effectiveUser(host, me);
		const given = optionsOf('id', args);
		const named = given.operands[0];
		if (named) {
			if (!(named in host.users)) return fail(`id: '${named}': no such user`);
			name = named;
			uid = host.users[named]!;
		}
		const group = uid === 65534 ? 'nogroup' : name;
		const byName = given.has('name');
		if (given.has('user')) return ok(`${byName ? name : uid}\n`);
		if (given.has('group')) return ok(`${byName ? group : uid}\n`);
		if (given.has('groups')) return ok(`${groupsFor(name, uid).replace(/\(\w+\)/g, '').replace(/,/g, ' ')}\n`);
		const inUserNs = me.namespaces.user !== host.initNamespaces.user;
		// Inside a user namespace, groups the map does not cover show up as nogroup.
		const groups = inUserNs && uid === 0 ? '0(root),65534(nogroup)' : groupsFor(name, uid);
		return ok(`uid=${uid}(${name}) gid=${uid}(${group}) groups=${groups}\n`);
	},
});

export const whoami: CommandSpec = external({
	name: 'whoami',
	summary: 'print the effective user name',
	run(_args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		return ok(`${effectiveUser(caller.host, caller.process).name}\n`);
	},
});

export const su: CommandSpec = external({
	name: 'su',
	summary: 'start a shell as another user (su - learner)',
	usage: 'su [-] [USER]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const given = optionsOf('su', args);
		if (given.has('command') || given.has('session-command')) return fail('[simulator] su -c is not simulated here; run it with: sudo -u USER COMMAND');
		// A lone "-" is -l; the first other word is the user (the rest would be the shell's arguments).
		const login = given.has('login') || given.operands.includes('-');
		const target = given.operands.find(a => a !== '-') ?? 'root';
		const uid = host.users[target];
		if (uid === undefined) return fail(`su: user ${target} does not exist or the user entry does not contain all the required fields`);
		if (me.uid !== 0) return fail('Password: \nsu: Authentication failure\n[simulator: only root can su here; use sudo]');
		const home = target === 'root' ? '/root' : `/home/${target}`;
		let pid = 0;
		const world = produce(ctx.world, w => {
			const h = w.hosts.get(host.name)!;
			pid = spawnProcess(w, h, {parentPid: me.pid, command: login ? '-bash' : 'bash', user: target, uid, tty: me.tty, cwd: home}).pid;
		});
		return {stdout: '', exitCode: 0, world, session: {...ctx.session, frames: [...ctx.session.frames, {host: host.name, pid, user: target, cwd: login ? home : ctx.frame.cwd, kind: 'login'}]}};
	},
});

export const sudo: CommandSpec = external({
	name: 'sudo',
	summary: 'run a command as root',
	usage: 'sudo COMMAND... | sudo -i',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const given = optionsOf('sudo', args);
		if (given.has('version')) return ok('Sudo version 1.9.15p5\n');
		const login = given.has('login') || given.has('shell');
		const words = given.operands;
		if (words.length === 0 && !login) return fail(sudoUsage);
		const target = given.value('user') ?? 'root';
		const uid = /^#\d+$/.test(target) ? Number(target.slice(1)) : host.users[target];
		if (uid === undefined) return fail(`sudo: unknown user ${target}\nsudo: error initializing audit plugin sudoers_audit`);
		const user = Object.entries(host.users).find(([, id]) => id === uid)?.[0] ?? target;
		const home = user === 'root' ? '/root' : `/home/${user}`;
		if (me.namespaces.user !== host.initNamespaces.user) return fail('sudo: unable to change to root gid: Invalid argument\nsudo: error initializing audit plugin sudoers_audit');
		return runNested(ctx, {host: host.name, user, cwd: login ? home : ctx.frame.cwd, spawn: (w, h, command) => spawnProcess(w, h, {parentPid: me.pid, command, user, uid, tty: me.tty}).pid}, words, {
			notFound: p => `sudo: ${p}: command not found`,
			notFoundExit: 1,
			shellFrame: {kind: 'login'},
		});
	},
});
