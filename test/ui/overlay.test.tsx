// The instructor's pause covers the student's lesson and pane with a centred message; the
// shell and the status bar stay, and the dashboard comes back when the room resumes.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {showPauseOverlay} from '../../source/app/classroom-join.ts';
import type {LinkStatus, LinkUpdate} from '../../source/classroom/client.ts';
import type {Pacing} from '../../source/classroom/protocol.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';
import {messages} from '../../source/i18n/catalog.ts';

afterEach(cleanupUi);

const pausedText = '⏸ The instructor paused the room: eyes on the front.';

/** Cells left and right of the text on the line that holds it. */
function margins(frame: string, text: string): [number, number] {
	const line = frame.split('\n').find(l => l.includes(text))!;
	const at = line.indexOf(text);
	const boxStart = line.indexOf('│');
	const boxEnd = line.lastIndexOf('│');
	assert.ok(boxStart >= 0 && boxStart < at && boxEnd > at, `the text is boxed: ${line}`);
	return [textWidth(line.slice(0, boxStart)), 80 - textWidth(line.slice(0, boxEnd + 1))];
}

test('a paused room covers the lesson and the pane with a centred message until it resumes', async () => {
	const controller = sandboxController(undefined, fakeLesson(baseLessonView()));
	const ui = renderUi(dashboard(controller).element);
	await ui.waitFor(f => f.includes('Images and registries') && f.includes('─ docker'), 'the lesson and the pane');
	controller.setOverlay(pausedText);
	const frame = await ui.waitForText(pausedText);
	assert.doesNotMatch(frame, /─ docker|Push kubia/, 'the lesson and the pane are covered');
	const [left, right] = margins(frame, pausedText);
	assert.ok(Math.abs(left - right) <= 1, `centred across the screen (${left} left, ${right} right)`);
	const lines = frame.split('\n');
	const row = lines.findIndex(l => l.includes(pausedText));
	assert.ok(row >= 4 && row <= 10, `centred in the top region (row ${row})`);
	assert.match(lines[lines.length - 1]!, /4 Images and registries/, 'the status bar stays');
	assert.ok(lines.some(l => l.startsWith(controller.snapshot().prompt.trim())), 'the prompt stays');
	controller.setOverlay(undefined);
	await ui.waitFor(f => !f.includes(pausedText) && f.includes('─ docker'), 'the dashboard back');
});

test('the overlay wraps a long message at 64 columns and keeps CJK text inside its box', async () => {
	const controller = sandboxController(undefined, fakeLesson(baseLessonView()));
	const ui = renderUi(dashboard(controller).element, {columns: 64, rows: 18});
	await ui.waitForText('Images and registries');
	controller.setOverlay('⏸ 讲师暂停了课堂：请看前面。在讲师继续之前，你的命令不会运行，请抬头看讲台上的演示。');
	const frame = await ui.waitForText('讲师暂停了课堂');
	const boxLines = frame.split('\n').filter(l => l.includes('│') && /[\u4e00-\u9fff]/.test(l));
	assert.ok(boxLines.length >= 2, 'wrapped over several lines');
	const widths = new Set(frame.split('\n').filter(l => /[┌│└]/.test(l) && !l.includes('@host-1')).map(l => textWidth(l.trimEnd())));
	assert.equal(widths.size, 1, `every line of the box ends in the same column (${[...widths].join(', ')})`);
	for (const line of frame.split('\n')) assert.ok(textWidth(line) <= 64, `fits the terminal: ${line}`);
});

test('the join flow shows the overlay while the instructor pauses the room, in the learner’s language', async () => {
	const listeners = new Set<(update: LinkUpdate) => void>();
	let pacing: Pacing = {chapters: ['01-containers'], openCount: 1, paused: false};
	const link = {
		status: (): LinkStatus => ({state: 'online', name: 'ana', queued: 0, pacing, everConnected: true}),
		subscribe(listener: (update: LinkUpdate) => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
	const setPaused = (paused: boolean) => {
		pacing = {...pacing, paused};
		for (const listener of listeners) listener({kind: 'pacing', pacing});
	};
	const controller = sandboxController(undefined, fakeLesson(baseLessonView()));
	const stop = showPauseOverlay(link, controller, messages('zh-CN').student);
	const ui = renderUi(dashboard(controller, {locale: 'zh-CN'}).element);
	await ui.waitForText('─ docker');
	setPaused(true);
	await ui.waitForText(messages('zh-CN').student.paused);
	setPaused(false);
	await ui.waitFor(f => f.includes('─ docker') && !f.includes('讲师'), 'the dashboard back after the resume');
	stop();
	setPaused(true);
	assert.equal(controller.snapshot().overlay, undefined, 'a chapter left behind no longer listens');
});
