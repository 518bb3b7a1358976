// The instructor's tools as a plain-mode student meets them: a raised hand answered by a direct
// message, exam mode, and the end of the class.
import assert from 'node:assert/strict';
import {PassThrough} from 'node:stream';
import {test} from 'node:test';
import {runJoin} from '../../source/app/classroom-commands.ts';
import {runHostCommand} from '../../source/classroom/host-commands.ts';
import {plainLine} from '../../source/classroom/plain-lines.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {fakeIO, options, within} from './fake-io.ts';
import {startHost, tempDir, waitFor} from './helpers.ts';

test('hand, an answer for one student, exam mode and the end of the class, as a plain-mode student sees them', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1', '2'], exam: {noHints: true, noSolutions: true}});
	t.after(() => host.close());
	const lines: string[] = [];
	host.subscribe(change => {
		const line = plainLine(change, host.room, 0);
		if (line) lines.push(line);
	});
	const typing = new PassThrough();
	const {io, out, interrupt} = fakeIO(typing);
	const joined = runJoin({...options(tempDir(t)), interactiveInput: true}, io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'alice'});
	t.after(async () => {
		interrupt();
		typing.end();
		await joined;
	});
	await waitFor(() => out().includes('Make a note'), 'the task step', 10_000);
	assert.match(out(), /classroom: alice · online(, \d+ to send)? · exam: no hints, no solutions/, 'the student sees exam mode');
	typing.write('hint\nsolution\ncat /root/nothing\nhand\n');
	await waitFor(() => out().includes('Your hand is up'), 'the hand to go up');
	typing.write('classroom\n');
	await waitFor(() => /classroom: alice · online.* · ✋ hand up/.test(out()), 'the student\'s status to show the hand');
	assert.match(out(), /Exam mode: the instructor turned hints off for this lab\./);
	assert.match(out(), /Exam mode: the instructor turned solutions off for this lab\./);
	await waitFor(() => host.room.students.s1?.hand !== undefined, 'the host to see the hand');
	const hand = host.room.students.s1!.hand!;
	assert.deepEqual([hand.chapterId, hand.stepIndex, hand.stepCount, hand.lastCommand?.line, hand.lastCommand?.exitCode], ['first', 1, 4, 'cat /root/nothing', 1]);
	assert.ok(lines.some(line => /✋ HAND UP: alice on first step 2\/4; last command: cat \/root\/nothing \(answer with: msg alice TEXT\)$/.test(line)), lines.join('\n'));
	assert.equal(host.room.students.s1!.steps['first/make-note']!.hints, 0, 'no hint was shown');
	assert.match(await runHostCommand(host, 'hands', 0), /✋ alice on first step 2\/4; last command: cat \/root\/nothing/);
	assert.equal(await runHostCommand(host, 'msg ALICE Look at the hint in the text: echo', 0), 'sent to alice');
	await waitFor(() => out().includes('Instructor, to you: Look at the hint in the text: echo'), 'the direct message');
	assert.equal(host.room.students.s1!.hand, undefined, 'answering lowers the hand');
	const before = out().length;
	typing.write('classroom\n');
	await waitFor(() => /classroom: alice · online/.test(out().slice(before)), 'the status again');
	assert.doesNotMatch(out().slice(before), /hand up/, 'the student sees the answer lowered their hand');
	assert.equal(readSession(dir).room.students.s1!.lastMessage?.text, 'Look at the hint in the text: echo', 'the answer is in the log');

	await host.end();
	await waitFor(() => out().includes('the instructor ended the class'), 'the student to be told the class ended');
	typing.end();
	await within(joined, 5000, 'join to end at once (nothing left to wait for)');
});
