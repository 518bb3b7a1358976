// The machine itself: dmesg, free, systemctl, poweroff / shutdown, and the simulator's power button.
import {produce} from 'immer';
import {hostMemoryUsed, kernelReservedBytes} from '../../../engine/host/memory.ts';
import {powerOffHost, powerOnHost} from '../../../engine/host/power.ts';
import {restartService, serviceProcess, startService, stopService} from '../../../engine/host/services.ts';
import type {Host} from '../../../engine/host/types.ts';
import {isPrivileged} from '../../../engine/host/unshare.ts';
import {worldEpoch, type World} from '../../../engine/world.ts';
import type {CommandOutcome, CommandSpec, ShellSession} from '../../types.ts';
import {callerOf, external, fail, formatBytesHuman, lostShell, ok, optionsOf} from './context.ts';

export const dmesg: CommandSpec = external({
	name: 'dmesg',
	summary: "print the kernel's log (OOM kills, fork rejections)",
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		if (!isPrivileged(caller.host, caller.process) || caller.process.namespaces.user !== caller.host.initNamespaces.user) return fail('dmesg: read kernel buffer failed: Operation not permitted');
		const given = optionsOf('dmesg', args);
		if (given.has('clear') || given.has('read-clear')) {
			const printed = given.has('read-clear') ? caller.host.kernelLog.join('\n') + '\n' : '';
			const world = produce(ctx.world, w => {
				w.hosts.get(caller.host.name)!.kernelLog = [];
			});
			return {stdout: printed, exitCode: 0, world};
		}
		let lines = caller.host.kernelLog;
		if (given.has('ctime')) {
			lines = lines.map(l => {
				const m = l.match(/^\[\s*(\d+\.\d+)\] (.*)$/);
				if (!m) return l;
				const at = new Date(worldEpoch + caller.host.bootTime + Number(m[1]) * 1000);
				const stamp = at.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 $4');
				return `[${stamp}] ${m[2]}`;
			});
		}
		return ok(lines.length ? lines.join('\n') + '\n' : '');
	},
});

export const free: CommandSpec = external({
	name: 'free',
	summary: 'show memory in use and available (-m, -h)',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const host = caller.host;
		const used = hostMemoryUsed(host);
		const cache = Math.floor(kernelReservedBytes(host) / 2);
		const total = host.memoryBytes;
		const values = [total, used - cache, Math.max(0, total - used), 1.2 * 1024 * 1024, cache, Math.max(0, total - used)];
		const given = optionsOf('free', args);
		const unit = given.has('human') ? 'h' : given.has('gibi') ? 'g' : given.has('mebi') ? 'm' : given.has('bytes') ? 'b' : 'k';
		const fmt = (bytes: number) => {
			if (unit === 'h') return formatBytesHuman(Math.round(bytes));
			const divisor = {b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3}[unit];
			return String(Math.floor(bytes / divisor));
		};
		const row = (label: string, nums: number[]) => label.padEnd(8) + nums.map(n => fmt(n).padStart(12)).join('');
		return ok(`               total        used        free      shared  buff/cache   available\n${row('Mem:', values)}\n${row('Swap:', [0, 0, 0])}\n`);
	},
});

type Unit = {key: string; unit: string; description: string; docs: string};
const units: Unit[] = [
	{key: 'sshd', unit: 'ssh', description: 'OpenBSD Secure Shell server', docs: 'man:sshd(8)\n             man:sshd_config(5)'},
	{key: 'dockerd', unit: 'docker', description: 'Docker Application Container Engine', docs: 'https://docs.docker.com'},
	{key: 'containerd', unit: 'containerd', description: 'containerd container runtime', docs: 'https://containerd.io'},
	{key: 'kubelet', unit: 'kubelet', description: 'kubelet: The Kubernetes Node Agent', docs: 'https://kubernetes.io/docs/'},
	{key: 'cron', unit: 'cron', description: 'Regular background program processing daemon', docs: 'man:cron(8)'},
	{key: 'systemd-journald', unit: 'systemd-journald', description: 'Journal Service', docs: 'man:systemd-journald.service(8)\n             man:journald.conf(5)'},
	{key: 'multipassd', unit: 'snap.multipass.multipassd', description: 'Service for snap application multipass.multipassd', docs: 'https://multipass.run'},
];

