// The runner of a chapter's update loop: it turns what the tutor controller reports (a line ran,
// time passed, a key) into messages for lesson-update.ts, keeps the model, and carries out the
// effects: progress and world snapshots to the store, events to listeners (the classroom, plain
// mode). The screen may ask for saves to be deferred, so no file lock is taken on a key press.
import type {ShellRuntime} from '../shell/run-line.ts';
import type {LineResult, ShellState} from '../shell/types.ts';
import {chapterStartShell, replayToStep} from '../lessons/chapter-world.ts';
import {pluginsOf} from '../lessons/chapter-plugins.ts';
import {localizeChapter, type LocalizedChapter} from '../lessons/localize.ts';
import type {Chapter} from '../lessons/parse-chapter.ts';
import type {ProgressStore} from '../lessons/progress/progress-store.ts';
import type {CheckResult} from '../lessons/checks/checker.ts';
import {checkStep} from '../lessons/chapter-world.ts';
import {deserializeShell, serializeShell} from '../lessons/world-serializer.ts';
import type {Locale} from '../i18n/locale.ts';
import type {LessonEffect, LessonEnv, LessonModel, LessonMsg, ProgressEvent} from './lesson-model.ts';
import {msgOfAction} from './lesson-model.ts';
import {blankModel, chapterXpOf, enterStep, updateLesson} from './lesson-update.ts';
import {lessonViewOf} from './lesson-view-of.ts';
import type {LessonDriver} from './tutor-controller.ts';
import {messages} from '../i18n/catalog.ts';

export type {ProgressEvent} from './lesson-model.ts';

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
	/** Runs saves later (the screen: after the frame); flush() runs what is still waiting. Default: at once. */
	schedule?: (job: () => void) => void;
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

export function createLessonSession(options: LessonSessionOptions): LessonSession {
	const now = options.now ?? (() => Date.now());
	const chapter = localizeChapter(options.chapter, options.locale);
	const chapterId = chapter.id;
	const {store, runtime} = options;
	const env: LessonEnv = {chapter, source: options.chapter, locale: options.locale, runtime, plugins: pluginsOf(options.chapter.meta.plugins ?? []), autoAdvance: Boolean(options.autoAdvance)};
	const listeners = new Set<(event: ProgressEvent) => void>();
	const say = messages(options.locale).lesson;
	const history: ProgressEvent[] = [];
	let model: LessonModel;

	const told = (event: ProgressEvent) => {
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

	let base: ShellState['world'] | undefined;
	const baseWorld = () => (base ??= chapterStartShell(options.chapter).world);
	// Saves waiting for the scheduler; only the newest record and snapshot matter.
	let waiting: {record?: LessonEffect & {type: 'save-progress'}; snapshot?: ShellState} | undefined;
	const runSaves = () => {
		const job = waiting;
		waiting = undefined;
		if (!job) return;
		if (job.snapshot) store.saveSnapshot(chapterId, serializeShell(job.snapshot, baseWorld()));
		if (job.record) store.updateChapter(chapterId, () => job.record!.record);
	};
	const carryOut = (effects: LessonEffect[]) => {
		let saves = false;
		for (const effect of effects) {
			if (effect.type === 'tell') told(effect.event);
			else {
				waiting ??= {};
				if (effect.type === 'save-progress') waiting.record = effect;
				else waiting.snapshot = effect.shell;
				saves = true;
			}
		}
		if (!saves) return;
		if (options.schedule) options.schedule(runSaves);
		else runSaves();
	};
	const dispatch = (msg: LessonMsg): ShellState => {
		const [next, effects] = updateLesson(model, msg, env);
		model = next;
		carryOut(effects);
		return model.shell;
	};

	const progress = store.read();
	const otherXp = Object.entries(progress.chapters).reduce((sum, [id, c]) => (id === chapterId ? sum : sum + chapterXpOf(c)), 0);
	const blank = (shell: ShellState, at: number, resumeAt?: Parameters<typeof blankModel>[4]) => blankModel(shell, progress.chapters[chapterId], otherXp, at, resumeAt);

	/** The saved step and world to resume in (reading the snapshot file), or undefined to start over. */
	const resume = (): LessonModel | undefined => {
		if (options.fresh) return undefined;
		const saved = progress.chapters[chapterId];
		const index = chapter.steps.findIndex(s => s.id === saved?.currentStep);
		if (!saved || index < 0) return undefined;
		// A finished chapter: plain mode starts it over (a script replays it); the screen opens its
		// summary in the world as it was left and asks whether to start over (n: review it).
		const finished = Boolean(saved.completedAt) && chapter.steps[index]!.kind === 'summary';
		if (finished && options.autoAdvance) return undefined;
		let shell: ShellState | undefined;
		if (saved.snapshot?.stepId === saved.currentStep) {
			try {
				shell = deserializeShell(store.loadSnapshot(chapterId), baseWorld());
			} catch {
				told({type: 'notice', chapterId, text: say.snapshotUnreadable});
			}
		}
		// No saved world (an imported progress, a lost file): the step's world as the author meant it.
		let startShell: ShellState | undefined;
		if (!shell) shell = startShell = replayToStep(options.chapter, index, runtime);
		const resumed = blank(shell, now(), {index, id: chapter.steps[index]!.id, startShell});
		return finished ? {...resumed, done: true, step: {...resumed.step, passed: true, pendingConfirm: 'restart'}} : resumed;
	};

	const session: LessonSession = {
		chapter,
		initialShell() {
			store.setLastChapter(chapterId);
			const resumed = resume();
			if (resumed) {
				model = resumed;
				const step = chapter.steps[model.step.index]!;
				told({type: 'step-started', chapterId, stepId: step.id, stepIndex: model.step.index, kind: step.kind});
				return model.shell;
			}
			const start = chapterStartShell(options.chapter);
			base = start.world;
			const at = now();
			const [entered, effects] = enterStep(blank(start, at), env, 0, start, at);
			model = entered;
			carryOut(effects);
			return model.shell;
		},
		onProgress(listener, settings) {
			if (settings?.replay) for (const event of history) listener(event);
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		check(shell) {
			const step = chapter.steps[model.step.index]!;
			if (step.kind !== 'task' || model.step.passed) return {passed: model.step.passed, unmet: []};
			return checkStep(step, shell, model.step.window, options.locale, step.text.unmet);
		},
		stepIndex: () => model.step.index,
		chapterDone: () => model.done,
		xp() {
			const mine = chapterXpOf(model.record);
			return {chapter: mine, total: model.otherXp + mine};
		},
		view: shell => lessonViewOf(model, env, shell),
		afterCommand: (_before, after, line, result: LineResult) => dispatch({type: 'line-ran', line, asRun: result.asRun, ...(result.ownNamespaces ? {ownNamespaces: result.ownNamespaces} : {}), exitCode: result.exitCode, shell: after, at: now()}),
		afterTick: shell => dispatch({type: 'time-passed', shell, at: now()}),
		action(name, shell) {
			const msg = msgOfAction(name, shell, now());
			return msg ? dispatch(msg) : shell;
		},
		flush(shell) {
			dispatch({type: 'quit-asked', shell, at: now()});
			runSaves();
		},
	};
	return session;
}
