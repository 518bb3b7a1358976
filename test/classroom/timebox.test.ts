// Time boxes: "close 2 at 11:30" closes the chapter on time, with a countdown on students' status lines.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runHostCommand, timeboxCommand} from '../../source/classroom/host-commands.ts';
import {showLinkOn, statusNotice} from '../../source/classroom/link-notices.ts';
import {openRefs} from '../../source/classroom/protocol.ts';
import {pacingOf} from '../../source/classroom/room.ts';
import {parseTimebox} from '../../source/classroom/timebox.ts';
import {startHost, student, tempDir, waitFor} from './helpers.ts';
import {messages} from '../../source/i18n/catalog.ts';

test('time boxes as typed: at a time of day, in a while, or never', () => {
	const now = new Date(2026, 11, 3, 11, 0, 0).getTime();
	assert.deepEqual(parseTimebox('2 at 11:30', now), {chapter: '2', closesAt: new Date(2026, 11, 3, 11, 30).getTime()});
	assert.deepEqual(parseTimebox('2 in 20m', now), {chapter: '2', closesAt: now + 20 * 60_000});
	assert.deepEqual(parseTimebox('2 never', now), {chapter: '2', closesAt: null});
	assert.match((parseTimebox('2 at 10:59', now) as {error: string}).error, /already passed today/);
	assert.match((parseTimebox('2 at 25:00', now) as {error: string}).error, /not a time of day/);
	assert.match((parseTimebox('2 soon', now) as {error: string}).error, /CHAPTER at HH:MM/);
});

test('a time-boxed chapter counts down on the student status line and closes on time', async t => {
	let now = 1_800_000_000_000;
	const host = await startHost(tempDir(t), {chapters: ['1', '2'], clock: () => now});
	t.after(() => host.close());
	await host.setOpenCount(2);
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	assert.match(await runHostCommand(host, 'close 2 in 20m', now), /^chapter 2 closes at \d\d:\d\d \(20 min\); students see the countdown$/);
	await waitFor(() => alice.status().pacing?.closing?.length === 1, 'the time box to reach the student');
	assert.match(statusNotice(alice.status(), messages('en').student, now + 8 * 60_000), /classroom: alice · online · ch 2 closes in 12 min/);
	assert.match(statusNotice(alice.status(), messages('zh-CN').student, now), /第2章 20 分钟后关闭/);
	now += 20 * 60_000;
	await waitFor(() => openRefs(pacingOf(host.room)).join() === '1', 'chapter 2 to close on time', 4000);
	await waitFor(() => alice.status().pacing?.open?.join() === '1', 'the student to see it closed');
	assert.deepEqual(host.room.closing, {}, 'the time box is over');
	assert.match(await runHostCommand(host, 'close 9 in 5m', now), /not a chapter of this session: 9/);
	assert.equal(await runHostCommand(host, 'close 2 at', now), 'close CHAPTER at HH:MM, CHAPTER in 20m, or CHAPTER never: "2 at" is not a time box', 'the usage once, then what was typed');
	assert.equal(await timeboxCommand(host, '1 11:30', now, messages('zh-CN').hostCommand), 'close 章节 at HH:MM、章节 in 20m 或 章节 never："1 11:30" 不是定时关闭的写法');
});

test('setting, moving or taking away a time box is told in one line, so plain-mode students hear it too', async t => {
	const host = await startHost(tempDir(t), {chapters: ['1', '2']});
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	const lines: string[] = [];
	const stop = showLinkOn(alice, {setNotice() {}, appendSystem: text => lines.push(text)}, messages('en').student);
	t.after(stop);
	await runHostCommand(host, 'close 1 in 20m', Date.now());
	await waitFor(() => lines.length === 1, 'the time box told');
	assert.match(lines[0]!, /^⏰ The instructor closes chapter 1 at \d\d:\d\d \(in 20 min\)\.$/);
	await runHostCommand(host, 'close 2 in 5m', Date.now());
	await runHostCommand(host, 'close 1 never', Date.now());
	await waitFor(() => lines.length === 2, 'the time box taken away');
	assert.equal(lines[1], '⏰ Chapter 1 no longer has a closing time.', 'chapter 2 is not open: its time box is not told');
});
