// What every Linux command needs: the calling process on its host, the pid namespace it sees
// through /proc, small outcome helpers, and the fork check that makes pids.max bite.
import {produce} from 'immer';
import {forkRefusal, noteForkFailure} from '../../../engine/host/processes.ts';
import {startLoginShell} from '../../../engine/scenarios/sandbox.ts';
import {isPrivileged, procViewOfProcess, uidInsideUserNamespace} from '../../../engine/host/unshare.ts';
import type {Host, Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import {checkOptions, optionNames, ParsedOptions, parseOptions, type OptionsSpec} from '../../options.ts';
import type {CommandContext, CommandOutcome, CommandSpec, ShellFrame} from '../../types.ts';
import {busyboxOptions} from './option-specs-busybox.ts';
import {linuxOptions} from './option-specs.ts';
import {linkedWithMusl, usesBusybox} from './busybox.ts';

export type Caller = {host: Host; process: Process; viewPidNs: number};

export function callerOf(world: World, frame: ShellFrame): Caller | undefined {
	const host = world.hosts.get(frame.host);
	const process = host?.processes.get(frame.pid);
	if (!host || !process) return undefined;
	return {host, process, viewPidNs: procViewOfProcess(host, process)};
}

export const ok = (stdout = ''): CommandOutcome => ({stdout, exitCode: 0});
export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandOutcome => ({stdout, stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode});

/**
 * The frame's shell process is gone (killed, OOM-killed, cgroup.kill, host powered off). A
 * nested shell closes; the learner's own login shell is replaced by a fresh one, as opening a
 * new terminal would, so the session can always go on.
 */
export function lostShell(ctx: CommandContext): CommandOutcome {
	const frames = ctx.session.frames;
	if (frames.length > 1) {
		const gone = frames[frames.length - 1]!;
		const message = gone.kind === 'ssh' ? `Connection to ${gone.host} closed by remote host.\nConnection to ${gone.host} closed.\n` : `[simulator] this shell's process is gone; back in the previous shell\n`;
		return {stdout: '', stderr: message, exitCode: 255, session: {...ctx.session, frames: frames.slice(0, -1)}};
	}
	const login = frames[0]!;
	let pid = 0;
	const world = produce(ctx.world, w => {
		const host = w.hosts.get(login.host);
		if (host?.reachable) pid = startLoginShell(w, login.host, login.user);
	});
	if (!pid) return fail(`[simulator] ${login.host} is not running`, 255);
	const session = {...ctx.session, frames: [{...login, pid}]};
	return {stdout: '', stderr: `[simulator] your shell was killed; a new login shell has started (pid ${pid}). Run the command again.\n`, exitCode: 255, world, session};
}

/** A pid as the caller would type or see it, or undefined when that process is invisible to them. */
export function visiblePid(p: Process, viewPidNs: number): number | undefined {
	return p.nsPids[viewPidNs];
}

export function findVisible(host: Host, viewPidNs: number, pid: number): Process | undefined {
	for (const p of host.processes.values()) if (p.nsPids[viewPidNs] === pid) return p;
	return undefined;
}

/** The caller's uid inside its own user namespace, and the name for it there. */
export function effectiveUser(host: Host, p: Process): {uid: number; name: string} {
	const uid = uidInsideUserNamespace(host, p);
	if (uid === 65534) return {uid, name: 'nobody'};
	const name = Object.entries(host.users).find(([, id]) => id === uid)?.[0] ?? String(uid);
	return {uid, name};
}

export function privileged(host: Host, p: Process, over?: Parameters<typeof isPrivileged>[2]): boolean {
	return isPrivileged(host, p, over);
}

/** Runs `change` on a draft of the world with the caller's host and process; returns the new world. */
export function mutate<T>(world: World, frame: ShellFrame, change: (w: World, host: Host, process: Process) => T): {world: World; value: T} {
	let value!: T;
	const next = produce(world, w => {
		const host = w.hosts.get(frame.host)!;
		value = change(w, host, host.processes.get(frame.pid)!);
	});
	return {world: next, value};
}

/** True when the line ran this command with a trailing `&` (the runner does not tell commands). */
export function isBackgrounded(ctx: CommandContext, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[;|&]\\s*|\\s)${escaped}\\b[^;&|]*&(?!&)`).test(ctx.commandLine);
}

/** `bash: fork: retry: ...` as bash prints it while it keeps retrying a refused fork, then gives up. */
export const forkRetryMessage = 'bash: fork: retry: Resource temporarily unavailable\n'.repeat(4) + 'bash: fork: Resource temporarily unavailable\n';

/**
 * The option spec of `name` where the caller runs it: the busybox applet's in a busybox or
 * alpine container (with musl's getopt words in alpine), else the Ubuntu host's tool's.
 */
export function optionsSpecFor(name: string, world: World, frame: ShellFrame): OptionsSpec | undefined {
	const applet = busyboxOptions[name];
	if (applet && usesBusybox(world, frame)) return linkedWithMusl(world, frame) ? {...applet, musl: true} : applet;
	return linuxOptions[name];
}

/**
 * Wraps a command that bash must fork to run (anything but a builtin): when the caller's cgroup is
 * at pids.max (a contained fork bomb), the fork fails as it would for real.
 */
export function external(spec: CommandSpec): CommandSpec {
	const own = spec.options;
	const options = own ?? linuxOptions[spec.name];
	const twoWordings = !own && busyboxOptions[spec.name] !== undefined;
	return {
		...spec,
		...(options ? {options, flags: spec.flags ?? optionNames(options)} : {}),
		...(twoWordings ? {flagsAt: (world: World, frame: ShellFrame) => optionNames(optionsSpecFor(spec.name, world, frame)!)} : {}),
		run(args, ctx) {
			const caller = callerOf(ctx.world, ctx.frame);
			if (!caller) return lostShell(ctx);
			if (caller.process.forksFailWith === 'ENOMEM') return {stdout: '', stderr: 'bash: fork: Cannot allocate memory\n', exitCode: 254};
			const refusal = forkRefusal(caller.host, caller.process.cgroup);
			if (!refusal) {
				const here = twoWordings ? optionsSpecFor(spec.name, ctx.world, ctx.frame) : options;
				const checked = here && here.style !== 'own' ? checkOptions(spec.name, here, args) : undefined;
				return checked && checked.kind !== 'ok' ? checked.outcome : spec.run(args, ctx);
			}
			const world = produce(ctx.world, w => noteForkFailure(w.hosts.get(ctx.frame.host)!, refusal));
			return {stdout: '', stderr: forkRetryMessage, exitCode: 254, world};
		},
	};
}

/**
 * What `args` gave, read by the command's option spec (external() has already answered a bad
 * option); with the context, by the spec of where it runs (busybox or the host's tool).
 */
export function optionsOf(name: string, args: string[], where?: {world: World; frame: ShellFrame}): ParsedOptions {
	const spec = where ? optionsSpecFor(name, where.world, where.frame) : linuxOptions[name];
	const result = spec ? parseOptions(name, spec, args) : undefined;
	if (result?.kind === 'ok') return result.parsed;
	const fallback = new ParsedOptions();
	fallback.operands.push(...args.filter(a => !a.startsWith('-')));
	return fallback;
}

/** A `[simulator]` line for each option given that the simulation accepts but does not act on. */
export function notSimulated(name: string, given: ParsedOptions, acted: readonly string[]): string {
	const ignored = [...new Set(given.given.filter(g => !acted.includes(g.key)).map(g => g.as))];
	return ignored.map(as => `[simulator] ${name} ${as}: accepted, not simulated here\n`).join('');
}


export function comm(command: string): string {
	const argv0 = command.split(' ')[0] ?? command;
	const base = argv0.replace(/:$/, '').split('/').pop() ?? argv0;
	return base.replace(/^-/, '').slice(0, 15);
}

export function formatBytesHuman(bytes: number): string {
	const units = ['B', 'Ki', 'Mi', 'Gi', 'Ti'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	if (unit === 0) return `${bytes}B`;
	return `${value >= 10 ? Math.round(value) : value.toFixed(1)}${units[unit]}`;
}

/** "100M", "1G", "512m", "1024" (bytes) -> bytes; undefined when malformed. */
export function parseSize(text: string, defaultUnit = 1): number | undefined {
	const m = text.trim().match(/^(\d+(?:\.\d+)?)\s*([kKmMgGtT])?(i?[bB])?$/);
	if (!m) return undefined;
	const unit = m[2] ? 1024 ** ('kmgt'.indexOf(m[2].toLowerCase()) + 1) : defaultUnit;
	return Math.floor(Number(m[1]) * unit);
}
