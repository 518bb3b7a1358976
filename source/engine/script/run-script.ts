// A container's shell process as a state machine in virtual time. runScript advances it from its
// program counter until it blocks in `sleep` (only this process waits: the world clock is never
// touched), exits, or uses up its per-call budget of instructions (a busy loop without a sleep
// yields and continues on the next tick). Output goes to the caller (the container's log).
// Longer than ~300 lines because the machine's instructions are one switch over the script's syntax.
import {evaluateArithmetic} from './arithmetic.ts';
import {compileScript, type Instruction} from './compile-script.ts';
import {parseScript, type Redirect, type ScriptList, type SimpleCommand, type Word} from './parse-script.ts';
import type {ProgramResult, ScriptIo} from './script-io.ts';
import {runNativeProgram} from './script-programs.ts';

export type ShellDialect = 'ash' | 'dash' | 'bash';

export type ScriptState = {
	code: Instruction[];
	pc: number;
	status: number;
	vars: Record<string, string>; // shell variables (not exported)
	env: Record<string, string>; // the environment (exported)
	loops: Record<number, {items: string[]; index: number}>;
	clock: number; // virtual ms this process has reached
	sleepUntil?: number;
	sleepCommand?: string; // the `sleep 5` it waits in (a child process while it sleeps)
	sleepPid?: number; // host pid of that child
	execCommand?: string; // `exec sleep 1000`: the program that replaced the shell
	dialect: ShellDialect;
	name: string; // $0, "sh"
	cwd: string;
};

/** The most instructions one call runs: a loop without a sleep yields here and goes on next tick. */
export const instructionBudget = 400;
/** The furthest a `sleep` can put a wake-up (sleep infinity). */
export const forever = Number.MAX_SAFE_INTEGER;

export type StartResult = {ok: true; state: ScriptState} | {ok: false; error: string; exitCode: number};

/** Parses and compiles `sh -c SCRIPT` for a process. */
export function startScript(source: string, options: {env: Record<string, string>; clock: number; dialect: ShellDialect; name: string; cwd: string}): StartResult {
	const parsed = parseScript(source);
	if (!parsed.ok) {
		const text = parsed.notSimulated ? `[simulator] ${parsed.error}` : syntaxMessage(options.dialect, options.name, parsed.error);
		return {ok: false, error: text, exitCode: 2};
	}
	return {ok: true, state: {code: compileScript(parsed.script), pc: 0, status: 0, vars: {}, env: {...options.env}, loops: {}, clock: options.clock, dialect: options.dialect, name: options.name, cwd: options.cwd}};
}

function syntaxMessage(dialect: ShellDialect, name: string, error: string): string {
	if (dialect === 'dash') return `${name}: 1: ${error.replace(/^syntax error: /, 'Syntax error: ')}`;
	if (dialect === 'bash') return `bash: -c: line 1: ${error}`;
	return `${name}: ${error}`;
}

export type StepResult = {output: string; exited?: number};

/** Runs the process up to virtual time `until` (ms). Call with a mutable state (an immer draft is fine). */
export function runScript(state: ScriptState, io: ScriptIo, until: number): StepResult {
	let output = '';
	let budget = instructionBudget;
	for (;;) {
		if (state.sleepUntil !== undefined) {
			if (state.sleepUntil > until) return {output};
			state.clock = state.sleepUntil;
			state.sleepUntil = undefined;
		}
		if (state.pc >= state.code.length) return {output, exited: state.status};
		if (budget-- <= 0) {
			state.clock = until;
			return {output};
		}
		const ins = state.code[state.pc]!;
		const step = execute(state, io, ins);
		output += step.output;
		if (step.exit !== undefined) return {output, exited: step.exit};
		if (step.sleepMs !== undefined && step.sleepMs > 0) {
			state.sleepUntil = step.sleepMs >= forever - state.clock ? forever : state.clock + step.sleepMs;
		}
	}
}

type Executed = {output: string; exit?: number; sleepMs?: number};

