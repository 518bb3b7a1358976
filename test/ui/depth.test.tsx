// The pane's depth: the lesson's step asks for one; the learner's Alt-d / Alt-1..3 choice lasts
// until the lesson asks for another depth.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {PaneDepth} from '../../source/app/lesson-view.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

/** A lesson whose step asks for the depth named by `step <depth>` (standing in for the next step's setup). */
function steppingLesson(first: PaneDepth) {
	const lesson = fakeLesson(baseLessonView({paneDepth: first}));
	let depth = first;
	return {
		...lesson,
		view: () => ({...lesson.view(), paneDepth: depth}),
		afterCommand: ((before, after, line, result) => {
			const asked = /^echo step (host|docker|cluster)$/.exec(line)?.[1] as PaneDepth | undefined;
			if (asked) depth = asked;
			return lesson.afterCommand(before, after, line, result);
		}) as typeof lesson.afterCommand,
	};
}

test('a depth chosen by hand lasts until the next step asks for another depth', async () => {
	const controller = sandboxController(undefined, steppingLesson('docker'));
	const ui = renderUi(dashboard(controller).element, {columns: 120, rows: 40});
	await ui.waitForText('─ docker ·');
	ui.press(keys.alt('1'));
	await ui.waitForText('─ host host-1');
	controller.submit('echo still the same step');
	assert.equal(controller.snapshot().paneDepth, 'host', 'the learner’s choice holds within the step');
	controller.submit('echo step docker');
	assert.equal(controller.snapshot().paneDepth, 'host', 'a step asking for the same depth changes nothing');
	controller.submit('echo step cluster');
	await ui.waitForText('─ cluster');
	assert.equal(controller.snapshot().paneDepth, 'cluster', 'the new step’s depth wins over the old choice');
	ui.press(keys.alt('2'));
	await ui.waitForText('─ docker ·');
	assert.equal(controller.snapshot().paneDepth, 'docker', 'and the learner can switch again');
});

test('a stale choice does not come back when the lesson returns to the depth it was made in', () => {
	const controller = sandboxController(undefined, steppingLesson('docker'));
	controller.setPaneDepth('host');
	controller.submit('echo step cluster');
	controller.submit('echo step docker');
	assert.equal(controller.snapshot().paneDepth, 'docker');
});
