// A chapter in progress: the LessonDriver the tutor controller plugs in. It sets each step up,
// checks tasks after every command and tick, advances with a celebration, gives hints, the
// solution and a reset after confirmation, scores quizzes, saves progress, and tells listeners
// (the classroom, plain mode) what happened.
import type {Locale} from '../app/app-options.ts';
import type {LessonView} from '../app/lesson-view.ts';
import type {LessonDriver} from '../app/tutor-controller.ts';
import type {ShellRuntime} from '../shell/run-line.ts';
import type {LineResult, ShellState} from '../shell/types.ts';
import {applySetup, chapterStartShell, checkStep, replayToStep, stepWindow, type StepWindow} from './chapter-world.ts';
import type {CheckResult} from './checks/checker.ts';
import {localizeChapter, type LocalizedChapter, type LocalizedStep} from './localize.ts';
import type {Chapter} from './parse-chapter.ts';
import {emptyStepProgress, type ChapterProgress, type StepProgress} from './progress/progress-schema.ts';
import type {ProgressStore} from './progress/progress-store.ts';
import {deserializeShell, serializeShell} from './world-serializer.ts';
import {stepXp} from './xp.ts';
import {uiText} from './ui-text.ts';
import {expandChallengeText, recordChallengeScore} from './challenge/challenge-progress.ts';

/** What happened in a lesson, for the classroom (mirrored to the instructor) and plain mode. */
export type ProgressEvent =
	| {type: 'step-started'; chapterId: string; stepId: string; stepIndex: number; kind: LocalizedStep['kind']}
	| {type: 'command-run'; chapterId: string; stepId: string; line: string; exitCode: number; unmet: string[]}
	| {type: 'check-failed'; chapterId: string; stepId: string; unmet: string[]}
	| {type: 'hint-used'; chapterId: string; stepId: string; hintIndex: number; hint: string}
	| {type: 'solution-shown'; chapterId: string; stepId: string; solution: string[]}
	| {type: 'step-reset'; chapterId: string; stepId: string}
	| {type: 'quiz-answered'; chapterId: string; stepId: string; key: string; correct: boolean; explanation: string}
	| {type: 'step-passed'; chapterId: string; stepId: string; stepIndex: number; xp: number; hintsUsed: number; solutionShown: boolean; attempts: number; timeSpentMs: number}
	| {type: 'chapter-completed'; chapterId: string; xp: number}
	| {type: 'notice'; chapterId: string; text: string};

export type LessonSessionOptions = {
	chapter: Chapter;
	locale: Locale;
	runtime: ShellRuntime;
	store: ProgressStore;
	/** Real time in ms, for time spent and celebrations. */
	now?: () => number;
	/** Plain mode: read steps and answered quizzes move on by themselves. */
	autoAdvance?: boolean;
	/** Start over even when progress has a snapshot to resume. */
	fresh?: boolean;
};

export type LessonSession = LessonDriver & {
	readonly chapter: LocalizedChapter;
	/** The shell to hand to createTutorController: resumed, or the first step set up. */
	initialShell(): ShellState;
	/** Subscribes to what happens; `replay` first delivers the events so far (e.g. the first steps, set up before the screen was there). */
	onProgress(listener: (event: ProgressEvent) => void, settings?: {replay?: boolean}): () => void;
	/** What is still missing in the current task ("check" / "what's left"). */
	check(shell: ShellState): CheckResult;
	stepIndex(): number;
	chapterDone(): boolean;
	/** XP earned in this chapter and over all chapters in the store. */
	xp(): {chapter: number; total: number};
};

type Live = {
	index: number;
	window: StepWindow;
	startShell?: ShellState; // for reset; recomputed by replay after a resume
	segmentStart: number; // real ms when time on this step was last counted
	hintsShown: number;
	solutionShown: boolean;
	wrongAnswers: number;
	attempts: number;
	passed: boolean;
	answered?: NonNullable<LessonView['quiz']>['answered'];
	unmet: string[];
	pendingConfirm?: 'solution' | 'reset';
};

