// A joined student raises their hand with one key on the screen (Alt-u, or Esc then u): the
// host hears it, the status bar shows it, and the same key lowers it again.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {inClassroom} from '../../source/app/classroom-join.ts';
import type {LinkStatus, LinkUpdate} from '../../source/classroom/client.ts';
import {showLinkOn} from '../../source/classroom/link-notices.ts';
import type {ProgressEvent} from '../../source/classroom/protocol.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {baseLessonView, dashboard, fakeLesson, sandboxController} from './fixtures.tsx';
import {messages} from '../../source/i18n/catalog.ts';

afterEach(cleanupUi);

/** A link as the client behaves: a reported hand shows in its status. */
function fakeLink(exam?: {noHints: boolean; noSolutions: boolean}) {
	const listeners = new Set<(update: LinkUpdate) => void>();
	const reported: ProgressEvent[] = [];
	let status: LinkStatus = {state: 'online', name: 'ana', queued: 0, everConnected: true, pacing: {chapters: ['1'], openCount: 1, paused: false, ...(exam ? {exam} : {})}};
	return {
		reported,
		status: () => status,
		subscribe(listener: (update: LinkUpdate) => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		report(event: ProgressEvent) {
			reported.push(event);
			if (event.kind === 'hand') status = {...status, hand: event.raised};
			for (const listener of listeners) listener({kind: 'status', status});
		},
	};
}

test('Alt-u raises the hand and lowers it again; the status bar shows it', async () => {
	const link = fakeLink();
	const say = messages('en').student;
	const controller = inClassroom(sandboxController(undefined, fakeLesson(baseLessonView())), link, say);
	const stop = showLinkOn({...link, firstContact: async () => link.status(), drain: async () => true, close: async () => {}}, controller, say);
	const ui = renderUi(dashboard(controller).element);
	await ui.waitForText('classroom: ana · online');
	ui.press(keys.alt('u'));
	const raised = await ui.waitForText('✋ hand up');
	assert.match(raised, /Your hand is up/);
	assert.deepEqual(link.reported, [{kind: 'hand', raised: true}]);
	assert.ok(controller.snapshot().output.every(entry => entry.kind !== 'command'), 'nothing was typed or run');
	// Esc then u is the same key, for terminals that send no Alt.
	ui.press(keys.escape);
	await new Promise(resolve => setTimeout(resolve, 40));
	ui.press('u');
	await ui.waitFor(frame => !frame.includes('✋ hand up') && frame.includes('Your hand is down.'), 'the hand down');
	assert.deepEqual(link.reported.at(-1), {kind: 'hand', raised: false});
	stop();
});

test('outside a classroom Alt-u is not a key of its own', async () => {
	const controller = sandboxController(undefined, fakeLesson(baseLessonView()));
	assert.equal(controller.toggleHand, undefined);
	const ui = renderUi(dashboard(controller).element);
	await ui.waitForText('─ docker');
	ui.press(keys.alt('u'));
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.doesNotMatch(ui.frame(), /hand/);
});

test('in exam mode the lesson does not offer the keys the instructor turned off', async () => {
	const say = messages('en').student;
	const open = inClassroom(sandboxController(undefined, fakeLesson(baseLessonView())), fakeLink(), say);
	const ui = renderUi(dashboard(open).element);
	await ui.waitFor(frame => frame.includes('hint Alt-h') && frame.includes('solution Alt-s'), 'the keys offered outside exam mode');
	ui.unmount();
	const link = fakeLink({noHints: true, noSolutions: false});
	const exam = inClassroom(sandboxController(undefined, fakeLesson(baseLessonView())), link, say);
	assert.equal(exam.snapshot(), exam.snapshot(), 'one snapshot object until something changes');
	const examUi = renderUi(dashboard(exam).element);
	const frame = await examUi.waitFor(f => f.includes('solution Alt-s'), 'the lesson keys');
	assert.doesNotMatch(frame, /hint Alt-h/);
	examUi.press(keys.alt('h'));
	await examUi.waitForText('Exam mode: the instructor turned hints off');
});
