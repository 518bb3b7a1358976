// The learners' blocker (issue 13): after a wrong quiz answer the step could not be left. In the
// real dashboard at 80x24: a wrong answer names the right one, the learner may answer again or
// move on with n, and the keys line offers only keys that act.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard} from './fixtures.tsx';

afterEach(cleanupUi);

async function atChapterZeroQuiz() {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 0)!;
	const store = memoryProgressStore();
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store});
	const controller = createTutorController(session.initialShell(), runtime, session);
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	await ui.waitForText('1/5 ·');
	ui.press('n');
	await ui.waitForText('2/5 ·');
	for (const line of ['echo hello > /root/hello.txt', 'sleep 30']) {
		ui.type(line);
		await ui.waitForText(line);
		ui.press(keys.enter);
	}
	await ui.waitForText('4/5 ·');
	return {ui, controller, store};
}

test('an unanswered quiz offers its letters, not next; n does nothing yet and is not typed', async () => {
	const {ui, controller} = await atChapterZeroQuiz();
	const frame = await ui.waitForText('answer a/b/c');
	assert.doesNotMatch(frame, /next n/);
	assert.doesNotMatch(frame, /reset Alt-r/);
	ui.press('n');
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.equal(controller.snapshot().lesson!.stepId, 'where-was-it-written');
	assert.match(ui.frame(), /~#\s*$/m, 'n is not typed into the shell');
});

test('a wrong answer names the right one; n then moves on to the summary', async () => {
	const {ui, controller, store} = await atChapterZeroQuiz();
	ui.press('a');
	const frame = await ui.waitForText('The right answer is b)');
	assert.deepEqual(controller.snapshot().lesson!.quiz!.answered?.key, 'a');
	assert.match(frame, /answer a\/b\/c · next n/);
	ui.press('n');
	await ui.waitForText('5/5 ·');
	assert.equal(controller.snapshot().lesson!.kind, 'summary');
	assert.equal(store.read().chapters['tutor-basics']!.steps['where-was-it-written']!.xp, 5);
});

test('a wrong answer, then the right one (with Alt too), then n', async () => {
	const {ui, controller} = await atChapterZeroQuiz();
	ui.press(keys.alt('a'));
	await ui.waitForText('The right answer is b)');
	assert.equal(controller.snapshot().lesson!.quiz!.answered?.key, 'a');
	ui.press('b');
	const frame = await ui.waitForText('✓b)');
	assert.doesNotMatch(frame, /The right answer is/);
	assert.doesNotMatch(frame, /answer a\/b\/c/);
	assert.equal(controller.snapshot().lesson!.passed, true);
	ui.press(keys.alt('n'));
	await ui.waitForText('5/5 ·');
});

test('Alt-c on a quiz is the check key: it never answers c, nor types c (playtest finding)', async () => {
	const {ui, controller} = await atChapterZeroQuiz();
	ui.press(keys.alt('c'));
	ui.press(keys.escape);
	ui.press('c');
	await new Promise(resolve => setTimeout(resolve, 80));
	assert.equal(controller.snapshot().lesson!.quiz!.answered, undefined);
	assert.doesNotMatch(ui.frame(), /✗c\)|✓c\)/);
	assert.match(ui.frame(), /~#\s*$/m, 'c is not typed into the shell');
	ui.press('c');
	await ui.waitForText('The right answer is b)');
	assert.equal(controller.snapshot().lesson!.quiz!.answered?.key, 'c');
});

test('after the right answer the pane and the keys line both say n; a second press of the answer is not typed (playtest finding)', async () => {
	const {ui, controller} = await atChapterZeroQuiz();
	ui.press('a');
	await ui.waitForText('The right answer is b)');
	ui.press('b');
	const frame = await ui.waitForText('✓b)');
	assert.match(frame, /✓ n for the next step\./);
	assert.doesNotMatch(frame, /Alt-n/);
	assert.match(frame, /^next n\s/m);
	ui.press('b');
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.match(ui.frame(), /~#\s*$/m, 'b is not typed into the shell');
	ui.press('n');
	await ui.waitForText('5/5 ·');
	assert.equal(controller.snapshot().lesson!.kind, 'summary');
});

test('with letters at the prompt, n types: the pane and the keys line offer Alt-n, which moves on', async () => {
	const {ui, controller} = await atChapterZeroQuiz();
	ui.type('l');
	const unanswered = await ui.waitForText('~# l');
	assert.match(unanswered, /answer Alt-a\/b\/c/);
	ui.press(keys.alt('b'));
	const frame = await ui.waitForText('✓b)');
	assert.match(frame, /✓ Alt-n for the next step\./);
	assert.match(frame, /^next Alt-n\s/m);
	ui.press('s');
	await ui.waitForText('~# ls');
	assert.equal(controller.snapshot().lesson!.stepId, 'where-was-it-written');
	ui.press(keys.alt('n'));
	await ui.waitForText('5/5 ·');
});
