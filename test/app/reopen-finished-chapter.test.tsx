// Reopening a finished chapter asks whether to review it or start it over (issue 13 §7), instead
// of silently starting over in a fresh world: its summary opens in the world as it was left.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';
import {dashboard} from '../ui/fixtures.tsx';

afterEach(cleanupUi);

const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 0)!;

function finishedStore() {
	const store = memoryProgressStore();
	const done = {done: true, attempts: 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 10, xp: 20};
	store.updateChapter('tutor-basics', () => ({completedAt: '2026-01-01T00:00:00Z', currentStep: 'wrap-up', steps: {'write-a-file': done, 'wrap-up': {...done, xp: 0}}}));
	return store;
}

function open(store: ReturnType<typeof finishedStore>, plain = false) {
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store, autoAdvance: plain});
	const controller = createTutorController(session.initialShell(), runtime, session);
	return {session, controller};
}

test('a finished chapter opens at its summary, in its world, asking to start over; n reviews, r asks again, y starts over', () => {
	const {controller} = open(finishedStore());
	let lesson = controller.snapshot().lesson!;
	assert.equal(lesson.kind, 'summary');
	assert.equal(lesson.pendingConfirm, 'restart');
	assert.match(lesson.confirmText!, /finished this chapter.*Start the chapter over/s);
	assert.match(controller.submit('cat /root/hello.txt').stdout, /hello/, 'the world as it was left (the file written in step 2)');
	controller.lessonAction('cancel');
	lesson = controller.snapshot().lesson!;
	assert.equal(lesson.pendingConfirm, undefined);
	assert.equal(lesson.chapterDone, true, 'n: stays, to review');
	controller.lessonAction('reset');
	assert.equal(controller.snapshot().lesson!.pendingConfirm, 'restart');
	controller.lessonAction('confirm');
	lesson = controller.snapshot().lesson!;
	assert.equal(lesson.stepIndex, 0);
	assert.equal(lesson.chapterDone, false);
	assert.doesNotMatch(controller.submit('cat /root/hello.txt').stdout, /^hello/m, 'a fresh world');
	assert.ok(lesson.xp >= 20, 'points earned stay');
});

test('plain mode (scripts) still starts a finished chapter over', () => {
	const {controller} = open(finishedStore(), true);
	assert.equal(controller.snapshot().lesson!.stepIndex, 1, 'the read step passed by itself; the first task waits');
});

test('on the screen at 80x24: the question in full at the top, y starts over', async () => {
	const {controller} = open(finishedStore());
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	const frame = await ui.waitForText('Start over? y/n');
	assert.match(frame, /You finished this chapter/);
	ui.press('y');
	await ui.waitForText('1/5 ·');
});