function findUnit(host: Host, name: string): Unit | undefined {
	const bare = name.replace(/\.service$/, '');
	const known = units.find(u => u.unit === bare || u.key === bare || (bare === 'sshd' && u.key === 'sshd'));
	if (known && known.key in host.services) return known;
	if (bare in host.services) return {key: bare, unit: bare, description: `${bare}`, docs: `man:${bare}(8)`};
	return undefined;
}

function ago(ms: number): string {
	const s = Math.max(0, Math.floor(ms / 1000));
	if (s < 60) return `${s}s ago`;
	if (s < 3600) return `${Math.floor(s / 60)}min ${s % 60}s ago`;
	return `${Math.floor(s / 3600)}h ${Math.floor(s / 60) % 60}min ago`;
}

function timestamp(ms: number): string {
	const d = new Date(worldEpoch + ms);
	const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
	return `${days[d.getUTCDay()]} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

function status(world: World, host: Host, unit: Unit): CommandOutcome {
	const active = host.services[unit.key] === 'active';
	const p = serviceProcess(host, unit.key);
	const lastStop = [...world.events].reverse().find(e => e.object === `service/${host.name}/${unit.key}` && e.reason === 'Stopped');
	const lines = [
		`${active ? '●' : '○'} ${unit.unit}.service - ${unit.description}`,
		`     Loaded: loaded (/usr/lib/systemd/system/${unit.unit}.service; enabled; preset: enabled)`,
	];
	if (active && p) {
		lines.push(
			`     Active: active (running) since ${timestamp(p.startTime)}; ${ago(world.time - p.startTime)}`,
			`       Docs: ${unit.docs}`,
			`   Main PID: ${p.pid} (${p.command.split(' ')[0]!.split('/').pop()!.replace(/:$/, '')})`,
			`      Tasks: ${/dockerd|containerd|kubelet/.test(p.command) ? 14 : 1} (limit: ${Math.round(host.memoryBytes / 1_000_000)})`,
			`     Memory: ${(p.memoryBytes / 1048576).toFixed(1)}M (peak: ${((p.memoryBytes * 1.1) / 1048576).toFixed(1)}M)`,
			`        CPU: ${(p.cpuMillis / 1000 + 0.4).toFixed(3)}s`,
			`     CGroup: /system.slice/${unit.key}.service`,
			`             └─${p.pid} ${p.command}`,
		);
		return ok(lines.join('\n') + '\n');
	}
	const failed = [...world.events].reverse().find(e => e.object === `service/${host.name}/${unit.key}` && e.reason === 'Failed');
	if (host.serviceRestarts?.[unit.key] !== undefined && failed) {
		lines[0] = lines[0]!.replace('○', '●');
		lines.push(`     Active: activating (auto-restart) (Result: signal) since ${timestamp(failed.time)}; ${ago(world.time - failed.time)}`, `       Docs: ${unit.docs}`);
		return {stdout: lines.join('\n') + '\n', exitCode: 3};
	}
	lines.push(`     Active: inactive (dead)${lastStop ? ` since ${timestamp(lastStop.time)}; ${ago(world.time - lastStop.time)}` : ''}`, `       Docs: ${unit.docs}`);
	return {stdout: lines.join('\n') + '\n', exitCode: 3};
}

export const systemctl: CommandSpec = external({
	name: 'systemctl',
	summary: 'control services: status|start|stop|restart UNIT (kubelet, docker, ssh...)',
	subcommands: ['status', 'start', 'stop', 'restart', 'is-active', 'enable', 'disable', 'list-units', 'poweroff', 'reboot'],
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const {host, process: me} = caller;
		const [verb, ...names] = optionsOf('systemctl', args).operands;
		if (!verb) return systemctl.run(['list-units', '--type=service'], ctx);
		if (verb === 'poweroff') return poweroff.run([], ctx);
		if (verb === 'list-units') {
			const rows = Object.entries(host.services).map(([key, state]) => {
				const u = findUnit(host, key)!;
				return `  ${(u.unit + '.service').padEnd(40)} loaded ${state === 'active' ? 'active   running' : 'inactive dead   '} ${u.description}`;
			});
			return ok(`  UNIT                                     LOAD   ACTIVE   SUB     DESCRIPTION\n${rows.join('\n')}\n\n${rows.length} loaded units listed.\n`);
		}
		if (!['status', 'start', 'stop', 'restart', 'is-active', 'enable', 'disable', 'is-enabled', 'reload'].includes(verb)) return fail(`Unknown command verb '${verb}'.`);
		if (names.length === 0) return fail(`Too few arguments.`);
		let world = ctx.world;
		let stdout = '';
		let stderr = '';
		let exitCode = 0;
		for (const name of names) {
			const unitName = name.endsWith('.service') ? name : `${name}.service`;
			const unit = findUnit(callerOf(world, ctx.frame)!.host, name);
			if (verb === 'status') {
				if (!unit) {
					stderr += `Unit ${unitName} could not be found.\n`;
					exitCode = 4;
					continue;
				}
				const out = status(world, callerOf(world, ctx.frame)!.host, unit);
				stdout += (stdout ? '\n' : '') + out.stdout;
				exitCode = Math.max(exitCode, out.exitCode);
				continue;
			}
			if (verb === 'is-active') {
				const state = unit ? callerOf(world, ctx.frame)!.host.services[unit.key] : 'inactive';
				stdout += `${state}\n`;
				if (state !== 'active') exitCode = 3;
				continue;
			}
			if (verb === 'is-enabled') {
				stdout += unit ? 'enabled\n' : '';
				if (!unit) stderr += `Failed to get unit file state for ${unitName}: No such file or directory\n`;
				continue;
			}
			if (!unit) {
				stderr += `Failed to ${verb} ${unitName}: Unit ${unitName} not found.\n`;
				exitCode = 5;
				continue;
			}
			if (!(me.uid === 0 && me.namespaces.user === host.initNamespaces.user)) {
				stderr += `Failed to ${verb} ${unitName}: Access denied\nSee system logs and 'systemctl status ${unitName}' for details.\n`;
				exitCode = 1;
				continue;
			}
			if (verb === 'enable' || verb === 'disable') {
				if (verb === 'disable') stderr += `Removed "/etc/systemd/system/multi-user.target.wants/${unit.unit}.service".\n`;
				continue;
			}
			world = produce(world, w => {
				const h = w.hosts.get(host.name)!;
				if (verb === 'stop') stopService(w, h, unit.key);
				else if (verb === 'start') startService(w, h, unit.key);
				else restartService(w, h, unit.key);
			});
		}
		return {stdout, stderr, exitCode, world};
	},
});

/** Frames above the first one on a host that went away close, innermost first, as ssh reports it. */
export function dropFramesOn(session: ShellSession, world: World): {session: ShellSession; message: string} {
	const index = session.frames.findIndex((f, i) => i > 0 && !world.hosts.get(f.host)?.reachable);
	if (index < 0) return {session, message: ''};
	const closed = session.frames[index]!;
	const message = closed.kind === 'ssh' ? `Connection to ${closed.host} closed by remote host.\nConnection to ${closed.host} closed.\n` : '';
	return {session: {...session, frames: session.frames.slice(0, index)}, message};
}

export const poweroff: CommandSpec = external({
	name: 'poweroff',
	summary: 'power this host off (its processes end; an ssh session to it closes)',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const given = optionsOf('poweroff', args);
		if (given.has('reboot')) return fail('[simulator] reboot is not simulated; use poweroff here and `power on HOST` from another host');
		if (given.has('wtmp-only')) return ok(); // it only writes a wtmp record
		const {host, process: me} = caller;
		if (!(me.uid === 0 && me.namespaces.user === host.initNamespaces.user)) return fail('Call to PowerOff failed: Access denied');
		if (ctx.session.frames[0]!.host === host.name && !host.guestOf) {
			return fail(`[simulator] ${host.name} is the machine your session runs on; powering it off would end the tutor.\nssh to another host first, or use: power off HOST`);
		}
		const world = produce(ctx.world, w => {
			powerOffHost(w, host.name, 'systemd');
		});
		const dropped = dropFramesOn(ctx.session, world);
		const halted = given.has('halt') ? '[simulator] poweroff --halt: halting is simulated as powering off\n' : '';
		return {stdout: dropped.message, exitCode: 0, world, session: dropped.session, ...(halted ? {stderr: halted} : {})};
	},
});

export const shutdown: CommandSpec = external({
	name: 'shutdown',
	summary: 'shutdown -h now: power this host off',
	run(args, ctx) {
		const given = optionsOf('shutdown', args);
		if (given.has('c')) return ok();
		if (given.has('reboot')) return fail('[simulator] reboot is not simulated; use poweroff here and `power on HOST` from another host');
		if (given.has('show')) return fail('[simulator] shutdown --show: scheduled shutdowns are not simulated (only shutdown now is)');
		if (given.has('k')) return {stdout: '', stderr: '[simulator] shutdown -k: the wall message to logged-in users is not simulated; nothing shuts down\n', exitCode: 0};
		const when = given.operands[0] ?? '+1';
		// systemd's parse_shutdown_time_spec(): now, +MINUTES or HH:MM.
		if (!/^(now|\+?\d+|\d{1,2}:\d{2})$/.test(when)) return fail(`Failed to parse time specification: ${when}`);
		if (when !== 'now' && when !== '+0' && when !== '0') return fail(`[simulator] only an immediate shutdown is simulated: shutdown -h now`);
		const halted = given.has('halt') ? '[simulator] shutdown -H: halting is simulated as powering off\n' : '';
		const off = poweroff.run([], ctx);
		return halted && off.exitCode === 0 ? {...off, stderr: halted + (off.stderr ?? '')} : off;
	},
});

export const power: CommandSpec = {
	name: 'power',
	summary: "[simulator] press a host's power button from outside: power off|on|status HOST",
	usage: 'power on HOST | power off HOST | power status [HOST]',
	subcommands: ['on', 'off', 'status'],
	run(args, ctx) {
		const [verb, name] = args;
		if (verb === 'status' || !verb) {
			const hosts = [...ctx.world.hosts.values()].filter(h => !name || h.name === name);
			if (name && hosts.length === 0) return fail(`power: no such host: ${name}`);
			return ok(hosts.map(h => `${h.name.padEnd(16)} ${h.reachable ? 'on' : h.bootsAt !== undefined ? 'booting' : 'off'}${h.guestOf ? `  (VM on ${h.guestOf})` : ''}`).join('\n') + '\n');
		}
		if ((verb !== 'on' && verb !== 'off') || !name) return fail('usage: power on HOST | power off HOST | power status [HOST]   (a simulator command: the power button)', 2);
		if (!ctx.world.hosts.has(name)) return fail(`power: no such host: ${name}`);
		if (verb === 'off' && ctx.session.frames[0]!.host === name) return fail(`[simulator] ${name} is the machine your session runs on; powering it off would end the tutor`);
		let error: string | undefined;
		const world = produce(ctx.world, w => {
			const result = verb === 'on' ? powerOnHost(w, name) : powerOffHost(w, name, 'simulator');
			if (!result.ok) error = result.error;
		});
		if (error) return fail(`power: ${error}`);
		if (verb === 'on') return {stdout: `${name}: powering on (it answers again in about 25s)\n`, exitCode: 0, world};
		const dropped = dropFramesOn(ctx.session, world);
		return {stdout: dropped.message + `${name}: powered off\n`, exitCode: 0, world, session: dropped.session};
	},
};

