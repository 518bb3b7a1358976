// The worlds of a chapter: where it starts, what a step's setup does, and replaying solutions
// through the real shell (for lint, the generic test, and resetting a step after a resume).
import type {Locale} from '../i18n/locale.ts';
import type {ExternalProgramRunner} from '../engine/script/external-programs.ts';
import {tick} from '../engine/tick.ts';
import {runLine, type ShellRuntime} from '../shell/run-line.ts';
import {withHomeFiles} from '../shell/learner-files.ts';
import {createShellState} from '../shell/session.ts';
import type {ShellState} from '../shell/types.ts';
import type {SetupItem, StepMeta} from './chapter-schema.ts';
import {runCheck, type CheckResult} from './checks/checker.ts';
import type {Chapter} from './parse-chapter.ts';
import {startScenario} from './scenarios.ts';
import type {CommandRecord} from './selectors/history.ts';

/** How long the world may run after a solution for its check to pass, unless the step says `settle:`. */
export const defaultSettleMs = 120_000;

export function chapterStartShell(chapter: Chapter): ShellState {
	const start = startScenario(chapter.meta.world.scenario, chapter.meta.world.options);
	if (!start) throw new Error(`unknown world scenario "${chapter.meta.world.scenario}"`);
	// The lesson's files (a Dockerfile, an app) are in the learner's home, where ls and cat see them.
	return withHomeFiles(createShellState(start.world, start.host, start.user), chapter.files);
}

export type SetupResult = {shell: ShellState; failures: string[]};

/** Runs a step's setup silently: its commands leave no trace in the learner's history. */
export function applySetup(shell: ShellState, setup: SetupItem[] | undefined, runtime: ShellRuntime): SetupResult {
	const failures: string[] = [];
	let current = shell;
	for (const item of setup ?? []) {
		if ('advance' in item) {
			current = {...current, world: tick(current.world, item.advance, runtime.programs)};
			continue;
		}
		const result = runLine(current, item.run, runtime);
		if (result.exitCode !== 0) failures.push(`setup "${item.run}" exited ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n')[0]}`);
		current = result.state;
	}
	return {shell: {...current, session: {...current.session, history: shell.session.history, lastExit: 0}}, failures};
}

export type StepWindow = {sinceEventSeq: number; sinceMs?: number; commands: CommandRecord[]; host: string};

export function stepWindow(shell: ShellState): StepWindow {
	return {sinceEventSeq: shell.world.eventSeq, sinceMs: shell.world.time, commands: [], host: shell.session.frames[0]!.host};
}

export function checkStep(step: StepMeta, shell: ShellState, window: StepWindow, locale: Locale, unmetTexts?: Record<string, string>): CheckResult {
	if (!step.check) return {passed: true, unmet: []};
	return runCheck(step.check, {world: shell.world, session: shell.session, host: window.host, commands: window.commands, sinceEventSeq: window.sinceEventSeq, sinceMs: window.sinceMs, locale, unmetTexts});
}

export type SolutionReplay = {shell: ShellState; window: StepWindow; result: CheckResult; outputs: {line: string; exitCode: number; output: string}[]; settledMs: number};

/** Types the step's solution, then lets virtual time run (1 s at a time) until the check passes or `settle` runs out. */
export function replaySolution(step: StepMeta, shell: ShellState, window: StepWindow, runtime: ShellRuntime, locale: Locale = 'en'): SolutionReplay {
	let current = shell;
	const commands = [...window.commands];
	const outputs: SolutionReplay['outputs'] = [];
	for (const line of step.solution ?? []) {
		const result = runLine(current, line, runtime);
		current = result.state;
		commands.push({line, exitCode: result.exitCode, ...(result.ownNamespaces ? {ownNamespaces: result.ownNamespaces} : {})}, ...(result.asRun ? [{line: result.asRun, exitCode: result.exitCode}] : []));
		outputs.push({line, exitCode: result.exitCode, output: result.stdout + result.stderr});
	}
	const finalWindow = {...window, commands};
	const settled = settleUntil(current, step.settle ?? defaultSettleMs, runtime.programs, s => checkStep(step, s, finalWindow, locale).passed);
	return {shell: settled.shell, window: finalWindow, result: checkStep(step, settled.shell, finalWindow, locale), outputs, settledMs: settled.ms};
}

/** Runs virtual time in 1 s steps until `done` or `limitMs`; returns the world where it stopped. */
export function settleUntil(shell: ShellState, limitMs: number, programs: ExternalProgramRunner, done: (s: ShellState) => boolean): {shell: ShellState; ms: number} {
	let current = shell;
	let ms = 0;
	while (!done(current) && ms < limitMs) {
		current = {...current, world: tick(current.world, 1000, programs)};
		ms += 1000;
	}
	return {shell: current, ms};
}

/**
 * The shell at the start of step `index` (setup applied) as the author meant it: the chapter's
 * world with every earlier step's setup and solution replayed.
 */
export function replayToStep(chapter: Chapter, index: number, runtime: ShellRuntime): ShellState {
	let shell = chapterStartShell(chapter);
	chapter.meta.steps.forEach((step, i) => {
		if (i > index) return;
		shell = applySetup(shell, step.setup, runtime).shell;
		if (i < index && step.kind === 'task') shell = replaySolution(step, shell, stepWindow(shell), runtime).shell;
	});
	return shell;
}
