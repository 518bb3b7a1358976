// Every (step state x message) pair of the lesson update loop has a written-down next state:
// the table below must cover them all, so "wrong answer, then what?" cannot be forgotten again.
// It drives the pure update directly (no controller, no store): effects are only inspected.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lessonMsgTypes, type LessonEffect, type LessonEnv, type LessonModel, type LessonMsg, type LessonMsgType} from '../../source/app/lesson-model.ts';
import {blankModel, enterStep, transitions, updateLesson} from '../../source/app/lesson-update.ts';
import {pluginsOf} from '../../source/lessons/chapter-plugins.ts';
import {chapterStartShell} from '../../source/lessons/chapter-world.ts';
import {stepKinds} from '../../source/lessons/chapter-schema.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {localizeChapter} from '../../source/lessons/localize.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {fixtureChapter} from '../lessons/fixtures/fixture-pack.ts';

const source = fixtureChapter();
const runtime = lessonRuntime(source);
const env: LessonEnv = {chapter: localizeChapter(source, 'en'), source, locale: 'en', runtime, plugins: pluginsOf(source.meta.plugins), autoAdvance: false};
const stepIndex = (id: string) => env.chapter.steps.findIndex(s => s.id === id);
let clock = 1_000_000;

function send(model: LessonModel, type: LessonMsgType, extra: {key?: string; line?: string} = {}): [LessonModel, LessonEffect[]] {
	clock += 1000;
	const at = clock;
	if (type === 'line-ran') {
		const line = extra.line ?? 'true';
		const result = runLine(model.shell, line, runtime);
		return updateLesson(model, {type, line, exitCode: result.exitCode, shell: result.state, at}, env);
	}
	const msg = (type === 'answer-given' ? {type, key: extra.key ?? 'a', shell: model.shell, at} : {type, shell: model.shell, at}) as LessonMsg;
	return updateLesson(model, msg, env);
}
const run = (model: LessonModel, ...steps: [LessonMsgType, {key?: string; line?: string}?][]) => steps.reduce((m, [type, extra]) => send(m, type, extra)[0], model);

const start = (): LessonModel => {
	const shell = chapterStartShell(source);
	return enterStep(blankModel(shell, undefined, 0, clock), env, 0, shell, clock)[0];
};

/** The states a learner can be in, each reached by messages from the chapter's start. */
const states: Record<string, () => LessonModel> = {
	'read': start,
	'task open': () => run(start(), ['next-asked']),
	'task, solution asked': () => run(start(), ['next-asked'], ['solution-asked']),
	'task, reset asked': () => run(start(), ['next-asked'], ['reset-asked']),
	'quiz unanswered': () => run(start(), ['next-asked'], ['line-ran', {line: 'echo note > /root/note.txt'}], ['line-ran', {line: 'echo other > /root/other.txt'}]),
	'quiz answered wrong': () => run(states['quiz unanswered']!(), ['answer-given', {key: 'b'}]),
	'quiz answered right': () => run(states['quiz unanswered']!(), ['answer-given', {key: 'a'}]),
	'summary (chapter done)': () => run(states['quiz answered right']!(), ['next-asked']),
	'summary, start over asked': () => run(states['summary (chapter done)']!(), ['reset-asked']),
};

/** What each message does in each state, checked on (before, after, effects). */
type Outcome = (before: LessonModel, after: LessonModel, effects: LessonEffect[]) => void;
const plain = (m: LessonModel) => JSON.parse(JSON.stringify({...m.step, window: m.step.window.commands.length, startShell: undefined, segmentStart: undefined}));
const same: Outcome = (b, a) => assert.deepEqual(plain(a), plain(b));
const moves: Outcome = (b, a) => assert.equal(a.step.index, b.step.index + 1, 'moves to the next step');
const pending = (what: 'solution' | 'reset' | 'restart' | undefined): Outcome => (b, a) => {
	assert.equal(a.step.index, b.step.index);
	assert.equal(a.step.pendingConfirm, what);
};
const hint: Outcome = (b, a, e) => {
	assert.equal(a.step.hintsShown, b.step.hintsShown + 1);
	assert.ok(e.some(x => x.type === 'tell' && x.event.type === 'hint-used'));
};
const recorded: Outcome = (b, a, e) => {
	assert.equal(a.step.index, b.step.index);
	assert.equal(a.step.window.commands.length, b.step.window.commands.length + 1);
	assert.ok(e.some(x => x.type === 'tell' && x.event.type === 'command-run'));
};
const saved: Outcome = (b, a, e) => {
	assert.equal(a.step.index, b.step.index);
	assert.equal(a.record?.currentStep, env.chapter.steps[b.step.index]!.id);
	assert.deepEqual(e.map(x => x.type), ['save-snapshot', 'save-progress']);
};
const solutionShown: Outcome = (_b, a) => {
	assert.equal(a.step.solutionShown, true);
	assert.equal(a.step.pendingConfirm, undefined);
};
const resetDone: Outcome = (_b, a, e) => {
	assert.equal(a.step.pendingConfirm, undefined);
	assert.ok(e.some(x => x.type === 'tell' && x.event.type === 'step-reset'));
};
const restarted: Outcome = (_b, a) => {
	assert.equal(a.step.index, 0, 'back to the first step');
	assert.equal(a.done, false);
	assert.equal(a.step.pendingConfirm, undefined);
	assert.ok(a.record?.completedAt, 'the chapter stays completed, its points kept');
};
const unmetListed: Outcome = (_b, a, e) => {
	assert.ok(a.step.unmet.length > 0);
	assert.ok(e.some(x => x.type === 'tell' && x.event.type === 'check-failed'));
};
const wrongAgain: Outcome = (b, a, e) => {
	assert.equal(a.step.index, b.step.index);
	assert.equal(a.step.passed, false);
	assert.equal(a.step.answered?.correct, false);
	assert.equal(a.step.answered?.right?.key, 'a', 'the right answer is named');
	assert.ok(e.some(x => x.type === 'tell' && x.event.type === 'quiz-answered' && !x.event.correct), 'the classroom counts the wrong answer');
};
const rightPassed: Outcome = (b, a) => {
	assert.equal(a.step.index, b.step.index, 'a quiz waits for next after the right answer');
	assert.equal(a.step.passed, true);
};

