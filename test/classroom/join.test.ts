// `k8s-tutor join` in plain mode against an in-process host: the normal lesson flow, mirrored.
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {runClassroomExport, runJoin} from '../../source/app/classroom-commands.ts';
import {fakeIO, options, within} from './fake-io.ts';
import {startHost, tempDir, waitFor} from './helpers.ts';

test('a student works through a chapter; the host sees every step, hint, failed check and command', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1', '2']});
	t.after(() => host.close());
	const typing = new PassThrough();
	const {io, out, interrupt} = fakeIO(typing);
	const home = tempDir(t);
	const joined = runJoin({...options(home), interactiveInput: true}, io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'alice'});
	t.after(async () => {
		interrupt(); // never leave the student waiting when an assertion failed
		typing.end();
		await joined;
	});
	typing.write(['hint', 'check', 'echo note > /root/note.txt', 'answer b', 'answer a', ''].join('\n'));
	// Chapter 2 is locked until the instructor releases it.
	await waitFor(() => out().includes('Waiting for the next one'), 'the student to wait for chapter 2', 10_000);
	assert.match(out(), /classroom: alice · online/);
	assert.match(out(), /✓ Step 2\/4: Make a note/);
	await host.releaseNext();
	await waitFor(() => out().includes('Create /tmp/second.txt'), 'chapter 2 to start', 5000);
	assert.match(out(), /The instructor opened chapter 2/);
	typing.write('echo x > /tmp/second.txt\n');
	await waitFor(() => out().split('Waiting for the next one').length === 3, 'the student to wait again after chapter 2', 5000);
	interrupt(); // Ctrl-C
	assert.equal(await within(joined, 5000, 'join to end after Ctrl-C'), 0);

	const alice = host.room.students.s1!;
	assert.equal(alice.name, 'alice');
	const note = alice.steps['first/make-note']!;
	assert.equal(note.hints, 1);
	assert.equal(note.failedChecks, 1);
	assert.ok(note.doneAt !== undefined);
	assert.equal(note.attempts, 2, 'the failed check and the command that passed');
	assert.equal(alice.steps['first/pick']!.failedChecks, 1, 'the wrong answer');
	assert.ok(alice.steps['second/only']!.doneAt !== undefined);
	assert.ok(alice.commands.some(command => command.line === 'echo note > /root/note.txt'));

	const exported = fakeIO('');
	assert.equal(await runClassroomExport(options(home), exported.io, dir, 'csv'), 0);
	assert.match(exported.out(), /^alice,first,1,make-note,2,Make a note,true,\d+,2,1,false,0,1\r$/m);
	assert.match(exported.out(), /^alice,first,1,end,4,The end,true,/m, 'finishing the chapter passes its summary');
	assert.deepEqual(Object.keys(alice.finished), ['first', 'second']);
});

test('a script ends after its chapter and says how to go on', async t => {
	const host = await startHost(tempDir(t), {chapters: ['1', '2']});
	t.after(() => host.close());
	const {io, out} = fakeIO(['echo note > /root/note.txt', 'answer a', ''].join('\n'));
	assert.equal(await runJoin(options(tempDir(t)), io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'eve'}), 0);
	assert.match(out(), /Chapter done\. When the instructor opens the next chapter/);
	assert.match(out(), /Stuck\? Type hand to raise your hand for the instructor/, 'plain mode says how to raise a hand');
	assert.match(out(), /Your token for this room is [\w-]+: to rejoin as eve from another computer, add --token [\w-]+/);
	assert.equal(host.room.students.s1!.eventCount > 5, true);
});

test('a paused room does not run the student’s commands', async t => {
	const host = await startHost(tempDir(t), {chapters: ['1']});
	t.after(() => host.close());
	await host.setPaused(true);
	const {io, out} = fakeIO(['echo note > /root/note.txt', ''].join('\n'));
	await runJoin(options(tempDir(t)), io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'bob'});
	assert.match(out(), /PAUSED by the instructor/);
	assert.match(out(), /The instructor paused the room: eyes on the front\. \(Not run\.\)/);
	assert.equal(host.room.students.s1!.commands.length, 0);
});

test('the host chooses the chapters: a student starts in the first open one', async t => {
	const host = await startHost(tempDir(t), {chapters: ['2']});
	t.after(() => host.close());
	const {io} = fakeIO('');
	await runJoin(options(tempDir(t)), io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'chen'});
	assert.equal(host.room.students.s1!.current?.chapterId, 'second');
});

test('join reports a wrong code and an unreachable host as errors', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const wrong = fakeIO('');
	assert.equal(await runJoin(options(tempDir(t)), wrong.io, {host: `127.0.0.1:${host.port}`, code: 'WRONG9', name: 'dan'}), 1);
	assert.match(wrong.err(), /k8s-tutor: cannot join: wrong join code/);
	const port = host.port;
	await host.close();
	const gone = fakeIO('');
	assert.equal(await runJoin(options(tempDir(t)), gone.io, {host: `127.0.0.1:${port}`, code: 'ABC234', name: 'dan'}), 1);
	assert.match(gone.err(), /cannot reach the classroom host at 127\.0\.0\.1:\d+: nothing is listening there/);
});

test('a student reading in Simplified Chinese gets the classroom lines in Chinese', async t => {
	const host = await startHost(tempDir(t), {chapters: ['1']});
	t.after(() => host.close());
	await host.setPaused(true);
	const {io, out} = fakeIO(['echo hi', ''].join('\n'));
	await runJoin({...options(tempDir(t)), lang: 'zh-CN'}, io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: '王小明'});
	assert.match(out(), /课堂：王小明 · 已连接/);
	assert.match(out(), /讲师已暂停/);
	assert.match(out(), /讲师暂停了课堂：请看前面。（命令未执行）/);
	assert.match(out(), /你在本课堂的令牌是/);
	assert.equal(host.room.students.s1!.name, '王小明');
});

test('plain mode says at once when the host is lost and when it is back, without waiting for a command', async t => {
	const dir = tempDir(t);
	let host = await startHost(dir, {chapters: ['1', '2']});
	const port = host.port;
	const typing = new PassThrough();
	const {io, out, interrupt} = fakeIO(typing);
	const joined = runJoin({...options(tempDir(t)), interactiveInput: true}, io, {host: `127.0.0.1:${port}`, code: host.room.code, name: 'bob'});
	t.after(async () => {
		interrupt();
		typing.end();
		await joined;
		await host.close();
	});
	await waitFor(() => /classroom: bob · online/.test(out()), 'bob online', 10_000);
	await host.close();
	await waitFor(() => out().includes('host unreachable, working offline'), 'the lost host told at once', 10_000);
	const {openSession} = await import('../../source/classroom/session-folder.ts');
	const {startClassroomHost} = await import('../../source/classroom/host-server.ts');
	host = await startClassroomHost(await openSession(dir, {chapters: [], appVersion: 'x', now: 0}), {bind: '127.0.0.1', port, appVersion: '0.1.0-test'});
	await waitFor(() => /host unreachable[^]*classroom: bob · online/.test(out()), 'the host back, told at once', 15_000);
	assert.equal(out().split('host unreachable').length, 2, 'told once while it retried');
});
