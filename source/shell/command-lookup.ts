// Where a command name leads, as bash's `type`, `command -v` and `which` say it: a shell
// keyword or builtin, a function the learner defined, or a program file. On a host the programs
// sit where Ubuntu 24.04 installs them; in a container, where its image has them.
import {lookupFile} from '../engine/host/filesystem.ts';
import {processFilesystem} from '../engine/script/process-io.ts';
import {currentFrame} from './session.ts';
import type {CommandSpec, ShellRuntime, ShellState} from './types.ts';

export type CommandKind = {kind: 'keyword' | 'builtin' | 'function'} | {kind: 'file'; path: string} | {kind: 'tutor'} | {kind: 'none'};

const keywords = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'select', 'coproc']);
const builtins = new Set([':', '.', '[', 'alias', 'bg', 'break', 'builtin', 'cd', 'command', 'continue', 'declare', 'echo', 'eval', 'exec', 'exit', 'export', 'false', 'fg', 'help', 'history', 'jobs', 'kill', 'let', 'local', 'printf', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'test', 'trap', 'true', 'type', 'ulimit', 'umask', 'unalias', 'unset', 'wait']);
/** The tutor's own commands: no program of that name exists on a real machine. */
const tutorOnly = new Set(['challenge', 'edit', 'power', 'forkbomb', 'leaky-app', ':(){', '}']);
/** Builtins with no program of the same name (echo, kill, test, pwd and printf also exist as files). */
const builtinOnly = new Set([':', '.', 'source', 'cd', 'exit', 'export', 'history', 'help', 'eval', 'local', 'unset', 'break', 'continue', 'return', 'type', 'command', 'alias', 'unalias', 'set', 'shift', 'declare', 'readonly', 'let', 'read', 'jobs', 'fg', 'bg', 'wait', 'trap', 'umask', 'ulimit', 'builtin', 'exec', 'time']);
const hostPaths: Record<string, string> = {ip: '/usr/sbin/ip', poweroff: '/usr/sbin/poweroff', shutdown: '/usr/sbin/shutdown', multipass: '/snap/bin/multipass', etcdctl: '/usr/local/bin/etcdctl'};
const searchPath = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function commandKind(state: ShellState, runtime: ShellRuntime, name: string, options: {functions?: boolean; builtins?: boolean} = {}): CommandKind {
	if (options.builtins !== false && keywords.has(name)) return {kind: 'keyword'};
	if (options.functions !== false && state.session.functions?.[name]) return {kind: 'function'};
	if (options.builtins !== false && builtins.has(name)) return {kind: 'builtin'};
	const path = programPath(state, runtime, name);
	if (path) return {kind: 'file', path};
	return tutorOnly.has(name) && runtime.commands.has(name) ? {kind: 'tutor'} : {kind: 'none'};
}

/** The program file a name runs, or undefined. */
export function programPath(state: ShellState, runtime: ShellRuntime, name: string): string | undefined {
	if (name.includes('/')) return undefined;
	const frame = currentFrame(state);
	if (frame.kind === 'container' || frame.kind === 'pod') {
		const host = state.world.hosts.get(frame.host);
		const process = host?.processes.get(frame.pid);
		const fs = host && process ? processFilesystem(host, process) : undefined;
		return fs && searchPath.map(dir => `${dir}/${name}`).find(path => lookupFile(state.world, fs, path)?.node.type === 'file');
	}
	if (tutorOnly.has(name) || builtinOnly.has(name)) return undefined;
	if (name === 'bash' || name === 'sh' || name === 'which' || name === 'sleep' || runtime.commands.has(name)) return hostPaths[name] ?? `/usr/bin/${name}`;
	return undefined;
}

const tutorNote = (name: string) => `[simulator] ${name} is a command of this tutor, not a program on a real machine`;

/** bash's `type [-t|-p] NAME...`. */
export function typeOutput(state: ShellState, runtime: ShellRuntime, args: string[]): {stdout: string; stderr: string; exitCode: number} {
	const flags = args.filter(a => /^-[tpaP]+$/.test(a)).join('');
	const names = args.filter(a => !/^-[tpaP]+$/.test(a));
	let stdout = '';
	let stderr = '';
	let exitCode = 0;
	for (const name of names) {
		const found = commandKind(state, runtime, name);
		if (found.kind === 'none') {
			if (!flags) stderr += `bash: type: ${name}: not found\n`;
			exitCode = 1;
		} else if (flags.includes('t')) stdout += `${found.kind === 'tutor' ? 'file' : found.kind}\n`;
		else if (flags.includes('p') || flags.includes('P')) {
			if (found.kind === 'file') stdout += `${found.path}\n`;
		} else if (found.kind === 'file') stdout += `${name} is ${found.path}\n`;
		else if (found.kind === 'tutor') stdout += `${tutorNote(name)}\n`;
		else stdout += `${name} is ${found.kind === 'function' ? 'a function' : `a shell ${found.kind}`}\n`;
	}
	return {stdout, stderr, exitCode};
}

/** `command -v NAME...` (and -V, said as type says it). */
export function commandV(state: ShellState, runtime: ShellRuntime, names: string[], verbose: boolean): {stdout: string; stderr: string; exitCode: number} {
	if (verbose) return typeOutput(state, runtime, names);
	let stdout = '';
	let exitCode = 0;
	for (const name of names) {
		const found = commandKind(state, runtime, name);
		if (found.kind === 'none' || found.kind === 'tutor') exitCode = 1;
		else stdout += `${found.kind === 'file' ? found.path : name}\n`;
	}
	return {stdout, stderr: '', exitCode};
}

/** which NAME...: the program files only (a builtin such as cd has none). */
export const whichCommand: CommandSpec = {
	name: 'which',
	summary: 'show the program file a command runs (which kubectl)',
	usage: 'which [-a] NAME...',
	run(args, ctx) {
		const state: ShellState = {world: ctx.world, session: ctx.session};
		const names = args.filter(a => !a.startsWith('-'));
		if (names.length === 0) return {stdout: '', exitCode: 1};
		let stdout = '';
		let stderr = '';
		let missing = 0;
		for (const name of names) {
			const path = programPath(state, ctx.runtime, name);
			if (path) stdout += `${path}\n`;
			else if (commandKind(state, ctx.runtime, name).kind === 'tutor') stderr += `${tutorNote(name)}\n`;
			else missing++;
		}
		return {stdout, stderr, exitCode: missing ? 1 : 0};
	},
};
