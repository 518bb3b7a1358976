// unshare (util-linux): run a program (by default a shell) in new namespaces.
import type {NamespaceKind} from '../../../engine/host/types.ts';
import {isPrivileged, unshareProcess} from '../../../engine/host/unshare.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, ok, optionsOf} from './context.ts';
import {runNested} from './nested.ts';

const longKinds: Record<string, NamespaceKind> = {mount: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};

export const unshare: CommandSpec = external({
	name: 'unshare',
	summary: 'run a shell or program in new namespaces',
	usage: 'unshare [--uts] [--pid --fork] [--mount-proc] [--net] [--ipc] [--mount] [--user] [--map-root-user] [PROGRAM...]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const given = optionsOf('unshare', args);
		if (given.has('version')) return ok('unshare from util-linux 2.39.3\n');
		const kinds = new Set<NamespaceKind>(given.given.flatMap(g => (g.key in longKinds ? [longKinds[g.key]!] : [])));
		const fork = given.has('fork') || given.has('kill-child');
		const mountProc = given.has('mount-proc');
		const mapRoot = given.has('map-root-user');
		if (mountProc) kinds.add('mnt');
		if (mapRoot || given.has('map-current-user') || given.has('map-user') || given.has('map-group') || given.has('map-auto') || given.has('map-users') || given.has('map-groups')) kinds.add('user');
		const program = given.operands;
		const {host, process: me} = caller;
		if (!kinds.has('user') && !isPrivileged(host, me)) return fail('unshare: unshare failed: Operation not permitted');
		const user = kinds.has('user') ? (mapRoot ? 'root' : 'nobody') : ctx.frame.user;
		return runNested(
			ctx,
			{
				host: ctx.frame.host,
				user,
				cwd: ctx.frame.cwd,
				spawn: (w, h, command) => unshareProcess(w, h, {parentPid: ctx.frame.pid, kinds: [...kinds], command, mountProc, mapRootUser: mapRoot, fork, cwd: ctx.frame.cwd}).pid,
			},
			program,
			{notFound: p => `unshare: failed to execute ${p}: No such file or directory`, shellFrame: {kind: 'unshare', label: 'unshare'}},
		);
	},
});
