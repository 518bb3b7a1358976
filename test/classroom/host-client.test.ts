import assert from 'node:assert/strict';
import {test} from 'node:test';
import {memoryStore} from '../../source/classroom/client-store.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';

test('students join over loopback, their events are logged, acknowledged and shown in the room', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const alice = student(host, 'alice');
	const bob = student(host, 'bob');
	t.after(() => Promise.all([alice.close(), bob.close()]));
	assert.equal((await alice.firstContact()).state, 'online');
	assert.equal((await bob.firstContact()).state, 'online');

	alice.report(stepEntered('ch1', 0));
	alice.report({kind: 'hint-used', chapterId: 'ch1', stepId: 'step-1', hintNumber: 1});
	alice.report({kind: 'check-failed', chapterId: 'ch1', stepId: 'step-1', unmet: ['the pod kubia is Pending, not Running']});
	alice.report({kind: 'command-run', chapterId: 'ch1', stepId: 'step-1', line: 'kubectl get pods', exitCode: 0});
	alice.report({kind: 'step-passed', chapterId: 'ch1', stepId: 'step-1'});
	bob.report(stepEntered('ch1', 0));
	assert.equal(await alice.drain(3000), true);
	assert.equal(await bob.drain(3000), true);

	const [aliceId, bobId] = host.room.studentOrder;
	const a = host.room.students[aliceId!]!;
	assert.equal(a.name, 'alice');
	assert.equal(a.lastSeq, 5);
	const step = a.steps['ch1/step-1']!;
	assert.equal(step.hints, 1);
	assert.equal(step.failedChecks, 1);
	assert.ok(step.doneAt !== undefined);
	assert.deepEqual(step.unmet, []);
	assert.equal(a.commands[0]!.line, 'kubectl get pods');
	assert.equal(host.room.students[bobId!]!.current?.stepId, 'step-1');

	// What the host acknowledged is on disk: a fresh replay of the folder gives the same room.
	const replay = readSession(dir).room;
	assert.equal(replay.students[aliceId!]!.lastSeq, 5);
	assert.equal(replay.eventCount, 6);
});

test('pacing, pauses and broadcasts come from the host and reach every student', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1', '2', '3']});
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	const welcome = await alice.firstContact();
	assert.deepEqual(welcome.pacing, {chapters: ['1', '2', '3'], openCount: 1, paused: false});
	const broadcasts: string[] = [];
	alice.subscribe(update => {
		if (update.kind === 'broadcast') broadcasts.push(update.text);
	});
	await host.releaseNext();
	await host.setPaused(true);
	await host.broadcast('Eyes on me\u001b[2J please');
	await waitFor(() => broadcasts.length === 1 && alice.status().pacing?.paused === true, 'pacing to arrive');
	assert.equal(alice.status().pacing?.openCount, 2);
	assert.deepEqual(broadcasts, ['Eyes on me please']);
	const replay = readSession(dir).room;
	assert.equal(replay.openCount, 2);
	assert.equal(replay.paused, true);
	assert.equal(replay.broadcast?.text, 'Eyes on me please');
});

test('a student who rejoins with the same name and token continues; a stranger cannot take the name', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const aliceStore = memoryStore();
	const first = student(host, 'Alice', {store: aliceStore});
	await first.firstContact();
	first.report(stepEntered('ch1', 0));
	first.report({kind: 'step-passed', chapterId: 'ch1', stepId: 'step-1'});
	assert.equal(await first.drain(3000), true);
	await first.close();

	const thief = student(host, 'alice'); // same name, other case, no token
	t.after(() => thief.close());
	const refused = await thief.firstContact();
	assert.equal(refused.state, 'rejected');
	assert.equal(refused.error?.code, 'name-taken');
	assert.match(refused.error!.message, /already taken/);

	const again = student(host, 'Alice', {store: aliceStore});
	t.after(() => again.close());
	assert.equal((await again.firstContact()).state, 'online');
	again.report(stepEntered('ch1', 1));
	assert.equal(await again.drain(3000), true);
	assert.equal(host.room.studentOrder.length, 1);
	const alice = host.room.students[host.room.studentOrder[0]!]!;
	assert.equal(alice.lastSeq, 3);
	assert.equal(alice.current?.stepId, 'step-2');
});

