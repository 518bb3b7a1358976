import type {CommandTable} from './command-table.ts';
import {substituteCommands} from './command-substitution.ts';
import {readPath, writePath} from './paths.ts';
import {shellHostname} from './session.ts';
import {parseCommandLine, type SimpleCommand} from './tokenizer.ts';
import type {CommandContext, CommandOutcome, HostDisk, LineResult, ShellEffect, ShellFrame, ShellRuntime, ShellState} from './types.ts';

export type {ShellRuntime} from './types.ts';

export function currentFrame(state: ShellState): ShellFrame {
	return state.session.frames[state.session.frames.length - 1]!;
}

/** The pid the shell's own process has in its pid namespace: what `$$` expands to. */
export function shellPid(state: ShellState): number {
	const frame = currentFrame(state);
	const proc = state.world.hosts.get(frame.host)?.processes.get(frame.pid);
	return proc ? (proc.nsPids[proc.namespaces.pid] ?? frame.pid) : frame.pid;
}

function expander(state: ShellState) {
	return (name: string): string => {
		if (name === '$') return String(shellPid(state));
		if (name === '?') return String(state.session.lastExit);
		if (name === '#' || /^[0-9]$/.test(name)) return name === '0' ? 'bash' : '';
		if (name === 'HOME') return currentFrame(state).user === 'root' ? '/root' : `/home/${currentFrame(state).user}`;
		if (name === 'PWD') return currentFrame(state).cwd;
		if (name === 'USER') return currentFrame(state).user;
		// Bash fixes HOSTNAME when a shell starts; the uts hostname now is the same unless the shell itself renamed the host.
		if (name === 'HOSTNAME') return shellHostname(state);
		return state.session.env[name] ?? '';
	};
}

/**
 * Variables are marked while the line is parsed and expanded only when their command runs, as
 * bash does: in `false; echo $?` the echo sees false's status, not the one before the line.
 */
const variableMark = '\u0000';
const deferVariable = (name: string) => `${variableMark}${name}${variableMark}`;
const markedVariables = /\u0000([^\u0000]*)\u0000/g;

function expandMarked(state: ShellState, text: string): string {
	if (!text.includes(variableMark)) return text;
	const expand = expander(state);
	return text.replace(markedVariables, (_marker, name: string) => expand(name));
}

/** Runs one line (or a pasted block with here-documents) and records it in the history. Never throws. */
export function runLine(state: ShellState, line: string, runtime: ShellRuntime): LineResult {
	// A NUL cannot be typed into a real shell; here it would read as a variable mark.
	const trimmed = line.replaceAll(variableMark, '').trim();
	if (!trimmed) return {state, stdout: '', stderr: '', exitCode: state.session.lastExit, effects: []};
	let current: ShellState = {...state, session: {...state.session, history: [...state.session.history, trimmed]}};
	const substituted = substituteCommands(current, trimmed, (s, inner) => runLine(s, inner, runtime));
	if ('error' in substituted) return {state: withExit(current, 2), stdout: '', stderr: `bash: ${substituted.error}\n`, exitCode: 2, effects: []};
	current = substituted.state;
	const parsed = parseCommandLine(substituted.line, deferVariable);
	if ('error' in parsed) {
		current = withExit(current, 2);
		return {state: current, stdout: '', stderr: `bash: ${parsed.error}\n`, exitCode: 2, effects: []};
	}
	let stdout = '';
	let stderr = substituted.stderr;
	let exitCode = 0;
	const effects: ShellEffect[] = [];
	for (const {op, pipeline} of parsed.list.pipelines) {
		if (op === '&&' && exitCode !== 0) continue;
		if (op === '||' && exitCode === 0) continue;
		let input = '';
		let spawnedPid: number | undefined;
		for (let i = 0; i < pipeline.commands.length; i++) {
			const isLast = i === pipeline.commands.length - 1;
			const result = runSimpleCommand(current, pipeline.commands[i]!, input, runtime, trimmed);
			current = result.state;
			stderr += result.stderr;
			effects.push(...result.effects);
			spawnedPid = result.spawnedPid ?? spawnedPid;
			if (isLast) {
				stdout += result.stdout;
				exitCode = result.exitCode;
			} else input = result.stdout;
		}
		if (pipeline.background) {
			const jobs = current.session.jobs + 1;
			current = {...current, session: {...current.session, jobs}};
			stdout = `[${jobs}] ${spawnedPid ?? shellPid(current) + jobs}\n` + stdout;
			exitCode = 0;
		}
		current = withExit(current, exitCode);
	}
	return {state: current, stdout, stderr, exitCode, effects};
}

