// Redirections of one command (simple or compound), in bash's order: read left to right before
// the command runs (`> f 2>&1` sends both to f; `2>&1 > f` sends errors to the terminal), then
// the command's output is routed to the terminal, /dev/null or files in the simulated host.
import {produce} from 'immer';
import {recordEvent} from '../engine/events.ts';
import type {World} from '../engine/world.ts';
import {expansionEnv} from './expansion-env.ts';
import {startFolderPath} from './learner-files.ts';
import {pathKind, readPath, resolvePath, writePath} from './paths.ts';
import {readDisk} from './read-disk.ts';
import {chunksOf, pushChunks, stderrChunk, type OutputChunk} from './output-chunks.ts';
import type {Outcome, Run} from './run-types.ts';
import {currentFrame} from './session.ts';
import {ArithmeticError} from './syntax/arithmetic.ts';
import type {Redirect} from './syntax/ast.ts';
import {expandWord, type ExpandEnv} from './syntax/expand.ts';
import type {HostDisk, ShellFrame, ShellState} from './types.ts';

type FileSink = {kind: 'file'; path: string; append: boolean};
type Sink = {kind: 'out'} | {kind: 'err'} | {kind: 'null'} | FileSink;

export type OpenedRedirects = {stdin: string | undefined; fds: Map<number, Sink>};

const terminalOut: Sink = {kind: 'out'};
const terminalErr: Sink = {kind: 'err'};

/** Expands and opens the redirections; an unreadable `< file` is an error (the command does not run). */
export function openRedirects(
	state: ShellState,
	frame: ShellFrame,
	disk: HostDisk,
	redirects: Redirect[],
	env: ExpandEnv,
): OpenedRedirects | {error: string} {
	const fds = new Map<number, Sink>([
		[1, terminalOut],
		[2, terminalErr],
	]);
	let stdin: string | undefined;
	for (const r of redirects) {
		if ('body' in r) {
			stdin = expandWord(r.body, env) + (r.op === '<<<' ? '\n' : '');
			continue;
		}
		const target = expandWord(r.target, env);
		if (r.op === '<') {
			const read = readPath(state.world, frame, target);
			// The folder the tutor started in is readable from the learner's own shell, as cat reads it.
			const startFolder = 'error' in read ? startFolderPath(frame, target) : undefined;
			const onDisk = startFolder ? readDisk(disk, startFolder) : undefined;
			if (onDisk?.ok) stdin = onDisk.content;
			else if (onDisk && onDisk.problem !== 'missing') return {error: `bash: ${target}: ${onDisk.problem === 'directory' ? 'Is a directory' : onDisk.problem === 'unreadable' ? onDisk.message[0]!.toUpperCase() + onDisk.message.slice(1) : `[simulator] ${onDisk.message}`}`};
			else if ('error' in read) return {error: `bash: ${target}: ${read.error}`};
			else stdin = read.content;
			continue;
		}
		if (r.op === '<&') continue;
		if (r.op === '>&' && /^\d+$/.test(target)) {
			fds.set(r.fd, fds.get(Number(target)) ?? terminalOut);
			continue;
		}
		if (r.op === '>&' && target === '-') {
			fds.set(r.fd, {kind: 'null'});
			continue;
		}
		const sink: Sink = target === '/dev/null' ? {kind: 'null'} : {kind: 'file', path: target, append: r.op === '>>' || r.op === '&>>'};
		if (r.op === '&>' || r.op === '&>>' || r.op === '>&' || r.fd < 0) {
			fds.set(1, sink);
			fds.set(2, sink);
		} else fds.set(r.fd, sink);
	}
	return {stdin, fds};
}