test('events queued while the host is away are sent on reconnect and never counted twice', async t => {
	const dir = tempDir(t);
	let host = await startHost(dir);
	const port = host.port;
	const store = memoryStore();
	const alice = student(host, 'alice', {store});
	t.after(() => alice.close());
	await alice.firstContact();
	alice.report(stepEntered('ch1', 0));
	assert.equal(await alice.drain(3000), true);
	await host.close();
	await waitFor(() => alice.status().state === 'offline', 'the student to notice the host is gone');

	alice.report({kind: 'step-passed', chapterId: 'ch1', stepId: 'step-1'});
	alice.report(stepEntered('ch1', 1));
	assert.equal(alice.status().queued, 2);
	assert.equal(store.saved.queue.length, 2, 'the queue is saved locally');

	// The same session folder, on the same port: the room resumes and the student reconnects.
	const {openSession} = await import('../../source/classroom/session-folder.ts');
	const {startClassroomHost} = await import('../../source/classroom/host-server.ts');
	host = await startClassroomHost(await openSession(dir, {chapters: [], appVersion: 'x', now: 0}), {bind: '127.0.0.1', port, appVersion: 'x'});
	t.after(() => host.close());
	assert.equal(await alice.drain(5000), true);
	const record = host.room.students[host.room.studentOrder[0]!]!;
	assert.equal(record.lastSeq, 3);
	assert.equal(record.eventCount, 3);
	assert.equal(record.current?.stepId, 'step-2');
});

test('an event the host would refuse is dropped by the student, never blocking the queue behind it', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	alice.report({...stepEntered('ch1', 0), stepCount: 5000});
	alice.report({kind: 'command-run', line: 'x'.repeat(10_000), exitCode: 0});
	alice.report(stepEntered('ch1', 1));
	assert.equal(await alice.drain(3000), true);
	const record = host.room.students[host.room.studentOrder[0]!]!;
	assert.equal(record.eventCount, 2);
	assert.equal(record.commands[0]!.line.length, 300);
	assert.equal(record.current?.stepId, 'step-2');
});

test('with the token, a student continues from another computer; events are numbered after what the host has', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const first = memoryStore();
	const old = student(host, 'alice', {store: first});
	await old.firstContact();
	old.report(stepEntered('ch1', 0));
	old.report(stepEntered('ch1', 1));
	assert.equal(await old.drain(3000), true);
	await old.close();

	// A new laptop: nothing saved but the token, and one event done before it could connect.
	const fresh = memoryStore({nextSeq: 2, token: first.saved.token, queue: [{type: 'event', seq: 1, at: 0, event: stepEntered('ch1', 2)}]});
	const again = student(host, 'alice', {store: fresh});
	t.after(() => again.close());
	assert.equal((await again.firstContact()).state, 'online');
	assert.equal(await again.drain(3000), true);
	const alice = host.room.students.s1!;
	assert.equal(alice.lastSeq, 3);
	assert.equal(alice.current?.stepId, 'step-3');
});

test('the same student in two terminals: the newer one keeps the seat, the older one stops for good', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const store = memoryStore();
	const first = student(host, 'alice', {store});
	t.after(() => first.close());
	await first.firstContact();
	const second = student(host, 'alice', {store: memoryStore({...store.saved})});
	t.after(() => second.close());
	assert.equal((await second.firstContact()).state, 'online');
	await waitFor(() => first.status().state === 'rejected', 'the older terminal to yield');
	assert.equal(first.status().error?.code, 'replaced');
	await new Promise(resolve => setTimeout(resolve, 300)); // longer than its retry back-off: it must not come back
	assert.equal(second.status().state, 'online');
	assert.equal(host.connectedCount(), 1);
});
