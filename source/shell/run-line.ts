// Runs one line the learner typed (or a pasted block): parse it into a syntax tree, then walk it;
// each command's words are expanded when its turn comes. Records the line in the history. Never throws.
import {runCommand, runList} from './interpreter.ts';
import {chunksOf, pushChunks, stderrChunk} from './output-chunks.ts';
import type {Run} from './run-types.ts';
import {currentFrame, withExit} from './session.ts';
import {reportEndedJobs} from './jobs.ts';
import {parse} from './syntax/parse.ts';
import {withSimulatorLines} from '../i18n/simulator-lines.ts';
import type {LineResult, ShellRuntime, ShellState} from './types.ts';

export type {ShellRuntime} from './types.ts';
export {currentFrame, shellPid} from './session.ts';

export function runLine(state: ShellState, line: string, runtime: ShellRuntime): LineResult {
	// A NUL cannot be typed into a real shell, and bash drops it from a line.
	const trimmed = line.replaceAll('\u0000', '').trim();
	if (!trimmed) {
		// Enter alone: bash still says which background jobs ended, before the next prompt (on stderr, as bash does).
		const reported = reportEndedJobs(state);
		return {state: reported.state, stdout: '', stderr: reported.text, exitCode: state.session.lastExit, effects: []};
	}
	const current: ShellState = {...state, session: {...state.session, history: [...state.session.history, trimmed]}};
	const parsed = parse(trimmed, {eofEndsHeredoc: true});
	if ('error' in parsed) return {state: withExit(current, 2), stdout: '', stderr: `bash: ${parsed.error}\n`, exitCode: 2, effects: []};
	const run: Run = {runtime, line: trimmed, shared: {commands: 0, stopped: undefined}, positional: [], functionDepth: 0, loopDepth: 0, exec: {list: runList, command: runCommand}};
	const warnings = parsed.warnings.map(w => `bash: ${w}\n`).join('');
	const ran = runList(current, parsed.list, '', run);
	const reported = reportEndedJobs(ran.state);
	const result = reported.text ? {...ran, state: reported.state, stderr: ran.stderr + reported.text, chunks: pushChunks([...chunksOf(ran)], stderrChunk(reported.text))} : {...ran, state: reported.state};
	const stopped = run.shared.stopped ? run.shared.stopped + '\n' : '';
	const via = currentFrame(state).via;
	const asRun = via ? `${via} -c ${trimmed}` : undefined;
	const say = (text: string) => withSimulatorLines(text, runtime.locale);
	const stdout = say(bounded(result.stdout));
	const stderr = say(bounded(warnings + result.stderr) + stopped);
	// A line cut short by the output bound keeps only its streams; chunksOf() then shows stdout first.
	const cut = stdout.length > lineOutputLimit || stderr.length > lineOutputLimit;
	const chunks = cut ? undefined : pushChunks(stderrChunk(warnings), chunksOf(result)).map(c => ({...c, text: say(c.text)}));
	if (chunks) pushChunks(chunks, stderrChunk(say(stopped)));
	const own = ownNamespaces(state);
	return {state: result.state, stdout, stderr, exitCode: result.exitCode, effects: result.effects, ...(chunks ? {chunks} : {}), ...(asRun ? {asRun} : {}), ...(own.length ? {ownNamespaces: own} : {}), ...(result.stderrFirst && !warnings ? {stderrFirst: true} : {})};
}

/** The namespace kinds in which the current shell is not in its host's first namespaces. */
function ownNamespaces(state: ShellState): string[] {
	const frame = currentFrame(state);
	const host = state.world.hosts.get(frame.host);
	const me = host?.processes.get(frame.pid);
	if (!host || !me) return [];
	return (Object.keys(host.initNamespaces) as (keyof typeof host.initNamespaces)[]).filter(kind => me.namespaces[kind] !== host.initNamespaces[kind]);
}

/** What one line may print: the screen keeps its scrollback, and a loop printing its growing history does not fill memory. */
export const lineOutputLimit = 1024 * 1024;

function bounded(text: string): string {
	if (text.length <= lineOutputLimit) return text;
	return text.slice(0, lineOutputLimit) + `\n[simulator] output cut after ${lineOutputLimit / 1024 / 1024} MiB (${Math.round(text.length / 1024 / 1024)} MiB in all)\n`;
}