export function createLessonSession(options: LessonSessionOptions): LessonSession {
	const now = options.now ?? (() => Date.now());
	const chapter = localizeChapter(options.chapter, options.locale);
	const chapterId = chapter.id;
	const {store, runtime} = options;
	const listeners = new Set<(event: ProgressEvent) => void>();
	const say = uiText(options.locale);
	let live: Live;
	let done = false;
	let celebration: LessonView['celebration'];

	const history: ProgressEvent[] = [];
	const emit = (event: ProgressEvent) => {
		history.push(event);
		if (history.length > 500) history.shift();
		for (const listener of listeners) {
			try {
				listener(event);
			} catch {
				// a listener's bug (a dropped classroom socket) must not break the lesson
			}
		}
	};
	// The progress as last read or written: the view is drawn many times a second, the file is read once.
	let progress = store.read();
	const update = (change: (c: ChapterProgress | undefined) => ChapterProgress | undefined) => {
		progress = store.updateChapter(chapterId, change);
	};
	const step = () => chapter.steps[live.index]!;
	const stepRecord = (data: ChapterProgress | undefined, id: string): StepProgress => ({...emptyStepProgress(), ...data?.steps[id]});
	const saveStep = (change: (record: StepProgress) => StepProgress, extra: (c: ChapterProgress) => ChapterProgress = c => c) => {
		const id = step().id;
		update(current => {
			const base: ChapterProgress = current ?? {steps: {}};
			return extra({...base, steps: {...base.steps, [id]: change(stepRecord(base, id))}});
		});
	};
	const countTime = (): number => {
		const t = now();
		const spent = Math.max(0, t - live.segmentStart);
		live.segmentStart = t;
		return spent;
	};
	let base: ShellState['world'] | undefined;
	const baseWorld = () => (base ??= chapterStartShell(options.chapter).world);
	/** Saves the world to resume in (its own file) and returns the note the progress keeps of it. */
	const snapshotOf = (shell: ShellState) => {
		store.saveSnapshot(chapterId, serializeShell(shell, baseWorld()));
		return {stepId: step().id, savedAt: new Date(now()).toISOString()};
	};

	/** Makes step `index` current on `shell`: setup, a fresh window, saved as the place to resume. */
	const enterStep = (index: number, shell: ShellState): ShellState => {
		const target = chapter.steps[index]!;
		const record = stepRecord(progress.chapters[chapterId], target.id);
		const setup = applySetup(shell, target.setup, runtime);
		live = {
			index,
			window: stepWindow(setup.shell),
			startShell: setup.shell,
			segmentStart: now(),
			hintsShown: record.done ? 0 : record.hintsUsed,
			solutionShown: record.done ? false : record.solutionShown,
			wrongAnswers: 0,
			attempts: 0,
			passed: false,
			unmet: [],
		};
		update(current => ({...(current ?? {steps: {}}), currentStep: target.id, snapshot: snapshotOf(setup.shell)}));
		emit({type: 'step-started', chapterId, stepId: target.id, stepIndex: index, kind: target.kind});
		for (const failure of setup.failures) emit({type: 'notice', chapterId, text: failure});
		if (options.autoAdvance && target.kind === 'read') return passStep(setup.shell);
		if (target.kind === 'summary') return finishChapter(setup.shell);
		return setup.shell;
	};

	const finishChapter = (shell: ShellState): ShellState => {
		live.passed = true;
		const spent = countTime();
		const xp = stepXp({kind: 'summary', hintsUsed: 0, solutionShown: false, wrongAnswers: 0, base: step().xp});
		const stamp = new Date(now()).toISOString();
		saveStep(
			r => ({...r, done: true, xp: Math.max(r.xp, xp), timeSpentMs: r.timeSpentMs + spent, completedAt: r.completedAt ?? stamp}),
			c => ({...c, completedAt: c.completedAt ?? stamp, currentStep: step().id, snapshot: snapshotOf(shell)}),
		);
		if (!done) {
			done = true;
			emit({type: 'chapter-completed', chapterId, xp: chapterXp()});
		}
		return shell;
	};

	/** The current step is passed: score it, save, celebrate, and move on. */
	const passStep = (shell: ShellState, how: {quiet?: boolean} = {}): ShellState => {
		const current = step();
		live.passed = true;
		live.unmet = [];
		const spent = countTime();
		const xp = stepXp({kind: current.kind, base: current.xp, hintsUsed: live.hintsShown, solutionShown: live.solutionShown, wrongAnswers: live.wrongAnswers});
		let record: StepProgress = emptyStepProgress();
		saveStep(r => {
			record = {
				...r,
				done: true,
				attempts: r.attempts + live.attempts,
				hintsUsed: Math.max(r.hintsUsed, live.hintsShown),
				solutionShown: r.solutionShown || live.solutionShown,
				timeSpentMs: r.timeSpentMs + spent,
				xp: Math.max(r.xp, xp), // redoing a step never lowers what was earned
				completedAt: r.completedAt ?? new Date(now()).toISOString(),
			};
			return record;
		});
		live.attempts = 0;
		recordChallengeScore(store, chapterId, shell, live.hintsShown, new Date(now()).toISOString());
		progress = store.read(); // the score went straight to the store
		if (current.kind !== 'read' && !how.quiet) {
			const message = current.text.success || say.stepPassed(live.index + 1, chapter.steps.length, current.text.title);
			celebration = {message, at: now()};
		}
		emit({type: 'step-passed', chapterId, stepId: current.id, stepIndex: live.index, xp, hintsUsed: record.hintsUsed, solutionShown: record.solutionShown, attempts: record.attempts, timeSpentMs: record.timeSpentMs});
		if (current.kind === 'quiz' && (!options.autoAdvance || how.quiet)) return shell; // the learner reads the explanation, then "next"
		return advance(shell);
	};

	const advance = (shell: ShellState): ShellState => {
		if (live.index + 1 >= chapter.steps.length) return finishChapter(shell);
		return enterStep(live.index + 1, shell);
	};

	const evaluate = (shell: ShellState): CheckResult => checkStep(step(), shell, live.window, options.locale, step().text.unmet);

	const chapterXp = (): number => Object.values(progress.chapters[chapterId]?.steps ?? {}).reduce((sum, s) => sum + s.xp, 0);

	const resume = (): ShellState | undefined => {
		if (options.fresh) return undefined;
		const saved = progress.chapters[chapterId];
		const index = chapter.steps.findIndex(s => s.id === saved?.currentStep);
		if (!saved || index < 0) return undefined;
		// A finished chapter starts over (its earned points stay).
		if (saved.completedAt && chapter.steps[index]!.kind === 'summary') return undefined;
		let shell: ShellState | undefined;
		if (saved.snapshot?.stepId === saved.currentStep) {
			try {
				shell = deserializeShell(store.loadSnapshot(chapterId), baseWorld());
			} catch {
				emit({type: 'notice', chapterId, text: say.snapshotUnreadable});
			}
		}
		// No saved world (an imported progress, a lost file): the step's world as the author meant it.
		let startShell: ShellState | undefined;
		if (!shell) shell = startShell = replayToStep(options.chapter, index, runtime);
		const record = stepRecord(saved, chapter.steps[index]!.id);
		live = {
			index,
			window: stepWindow(shell),
			startShell,
			segmentStart: now(),
			hintsShown: record.done ? 0 : record.hintsUsed,
			solutionShown: record.done ? false : record.solutionShown,
			wrongAnswers: 0,
			attempts: 0,
			passed: false,
			unmet: [],
		};
		return shell;
	};

	const session: LessonSession = {
		chapter,
		initialShell() {
			store.setLastChapter(chapterId);
			const resumed = resume();
			if (resumed) {
				emit({type: 'step-started', chapterId, stepId: step().id, stepIndex: live.index, kind: step().kind});
				return resumed;
			}
			const start = chapterStartShell(options.chapter);
			base = start.world;
			return enterStep(0, start);
		},
		onProgress(listener, settings) {
			if (settings?.replay) for (const event of history) listener(event);
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		check(shell) {
			if (step().kind !== 'task' || live.passed) return {passed: live.passed, unmet: []};
			return evaluate(shell);
		},
		stepIndex: () => live.index,
		chapterDone: () => done,
		xp() {
			const data = progress;
			const total = Object.values(data.chapters).reduce((sum, c) => sum + Object.values(c.steps).reduce((s, st) => s + st.xp, 0), 0);
			return {chapter: chapterXp(), total};
		},

		view(shell: ShellState) {
			const current = step();
			const text = current.text;
			return {
				chapterId,
				chapterNumber: chapter.number,
				chapterTitle: chapter.title,
				stepId: current.id,
				stepIndex: live.index,
				stepCount: chapter.steps.length,
				stepTitle: text.title,
				text: expandChallengeText(text.body, shell, text.body.includes('{{') ? progress.chapters[chapterId] : undefined),
				kind: current.kind,
				hintsShown: text.hints.slice(0, live.hintsShown),
				hintsLeft: Math.max(0, text.hints.length - live.hintsShown),
				solutionShown: live.solutionShown ? current.solution : undefined,
				unmet: live.unmet,
				passed: live.passed,
				quiz:
					current.kind === 'quiz'
						? {question: text.body, choices: (current.choices ?? []).map(key => ({key, text: text.choices[key] ?? key})), answered: live.answered}
						: undefined,
				xp: session.xp().total,
				celebration,
				pendingConfirm: live.pendingConfirm,
				paneDepth: current.pane ?? chapter.chapter.meta.pane,
				chapterDone: done,
				confirmText: live.pendingConfirm === 'solution' ? say.confirmSolution : live.pendingConfirm === 'reset' ? say.confirmReset : undefined,
			};
		},

		afterCommand(_before, after, line, result: LineResult) {
			const current = step();
			live.window.commands.push({line: line.trim(), exitCode: result.exitCode});
			if (current.kind !== 'task' || live.passed) {
				emit({type: 'command-run', chapterId, stepId: current.id, line, exitCode: result.exitCode, unmet: []});
				return after;
			}
			live.attempts++;
			const outcome = evaluate(after);
			emit({type: 'command-run', chapterId, stepId: current.id, line, exitCode: result.exitCode, unmet: outcome.unmet});
			if (outcome.passed) return passStep(after);
			if (live.unmet.length > 0) live.unmet = outcome.unmet; // keep the list fresh once the learner asked for it
			return after;
		},

		afterTick(shell) {
			if (step().kind !== 'task' || live.passed) return shell;
			const outcome = evaluate(shell);
			if (outcome.passed) return passStep(shell);
			if (live.unmet.length > 0) live.unmet = outcome.unmet;
			return shell;
		},

		action(name, shell) {
			const current = step();
			if (live.pendingConfirm && name !== 'confirm' && name !== 'cancel') live.pendingConfirm = undefined;
			switch (name) {
				case 'hint': {
					if (current.text.hints.length === 0 || live.hintsShown >= current.text.hints.length || live.passed) return shell;
					live.hintsShown++;
					saveStep(r => ({...r, hintsUsed: Math.max(r.hintsUsed, live.hintsShown)}));
					emit({type: 'hint-used', chapterId, stepId: current.id, hintIndex: live.hintsShown - 1, hint: current.text.hints[live.hintsShown - 1]!});
					return shell;
				}
				case 'solution':
					if (current.kind === 'task' && !live.passed) live.pendingConfirm = 'solution';
					return shell;
				case 'reset':
					if (current.kind === 'task' && !live.passed) live.pendingConfirm = 'reset';
					return shell;
				case 'cancel':
					live.pendingConfirm = undefined;
					return shell;
				case 'confirm': {
					const pending = live.pendingConfirm;
					live.pendingConfirm = undefined;
					if (pending === 'solution') {
						live.solutionShown = true;
						saveStep(r => ({...r, solutionShown: true}));
						emit({type: 'solution-shown', chapterId, stepId: current.id, solution: current.solution ?? []});
						return shell;
					}
					if (pending === 'reset') {
						const start = live.startShell ?? replayToStep(options.chapter, live.index, runtime);
						live.startShell = start;
						live.window = stepWindow(start);
						live.unmet = [];
						update(c => ({...(c ?? {steps: {}}), currentStep: current.id, snapshot: snapshotOf(start)}));
						emit({type: 'step-reset', chapterId, stepId: current.id});
						return start;
					}
					return shell;
				}
				case 'check': {
					if (current.kind !== 'task' || live.passed) return shell;
					const outcome = evaluate(shell);
					if (outcome.passed) return passStep(shell);
					live.unmet = outcome.unmet;
					emit({type: 'check-failed', chapterId, stepId: current.id, unmet: outcome.unmet});
					return shell;
				}
				case 'next':
					if (done) return shell;
					if (current.kind === 'read') return passStep(shell);
					if (current.kind === 'quiz' && live.passed) return advance(shell);
					// After a wrong answer the right one has been shown: the learner may move on (with its points halved).
					if (current.kind === 'quiz' && live.answered && !live.answered.correct) return advance(passStep(shell, {quiet: true}));
					if (current.kind === 'summary') return finishChapter(shell);
					return shell;
				default: {
					const answer = name.match(/^answer:(.+)$/);
					if (!answer || current.kind !== 'quiz' || live.passed) return shell;
					const key = answer[1]!.trim().toLowerCase();
					if (!(current.choices ?? []).includes(key)) return shell;
					const correct = key === current.answer;
					const explanation = current.text.explanations[key] ?? '';
					const rightKey = current.answer ?? '';
					const right = correct ? undefined : {key: rightKey, text: current.text.choices[rightKey] ?? rightKey, explanation: current.text.explanations[rightKey] ?? ''};
					live.answered = right ? {key, correct, explanation, right} : {key, correct, explanation};
					live.attempts++;
					emit({type: 'quiz-answered', chapterId, stepId: current.id, key, correct, explanation});
					if (correct) return passStep(shell);
					live.wrongAnswers++;
					return shell;
				}
			}
		},

		flush(shell) {
			const spent = countTime();
			saveStep(
				r => ({...r, timeSpentMs: r.timeSpentMs + spent, attempts: r.attempts + live.attempts}),
				c => ({...c, currentStep: step().id, snapshot: snapshotOf(shell)}),
			);
			live.attempts = 0;
		},
	};
	return session;
}
