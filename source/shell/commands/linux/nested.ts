// Running one command somewhere else: in other namespaces (nsenter, ip netns exec, unshare CMD),
// on another host (ssh HOST CMD, multipass exec), or as another user (sudo). A short-lived
// process is made for it, the command runs with a frame on that process, and the process is
// reaped afterwards (its children, such as a server it started, stay).
import {produce} from 'immer';
import {reapProcess} from '../../../engine/host/processes.ts';
import {runLine} from '../../run-line.ts';
import type {Host} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome, CommandSpec, ShellFrame} from '../../types.ts';

/** A command of the shell by name, from the line's command table. */
export function findCommand(ctx: CommandContext, name: string): CommandSpec | undefined {
	return ctx.runtime.commands.get(name);
}

export const shellNames = new Set(['bash', 'sh', '/bin/bash', '/bin/sh', '/usr/bin/bash', '-bash', 'zsh', '/bin/zsh']);

export type Placement = {
	host: string;
	user: string;
	cwd: string;
	/** Creates the process that runs the command (on a draft), returning its host pid, or an error message. */
	spawn(w: World, host: Host, command: string): number | string;
};

export type NestedOptions = {
	/** How a missing program is reported, e.g. "nsenter: failed to execute foo: No such file or directory". */
	notFound: (program: string) => string;
	notFoundExit?: number;
	/** The frame pushed when the command is a shell. */
	shellFrame: Omit<ShellFrame, 'pid' | 'host' | 'user' | 'cwd'>;
	shellBanner?: string;
};

export function runNested(ctx: CommandContext, placement: Placement, words: string[], options: NestedOptions): CommandOutcome {
	const program = words[0] ?? 'bash';
	const isShell = words.length === 0 || shellNames.has(program);
	const spec = isShell ? undefined : findCommand(ctx, program);
	if (!isShell && !spec) return {stdout: '', stderr: options.notFound(program) + '\n', exitCode: options.notFoundExit ?? 127};
	let pid: number | string = 0;
	const command = isShell ? (program === 'sh' || program === '/bin/sh' ? 'sh' : 'bash') : words.join(' ');
	const world = produce(ctx.world, w => {
		const host = w.hosts.get(placement.host);
		pid = host ? placement.spawn(w, host, command) : `host ${placement.host} is gone`;
	});
	if (typeof pid === 'string') return {stdout: '', stderr: pid + '\n', exitCode: 1};
	const frame: ShellFrame = {host: placement.host, pid, user: placement.user, cwd: placement.cwd, ...options.shellFrame};
	// `sudo bash -c 'CMD'`, `ssh host-2 sh -c 'CMD'`: the shell runs CMD and ends; it opens no prompt.
	const script = isShell && words[1] === '-c' ? words[2] : undefined;
	if (script !== undefined) return runScript(ctx, world, frame, script);
	if (isShell) {
		return {stdout: options.shellBanner ?? '', exitCode: 0, world, session: {...ctx.session, frames: [...ctx.session.frames, frame]}};
	}
	const session = {...ctx.session, frames: [...ctx.session.frames, frame]};
	let outcome: CommandOutcome;
	try {
		outcome = spec!.run(words.slice(1), {...ctx, world, session, frame});
	} catch (error) {
		outcome = {stdout: '', stderr: `${program}: internal error in the simulator: ${error instanceof Error ? error.message : String(error)}\n`, exitCode: 70};
	}
	const after = produce(outcome.world ?? world, w => {
		const host = w.hosts.get(placement.host);
		if (host) reapProcess(host, pid as number);
	});
	// A nested command moves the caller's shell only by opening a shell (sudo unshare --uts bash):
	// the learner is then typing in that shell; the short-lived process's own frame is not kept.
	const opened = outcome.session && outcome.session.frames.length > session.frames.length ? outcome.session.frames.slice(session.frames.length) : [];
	return {
		stdout: outcome.stdout,
		stderr: outcome.stderr,
		exitCode: outcome.exitCode,
		world: after,
		spawnedPid: outcome.spawnedPid,
		effects: outcome.effects?.filter(e => e.kind === 'clear'),
		...(opened.length ? {session: {...ctx.session, frames: [...ctx.session.frames, ...opened]}} : {}),
	};
}

function runScript(ctx: CommandContext, world: World, frame: ShellFrame, script: string): CommandOutcome {
	const frames = [...ctx.session.frames, {...frame, script: true}];
	const result = runLine({world, session: {...ctx.session, frames}}, script, ctx.runtime);
	// `exit N` in a non-interactive shell ends it silently (the builtin says "exit" only at a prompt).
	const exited = result.state.session.frames.length < frames.length;
	const after = produce(result.state.world, w => {
		const host = w.hosts.get(frame.host);
		if (host?.processes.has(frame.pid)) reapProcess(host, frame.pid);
	});
	return {stdout: exited ? result.stdout.replace(/(logout\nConnection to \S+ closed\.\n|logout\n|exit\n)$/, '') : result.stdout, stderr: result.stderr, exitCode: result.exitCode, world: after, ...(exited || !result.chunks ? {} : {chunks: result.chunks})};
}

/** Quotes words back into a command line for messages. */
export function joinWords(words: string[]): string {
	return words.map(w => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
