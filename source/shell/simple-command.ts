// One simple command, run the moment its turn comes: its words expanded now (variables, $(...),
// splitting, globs), then a function, a builtin that steers the interpreter (break, return,
// eval...), or a command from the table, with its redirections applied.
import {commandBudget, type Outcome, type Run} from './run-types.ts';
import {expansionEnv} from './expansion-env.ts';
import {chunksOf, pushChunks, stderrChunk} from './output-chunks.ts';
import {commandV, typeOutput} from './command-lookup.ts';
import {notFoundLine} from './not-found.ts';
import {withRedirects} from './redirects.ts';
import {currentFrame} from './session.ts';
import {ArithmeticError} from './syntax/arithmetic.ts';
import type {Command, FunctionDefinition, SimpleCommand} from './syntax/ast.ts';
import {expandWord, expandWords} from './syntax/expand.ts';
import {parse} from './syntax/parse.ts';
import {produce} from 'immer';
import {lookupFile} from '../engine/host/filesystem.ts';
import {reapProcess, spawnProcess} from '../engine/host/processes.ts';
import {processFilesystem} from '../engine/script/process-io.ts';
import type {CommandContext, CommandOutcome, ShellFrame, ShellState} from './types.ts';
import {exitStatus} from './builtins/shell-builtins.ts';
import {jobBuiltins} from './builtins/job-builtins.ts';

const maxFunctionDepth = 100;