// answer-given sends 'b' (wrong) in every state; the right answer is covered by the quiz's own rows below.
const table: Record<string, Record<LessonMsgType, Outcome>> = {
	'read': {'line-ran': recorded, 'time-passed': same, 'hint-asked': same, 'solution-asked': same, 'reset-asked': same, 'confirmed': same, 'cancelled': same, 'check-asked': same, 'next-asked': moves, 'answer-given': same, 'quit-asked': saved},
	'task open': {'line-ran': recorded, 'time-passed': same, 'hint-asked': hint, 'solution-asked': pending('solution'), 'reset-asked': pending('reset'), 'confirmed': same, 'cancelled': same, 'check-asked': unmetListed, 'next-asked': same, 'answer-given': same, 'quit-asked': saved},
	'task, solution asked': {'line-ran': recorded, 'time-passed': same, 'hint-asked': pending(undefined), 'solution-asked': pending('solution'), 'reset-asked': pending('reset'), 'confirmed': solutionShown, 'cancelled': pending(undefined), 'check-asked': pending(undefined), 'next-asked': pending(undefined), 'answer-given': pending(undefined), 'quit-asked': saved},
	'task, reset asked': {'line-ran': recorded, 'time-passed': same, 'hint-asked': pending(undefined), 'solution-asked': pending('solution'), 'reset-asked': pending('reset'), 'confirmed': resetDone, 'cancelled': pending(undefined), 'check-asked': pending(undefined), 'next-asked': pending(undefined), 'answer-given': pending(undefined), 'quit-asked': saved},
	'quiz unanswered': {'line-ran': recorded, 'time-passed': same, 'hint-asked': same, 'solution-asked': same, 'reset-asked': same, 'confirmed': same, 'cancelled': same, 'check-asked': same, 'next-asked': same, 'answer-given': wrongAgain, 'quit-asked': saved},
	'quiz answered wrong': {'line-ran': recorded, 'time-passed': same, 'hint-asked': same, 'solution-asked': same, 'reset-asked': same, 'confirmed': same, 'cancelled': same, 'check-asked': same, 'next-asked': moves, 'answer-given': wrongAgain, 'quit-asked': saved},
	'quiz answered right': {'line-ran': recorded, 'time-passed': same, 'hint-asked': same, 'solution-asked': same, 'reset-asked': same, 'confirmed': same, 'cancelled': same, 'check-asked': same, 'next-asked': moves, 'answer-given': same, 'quit-asked': saved},
	'summary (chapter done)': {'line-ran': recorded, 'time-passed': same, 'hint-asked': same, 'solution-asked': same, 'reset-asked': pending('restart'), 'confirmed': same, 'cancelled': same, 'check-asked': same, 'next-asked': same, 'answer-given': same, 'quit-asked': saved},
	'summary, start over asked': {'line-ran': recorded, 'time-passed': same, 'hint-asked': pending(undefined), 'solution-asked': pending(undefined), 'reset-asked': pending('restart'), 'confirmed': restarted, 'cancelled': pending(undefined), 'check-asked': pending(undefined), 'next-asked': pending(undefined), 'answer-given': pending(undefined), 'quit-asked': saved},
};

test('every step kind has a transition for every message', () => {
	for (const kind of stepKinds) assert.deepEqual(Object.keys(transitions[kind]).sort(), [...lessonMsgTypes].sort(), kind);
	const covered = new Set(Object.keys(states).map(name => env.chapter.steps[states[name]!().step.index]!.kind));
	assert.deepEqual([...covered].sort(), [...stepKinds].sort(), 'the states cover every step kind');
});

for (const [state, build] of Object.entries(states)) {
	test(`${state}: every message has its written-down next state`, () => {
		const row = table[state];
		assert.ok(row, `the table has a row for "${state}"`);
		assert.deepEqual(Object.keys(row).sort(), [...lessonMsgTypes].sort(), `the row for "${state}" names every message`);
		for (const type of lessonMsgTypes) {
			const before = build();
			const [after, effects] = send(before, type, {key: 'b'});
			try {
				row[type](before, after, effects);
			} catch (error) {
				throw new Error(`${state} + ${type}: ${(error as Error).message}`);
			}
		}
	});
}

test('from every state the learner can reach the end of the chapter without quitting', () => {
	const solutions = new Map(env.chapter.steps.map((s, i) => [i, s.solution ?? []]));
	for (const [state, build] of Object.entries(states)) {
		let model = build();
		for (let guard = 0; !model.done && guard < 20; guard++) {
			const kind = env.chapter.steps[model.step.index]!.kind;
			if (model.step.pendingConfirm) model = run(model, ['cancelled']);
			else if (kind === 'task') model = run(model, ...solutions.get(model.step.index)!.map(line => ['line-ran', {line}] as [LessonMsgType, {line: string}]));
			else if (kind === 'quiz' && !model.step.answered) model = run(model, ['answer-given', {key: 'b'}]);
			else model = run(model, ['next-asked']);
		}
		assert.equal(model.done, true, `${state} reaches the end`);
	}
});

test('the fixture chapter has every kind of step, in the order the states assume', () => {
	assert.deepEqual(['intro', 'make-note', 'pick', 'end'].map(stepIndex), [0, 1, 3, 4]);
});
