// Walks the syntax tree of a line: lists (;, &&, ||, &), pipelines, groups, subshells, function
// definitions, if, for and while/until. A simple command is expanded only when it runs
// (simple-command.ts), so `docker run ...; kill $(docker inspect ...)` sees the new container.
// Every line has a budget of commands and every loop a bound, so a loop that never ends stops
// with a [simulator] line instead of freezing the tutor.
import type {Command, List, Pipeline} from './syntax/ast.ts';
import {expandWords} from './syntax/expand.ts';
import {expansionEnv} from './expansion-env.ts';
import {withRedirects} from './redirects.ts';
import type {Outcome, Run} from './run-types.ts';
import {loopBound, loopOutputLimit} from './run-types.ts';
import {chunksOf, pushChunks, stderrChunk, type OutputChunk} from './output-chunks.ts';
import {currentFrame, shellPid, withExit} from './session.ts';
import {pipelineText, startJob} from './jobs.ts';
import {runSimple} from './simple-command.ts';
import type {ShellEffect, ShellState} from './types.ts';

const quiet = (state: ShellState, exitCode = 0): Outcome => ({state, stdout: '', stderr: '', exitCode, effects: []});

export function runList(state: ShellState, list: List, stdin: string, run: Run): Outcome {
	let current = state;
	let stdout = '';
	let stderr = '';
	let exitCode = state.session.lastExit;
	const effects: ShellEffect[] = [];
	const chunks: OutputChunk[] = [];
	let first = true;
	for (const {op, pipeline} of list.items) {
		if (run.shared.stopped) break;
		if (op === '&&' && exitCode !== 0) continue;
		if (op === '||' && exitCode === 0) continue;
		const result = runPipeline(current, pipeline, first ? stdin : '', run);
		first = false;
		current = withExit(result.state, result.exitCode);
		stdout += result.stdout;
		stderr += result.stderr;
		pushChunks(chunks, chunksOf(result));
		exitCode = result.exitCode;
		effects.push(...result.effects);
		if (result.control) return {state: current, stdout, stderr, exitCode, effects, chunks, control: result.control};
		if (list.items.length === 1 && result.stderrFirst) return {state: current, stdout, stderr, exitCode, effects, chunks, stderrFirst: true};
	}
	return {state: current, stdout, stderr, exitCode, effects, chunks};
}

function runPipeline(state: ShellState, pipeline: Pipeline, stdin: string, run: Run): Outcome {
	let current = state;
	let input = stdin;
	let stderr = '';
	let last: Outcome = quiet(state);
	const effects: ShellEffect[] = [];
	let spawnedPid: number | undefined;
	const chunks: OutputChunk[] = [];
	// Each command of a pipeline, and a & job, runs in a copy of the shell.
	const each = pipeline.commands.length > 1 || pipeline.background ? {...run, subshell: true} : run;
	for (let i = 0; i < pipeline.commands.length; i++) {
		last = runCommand(current, pipeline.commands[i]!, input, each);
		current = last.state;
		stderr += last.stderr;
		// Only the last command's stdout reaches the terminal; every command's stderr does.
		pushChunks(chunks, i === pipeline.commands.length - 1 ? chunksOf(last) : stderrChunk(last.stderr));
		effects.push(...last.effects);
		spawnedPid = last.spawnedPid ?? spawnedPid;
		input = last.stdout;
		if (last.control && i === pipeline.commands.length - 1) break;
	}
	let stdout = last.stdout;
	let exitCode = pipeline.negated ? Number(last.exitCode === 0) : last.exitCode;
	if (pipeline.background) {
		// The job is the process it left running as this shell's child (sleep 60 &); else it is already done.
		const frame = currentFrame(current);
		const child = spawnedPid === undefined ? undefined : current.world.hosts.get(frame.host)?.processes.get(spawnedPid);
		const how = child?.ppid === frame.pid ? {pid: child.pid, ...(child.endsAt !== undefined ? {endsAt: child.endsAt} : {})} : spawnedPid !== undefined ? {remote: true} : {exit: exitCode};
		const started = startJob(current, {command: pipelineText(pipeline), ...how});
		current = started.state;
		const job = `[${started.id}] ${spawnedPid ?? shellPid(current) + started.id}\n`;
		stdout = job + stdout;
		chunks.unshift({stream: 'stdout', text: job});
		exitCode = 0;
	}
	const alone = pipeline.commands.length === 1;
	return {state: current, stdout, stderr, exitCode, effects, spawnedPid, chunks, control: alone ? last.control : undefined, ...(alone && !pipeline.background && last.stderrFirst ? {stderrFirst: true} : {})};
}

