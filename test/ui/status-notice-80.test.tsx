// At 80 columns the classroom notice does not fit beside the chapter title: it wraps onto a line
// of its own above the bar (the shell gives up that line), and the chapter stays readable.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {LinkStatus} from '../../source/classroom/client.ts';
import {statusNotice} from '../../source/classroom/link-notices.ts';
import type {Pacing} from '../../source/classroom/protocol.ts';
import {messages} from '../../source/i18n/catalog.ts';
import {computeLayout} from '../../source/ui/layout.ts';
import {textWidth} from '../../source/ui/text-width.ts';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';

afterEach(cleanupUi);

const now = Date.UTC(2026, 11, 3, 10, 0);
const say = (lang: 'en' | 'zh-CN') => messages(lang).student;
const line = (frame: string, fromEnd: number) => frame.split('\n').at(-fromEnd) ?? '';
const online: LinkStatus & {pacing: Pacing} = {state: 'online', name: 'ana', queued: 0, everConnected: true, pacing: {chapters: ['4'], openCount: 1, paused: false}};

for (const lang of ['en', 'zh-CN'] as const) {
	test(`${lang}: at 80 columns the classroom notice wraps and the chapter title stays whole`, async () => {
		const title = lang === 'en' ? 'Images and registries' : '镜像与镜像仓库';
		const controller = sandboxController(undefined, fakeLesson(baseLessonView({chapterTitle: title})));
		const notice = statusNotice({...online, hand: true, pacing: {...online.pacing, closing: [{chapter: '4', at: now + 12 * 60_000}]}}, say(lang), now);
		controller.setNotice(notice);
		const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
		const frame = await ui.waitFor(f => line(f, 2).includes(notice), 'the notice whole on its own line');
		const lines = frame.split('\n');
		assert.equal(lines.length, 24);
		const bar = lines.at(-1)!;
		assert.ok(bar.startsWith(` 4 ${title} · `), `the whole chapter title: ${bar}`);
		assert.ok(!bar.includes(notice.slice(0, 10)), 'the notice is not also on the bar');
		assert.ok(lines.every(line => textWidth(line) <= 80));
		assert.match(lines.at(-3)!, /^root@host-1:~#/, 'the prompt is still there, one line up');
	});
}

test('a notice longer than the line is cut with …, and a bar that has room keeps it on one line', async () => {
	const long = statusNotice({...online, queued: 3, hand: true, pacing: {...online.pacing, paused: true, exam: {noHints: true, noSolutions: true}, closing: [{chapter: '4', at: now + 12 * 60_000}]}}, say('en'), now);
	assert.ok(textWidth(long) > 80);
	const controller = sandboxController(undefined, fakeLesson(baseLessonView()));
	controller.setNotice(long);
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	const frame = await ui.waitFor(f => line(f, 2).startsWith(' classroom: ana'), 'the notice line');
	assert.match(frame.split('\n').at(-2)!, /…$/);
	assert.match(frame.split('\n').at(-1)!, /^ 4 Images and registries · /);
	ui.unmount();
	controller.setNotice(statusNotice({...online, hand: true}, say('en'), now));
	const wide = renderUi(dashboard(controller).element, {columns: 120, rows: 24});
	const one = await wide.waitFor(f => line(f, 1).includes('classroom: ana'), 'the notice on the bar');
	assert.match(one.split('\n').at(-1)!, /^ 4 Images and registries · task 2\/5 · 340 xp · ▶ 1x · classroom: ana/);
	assert.doesNotMatch(one.split('\n').at(-2)!, /classroom/);
});

test('layout: a second status line comes out of the shell, not the panes', () => {
	const one = computeLayout(80, 24, {hasLesson: true, promptLines: 1});
	const two = computeLayout(80, 24, {hasLesson: true, promptLines: 1, statusLines: 2});
	assert.ok(one.fits && two.fits);
	assert.equal(two.pane.height, one.pane.height);
	assert.equal(two.shell.height, one.shell.height - 1);
	assert.equal(two.pane.height + two.shell.height + two.status.height, 24);
});
