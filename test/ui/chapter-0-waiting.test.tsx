// Chapter 0's "let 30 seconds pass" accepts time passing however it passes (issue 13 §6): waiting
// at 1x in the real dashboard passes it, with no command typed; 29 seconds do not.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard} from './fixtures.tsx';

afterEach(cleanupUi);

test('waiting 30 s at 1x passes chapter 0 step 3; 29 s does not', async () => {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 0)!;
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store: memoryProgressStore()});
	const controller = createTutorController(session.initialShell(), runtime, session);
	const clock = manualClock();
	const ui = renderUi(dashboard(controller, {clock}).element, {columns: 80, rows: 24});
	await ui.waitForText('1/5 ·');
	ui.press('n');
	await ui.waitForText('2/5 ·');
	ui.type('echo hello > /root/hello.txt');
	await ui.waitForText('hello.txt');
	ui.press(keys.enter);
	await ui.waitForText('3/5 ·');
	assert.equal(controller.snapshot().lesson!.stepId, 'let-time-pass');
	for (let s = 0; s < 29; s++) clock.advance(1000);
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.equal(controller.snapshot().lesson!.passed, false, '29 seconds are not 30');
	for (let s = 0; s < 2; s++) clock.advance(1000);
	await ui.waitFor(() => controller.snapshot().lesson!.stepId !== 'let-time-pass' || controller.snapshot().lesson!.passed, 'passed by waiting');
});