export function runCommand(state: ShellState, command: Command, stdin: string, run: Run): Outcome {
	if (run.shared.stopped) return quiet(state, 1);
	switch (command.kind) {
		case 'simple':
			return runSimple(state, command, stdin, run);
		case 'function': {
			const functions = {...state.session.functions, [command.name]: command};
			return quiet({...state, session: {...state.session, functions}});
		}
		case 'group':
			return withRedirects(state, command.redirects, stdin, run, (s, input) => runList(s, command.list, input, run));
		case 'subshell':
			// A subshell's directory, variables and exit are its own; what it does to the world stays.
			return withRedirects(state, command.redirects, stdin, run, (s, input) => {
				const result = runList(s, command.list, input, {...run, loopDepth: 0, subshell: true});
				return {...result, state: {world: result.state.world, session: s.session}, control: undefined};
			});
		case 'if':
			return withRedirects(state, command.redirects, stdin, run, (s, input) => {
				let current = s;
				let stdout = '';
				let stderr = '';
				const effects: ShellEffect[] = [];
				const chunks: OutputChunk[] = [];
				const take = (r: Outcome) => {
					current = r.state;
					stdout += r.stdout;
					stderr += r.stderr;
					pushChunks(chunks, chunksOf(r));
					effects.push(...r.effects);
					return r;
				};
				for (const branch of command.branches) {
					const test = take(runList(current, branch.condition, input, run));
					if (test.control) return {...test, state: current, stdout, stderr, effects, chunks};
					if (test.exitCode === 0) {
						const body = take(runList(current, branch.body, input, run));
						return {...body, state: current, stdout, stderr, effects, chunks};
					}
				}
				if (command.otherwise) {
					const body = take(runList(current, command.otherwise, input, run));
					return {...body, state: current, stdout, stderr, effects, chunks};
				}
				return {state: current, stdout, stderr, exitCode: 0, effects, chunks};
			});
		case 'for':
		case 'while':
			return withRedirects(state, command.redirects, stdin, run, (s, input) => runLoop(s, command, input, run));
	}
}

function runLoop(state: ShellState, loop: Extract<Command, {kind: 'for' | 'while'}>, stdin: string, run: Run): Outcome {
	const inner = {...run, loopDepth: run.loopDepth + 1};
	let current = state;
	let stdout = '';
	let stderr = '';
	let exitCode = 0;
	const effects: ShellEffect[] = [];
	const chunks: OutputChunk[] = [];
	let items: string[] = [];
	if (loop.kind === 'for') {
		const env = expansionEnv(() => current, s => (current = s), run);
		items = loop.items ? expandWords(loop.items, env) : run.positional;
		stderr += env.stderr();
		pushChunks(chunks, stderrChunk(env.stderr()));
	}
	for (let round = 0; ; round++) {
		if (run.shared.stopped) break;
		if (round >= loopBound) {
			run.shared.stopped = `[simulator] the loop stopped after ${loopBound} rounds (the simulator bounds loops so the tutor keeps responding)`;
			exitCode = 1;
			break;
		}
		if (stdout.length + stderr.length > loopOutputLimit) {
			run.shared.stopped = `[simulator] the loop stopped after ${round} rounds: it printed more than ${loopOutputLimit / 1024 / 1024} MiB (the simulator bounds loops so the tutor keeps responding)`;
			exitCode = 1;
			break;
		}
		if (loop.kind === 'for') {
			if (round >= items.length) break;
			current = {...current, session: {...current.session, env: {...current.session.env, [loop.variable]: items[round]!}}};
		} else {
			const test = runList(current, loop.condition, stdin, inner);
			current = test.state;
			stdout += test.stdout;
			stderr += test.stderr;
			pushChunks(chunks, chunksOf(test));
			effects.push(...test.effects);
			if (test.control?.kind === 'exit' || test.control?.kind === 'return') return {state: current, stdout, stderr, exitCode: test.exitCode, effects, chunks, control: test.control};
			if ((test.exitCode === 0) === loop.until) break;
		}
		const body = runList(current, loop.body, stdin, inner);
		current = body.state;
		stdout += body.stdout;
		stderr += body.stderr;
		pushChunks(chunks, chunksOf(body));
		exitCode = body.exitCode;
		effects.push(...body.effects);
		const control = body.control;
		if (!control) continue;
		if (control.kind === 'return' || control.kind === 'exit') return {state: current, stdout, stderr, exitCode, effects, chunks, control};
		if (control.levels > 1) return {state: current, stdout, stderr, exitCode: 0, effects, chunks, control: {...control, levels: control.levels - 1}};
		exitCode = 0;
		if (control.kind === 'break') break;
	}
	return {state: current, stdout, stderr, exitCode, effects, chunks};
}

