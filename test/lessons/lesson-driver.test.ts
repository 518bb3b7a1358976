import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ProgressEvent} from '../../source/app/lesson-session.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {stepXp} from '../../source/lessons/xp.ts';
import {fixtureChapter, fixtureTutor} from './fixtures/fixture-pack.ts';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';

test('a read step waits for "next"; a task passes on the command that satisfies it, with a celebration', () => {
	const {controller, session, clock, store} = fixtureTutor();
	assert.equal(controller.snapshot().lesson!.stepId, 'intro');
	controller.lessonAction('next');
	assert.equal(controller.snapshot().lesson!.stepId, 'make-note');
	controller.submit('echo nope > /root/note.txt');
	assert.equal(controller.snapshot().lesson!.stepId, 'make-note');
	clock.now += 5000;
	controller.submit('echo note > /root/note.txt');
	const view = controller.snapshot().lesson!;
	assert.equal(view.stepId, 'make-other');
	assert.match(view.celebration!.message, /✓ Step 2\/5: Make a note/);
	assert.equal(session.xp().chapter, 5 + 20);
	assert.equal(store.read().chapters.first!.steps['make-note']!.timeSpentMs, 5000);
	assert.equal(store.read().chapters.first!.steps['make-note']!.attempts, 2);
});

test('check lists what is unmet in plain words; the events tell the classroom', () => {
	const {controller, session} = fixtureTutor();
	const events: ProgressEvent[] = [];
	session.onProgress(e => events.push(e));
	controller.lessonAction('next');
	controller.lessonAction('check');
	assert.deepEqual(controller.snapshot().lesson!.unmet, ['there is no file /root/note.txt on host-1']);
	assert.deepEqual(events.find(e => e.type === 'check-failed'), {type: 'check-failed', chapterId: 'first', stepId: 'make-note', unmet: ['there is no file /root/note.txt on host-1']});
	controller.submit('echo note > /root/note.txt');
	const passed = events.find(e => e.type === 'step-passed' && e.stepId === 'make-note');
	assert.ok(passed && passed.type === 'step-passed' && passed.xp === 20);
	assert.ok(events.some(e => e.type === 'command-run' && e.line === 'echo note > /root/note.txt'));
});

test('hints come one at a time and lower the XP; the solution needs a confirmation and leaves a quarter', () => {
	const {controller, store} = fixtureTutor();
	controller.lessonAction('next');
	controller.lessonAction('hint');
	controller.lessonAction('hint');
	controller.lessonAction('hint'); // no third hint: nothing changes
	let view = controller.snapshot().lesson!;
	assert.deepEqual(view.hintsShown, ['Use echo.', '`echo note > /root/note.txt`']);
	assert.equal(view.hintsLeft, 0);
	controller.submit('echo note > /root/note.txt');
	assert.equal(store.read().chapters.first!.steps['make-note']!.xp, 12); // 20 less 2 x 20%
	assert.equal(store.read().chapters.first!.steps['make-note']!.hintsUsed, 2);
	controller.lessonAction('solution');
	view = controller.snapshot().lesson!;
	assert.equal(view.pendingConfirm, 'solution');
	assert.equal(view.solutionShown, undefined);
	controller.lessonAction('cancel');
	assert.equal(controller.snapshot().lesson!.pendingConfirm, undefined);
	controller.lessonAction('solution');
	controller.lessonAction('confirm');
	assert.deepEqual(controller.snapshot().lesson!.solutionShown, ['echo other > /root/other.txt']);
	controller.submit('echo other > /root/other.txt');
	const saved = store.read().chapters.first!.steps['make-other']!;
	assert.equal(saved.solutionShown, true);
	assert.equal(saved.xp, 5);
});

test('reset puts the step back to its starting world after a confirmation', () => {
	const {controller} = fixtureTutor();
	controller.lessonAction('next');
	controller.submit('echo junk > /root/junk.txt');
	controller.lessonAction('reset');
	assert.equal(controller.snapshot().lesson!.pendingConfirm, 'reset');
	controller.lessonAction('confirm');
	assert.match(controller.submit('grep junk /root/junk.txt').stderr, /No such file/);
});

test('quiz: a wrong answer explains and halves the points; the right one passes and waits for next', () => {
	const {controller, store} = fixtureTutor();
	controller.lessonAction('next');
	controller.submit('echo note > /root/note.txt');
	controller.submit('echo other > /root/other.txt');
	assert.equal(controller.snapshot().lesson!.kind, 'quiz');
	controller.lessonAction('answer:b');
	assert.deepEqual(controller.snapshot().lesson!.quiz!.answered, {key: 'b', correct: false, explanation: 'B comes second.', right: {key: 'a', text: 'A', explanation: 'A comes first.'}});
	controller.lessonAction('answer:z'); // not a choice: ignored
	controller.lessonAction('answer:a');
	const view = controller.snapshot().lesson!;
	assert.equal(view.passed, true);
	assert.equal(view.stepId, 'pick');
	assert.equal(store.read().chapters.first!.steps.pick!.xp, 5);
	assert.equal(store.read().chapters.first!.steps.pick!.attempts, 2);
	controller.lessonAction('next');
	assert.equal(controller.snapshot().lesson!.chapterDone, true);
	assert.ok(store.read().chapters.first!.completedAt);
});

