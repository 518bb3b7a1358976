// The lesson's update: (model, msg) -> [model, effects], pure. No disk, lock, socket or clock in
// here: saving, the world snapshot and telling the classroom are effects the runner carries out,
// and the time comes in each message. Each step kind's transitions are one table (`transitions`)
// that lesson-transitions.test.ts walks pair by pair, so no key can leave a learner stuck.
// Longer than ~300 lines because every step kind's transition table is read side by side.
import {applySetup, chapterStartShell, checkStep, replayToStep, stepWindow} from '../lessons/chapter-world.ts';
import type {StepKind} from '../lessons/chapter-schema.ts';
import type {CheckResult} from '../lessons/checks/checker.ts';
import type {CommandRecord} from '../lessons/selectors/history.ts';
import type {LocalizedStep} from '../lessons/localize.ts';
import {emptyStepProgress, type ChapterProgress, type StepProgress} from '../lessons/progress/progress-schema.ts';
import {stepXp} from '../lessons/xp.ts';
import type {ShellState} from '../shell/types.ts';
import type {LessonEffect, LessonEnv, LessonModel, LessonMsg, LessonMsgType, ProgressEvent, StepState} from './lesson-model.ts';
import {messages} from '../i18n/catalog.ts';

type Result = [LessonModel, LessonEffect[]];
type Handler<T extends LessonMsgType = LessonMsgType> = (model: LessonModel, msg: Extract<LessonMsg, {type: T}>, env: LessonEnv) => Result;
type KindTable = {[T in LessonMsgType]: Handler<T>};

const iso = (ms: number) => new Date(ms).toISOString();
const stepOf = (model: LessonModel, env: LessonEnv): LocalizedStep => env.chapter.steps[model.step.index]!;
const tell = (event: ProgressEvent): LessonEffect => ({type: 'tell', event});

export const stepRecordOf = (record: ChapterProgress | undefined, id: string): StepProgress => ({...emptyStepProgress(), ...record?.steps[id]});

function withStepRecord(record: ChapterProgress | undefined, id: string, change: (r: StepProgress) => StepProgress): ChapterProgress {
	const base: ChapterProgress = record ?? {steps: {}};
	return {...base, steps: {...base.steps, [id]: change(stepRecordOf(base, id))}};
}

export function chapterXpOf(record: ChapterProgress | undefined): number {
	return Object.values(record?.steps ?? {}).reduce((sum, s) => sum + s.xp, 0);
}

/** The record pointing at the step to resume, with a snapshot of `shell` saved beside it. */
function resumePoint(model: LessonModel, env: LessonEnv, record: ChapterProgress | undefined, shell: ShellState, at: number): [ChapterProgress, LessonEffect[]] {
	const stepId = stepOf(model, env).id;
	const next = {...(record ?? {steps: {}}), currentStep: stepId, snapshot: {stepId, savedAt: iso(at)}};
	return [next, [{type: 'save-snapshot', chapterId: env.chapter.id, shell}, {type: 'save-progress', chapterId: env.chapter.id, record: next}]];
}

function freshStep(index: number, shell: ShellState, record: StepProgress, at: number, startShell?: ShellState): StepState {
	return {
		index,
		window: stepWindow(shell),
		startShell,
		segmentStart: at,
		hintsShown: record.done ? 0 : record.hintsUsed,
		solutionShown: record.done ? false : record.solutionShown,
		wrongAnswers: 0,
		attempts: 0,
		passed: false,
		unmet: [],
	};
}

/** A model before its first step is entered (or resumed at `index`, with the step's saved hints and solution). */
export function blankModel(shell: ShellState, record: ChapterProgress | undefined, otherXp: number, at: number, resumeAt?: {index: number; id: string; startShell?: ShellState}): LessonModel {
	const step = freshStep(resumeAt?.index ?? 0, shell, resumeAt ? stepRecordOf(record, resumeAt.id) : emptyStepProgress(), at, resumeAt?.startShell);
	return {shell, step, record, otherXp, done: false, now: at};
}

/** Makes step `index` current on `shell`: its setup, a fresh window, saved as the place to resume. */
export function enterStep(model: LessonModel, env: LessonEnv, index: number, shell: ShellState, at: number): Result {
	const target = env.chapter.steps[index]!;
	const setup = applySetup(shell, target.setup, env.runtime);
	const entered: LessonModel = {...model, shell: setup.shell, now: at, step: freshStep(index, setup.shell, stepRecordOf(model.record, target.id), at, setup.shell)};
	const [record, saves] = resumePoint(entered, env, model.record, setup.shell, at);
	const chapterId = env.chapter.id;
	const effects: LessonEffect[] = [...saves, tell({type: 'step-started', chapterId, stepId: target.id, stepIndex: index, kind: target.kind})];
	for (const failure of setup.failures) effects.push(tell({type: 'notice', chapterId, text: failure}));
	const next = {...entered, record};
	if (env.autoAdvance && target.kind === 'read') return then([next, effects], m => passStep(m, env, at));
	if (target.kind === 'summary') return then([next, effects], m => finishChapter(m, env, at));
	return [next, effects];
}

