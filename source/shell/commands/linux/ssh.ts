// ssh: a login shell on another host of the world (or one command there).
import {produce} from 'immer';
import {spawnProcess} from '../../../engine/host/processes.ts';
import {worldEpoch} from '../../../engine/world.ts';
import {findAddressOwner} from '../../../engine/network/connect.ts';
import type {CommandSpec} from '../../types.ts';
import {callerOf, external, fail, lostShell, optionsOf} from './context.ts';
import {sshUsage} from './option-specs-tools.ts';
import {runNested} from './nested.ts';

function lastLogin(time: number, from: string): string {
	const d = new Date(worldEpoch + time);
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	return `Last login: ${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()} from ${from}`;
}

export const ssh: CommandSpec = external({
	name: 'ssh',
	summary: 'log in to another host (ssh host-2), or run one command there',
	usage: 'ssh [USER@]HOST [COMMAND...]',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const given = optionsOf('ssh', args);
		const [target, ...command] = given.operands;
		if (!target) return fail(sshUsage, 255);
		const login = given.value('l');
		const [userPart, hostPart] = target.includes('@') ? target.split('@') as [string, string] : [login ?? (ctx.frame.user === 'nobody' ? 'root' : ctx.frame.user), target];
		const byName = ctx.world.hosts.get(hostPart);
		const byIp = byName ? undefined : findAddressOwner(ctx.world, hostPart)?.host;
		const host = byName ?? (byIp && byIp.ip === hostPart ? byIp : undefined);
		if (!host) {
			if (/^\d{1,3}(\.\d{1,3}){3}$/.test(hostPart)) return fail(`ssh: connect to host ${hostPart} port 22: No route to host`, 255);
			return fail(`ssh: Could not resolve hostname ${hostPart}: Name or service not known`, 255);
		}
		if (!host.reachable) return fail(`ssh: connect to host ${hostPart} port 22: ${host.bootsAt !== undefined ? 'Connection refused' : 'No route to host'}`, 255);
		if (host.services.sshd !== 'active') return fail(`ssh: connect to host ${hostPart} port 22: Connection refused`, 255);
		const user = userPart in host.users ? userPart : undefined;
		if (!user) return fail(`${userPart}@${hostPart}: Permission denied (publickey).`, 255);
		const uid = host.users[user]!;
		const home = user === 'root' ? '/root' : `/home/${user}`;
		const sshd = [...host.processes.values()].find(p => p.command.startsWith('sshd'))?.pid ?? 1;
		if (command.length > 0) {
			// sshd hands the words, joined by spaces, to the user's shell as one line: `ssh host-2 'hostname; whoami'`.
			return runNested(ctx, {host: host.name, user, cwd: home, spawn: (w, h, cmd) => spawnProcess(w, h, {parentPid: sshd, command: cmd, user, uid, cgroup: '/user.slice', cwd: home}).pid}, ['bash', '-c', command.join(' ')], {
				notFound: p => `bash: line 1: ${p}: command not found`,
				shellFrame: {kind: 'ssh'},
			});
		}
		let pid = 0;
		const world = produce(ctx.world, w => {
			const h = w.hosts.get(host.name)!;
			pid = spawnProcess(w, h, {parentPid: sshd, command: '-bash', user, uid, cgroup: '/user.slice', cwd: home, tty: 'pts/1', memoryBytes: 5 * 1024 * 1024}).pid;
		});
		const from = caller.host.ip;
		const banner = `Welcome to ${host.os} (GNU/Linux ${host.kernel} ${host.arch})\n\n${lastLogin(Math.max(0, ctx.world.time - 3_600_000), from)}\n`;
		return {stdout: banner, exitCode: 0, world, session: {...ctx.session, frames: [...ctx.session.frames, {host: host.name, pid, user, cwd: home, kind: 'ssh'}]}};
	},
});