test('quiz: after a wrong answer, next moves on (the points halved) and the classroom still sees the wrong answer', () => {
	const {controller, session, store} = fixtureTutor();
	const events: ProgressEvent[] = [];
	session.onProgress(e => events.push(e));
	controller.lessonAction('next');
	controller.submit('echo note > /root/note.txt');
	controller.submit('echo other > /root/other.txt');
	controller.lessonAction('next'); // not answered yet: n does nothing
	assert.equal(controller.snapshot().lesson!.stepId, 'pick');
	controller.lessonAction('answer:b');
	assert.equal(controller.snapshot().lesson!.passed, false);
	controller.lessonAction('next');
	assert.notEqual(controller.snapshot().lesson!.stepId, 'pick');
	assert.equal(store.read().chapters.first!.steps.pick!.done, true);
	assert.equal(store.read().chapters.first!.steps.pick!.xp, 5);
	assert.deepEqual(
		events.filter(e => e.type === 'quiz-answered').map(e => e.type === 'quiz-answered' && e.correct),
		[false],
	);
});

test('XP rules', () => {
	assert.equal(stepXp({kind: 'task', hintsUsed: 0, solutionShown: false, wrongAnswers: 0}), 20);
	assert.equal(stepXp({kind: 'task', hintsUsed: 5, solutionShown: false, wrongAnswers: 0}), 8);
	assert.equal(stepXp({kind: 'task', hintsUsed: 0, solutionShown: true, wrongAnswers: 0}), 5);
	assert.equal(stepXp({kind: 'quiz', hintsUsed: 0, solutionShown: false, wrongAnswers: 0}), 10);
	assert.equal(stepXp({kind: 'quiz', hintsUsed: 0, solutionShown: false, wrongAnswers: 2}), 2);
});

test('quitting and starting again resumes at the same step in the same world', () => {
	const store = memoryProgressStore();
	const first = fixtureTutor({store});
	first.controller.lessonAction('next');
	first.controller.submit('echo note > /root/note.txt');
	first.controller.submit('echo keep > /root/keep.txt');
	first.controller.flush();
	const second = fixtureTutor({store});
	assert.equal(second.controller.snapshot().lesson!.stepId, 'make-other');
	assert.equal(second.controller.submit('grep keep /root/keep.txt').stdout, 'keep\n');
	// A reset after a resume rebuilds the step's start by replaying the earlier solutions.
	second.controller.lessonAction('reset');
	second.controller.lessonAction('confirm');
	assert.match(second.controller.submit('grep keep /root/keep.txt').stderr, /No such file/);
	assert.equal(second.controller.submit('grep note /root/note.txt').stdout, 'note\n');
});

test('reordering steps keeps progress: it is saved by step id, never by position', () => {
	const store = memoryProgressStore();
	const tutor = fixtureTutor({store});
	tutor.controller.lessonAction('next');
	tutor.controller.submit('echo note > /root/note.txt');
	tutor.controller.flush();
	const chapter = fixtureChapter();
	const reordered = {...chapter, meta: {...chapter.meta, steps: [chapter.meta.steps[2]!, chapter.meta.steps[0]!, chapter.meta.steps[1]!, ...chapter.meta.steps.slice(3)]}};
	const session = createLessonSession({chapter: reordered, locale: 'en', runtime: lessonRuntime(reordered), store});
	session.initialShell();
	assert.equal(session.view(undefined as never)!.stepId, 'make-other');
	assert.equal(session.view(undefined as never)!.stepIndex, 0);
	assert.equal(store.read().chapters.first!.steps['make-note']!.done, true);
});

test('without its saved world (lost, or progress imported without it) a chapter resumes at its step in the replayed world', () => {
	const store = memoryProgressStore();
	const first = fixtureTutor({store});
	first.controller.lessonAction('next');
	first.controller.submit('echo note > /root/note.txt');
	first.controller.submit('echo mine > /root/mine.txt');
	first.controller.flush();
	store.dropSnapshot('first');
	const second = fixtureTutor({store});
	assert.equal(second.controller.snapshot().lesson!.stepId, 'make-other');
	assert.equal(second.controller.submit('grep note /root/note.txt').stdout, 'note\n'); // the solution of step 2, replayed
	assert.match(second.controller.submit('grep mine /root/mine.txt').stderr, /No such file/);
});