/** Chains a transition after another, keeping both effect lists in order. */
function then([model, effects]: Result, more: (model: LessonModel) => Result): Result {
	const [after, moreEffects] = more(model);
	return [after, [...effects, ...moreEffects]];
}

/** Time spent on the step since it was last counted; the segment restarts at `at`. */
function countTime(model: LessonModel, at: number): [LessonModel, number] {
	return [{...model, step: {...model.step, segmentStart: at}}, Math.max(0, at - model.step.segmentStart)];
}

function finishChapter(model: LessonModel, env: LessonEnv, at: number): Result {
	const current = stepOf(model, env);
	const [counted, spent] = countTime({...model, step: {...model.step, passed: true}}, at);
	const xp = stepXp({kind: 'summary', hintsUsed: 0, solutionShown: false, wrongAnswers: 0, base: current.xp});
	const stamp = iso(at);
	const scored = withStepRecord(model.record, current.id, r => ({...r, done: true, xp: Math.max(r.xp, xp), timeSpentMs: r.timeSpentMs + spent, completedAt: r.completedAt ?? stamp}));
	const [record, saves] = resumePoint(counted, env, {...scored, completedAt: scored.completedAt ?? stamp}, model.shell, at);
	const effects = [...saves];
	if (!model.done) effects.push(tell({type: 'chapter-completed', chapterId: env.chapter.id, xp: chapterXpOf(record)}));
	return [{...counted, record, done: true}, effects];
}

/** The current step is passed: score it, save, celebrate, and move on (a quiz waits for "next"). */
function passStep(model: LessonModel, env: LessonEnv, at: number, how: {quiet?: boolean} = {}): Result {
	const current = stepOf(model, env);
	const [counted, spent] = countTime(model, at);
	const live = counted.step;
	const xp = stepXp({kind: current.kind, base: current.xp, hintsUsed: live.hintsShown, solutionShown: live.solutionShown, wrongAnswers: live.wrongAnswers});
	let record: ChapterProgress | undefined = withStepRecord(model.record, current.id, r => ({
		...r,
		done: true,
		attempts: r.attempts + live.attempts,
		hintsUsed: Math.max(r.hintsUsed, live.hintsShown),
		solutionShown: r.solutionShown || live.solutionShown,
		timeSpentMs: r.timeSpentMs + spent,
		xp: Math.max(r.xp, xp), // redoing a step never lowers what was earned
		completedAt: r.completedAt ?? iso(at),
	}));
	const saved = stepRecordOf(record, current.id);
	for (const plugin of env.plugins) record = plugin.stepPassed?.(record, model.shell, {hintsShown: live.hintsShown, at: iso(at)}) ?? record;
	const say = messages(env.locale).lesson;
	const celebration = current.kind !== 'read' && !how.quiet ? {message: current.text.success || say.stepPassed(live.index + 1, env.chapter.steps.length, current.text.title), at, stepIndex: live.index} : model.celebration;
	const passed: LessonModel = {...counted, record, celebration, step: {...live, passed: true, unmet: [], attempts: 0}};
	const effects: LessonEffect[] = [
		{type: 'save-progress', chapterId: env.chapter.id, record},
		tell({type: 'step-passed', chapterId: env.chapter.id, stepId: current.id, stepIndex: live.index, xp, hintsUsed: saved.hintsUsed, solutionShown: saved.solutionShown, attempts: saved.attempts, timeSpentMs: saved.timeSpentMs}),
	];
	if (current.kind === 'quiz' && (!env.autoAdvance || how.quiet)) return [passed, effects]; // the learner reads the explanation, then "next"
	return then([passed, effects], m => advance(m, env, at));
}

function advance(model: LessonModel, env: LessonEnv, at: number): Result {
	if (model.step.index + 1 >= env.chapter.steps.length) return finishChapter(model, env, at);
	return enterStep(model, env, model.step.index + 1, model.shell, at);
}

const evaluate = (model: LessonModel, env: LessonEnv): CheckResult => {
	const current = stepOf(model, env);
	return checkStep(current, model.shell, model.step.window, env.locale, current.text.unmet);
};

const withStep = (model: LessonModel, change: Partial<StepState>): LessonModel => ({...model, step: {...model.step, ...change}});

// --- the handlers each table entry names ---

const unchanged = (model: LessonModel): Result => [model, []];

