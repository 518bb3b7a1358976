// `k8s-tutor lint [DIR]`: every problem of a lesson pack, with file and line. Beyond the schema
// and the translations, it replays each task through the real shell and engine: the check must
// fail on the step's starting world (also after time passes on its own) and pass after the solution.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {memoryDisk} from '../shell/memory-disk.ts';
import type {ShellRuntime} from '../shell/run-line.ts';
import {learnerRuntime} from '../shell/runtime.ts';
import {tick} from '../engine/tick.ts';
import {missingMessages} from '../i18n/catalog.ts';
import {locales} from '../i18n/locale.ts';
import {applySetup, chapterStartShell, checkStep, defaultSettleMs, replaySolution, stepWindow} from './chapter-world.ts';
import {layeredDisk} from './layered-disk.ts';
import {loadLessonPack, type LessonPack} from './load-pack.ts';
import type {Chapter, Problem} from './parse-chapter.ts';
import {quizAnswerLengthProblems} from './quiz-answer-length.ts';
import {glossaryProblems, readGlossary} from './glossary.ts';
import {scenarioProblems} from './scenarios.ts';

export function lessonRuntime(chapter: Chapter, realDisk = memoryDisk()): ShellRuntime {
	return learnerRuntime(layeredDisk(memoryDisk(chapter.files), realDisk));
}

export type StepReplay = {stepId: string; failsOnStart: boolean; failsWhenLeftAlone: boolean; passesAfterSolution: boolean; unmetAfterSolution: string[]};

/** Replays one chapter's tasks in order; returns the problems found and what each task did. */
export function replayChapter(chapter: Chapter, runtime: ShellRuntime = lessonRuntime(chapter)): {problems: Problem[]; steps: StepReplay[]} {
	const file = `${chapter.folder}/chapter.yaml`;
	const problems: Problem[] = [];
	const steps: StepReplay[] = [];
	const worldProblems = scenarioProblems(chapter.meta.world.scenario, chapter.meta.world.options);
	if (worldProblems.length) {
		return {problems: worldProblems.map(p => ({severity: 'error' as const, file, message: `world.${p.path.join('.')}: ${p.message}`})), steps};
	}
	let shell = chapterStartShell(chapter);
	for (const step of chapter.meta.steps) {
		const line = chapter.yamlLines.steps.get(step.id);
		const setup = applySetup(shell, step.setup, runtime);
		for (const failure of setup.failures) problems.push({severity: 'error', file, line, message: `step "${step.id}": ${failure}`});
		shell = setup.shell;
		if (step.kind !== 'task') continue;
		const window = stepWindow(shell);
		const onStart = checkStep(step, shell, window, 'en');
		// Left alone, the world runs the whole settle time in one go (one produce, far cheaper than a
		// check every second); a check that passes only for a moment in between is not caught here.
		const settleMs = step.settle ?? defaultSettleMs;
		const leftAlone = {...shell, world: tick(shell.world, settleMs, runtime.programs)};
		const failsWhenLeftAlone = !checkStep(step, leftAlone, window, 'en').passed;
		if (onStart.passed) problems.push({severity: 'error', file, line, message: `step "${step.id}": the check already passes on the step's starting world, before the learner does anything`});
		else if (!failsWhenLeftAlone) problems.push({severity: 'error', file, line, message: `step "${step.id}": the check passes after ${settleMs / 1000}s with nobody doing anything`});
		const replay = replaySolution(step, shell, window, runtime);
		if (!replay.result.passed) {
			const failed = replay.outputs.filter(o => o.exitCode !== 0).map(o => `\`${o.line}\` exited ${o.exitCode}: ${o.output.trim().split('\n')[0]}`);
			problems.push({
				severity: 'error',
				file,
				line,
				message: `step "${step.id}": the solution does not pass the check. Still unmet: ${replay.result.unmet.join('; ')}${failed.length ? `. Failed commands: ${failed.join('; ')}` : ''}`,
			});
		}
		steps.push({stepId: step.id, failsOnStart: !onStart.passed, failsWhenLeftAlone, passesAfterSolution: replay.result.passed, unmetAfterSolution: replay.result.unmet});
		shell = replay.shell;
	}
	return {problems, steps};
}

export type LintReport = {pack: LessonPack; problems: Problem[]; errors: number; warnings: number};

export function lintLessonPack(dir: string): LintReport {
	const pack = loadLessonPack(dir);
	const problems = [...pack.problems, ...missingMessageProblems()];
	const {glossary, problems: glossaryFileProblems} = readGlossary(dir);
	problems.push(...glossaryFileProblems);
	for (const chapter of pack.chapters) {
		problems.push(...quizAnswerLengthProblems(chapter));
		const zhText = join(dir, chapter.folder, 'text', 'zh-CN.md');
		if (glossary && existsSync(zhText)) problems.push(...glossaryProblems(glossary, readFileSync(zhText, 'utf8'), `${chapter.folder}/text/zh-CN.md`));
		try {
			problems.push(...replayChapter(chapter).problems);
		} catch (error) {
			problems.push({severity: 'error', file: `${chapter.folder}/chapter.yaml`, message: `replaying the chapter failed: ${(error as Error).message}`});
		}
	}
	return {pack, problems, errors: problems.filter(p => p.severity === 'error').length, warnings: problems.filter(p => p.severity === 'warning').length};
}

/** The tutor's own messages a locale does not translate yet: it says them in English meanwhile. */
export function missingMessageProblems(missing: (locale: (typeof locales)[number]) => string[] = missingMessages): Problem[] {
	return locales.flatMap(locale =>
		missing(locale).map(path => ({severity: 'warning' as const, file: `source/i18n/${locale}.ts`, message: `no ${locale} translation of the message ${path} yet (it is said in English)`})),
	);
}

export function formatProblem(p: Problem): string {
	return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity}: ${p.message}`;
}