function execute(state: ScriptState, io: ScriptIo, ins: Instruction): Executed {
	switch (ins.op) {
		case 'jump':
			state.pc = ins.to;
			return {output: ''};
		case 'jumpIfFailed':
			state.pc = state.status !== 0 ? ins.to : state.pc + 1;
			return {output: ''};
		case 'jumpIfSucceeded':
			state.pc = state.status === 0 ? ins.to : state.pc + 1;
			return {output: ''};
		case 'status':
			state.status = ins.value;
			state.pc++;
			return {output: ''};
		case 'forStart': {
			const items = ins.items === undefined ? [] : ins.items.flatMap(word => expandWord(state, io, word).fields);
			state.loops[ins.slot] = {items, index: 0};
			state.pc++;
			return {output: ''};
		}
		case 'forNext': {
			const loop = state.loops[ins.slot];
			if (!loop || loop.index >= loop.items.length) {
				delete state.loops[ins.slot];
				state.pc = ins.to;
				state.status = 0;
				return {output: ''};
			}
			state.vars[ins.name] = loop.items[loop.index]!;
			loop.index++;
			state.pc++;
			return {output: ''};
		}
		case 'run': {
			state.pc++;
			const ran = runPipeline(state, io, ins.commands);
			const result = ins.discard ? {...ran, output: ''} : ran;
			if (ins.negate) state.status = state.status === 0 ? 1 : 0;
			if (ins.background) return {output: result.output}; // `cmd &`: the script does not wait for it
			// ash, dash and bash exec the last command of `sh -c` in place of the shell (ps shows `sleep 3600` as PID 1).
			if (result.sleepMs && state.pc === state.code.length && ins.commands.length === 1 && state.sleepCommand) state.execCommand = state.sleepCommand;
			return result;
		}
	}
}

/**
 * Runs a subshell (a command substitution, a pipeline with a compound part) at once: its sleeps
 * only advance this process's own clock, and its `exit` ends only the subshell.
 */
function runToCompletion(parent: ScriptState, io: ScriptIo, list: ScriptList): {output: string; status: number} {
	const child: ScriptState = {...parent, code: compileScript(list), pc: 0, loops: {}, vars: parent.vars, env: parent.env, sleepUntil: undefined};
	let output = '';
	for (let rounds = 0; rounds < 20; rounds++) {
		const step = runScript(child, io, child.sleepUntil ?? child.clock);
		output += step.output;
		if (step.exited !== undefined) {
			parent.status = step.exited;
			parent.clock = child.clock;
			return {output, status: step.exited};
		}
		if (child.sleepUntil === undefined || child.sleepUntil >= forever) break;
	}
	parent.status = child.status;
	return {output, status: child.status};
}

function runPipeline(state: ScriptState, io: ScriptIo, commands: SimpleCommand[]): Executed {
	let stdin = '';
	let output = '';
	let sleepMs = 0;
	for (let k = 0; k < commands.length; k++) {
		const last = k === commands.length - 1;
		const result = runSimple(state, io, commands[k]!, stdin);
		if (result.exit !== undefined && commands.length === 1) return {output: result.terminal, exit: result.exit};
		output += result.terminal;
		stdin = result.piped;
		sleepMs = Math.max(sleepMs, result.sleepMs ?? 0);
		if (last) output += result.piped;
	}
	return {output, sleepMs};
}

type SimpleResult = {piped: string; terminal: string; sleepMs?: number; exit?: number};