function withExit(state: ShellState, exitCode: number): ShellState {
	return {...state, session: {...state.session, lastExit: exitCode}};
}

type SimpleResult = {state: ShellState; stdout: string; stderr: string; exitCode: number; effects: ShellEffect[]; spawnedPid?: number};

function runSimpleCommand(state: ShellState, parsed: SimpleCommand, pipedInput: string, runtime: ShellRuntime, commandLine: string): SimpleResult {
	const command: SimpleCommand = {
		...parsed,
		words: parsed.words.map(word => expandMarked(state, word)),
		redirects: parsed.redirects.map(r => ('target' in r ? {...r, target: expandMarked(state, r.target)} : r)),
	};
	const frame = currentFrame(state);
	let stdin = command.heredoc ?? pipedInput;
	for (const r of command.redirects) {
		if (r.fd !== 0) continue;
		const read = readPath(state.world, frame, r.target);
		if ('error' in read) return {state, stdout: '', stderr: `bash: ${r.target}: ${read.error}\n`, exitCode: 1, effects: []};
		stdin = read.content;
	}
	// `VAR=value command ...` (e.g. `ETCDCTL_API=3 etcdctl get ...`): the assignments hold for that command only.
	let words = command.words;
	const prefixEnv: Record<string, string> = {};
	while (words.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]!)) {
		const equals = words[0]!.indexOf('=');
		prefixEnv[words[0]!.slice(0, equals)] = words[0]!.slice(equals + 1);
		words = words.slice(1);
	}
	const [name, ...args] = words;
	const assignment = name?.match(/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s);
	if (assignment && args.length === 0) {
		const env = {...state.session.env, [assignment[1]!]: assignment[2]!};
		return {state: {...state, session: {...state.session, env}}, stdout: '', stderr: '', exitCode: 0, effects: []};
	}
	const spec = runtime.commands.get(name!);
	let outcome: CommandOutcome;
	if (!spec) {
		const hint = runtime.suggest?.(name!);
		outcome = {stdout: '', stderr: `${name}: command not found${hint ? `\n${hint}` : ''}\n`, exitCode: 127};
	} else {
		const session = Object.keys(prefixEnv).length ? {...state.session, env: {...state.session.env, ...prefixEnv}} : state.session;
		const ctx: CommandContext = {world: state.world, session, frame, stdin, disk: runtime.disk, runtime, commandLine};
		try {
			outcome = spec.run(args, ctx);
		} catch (error) {
			// A bug in a command must never take the tutor down or lose progress: report it and carry on.
			const message = error instanceof Error ? error.message : String(error);
			outcome = {stdout: '', stderr: `${name}: internal error in the simulator: ${message}\n`, exitCode: 70};
		}
	}
	let next: ShellState = {world: outcome.world ?? state.world, session: outcome.session ?? state.session};
	let stdout = outcome.stdout;
	let stderr = outcome.stderr ?? '';
	for (const r of command.redirects) {
		if (r.fd === 0) continue;
		if (r.op === '>&1') {
			stdout += stderr;
			stderr = '';
			continue;
		}
		const text = r.fd === 1 ? stdout : stderr;
		if (r.target === '/dev/null') {
			if (r.fd === 1) stdout = '';
			else stderr = '';
			continue;
		}
		const written = writePath(next.world, currentFrame(next), r.target, text, r.op === '>>');
		if (!written.ok) {
			// open() failures name the file; a write() the kernel refuses (a cgroup file's EINVAL) names the writer, as bash does.
			const writer = name === 'echo' || name === 'printf' ? `bash: ${name}` : name;
			const message = written.error.startsWith('write error: ') ? `${writer}: ${written.error}` : `bash: ${r.target}: ${written.error}`;
			return {state: next, stdout: '', stderr: stderr + message + '\n', exitCode: 1, effects: outcome.effects ?? []};
		}
		next = {...next, world: written.world};
		if (r.fd === 1) stdout = '';
		else stderr = '';
	}
	return {state: next, stdout, stderr, exitCode: outcome.exitCode, effects: outcome.effects ?? [], spawnedPid: outcome.spawnedPid};
}