/** Sends a command's output where its redirections point; a file that cannot be written is reported as bash reports it. */
export function routeOutput(
	world: World,
	frame: ShellFrame,
	opened: OpenedRedirects,
	output: {stdout: string; stderr: string; chunks?: OutputChunk[]; stderrFirst?: boolean},
	writer: string,
): {world: World; stdout: string; stderr: string; chunks: OutputChunk[]; failed: boolean} {
	let stdout = '';
	let stderr = '';
	const chunks: OutputChunk[] = [];
	const files = new Map<FileSink, string>();
	const send = (sink: Sink, text: string) => {
		if (sink.kind === 'out') stdout += text;
		else if (sink.kind === 'err') stderr += text;
		else if (sink.kind === 'file') files.set(sink, (files.get(sink) ?? '') + text);
		if (sink.kind === 'out' || sink.kind === 'err') pushChunks(chunks, [{stream: sink.kind === 'out' ? 'stdout' : 'stderr', text}]);
	};
	for (const sink of opened.fds.values()) if (sink.kind === 'file' && !files.has(sink)) files.set(sink, '');
	// In the order the command wrote them: `cmd > f 2>&1` puts its errors where they came in f.
	for (const chunk of chunksOf(output)) send(opened.fds.get(chunk.stream === 'stdout' ? 1 : 2) ?? (chunk.stream === 'stdout' ? terminalOut : terminalErr), chunk.text);
	let next = world;
	for (const [sink, text] of files) {
		const created = pathKind(next, frame, sink.path) === undefined;
		const written = writePath(next, frame, sink.path, text, sink.append);
		if (!written.ok) {
			// open() failures name the file; a write() the kernel refuses (a cgroup file's EINVAL) names the writer, as bash does.
			const message = written.error.startsWith('write error: ') ? `${writer}: ${written.error}` : `bash: ${sink.path}: ${written.error}`;
			return {world: next, stdout, stderr: stderr + message + '\n', chunks: pushChunks(chunks, stderrChunk(message + '\n')), failed: true};
		}
		next = written.world;
		// A file the learner's `>` made is a change to the world like any other: the pane's events show it.
		if (created && pathKind(next, frame, sink.path) === 'file') {
			const path = resolvePath(frame, sink.path);
			const bytes = new TextEncoder().encode(text).length;
			next = produce(next, w => void recordEvent(w, {type: 'Normal', component: writer.split(':')[0]!, reason: 'FileCreated', object: `file/${frame.host}${path}`, message: `${path} (${bytes} byte${bytes === 1 ? '' : 's'})`, host: frame.host}));
		}
	}
	return {world: next, stdout, stderr, chunks, failed: false};
}

/** Runs `body` with the command's redirections applied (stdin from < or a here-document, output to files). */
export function withRedirects(
	state: ShellState,
	redirects: Redirect[],
	stdin: string,
	run: Run,
	body: (state: ShellState, stdin: string) => Outcome,
	writer = 'bash',
): Outcome {
	if (redirects.length === 0) return body(state, stdin);
	let current = state;
	const env = expansionEnv(() => current, s => (current = s), run);
	let opened: ReturnType<typeof openRedirects>;
	try {
		opened = openRedirects(current, currentFrame(current), run.runtime.disk, redirects, env);
	} catch (error) {
		// `$((1/0))` in a here-document or a file name: bash reports it and runs nothing.
		if (error instanceof ArithmeticError) return {state: current, stdout: '', stderr: env.stderr() + `bash: ${error.message}\n`, exitCode: 1, effects: []};
		throw error;
	}
	const expansionErrors = env.stderr();
	if ('error' in opened) return {state: current, stdout: '', stderr: expansionErrors + opened.error + '\n', exitCode: 1, effects: []};
	const result = body(current, opened.stdin ?? stdin);
	const routed = routeOutput(result.state.world, currentFrame(result.state), opened, result, writer);
	return {
		...result,
		state: {...result.state, world: routed.world},
		stdout: routed.stdout,
		stderr: expansionErrors + routed.stderr,
		chunks: pushChunks(stderrChunk(expansionErrors), routed.chunks),
		exitCode: routed.failed ? 1 : result.exitCode,
	};
}