function runSimple(state: ScriptState, io: ScriptIo, command: SimpleCommand, stdin: string): SimpleResult {
	const argv: string[] = [];
	let substitutionOutput = '';
	for (const word of command.words) {
		const expanded = expandWord(state, io, word);
		argv.push(...expanded.fields);
		substitutionOutput += expanded.stderr;
	}
	const assigned: Record<string, string> = {};
	// An assignment's value is not split into fields: x=$(date) keeps the spaces.
	for (const assign of command.assigns) assigned[assign.name] = expandJoined(state, io, assign.value.map(part => ({...part, quoted: true})));
	if (argv.length === 0) {
		Object.assign(state.vars, assigned);
		for (const name of Object.keys(assigned)) if (name in state.env) state.env[name] = assigned[name]!;
		state.status = 0;
		return {piped: '', terminal: substitutionOutput};
	}
	let input = stdin;
	for (const r of command.redirects) {
		if (r.op !== '<') continue;
		const read = io.read(resolvePath(state, expandJoined(state, io, r.target)));
		if ('error' in read) {
			state.status = 1;
			return {piped: '', terminal: `${diagnosticPrefix(state)}can't open '${expandJoined(state, io, r.target)}': ${read.error}\n`};
		}
		input = read.content;
	}
	const result = runProgram(state, io, argv, input, assigned);
	state.status = result.status;
	if (result.sleepMs) state.sleepCommand = (argv[0] === 'exec' ? argv.slice(1) : argv).join(' ');
	const routed = routeOutput(state, io, command.redirects, result);
	return {piped: routed.stdout, terminal: substitutionOutput + routed.stderr, sleepMs: result.sleepMs, exit: result.exit ? result.status : undefined};
}

function routeOutput(state: ScriptState, io: ScriptIo, redirects: Redirect[], result: ProgramResult): {stdout: string; stderr: string} {
	let stdout = result.stdout;
	let stderr = result.stderr;
	for (const r of redirects) {
		if (r.op === 'dup') {
			if (r.fd === 2 && r.toFd === 1) {
				stdout += stderr;
				stderr = '';
			} else if (r.fd === 1 && r.toFd === 2) {
				stderr += stdout;
				stdout = '';
			}
			continue;
		}
		if (r.op === '<') continue;
		const target = expandJoined(state, io, r.target);
		const text = r.fd === 1 ? stdout : r.fd === 2 ? stderr : stdout + stderr;
		if (r.fd === 1 || r.fd === 3) stdout = '';
		if (r.fd === 2 || r.fd === 3) stderr = '';
		if (target === '/dev/null') continue;
		if (target === '/dev/stdout' || target === '/proc/1/fd/1') {
			stdout += text;
			continue;
		}
		if (target === '/dev/stderr' || target === '/proc/1/fd/2') {
			stderr += text;
			continue;
		}
		const error = io.write(resolvePath(state, target), text, r.op === '>>');
		if (error) {
			stderr += `${diagnosticPrefix(state)}can't create ${target}: ${error}\n`;
			state.status = 1;
		}
	}
	return {stdout, stderr};
}

const builtins = new Set(['echo', 'printf', 'true', 'false', ':', 'exit', 'test', '[', 'cd', 'pwd', 'export', 'unset', 'set', 'trap', 'wait', 'read', 'exec', 'break', 'continue', 'shift', 'return', 'ulimit', 'umask']);