/** The line as typed and, typed inside an exec'd shell, as run from the learner's own shell: checks count both. */
function records(msg: Extract<LessonMsg, {type: 'line-ran'}>): CommandRecord[] {
	const typed = {line: msg.line.trim(), exitCode: msg.exitCode, ...(msg.ownNamespaces ? {ownNamespaces: msg.ownNamespaces} : {})};
	return msg.asRun ? [typed, {line: msg.asRun, exitCode: msg.exitCode}] : [typed];
}

/** A line ran on a step with nothing to check: remembered, and the classroom told. */
const lineRecorded: Handler<'line-ran'> = (model, msg, env) => {
	const commands = [...model.step.window.commands, ...records(msg)];
	const next = {...withStep(model, {window: {...model.step.window, commands}}), shell: msg.shell, now: msg.at};
	return [next, [tell({type: 'command-run', chapterId: env.chapter.id, stepId: stepOf(model, env).id, line: msg.line, exitCode: msg.exitCode, unmet: []})]];
};

/** A line ran on an open task: it may pass it; an asked-for "not yet" list stays fresh. */
const lineChecked: Handler<'line-ran'> = (model, msg, env) => {
	if (model.step.passed) return lineRecorded(model, msg, env);
	const commands = [...model.step.window.commands, ...records(msg)];
	const next = {...withStep(model, {window: {...model.step.window, commands}, attempts: model.step.attempts + 1}), shell: msg.shell, now: msg.at};
	const outcome = evaluate(next, env);
	const told = tell({type: 'command-run', chapterId: env.chapter.id, stepId: stepOf(model, env).id, line: msg.line, exitCode: msg.exitCode, unmet: outcome.unmet});
	if (outcome.passed) return then([next, [told]], m => passStep(m, env, msg.at));
	return [next.step.unmet.length > 0 ? withStep(next, {unmet: outcome.unmet}) : next, [told]];
};

const timeFollowed: Handler<'time-passed'> = (model, msg) => [{...model, shell: msg.shell, now: msg.at}, []];

/** Time passed on an open task: a check may pass while the learner watches. */
const timeChecked: Handler<'time-passed'> = (model, msg, env) => {
	const next = {...model, shell: msg.shell, now: msg.at};
	if (model.step.passed) return [next, []];
	const outcome = evaluate(next, env);
	if (outcome.passed) return passStep(next, env, msg.at);
	return [next.step.unmet.length > 0 ? withStep(next, {unmet: outcome.unmet}) : next, []];
};

const hintGiven: Handler<'hint-asked'> = (model, msg, env) => {
	const current = stepOf(model, env);
	const shown = model.step.hintsShown;
	if (current.text.hints.length === 0 || shown >= current.text.hints.length || model.step.passed) return [model, []];
	const record = withStepRecord(model.record, current.id, r => ({...r, hintsUsed: Math.max(r.hintsUsed, shown + 1)}));
	return [
		{...withStep(model, {hintsShown: shown + 1}), record, now: msg.at},
		[
			{type: 'save-progress', chapterId: env.chapter.id, record},
			tell({type: 'hint-used', chapterId: env.chapter.id, stepId: current.id, hintIndex: shown, hint: current.text.hints[shown]!}),
		],
	];
};

const asks =
	(what: 'solution' | 'reset') =>
	(model: LessonModel): Result =>
		model.step.passed ? [model, []] : [withStep(model, {pendingConfirm: what}), []];

const cancelled: Handler<'cancelled'> = model => [withStep(model, {pendingConfirm: undefined}), []];

const confirmed: Handler<'confirmed'> = (model, msg, env) => {
	const pending = model.step.pendingConfirm;
	const current = stepOf(model, env);
	const asked = withStep(model, {pendingConfirm: undefined});
	if (pending === 'solution') {
		const record = withStepRecord(model.record, current.id, r => ({...r, solutionShown: true}));
		return [
			{...withStep(asked, {solutionShown: true}), record},
			[
				{type: 'save-progress', chapterId: env.chapter.id, record},
				tell({type: 'solution-shown', chapterId: env.chapter.id, stepId: current.id, solution: current.solution ?? []}),
			],
		];
	}
	if (pending === 'restart') {
		// The whole chapter again from its first step, in the world it starts from; points earned stay.
		const start = chapterStartShell(env.source);
		return enterStep({...asked, done: false, celebration: undefined}, env, 0, start, msg.at);
	}
	if (pending === 'reset') {
		const start = model.step.startShell ?? replayToStep(env.source, model.step.index, env.runtime);
		const reset = {...withStep(asked, {startShell: start, window: stepWindow(start), unmet: []}), shell: start};
		const [record, saves] = resumePoint(reset, env, model.record, start, msg.at);
		return [{...reset, record}, [...saves, tell({type: 'step-reset', chapterId: env.chapter.id, stepId: current.id})]];
	}
	return [asked, []];
};

