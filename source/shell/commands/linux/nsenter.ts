// nsenter (util-linux): run a program (by default a shell) in the namespaces of another process.
import type {NamespaceKind} from '../../../engine/host/types.ts';
import {findExecutable} from '../../../engine/docker/programs.ts';
import {enterNamespaces, isPrivileged} from '../../../engine/host/unshare.ts';
import {spawnProcess} from '../../../engine/host/processes.ts';
import {namedNetns} from '../../../engine/network/links.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, findVisible, lostShell, ok, optionsOf} from './context.ts';
import {runNested} from './nested.ts';

const longKinds: Record<string, NamespaceKind> = {mount: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};
const nsFileName: Record<NamespaceKind, string> = {mnt: 'mnt', uts: 'uts', ipc: 'ipc', net: 'net', pid: 'pid', user: 'user', cgroup: 'cgroup', time: 'time'};

export const nsenter: CommandSpec = external({
	name: 'nsenter',
	summary: "run a shell or program in another process's namespaces",
	usage: 'nsenter -t PID [-u] [-n] [-p] [-m] [-i] [-U] [-a] [PROGRAM...]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me, viewPidNs} = caller;
		const given = optionsOf('nsenter', args);
		if (given.has('version')) return ok('nsenter from util-linux 2.39.3\n');
		let target = given.value('target');
		const kinds = new Set<NamespaceKind>();
		if (given.has('all')) for (const k of Object.values(longKinds)) kinds.add(k);
		let netFile: string | undefined;
		for (const {key, value} of given.given) {
			if (!(key in longKinds)) continue;
			kinds.add(longKinds[key]!);
			// A namespace named by a file: /run/netns/NAME for net (what `ip netns exec` does), or a process's /proc/PID/ns/KIND.
			const ofProcess = value?.match(/^\/proc\/(\d+)\/ns\/[a-z_]+$/);
			if (ofProcess) target ??= ofProcess[1];
			else if (value !== undefined && key === 'net' && /^\/(var\/)?run\/netns\//.test(value)) netFile = value;
			else if (value !== undefined) return fail(`nsenter: cannot open ${value}: No such file or directory`);
		}
		const program = given.operands;
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
