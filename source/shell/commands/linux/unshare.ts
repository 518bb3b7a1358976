// unshare (util-linux): run a program (by default a shell) in new namespaces.
import type {NamespaceKind} from '../../../engine/host/types.ts';
import {isPrivileged, unshareProcess} from '../../../engine/host/unshare.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, ok} from './context.ts';
import {runNested} from './nested.ts';

const shortKinds: Record<string, NamespaceKind> = {m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time'};
const longKinds: Record<string, NamespaceKind> = {mount: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};

const help = `
Usage:
 unshare [options] [<program> [<argument>...]]

Run a program with some namespaces unshared from the parent.

Options:
 -m, --mount[=<file>]      unshare mounts namespace
 -u, --uts[=<file>]        unshare UTS namespace (hostname etc)
 -i, --ipc[=<file>]        unshare System V IPC namespace
 -n, --net[=<file>]        unshare network namespace
 -p, --pid[=<file>]        unshare pid namespace
 -U, --user[=<file>]       unshare user namespace
 -C, --cgroup[=<file>]     unshare cgroup namespace
 -T, --time[=<file>]       unshare time namespace

 -f, --fork                fork before launching <program>
 --mount-proc[=<dir>]      mount proc filesystem first (implies --mount)
 -r, --map-root-user       map current user to root (implies --user)

For more details see unshare(1).
`;

export const unshare: CommandSpec = external({
	name: 'unshare',
	summary: 'run a shell or program in new namespaces',
	usage: 'unshare [--uts] [--pid --fork] [--mount-proc] [--net] [--ipc] [--mount] [--user] [--map-root-user] [PROGRAM...]',
	flags: ['--uts', '--pid', '--fork', '--mount-proc', '--net', '--ipc', '--mount', '--user', '--map-root-user', '--cgroup', '--time'],
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const kinds = new Set<NamespaceKind>();
		let fork = false;
		let mountProc = false;
		let mapRoot = false;
		let i = 0;
		for (; i < args.length; i++) {
			const a = args[i]!;
			if (a === '--') {
				i++;
				break;
			}
			if (!a.startsWith('-') || a === '-') break;
			if (a.startsWith('--')) {
				const [name] = a.slice(2).split('=');
				if (name! in longKinds) kinds.add(longKinds[name!]!);
				else if (name === 'fork') fork = true;
				else if (name === 'mount-proc') {
					mountProc = true;
					kinds.add('mnt');
				} else if (name === 'map-root-user') {
					mapRoot = true;
					kinds.add('user');
				} else if (name === 'help') return ok(help.slice(1));
				else if (['propagation', 'setgroups', 'kill-child', 'root', 'wd', 'map-user', 'map-group', 'keep-caps', 'map-current-user', 'map-auto', 'setuid', 'setgid', 'monotonic', 'boottime'].includes(name!)) {
					if (!a.includes('=') && ['propagation', 'setgroups', 'root', 'wd', 'map-user', 'map-group', 'setuid', 'setgid', 'monotonic', 'boottime'].includes(name!)) i++;
				} else return fail(`unshare: unrecognized option '${a}'\nTry 'unshare --help' for more information.`);
				continue;
			}
			for (const letter of a.slice(1)) {
				if (letter in shortKinds) kinds.add(shortKinds[letter]!);
				else if (letter === 'f') fork = true;
				else if (letter === 'r') {
					mapRoot = true;
					kinds.add('user');
				} else if (letter === 'c') kinds.add('user');
				else if (letter === 'h') return ok(help.slice(1));
				else return fail(`unshare: invalid option -- '${letter}'\nTry 'unshare --help' for more information.`);
			}
		}
		const program = args.slice(i);
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
