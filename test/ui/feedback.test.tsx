// Feedback the learner can see at 80x24 (issue 13 §2): a passed task's message in full where the
// learner looks (scrollback, and above the next step's text), one tick, no markdown marks; the
// "not yet" list shown without scrolling; long output announced in the shell area, which grows
// while it is read; one clock, labelled.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {computeLayout} from '../../source/ui/layout.ts';
import {successLine} from '../../source/app/success-line.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

function chapterZero() {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 0)!;
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store: memoryProgressStore()});
	const controller = createTutorController(session.initialShell(), runtime, session);
	return {chapter, controller};
}

test('a passed task: its message in full under the command and above the next step, one tick, no backticks', async () => {
	const {chapter, controller} = chapterZero();
	const success = chapter.texts.en!.steps.get('write-a-file')!.success!;
	assert.ok(success.includes('`') || success.length > 40, 'a message with markdown, or longer than the status bar has room for');
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	await ui.waitForText('1/5 ·');
	ui.press('n');
	await ui.waitForText('2/5 ·');
	ui.type('echo hello > /root/hello.txt');
	await ui.waitForText('hello.txt');
	ui.press(keys.enter);
	const frame = await ui.waitForText('3/5 ·');
	const entry = controller.snapshot().output.find(o => o.kind === 'success')!;
	assert.ok(entry, 'the message is in the scrollback');
	assert.match(entry.text, /^✓ [^✓`]+$/, `one tick, no backticks: ${entry.text}`);
	assert.equal(entry.text, successLine(success), 'in full');
	const lesson = frame.split('\n').map(line => line.split('│')[0]!.trim());
	const noteAt = lesson.findIndex(line => line.startsWith('✓ '));
	assert.ok(noteAt >= 0 && noteAt < lesson.findIndex(line => line.startsWith('3/5 ·')), `the message above the next step's title:\n${frame}`);
	assert.doesNotMatch(frame, /✓ ✓/);
});

test('Alt-c on a long task: the "not yet" list is on screen without scrolling', async () => {
	const text = Array.from({length: 30}, (_, i) => `Paragraph ${i + 1} of a long task.`).join('\n\n');
	const lesson = fakeLesson(baseLessonView({text, unmet: []}));
	const action = lesson.action.bind(lesson);
	lesson.action = (name, shell) => {
		if (name === 'check') Object.assign(lesson, {view: () => ({...baseLessonView({text}), unmet: ['the registry has no luksa/kubia yet']})});
		return action(name, shell);
	};
	const ui = renderUi(dashboard(sandboxController(createSandboxWorld(), lesson)).element, {columns: 80, rows: 24});
	await ui.waitForText('Paragraph 1 of');
	ui.press(keys.alt('c'));
	const frame = await ui.waitForText('Not yet:');
	assert.match(frame, /the registry has no/);
});

test('output taller than the shell area: the area says so and names Alt-↑, and grows while it is read', async () => {
	const ui = renderUi(dashboard(sandboxController()).element, {columns: 80, rows: 24});
	await ui.waitForText('sim ');
	const ruleRow = (f: string) => f.split('\n').findIndex(line => /^─{10}/.test(line));
	ui.type('echo short');
	await ui.waitForText('echo short');
	ui.press(keys.enter);
	const before = ruleRow(await ui.waitFor(f => /^short$/m.test(f), 'short output'));
	const long = Array.from({length: 30}, (_, i) => `row${i + 1}`).join('\\n');
	ui.type(`echo -e "${long}"`);
	await ui.waitForText('row1');
	ui.press(keys.enter);
	const frame = await ui.waitFor(f => /^row30$/m.test(f), 'the long output');
	assert.match(frame, /↑ \d+ more lines above · Alt-↑ scrolls/);
	assert.ok(ruleRow(frame) < before, `the shell area grew (its top line moved from ${before} to ${ruleRow(frame)})`);
	ui.press(keys.altUp);
	await ui.waitForText('lines up · Alt-↓');
	const layout = computeLayout(80, 24, {hasLesson: true, promptLines: 1});
	const reading = computeLayout(80, 24, {hasLesson: true, promptLines: 1, readingOutput: true});
	assert.ok(layout.fits && reading.fits && reading.shell.height > layout.shell.height);
});

test('one clock, labelled: the status bar and the event stream show the same virtual time', async () => {
	const controller = sandboxController();
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	ui.type('touch /root/x');
	ui.press(keys.enter);
	const frame = await ui.waitFor(f => /sim \d+:\d\d\s*$/m.test(f), 'the labelled clock');
	const clock = /sim (\d+:\d\d)\s*$/m.exec(frame)![1]!;
	assert.doesNotMatch(frame, /\d\d:\d\d:\d\d/, 'no second clock showing a time of day');
	assert.ok(clock.length <= 5);
});