/** Words joined back into a line the shell reads as the same words. */
export function quoteWords(words: string[]): string {
	return words.map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

const fail = (state: ShellState, stderr: string, exitCode = 1): Outcome => ({state, stdout: '', stderr, exitCode, effects: []});

export function runSimple(state: ShellState, command: SimpleCommand, stdin: string, run: Run): Outcome {
	if (++run.shared.commands > commandBudget) {
		run.shared.stopped ??= `[simulator] the line stopped after ${commandBudget} commands (the simulator bounds a line so the tutor keeps responding)`;
		return fail(state, '');
	}
	let current = state;
	const env = expansionEnv(() => current, s => (current = s), run);
	let words: string[];
	let assigns: [string, string][];
	try {
		assigns = command.assigns.map(a => [a.name, expandWord(a.value, env)]);
		words = expandWords(command.words, env);
	} catch (error) {
		if (error instanceof ArithmeticError) return fail(current, env.stderr() + `bash: ${error.message}\n`);
		throw error;
	}
	const expansionErrors = env.stderr();
	if (words.length === 0) {
		// `X=1` alone (or `> file`): the variables stay in the shell; $? is the last $(...)'s status.
		const withVars = {...current, session: {...current.session, env: {...current.session.env, ...Object.fromEntries(assigns)}}};
		const result = withRedirects(withVars, command.redirects, stdin, run, s => ({state: s, stdout: '', stderr: '', exitCode: env.lastStatus() ?? 0, effects: []}));
		return {...result, stderr: expansionErrors + result.stderr, chunks: pushChunks(stderrChunk(expansionErrors), chunksOf(result))};
	}
	const [name, ...args] = words as [string, ...string[]];
	const result = withRedirects(current, command.redirects, stdin, run, (s, input) => dispatch(s, name, args, assigns, input, run), name === 'echo' || name === 'printf' ? `bash: ${name}` : name);
	return {...result, stderr: expansionErrors + result.stderr, chunks: pushChunks(stderrChunk(expansionErrors), chunksOf(result))};
}

function dispatch(state: ShellState, name: string, args: string[], assigns: [string, string][], stdin: string, run: Run): Outcome {
	const fn = state.session.functions?.[name];
	if (fn) return callFunction(state, fn, args, stdin, run);
	const builtin = interpreterBuiltins[name];
	if (builtin) return builtin(state, args, stdin, run);
	const jobBuiltin = jobBuiltins[name];
	if (jobBuiltin) return jobBuiltin(state, args, run.runtime.programs);
	if (name === 'exit' && run.subshell) return subshellExit(state, args);
	const spec = run.runtime.commands.get(name);
	let outcome: CommandOutcome;
	if (!spec) {
		const hint = run.runtime.suggest?.(name);
		outcome = {stdout: '', stderr: `${notFoundLine(state, name)}${hint ? `\n${hint}` : ''}\n`, exitCode: 127};
	} else {
		// `VAR=value command ...` (e.g. `ETCDCTL_API=3 etcdctl get ...`): the assignments hold for that command only.
		const session = assigns.length ? {...state.session, env: {...state.session.env, ...Object.fromEntries(assigns)}} : state.session;
		const ctx: CommandContext = {world: state.world, session, frame: currentFrame(state), stdin, disk: run.runtime.disk, runtime: run.runtime, commandLine: run.line};
		try {
			outcome = spec.run(args, ctx);
		} catch (error) {
			// A bug in a command must never take the tutor down or lose progress: report it and carry on.
			const message = error instanceof Error ? error.message : String(error);
			outcome = {stdout: '', stderr: `${name}: internal error in the simulator: ${message}\n`, exitCode: 70};
		}
	}
	let session = outcome.session ?? state.session;
	const opened = session.frames.length > state.session.frames.length ? session.frames[session.frames.length - 1]! : undefined;
	if (opened && (opened.kind === 'container' || opened.kind === 'pod')) {
		// An interactive shell opened in a container (docker exec -it, kubectl exec -it): it remembers the command that opened it.
		const frames = session.frames.slice();
		frames[frames.length - 1] = {...frames[frames.length - 1]!, via: quoteWords([name, ...args])};
		session = {...session, frames};
	}
	const next: ShellState = {world: outcome.world ?? state.world, session};
	// `exit` (or anything else that ends the shell running this line): the rest of the line is never read.
	const ended = session.frames.length < state.session.frames.length || outcome.effects?.some(e => e.kind === 'exit-tutor');
	return {state: next, stdout: outcome.stdout, stderr: outcome.stderr ?? '', exitCode: outcome.exitCode, effects: outcome.effects ?? [], spawnedPid: outcome.spawnedPid, ...(outcome.stderrFirst ? {stderrFirst: true} : {}), ...(outcome.chunks ? {chunks: outcome.chunks} : {}), ...(ended ? {control: {kind: 'exit' as const}} : {})};
}

/** `exit` in a copy of the shell (a subshell, $(...), a pipeline): that copy ends silently; the shell itself goes on. */
function subshellExit(state: ShellState, args: string[]): Outcome {
	const {code, complaint, exits} = exitStatus(args, state.session.lastExit);
	return {state, stdout: '', stderr: complaint, exitCode: code, effects: [], ...(exits ? {control: {kind: 'exit' as const}} : {})};
}

function callFunction(state: ShellState, fn: FunctionDefinition, args: string[], stdin: string, run: Run): Outcome {
	// `:(){ :|:& };:` and its kin: a function that starts copies of itself in the background.
	const bomb = run.runtime.commands.get('forkbomb');
	if (bomb && forksItself(fn)) return dispatch(state, 'forkbomb', [], [], stdin, run);
	if (run.functionDepth >= maxFunctionDepth) return fail(state, `bash: ${fn.name}: maximum function nesting level exceeded (${maxFunctionDepth})\n`);
	const result = run.exec.command(state, fn.body, stdin, {...run, positional: args, functionDepth: run.functionDepth + 1, loopDepth: 0});
	return {...result, control: result.control?.kind === 'exit' ? result.control : undefined};
}

function forksItself(fn: FunctionDefinition): boolean {
	const lists = (command: Command): Command[][] => {
		if (command.kind === 'group' || command.kind === 'subshell') return command.list.items.map(i => i.pipeline).filter(p => p.background || p.commands.length > 1).map(p => p.commands);
		return [];
	};
	return lists(fn.body).some(commands => commands.some(c => c.kind === 'simple' && c.words[0]?.raw === fn.name));
}

type Builtin = (state: ShellState, args: string[], stdin: string, run: Run) => Outcome;

/**
 * bash and sh as the learner types them: `bash -c 'CMD'` runs CMD in a child shell process (its
 * variables, directory and `exit` are its own; what it does to the world stays); `bash` alone opens
 * a child shell the learner types in until `exit`. In a container, only the shells its image has.
 */
function childShell(shell: 'bash' | 'sh'): Builtin {
	return (state, args, stdin, run) => {
		const frame = currentFrame(state);
		const host = state.world.hosts.get(frame.host);
		const me = host?.processes.get(frame.pid);
		const inContainer = frame.kind === 'container' || frame.kind === 'pod';
		const fs = host && me && inContainer ? processFilesystem(host, me) : undefined;
		const present = !inContainer || (fs !== undefined && [`/bin/${shell}`, `/usr/bin/${shell}`].some(path => lookupFile(state.world, fs, path)));
		if (!host || !me || !present) return fail(state, `${notFoundLine(state, shell)}\n`, 127);
		const c = args.indexOf('-c');
		const options = c < 0 ? args : args.slice(0, c);
		const file = options.find(o => !o.startsWith('-'));
		if (file !== undefined) return fail(state, `[simulator] ${shell} ${file}: running a script file is not modelled here; ${shell} -c 'COMMANDS' is\n`, 1);
		const script = c < 0 ? undefined : args[c + 1];
		if (c >= 0 && script === undefined) return fail(state, `${shell}: -c: option requires an argument\n`, 2);
		let pid = 0;
		const world = produce(state.world, w => {
			pid = spawnProcess(w, w.hosts.get(frame.host)!, {parentPid: me.pid, command: [shell, ...args].join(' '), tty: me.tty}).pid;
		});
		const child: ShellFrame = {host: frame.host, pid, user: frame.user, cwd: frame.cwd, kind: inContainer ? frame.kind : 'login', ...(frame.label ? {label: frame.label} : {}), ...(script !== undefined ? {script: true} : {})};
		const session = {...state.session, frames: [...state.session.frames, child]};
		if (script === undefined) return {state: {world, session}, stdout: '', stderr: '', exitCode: 0, effects: []};
		const reaped = (w: typeof world) =>
			produce(w, d => {
				const h = d.hosts.get(frame.host);
				if (h?.processes.has(pid)) reapProcess(h, pid);
			});
		const parsed = parse(script, {eofEndsHeredoc: true});
		if ('error' in parsed) return fail({...state, world: reaped(world)}, shell === 'bash' ? `bash: -c: line 1: ${parsed.error}\n` : `sh: 1: ${parsed.error}\n`, 2);
		const result = run.exec.list({world, session}, parsed.list, stdin, {...run, positional: args.slice(c + 3), functionDepth: 0, loopDepth: 0, subshell: false});
		// `exit N` ends the child shell silently (the builtin says "exit" only at a prompt).
		const exited = result.state.session.frames.length < session.frames.length;
		const stdout = exited ? result.stdout.replace(/exit\n$/, '') : result.stdout;
		return {state: {world: reaped(result.state.world), session: state.session}, stdout, stderr: result.stderr, exitCode: result.exitCode, effects: result.effects, ...(exited ? {} : {chunks: result.chunks})};
	};
}

const levels = (arg: string | undefined) => (arg && /^\d+$/.test(arg) ? Math.max(1, Number(arg)) : 1);

const loopControl =
	(kind: 'break' | 'continue'): Builtin =>
	(state, args, _stdin, run) => {
		if (run.loopDepth === 0) return {state, stdout: '', stderr: '', exitCode: 0, effects: []};
		return {state, stdout: '', stderr: '', exitCode: 0, effects: [], control: {kind, levels: Math.min(levels(args[0]), run.loopDepth)}};
	};

/** Builtins that steer the interpreter itself, so they live here rather than in the command table. */
const interpreterBuiltins: Record<string, Builtin> = {
	break: loopControl('break'),
	continue: loopControl('continue'),
	return(state, args, _stdin, run) {
		if (run.functionDepth === 0) return fail(state, "bash: return: can only `return' from a function or sourced script\n");
		const code = args[0] && /^-?\d+$/.test(args[0]) ? ((Number(args[0]) % 256) + 256) % 256 : state.session.lastExit;
		return {state, stdout: '', stderr: '', exitCode: code, effects: [], control: {kind: 'return'}};
	},
	local(state, args) {
		const env = {...state.session.env};
		for (const arg of args) {
			const m = arg.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s);
			if (!m) return fail(state, `bash: local: \`${arg}': not a valid identifier\n`);
			env[m[1]!] = m[2] ?? env[m[1]!] ?? '';
		}
		return {state: {...state, session: {...state.session, env}}, stdout: '', stderr: '', exitCode: 0, effects: []};
	},
	unset(state, args) {
		const env = {...state.session.env};
		const functions = {...state.session.functions};
		const onlyFunctions = args.includes('-f');
		for (const arg of args.filter(a => !a.startsWith('-'))) {
			if (!onlyFunctions && arg in env) delete env[arg];
			else delete functions[arg];
		}
		return {state: {...state, session: {...state.session, env, functions}}, stdout: '', stderr: '', exitCode: 0, effects: []};
	},
	type(state, args, _stdin, run) {
		return {state, ...typeOutput(state, run.runtime, args), effects: []};
	},
	command(state, args, stdin, run) {
		const [first, ...rest] = args;
		if (first === '-v' || first === '-V') return {state, ...commandV(state, run.runtime, rest, first === '-V'), effects: []};
		if (!first) return {state, stdout: '', stderr: '', exitCode: 0, effects: []};
		// `command NAME ARGS`: NAME as a builtin or program, never the function of that name.
		const functions = state.session.functions;
		if (!functions?.[first]) return dispatch(state, first, rest, [], stdin, run);
		const {[first]: _hidden, ...others} = functions;
		const result = dispatch({...state, session: {...state.session, functions: others}}, first, rest, [], stdin, run);
		return {...result, state: {...result.state, session: {...result.state.session, functions: result.state.session.functions ? {...result.state.session.functions, [first]: functions[first]!} : functions}}};
	},
	bash: childShell('bash'),
	sh: childShell('sh'),
	eval(state, args, stdin, run) {
		const parsed = parse(args.join(' '), {eofEndsHeredoc: true});
		if ('error' in parsed) return fail(state, `bash: eval: ${parsed.error}\n`, 2);
		return run.exec.list(state, parsed.list, stdin, run);
	},
};
