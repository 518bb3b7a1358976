// nsenter (util-linux): run a program (by default a shell) in the namespaces of another process.
import type {NamespaceKind} from '../../../engine/host/types.ts';
import {findExecutable} from '../../../engine/docker/programs.ts';
import {enterNamespaces, isPrivileged} from '../../../engine/host/unshare.ts';
import {spawnProcess} from '../../../engine/host/processes.ts';
import {namedNetns} from '../../../engine/network/links.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, findVisible, lostShell, ok} from './context.ts';
import {runNested} from './nested.ts';

const shortKinds: Record<string, NamespaceKind> = {m: 'mnt', u: 'uts', i: 'ipc', n: 'net', p: 'pid', U: 'user', C: 'cgroup', T: 'time'};
const longKinds: Record<string, NamespaceKind> = {mount: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};
const nsFileName: Record<NamespaceKind, string> = {mnt: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};

const help = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace

For more details see nsenter(1).
`;

export const nsenter: CommandSpec = external({
	name: 'nsenter',
	summary: "run a shell or program in another process's namespaces",
	usage: 'nsenter -t PID [-u] [-n] [-p] [-m] [-i] [-U] [-a] [PROGRAM...]',
	flags: ['-t', '--target', '-u', '-n', '-p', '-m', '-i', '-U', '-a', '--all'],
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me, viewPidNs} = caller;
		let target: string | undefined;
		const kinds = new Set<NamespaceKind>();
		let netFile: string | undefined;
		let i = 0;
		for (; i < args.length; i++) {
			const a = args[i]!;
			if (a === '--') {
				i++;
				break;
			}
			if (!a.startsWith('-') || a === '-') break;
			if (a.startsWith('--')) {
				const [name, value] = a.slice(2).split('=');
				if (name === 'target') target = value ?? args[++i];
				else if (name === 'all') for (const k of Object.values(longKinds)) kinds.add(k);
				else if (name! in longKinds) {
					kinds.add(longKinds[name!]!);
					if (value && name === 'net') netFile = value;
				} else if (name === 'help') return ok(help.slice(1));
				else if (['root', 'wd', 'setuid', 'setgid', 'preserve-credentials', 'no-fork', 'follow-context'].includes(name!)) {
					if (!a.includes('=') && ['setuid', 'setgid'].includes(name!)) i++;
				} else return fail(`nsenter: unrecognized option '${a}'\nTry 'nsenter --help' for more information.`);
				continue;
			}
			const letters = a.slice(1);
			for (let j = 0; j < letters.length; j++) {
				const letter = letters[j]!;
				if (letter === 't') {
					target = letters.slice(j + 1) || args[++i];
					break;
				}
				if (letter in shortKinds) kinds.add(shortKinds[letter]!);
				else if (letter === 'a') for (const k of Object.values(longKinds)) kinds.add(k);
				else if ('rwFZ'.includes(letter)) continue;
				else if (letter === 'h') return ok(help.slice(1));
				else return fail(`nsenter: invalid option -- '${letter}'\nTry 'nsenter --help' for more information.`);
			}
		}
		const program = args.slice(i);
		// --net=/run/netns/NAME (what `ip netns exec` does) needs no target.
		if (netFile) {
			const name = netFile.replace(/^\/(var\/)?run\/netns\//, '');
			const ns = namedNetns(host, name);
			if (!ns) return fail(`nsenter: cannot open ${netFile}: No such file or directory`);
			if (!isPrivileged(host, me)) return fail(`nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted`);
			return runNested(ctx, {host: host.name, user: ctx.frame.user, cwd: ctx.frame.cwd, spawn: (w, h, command) => spawnProcess(w, h, {parentPid: ctx.frame.pid, command, namespaces: {net: ns.id}, tty: me.tty}).pid}, program, {
				notFound: p => `nsenter: failed to execute ${p}: No such file or directory`,
				shellFrame: {kind: 'nsenter', label: `netns ${name}`},
			});
		}
		if (target === undefined) {
			const first = [...kinds][0];
			if (first) return fail(`nsenter: neither filename nor target pid supplied for ns/${nsFileName[first]}`);
			return runNested(ctx, {host: host.name, user: ctx.frame.user, cwd: ctx.frame.cwd, spawn: (w, h, command) => spawnProcess(w, h, {parentPid: ctx.frame.pid, command, tty: me.tty}).pid}, program, {
				notFound: p => `nsenter: failed to execute ${p}: No such file or directory`,
				shellFrame: {kind: 'nsenter'},
			});
		}
		if (!/^\d+$/.test(target)) return fail(`nsenter: failed to parse pid: '${target}'`);
		const targetProcess = findVisible(host, viewPidNs, Number(target));
		if (!targetProcess) return fail(`nsenter: cannot open /proc/${target}/ns/${nsFileName[[...kinds][0] ?? 'cgroup']}: No such file or directory`);
		if (!isPrivileged(host, me)) return fail(`nsenter: reassociate to namespace 'ns/${nsFileName[[...kinds][0] ?? 'ipc']}' failed: Operation not permitted`);
		const enteringUser = kinds.has('user') && targetProcess.namespaces.user !== me.namespaces.user;
		// Entering the target's own user namespace: you become whatever it maps your uid to (root when it was made with -r).
		const user = kinds.has('user') ? (enteringUser ? targetProcess.user : ctx.frame.user) : ctx.frame.user;
		const mnt = kinds.has('mnt');
		const targetRoot = mnt ? host.filesystems.get(host.namespaces.get(targetProcess.namespaces.mnt)?.rootfs ?? '') : undefined;
		if (targetRoot?.kind === 'overlay' && !findExecutable(ctx.world, targetRoot, program[0] ?? '/bin/bash', targetProcess.env?.['PATH'])) {
			// The program is looked up in the target's mount namespace: an image without it (nginx has no ps) cannot run it.
			return fail(`nsenter: failed to execute ${program[0] ?? '/bin/bash'}: No such file or directory`, 127);
		}
		return runNested(
			ctx,
			{host: host.name, user, cwd: mnt ? '/' : ctx.frame.cwd, spawn: (w, h, command) => enterNamespaces(w, h, {parentPid: ctx.frame.pid, targetPid: targetProcess.pid, kinds: [...kinds], command, tty: me.tty})?.pid ?? 'nsenter: target process exited'},
			program,
			{notFound: p => `nsenter: failed to execute ${p}: No such file or directory`, shellFrame: {kind: 'nsenter', label: 'nsenter'}},
		);
	},
});
