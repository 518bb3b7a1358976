// Running a command line inside a container: through the shell's own command table, in a
// temporary frame whose process is the container's, so `ps`, `ls`, `cat`, `hostname` see what
// that process sees (its pid, mount and uts namespaces).
import {produce} from 'immer';
import {findExecutable} from '../../../engine/docker/runtime.ts';
import {killProcess} from '../../../engine/host/processes.ts';
import {processFilesystem, scriptIo, shellDialect} from '../../../engine/script/process-io.ts';
import {runScript, startScript, type StepResult} from '../../../engine/script/run-script.ts';
import type {ExternalProgramRunner} from '../../../engine/script/external-programs.ts';
import {startScriptProcess} from '../../../engine/script/script-processes.ts';
import type {World} from '../../../engine/world.ts';
import {runLine} from '../../run-line.ts';
import type {CommandContext, ShellFrame} from '../../types.ts';

export type InsideResult = {world: World; stdout: string; stderr: string; exitCode: number};

const shells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

export function isShell(program: string): boolean {
	return shells.has(program.split('/').pop()!);
}

/** Quotes words back into a line the shell parses into the same words. */
export function quoteLine(argv: string[]): string {
	return argv.map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The frame of a process inside a container, for an exec'd shell or a one-off command. */
export function containerFrame(host: string, pid: number, user: string, cwd: string): ShellFrame {
	return {host, pid, user, cwd, kind: 'container'};
}

/**
 * Runs argv inside the container process `pid`: `sh -c "script"` runs the script; a program the
 * image has but the simulator does not implement says so instead of pretending.
 */
export function runInside(ctx: CommandContext, world: World, frame: ShellFrame, argv: string[], extraEnv: Record<string, string> = {}): InsideResult {
	const program = argv[0]!.split('/').pop()!;
	let line: string;
	if (isShell(program) && argv[1] === '-c') line = argv[2] ?? '';
	else if (isShell(program) && argv.length === 1) return {world, stdout: '', stderr: '', exitCode: 0};
	else line = quoteLine([program, ...argv.slice(1)]);
	const commands = ctx.runtime.commands;
	if (!isShell(program) && !commands.has(program)) return runInEngine(world, frame, argv, ctx.runtime.programs);
	// The command sees the container's environment (docker run -e), not the learner's shell's.
	const env = {...world.hosts.get(frame.host)?.processes.get(frame.pid)?.env, ...extraEnv};
	const frames = [...ctx.session.frames, frame];
	const state = {world, session: {...ctx.session, frames, env: {...env}}};
	const result = runLine(state, line, {commands, disk: ctx.disk, programs: ctx.runtime.programs});
	// `exit N` in a non-interactive shell ends it silently (the builtin says "exit" only at a prompt).
	const exited = result.state.session.frames.length < frames.length;
	const stdout = exited ? result.stdout.replace(/exit\n$/, '') : result.stdout;
	return {world: result.state.world, stdout, stderr: result.stderr, exitCode: result.exitCode};
}

export {findExecutable};

/**
 * Runs `sh -c SCRIPT` as the exec'd process `pid` in virtual time (docker exec, kubectl exec):
 * what it prints at once is returned; if it then sleeps, it keeps running there and a note says
 * that a real terminal would stay attached. Its exit status is the command's.
 */
export function execScript(world: World, host: string, pid: number, script: string, argv0: string, where: string, programs: ExternalProgramRunner): {world: World; stdout: string; stderr: string; exitCode: number; running: boolean} {
	let step: StepResult = {output: ''};
	const next = produce(world, w => {
		const h = w.hosts.get(host);
		const process = h?.processes.get(pid);
		if (!h || !process) return;
		step = startScriptProcess(w, h, process, script, argv0, programs);
		if (step.exited !== undefined) killProcess(h, pid);
	});
	if (step.exited !== undefined) return {world: next, stdout: step.output, stderr: '', exitCode: step.exited, running: false};
	return {world: next, stdout: step.output, stderr: keepsRunningNote(where), exitCode: 0, running: true};
}

/** A program the shell's table lacks (env, printenv, date, sleep...) runs in the engine's script interpreter, in that process. */
function runInEngine(world: World, frame: ShellFrame, argv: string[], programs: ExternalProgramRunner): InsideResult {
	let result: InsideResult = {world, stdout: '', stderr: '', exitCode: 0};
	const next = produce(world, w => {
		const host = w.hosts.get(frame.host);
		const process = host?.processes.get(frame.pid);
		if (!host || !process) return;
		const started = startScript(quoteLine(argv), {env: {...process.env}, clock: w.time, dialect: shellDialect(w, processFilesystem(host, process), 'sh'), name: 'sh', cwd: frame.cwd});
		if (!started.ok) return;
		const step = runScript(started.state, scriptIo(w, host, process, programs), w.time);
		result = {world, stdout: step.output, stderr: '', exitCode: step.exited ?? 0};
	});
	return {...result, world: next};
}

/** A sleeping exec'd script: the terminal would stay attached; the tutor returns the prompt and says so. */
export function keepsRunningNote(where: string): string {
	return `[simulator] the command is sleeping and keeps running in ${where} in simulated time; a real terminal would stay attached to it (its later output is not shown here)\n`;
}