const checked: Handler<'check-asked'> = (model, msg, env) => {
	if (model.step.passed) return [model, []];
	const outcome = evaluate(model, env);
	if (outcome.passed) return passStep(model, env, msg.at);
	return [withStep(model, {unmet: outcome.unmet}), [tell({type: 'check-failed', chapterId: env.chapter.id, stepId: stepOf(model, env).id, unmet: outcome.unmet})]];
};

const readNext: Handler<'next-asked'> = (model, msg, env) => (model.done ? [model, []] : passStep(model, env, msg.at));

/** A quiz moves on once answered: right (passed), or wrong after the right answer was shown (points halved). */
const quizNext: Handler<'next-asked'> = (model, msg, env) => {
	if (model.done) return [model, []];
	if (model.step.passed) return advance(model, env, msg.at);
	if (model.step.answered && !model.step.answered.correct) return then(passStep(model, env, msg.at, {quiet: true}), m => advance(m, env, msg.at));
	return [model, []];
};

/** r on a finished chapter's summary: start the chapter over? (asks y/n) */
const restartAsked: Handler<'reset-asked'> = model => (model.done ? [withStep(model, {pendingConfirm: 'restart'}), []] : [model, []]);

const summaryNext: Handler<'next-asked'> = (model, msg, env) => (model.done ? [model, []] : finishChapter(model, env, msg.at));

const answered: Handler<'answer-given'> = (model, msg, env) => {
	const current = stepOf(model, env);
	if (model.step.passed || !(current.choices ?? []).includes(msg.key)) return [model, []];
	const correct = msg.key === current.answer;
	const explanation = current.text.explanations[msg.key] ?? '';
	const rightKey = current.answer ?? '';
	const right = correct ? undefined : {key: rightKey, text: current.text.choices[rightKey] ?? rightKey, explanation: current.text.explanations[rightKey] ?? ''};
	const next = withStep(model, {
		answered: right ? {key: msg.key, correct, explanation, right} : {key: msg.key, correct, explanation},
		attempts: model.step.attempts + 1,
		wrongAnswers: model.step.wrongAnswers + (correct ? 0 : 1),
	});
	const told = tell({type: 'quiz-answered', chapterId: env.chapter.id, stepId: current.id, key: msg.key, correct, explanation});
	if (correct) return then([next, [told]], m => passStep(m, env, msg.at));
	return [next, [told]];
};

/** Quitting (or a signal): the time spent and the attempts so far, and the world to resume in. */
const quit: Handler<'quit-asked'> = (model, msg, env) => {
	const [counted, spent] = countTime({...model, shell: msg.shell}, msg.at);
	const current = stepOf(model, env);
	const attempts = model.step.attempts;
	const withTime = withStepRecord(model.record, current.id, r => ({...r, timeSpentMs: r.timeSpentMs + spent, attempts: r.attempts + attempts}));
	const [record, saves] = resumePoint(counted, env, withTime, msg.shell, msg.at);
	return [{...withStep(counted, {attempts: 0}), record}, saves];
};

// --- the tables: what every message does on every kind of step ---

const common = {
	'time-passed': timeFollowed,
	'hint-asked': hintGiven,
	'solution-asked': unchanged,
	'reset-asked': unchanged,
	confirmed,
	cancelled,
	'check-asked': unchanged,
	'answer-given': unchanged,
	'quit-asked': quit,
	'line-ran': lineRecorded,
} satisfies Partial<KindTable>;

export const transitions: Record<StepKind, KindTable> = {
	read: {...common, 'next-asked': readNext},
	task: {
		...common,
		'line-ran': lineChecked,
		'time-passed': timeChecked,
		'solution-asked': asks('solution'),
		'reset-asked': asks('reset'),
		'check-asked': checked,
		'next-asked': unchanged, // a task moves on by itself when its check passes
	},
	quiz: {...common, 'answer-given': answered, 'next-asked': quizNext},
	summary: {...common, 'next-asked': summaryNext, 'reset-asked': restartAsked},
};

/** Messages that are the learner's own request: they drop a pending y/n question first. */
const requests = new Set<LessonMsgType>(['hint-asked', 'solution-asked', 'reset-asked', 'check-asked', 'next-asked', 'answer-given']);

export function updateLesson(model: LessonModel, msg: LessonMsg, env: LessonEnv): Result {
	const kind = env.chapter.steps[model.step.index]!.kind;
	const current = requests.has(msg.type) && model.step.pendingConfirm ? withStep(model, {pendingConfirm: undefined}) : model;
	const handler = transitions[kind][msg.type] as Handler;
	return handler({...current, shell: msg.shell, now: msg.at}, msg, env);
}
