// The roster: the instructor removes a fake join, corrects a name, clears one chapter's record;
// all of it in the log, so a resumed host keeps it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runHostCommand} from '../../source/classroom/host-commands.ts';
import {memoryStore} from '../../source/classroom/client-store.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {showLinkOn} from '../../source/classroom/link-notices.ts';
import {chapterOpen} from '../../source/classroom/protocol.ts';
import {startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';
import {messages} from '../../source/i18n/catalog.ts';

test('remove a fake student: they are told, the seat and the name are free, and it survives a restart', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {capacity: 2});
	t.after(() => host.close());
	const alice = student(host, 'alice');
	const fake = student(host, 'mallory');
	t.after(() => Promise.all([alice.close(), fake.close()]));
	await Promise.all([alice.firstContact(), fake.firstContact()]);
	assert.equal(await runHostCommand(host, 'remove Mallory', 0), 'removed mallory; the name and the seat are free again');
	await waitFor(() => fake.status().state === 'rejected', 'the removed student to be told');
	assert.match(fake.status().error!.message, /the instructor removed you from the room/);
	const bob = student(host, 'bob');
	t.after(() => bob.close());
	assert.equal((await bob.firstContact()).state, 'online', 'the seat is free in a room of 2');
	assert.deepEqual(host.room.studentOrder, ['s1', 's3'], 'ids never repeat');
	assert.deepEqual(readSession(dir).room.studentOrder, ['s1', 's3'], 'the removal is in the log');
});

test('rename a student: their own link still rejoins with its token; a look-alike name is refused', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const store = memoryStore();
	const alice = student(host, 'alcie', {store});
	const bob = student(host, 'bob');
	t.after(() => Promise.all([alice.close(), bob.close()]));
	await Promise.all([alice.firstContact(), bob.firstContact()]);
	assert.equal(await runHostCommand(host, 'rename alcie alice', 0), 'renamed alcie to alice');
	assert.equal(await runHostCommand(host, 'rename bob аlice', 0), '"аlice" looks the same as "alice", who is in the room');
	await alice.close();
	const again = student(host, 'alcie', {store}); // the same computer, the old name typed again
	t.after(() => again.close());
	const status = await again.firstContact();
	assert.equal(status.state, 'online');
	assert.equal(status.name, 'alice');
	assert.equal(host.room.studentOrder.length, 2, 'no second seat for her');
});

test("reset one student's chapter: its steps and completion are cleared", async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	alice.report(stepEntered('containers', 0, 2));
	alice.report({kind: 'step-passed', chapterId: 'containers', stepId: 'step-1'});
	alice.report({...stepEntered('containers', 1, 2), stepKind: 'summary'});
	await alice.drain(3000);
	assert.ok(host.room.students.s1!.finished.containers !== undefined);
	assert.equal(await runHostCommand(host, 'reset alice 1', 0), "cleared alice's record of chapter containers");
	assert.deepEqual(host.room.students.s1!.finished, {});
	assert.deepEqual(Object.keys(host.room.students.s1!.steps), []);
	assert.deepEqual(Object.keys(readSession(dir).room.students.s1!.steps), [], 'in the log too');
});

test('open 3,5 opens exactly those chapters, close takes one away; students get the set and are told', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1', '2', '3', '4', '5']});
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	const notices: string[] = [];
	const stop = showLinkOn(alice, {setNotice() {}, appendSystem: text => notices.push(text)}, messages('en').student, {id: 'cgroups', number: 3});
	t.after(stop);
	assert.equal(await runHostCommand(host, 'open 3,5', 0), 'open: 3, 5');
	await waitFor(() => alice.status().pacing?.open?.join() === '3,5', 'the set to reach the student');
	const pacing = alice.status().pacing!;
	assert.deepEqual([1, 2, 3, 4, 5].map(number => chapterOpen(pacing, {id: `c${number}`, number})), [false, false, true, false, true]);
	assert.equal(await runHostCommand(host, 'close 3', 0), 'open: 5');
	await waitFor(() => notices.some(text => /closed chapter 3/.test(text)), 'the student in chapter 3 to be told');
	assert.equal(await runHostCommand(host, 'release', 0), 'released chapter 1');
	assert.equal(await runHostCommand(host, 'open 7', 0), 'open: 1, 2, 3, 4, 5', 'a number is still "the first N"');
	assert.match(await runHostCommand(host, 'open 3,9', 0), /not a chapter of this session: 9/);
	await waitFor(() => notices.filter(text => /opened/.test(text)).length === 3, 'three openings told');
	assert.deepEqual(notices.filter(text => /opened/.test(text)), ['🔓 The instructor opened chapter 3, 5.', '🔓 The instructor opened chapter 1.', '🔓 The instructor opened chapter 2, 3, 4.']);
	await host.close();
	assert.deepEqual(readSession(dir).room.openCount, 5, 'in the log');
});