function runProgram(state: ScriptState, io: ScriptIo, argv: string[], stdin: string, assigned: Record<string, string>): ProgramResult {
	const [program, ...args] = argv as [string, ...string[]];
	const env = {...state.env, ...assigned};
	if (program === 'exit') {
		const code = args[0] === undefined ? state.status : Number(args[0]);
		return {stdout: '', stderr: '', status: Number.isInteger(code) ? code & 255 : 2, exit: true};
	}
	if (program === 'exec') {
		if (args.length === 0) return {stdout: '', stderr: '', status: 0};
		const result = runProgram(state, io, args, stdin, assigned);
		// The program replaces the shell: when it waits (exec sleep 1000), ps shows it as the process itself.
		if (result.sleepMs !== undefined) state.execCommand = args.join(' ');
		return {...result, exit: result.sleepMs === undefined ? true : result.exit};
	}
	if (program === 'cd') {
		const target = resolvePath(state, args[0] ?? '/root');
		if (io.kind(target) !== 'dir') return {stdout: '', stderr: `${diagnosticPrefix(state)}cd: can't cd to ${args[0]}: No such file or directory\n`, status: 2};
		state.cwd = target;
		return {stdout: '', stderr: '', status: 0};
	}
	if (program === 'export') {
		for (const arg of args) {
			const eq = arg.indexOf('=');
			const name = eq < 0 ? arg : arg.slice(0, eq);
			const value = eq < 0 ? (state.vars[name] ?? state.env[name] ?? '') : arg.slice(eq + 1);
			state.env[name] = value;
			delete state.vars[name];
		}
		return {stdout: '', stderr: '', status: 0};
	}
	if (program === 'unset') {
		for (const name of args) {
			delete state.vars[name];
			delete state.env[name];
		}
		return {stdout: '', stderr: '', status: 0};
	}
	if (!builtins.has(program) && !io.hasProgram(program, env['PATH'] ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')) {
		return {stdout: '', stderr: notFound(state, program), status: program.includes('/') && io.kind(resolvePath(state, program)) ? 126 : 127};
	}
	const native = runNativeProgram(program.split('/').pop()!, args, {stdin, env, cwd: state.cwd, clock: state.clock, io, resolve: p => resolvePath(state, p), prefix: diagnosticPrefix(state)});
	if (native) return native;
	return io.external(argv, stdin, env, state.cwd);
}

function notFound(state: ScriptState, program: string): string {
	// ash: "sh: foo: not found"; dash: "sh: 1: foo: not found"; bash: "bash: line 1: foo: command not found"
	if (state.dialect === 'dash') return `${state.name}: 1: ${program}: not found\n`;
	if (state.dialect === 'bash') return `bash: line 1: ${program}: command not found\n`;
	return `${state.name}: ${program}: not found\n`;
}

function diagnosticPrefix(state: ScriptState): string {
	return state.dialect === 'dash' ? `${state.name}: 1: ` : state.dialect === 'bash' ? 'bash: line 1: ' : `${state.name}: `;
}

function resolvePath(state: ScriptState, path: string): string {
	const absolute = path.startsWith('/') ? path : `${state.cwd === '/' ? '' : state.cwd}/${path}`;
	const out: string[] = [];
	for (const part of absolute.split('/')) {
		if (!part || part === '.') continue;
		if (part === '..') out.pop();
		else out.push(part);
	}
	return '/' + out.join('/');
}

function lookupVar(state: ScriptState, io: ScriptIo, name: string): string | undefined {
	if (name === '?') return String(state.status);
	if (name === '$') return String(io.pid);
	if (name === '0') return state.name;
	if (name === '#') return '0';
	if (name === '@' || name === '*' || /^[1-9]$/.test(name)) return '';
	return state.vars[name] ?? state.env[name];
}

/** Expands a word into fields: unquoted expansions split on whitespace, quoted ones do not. */
function expandWord(state: ScriptState, io: ScriptIo, word: Word): {fields: string[]; stderr: string} {
	const fields: string[] = [];
	let current = '';
	let hasField = false;
	let stderr = '';
	const addSplit = (text: string) => {
		const pieces = text.split(/[ \t\n]+/);
		pieces.forEach((piece, index) => {
			if (index > 0 && (hasField || current)) {
				fields.push(current);
				current = '';
				hasField = false;
			}
			if (piece) {
				current += piece;
				hasField = true;
			}
		});
	};
	for (const part of word) {
		let value: string;
		if (part.kind === 'text') {
			current += part.text;
			hasField = true;
			continue;
		}
		if (part.kind === 'var') value = lookupVar(state, io, part.name) ?? '';
		else if (part.kind === 'arith') {
			const result = evaluateArithmetic(part.expression, name => lookupVar(state, io, name));
			if (typeof result !== 'number') {
				stderr += `${diagnosticPrefix(state)}arithmetic syntax error\n`;
				value = '';
			} else value = String(result);
		} else {
			value = runToCompletion(state, io, part.script).output.replace(/\n+$/, '');
		}
		if (part.quoted) {
			current += value;
			hasField = true;
		} else addSplit(value);
	}
	if (hasField || current) fields.push(current);
	return {fields, stderr};
}

function expandJoined(state: ScriptState, io: ScriptIo, word: Word): string {
	return expandWord(state, io, word).fields.join(' ');
}
