// A student who rejoins from another computer (same name, the token the host gave) resumes
// where they were: the same chapter and step, in the same world. The host keeps each student's
// saves for that, and serves them only to the token's holder.
import assert from 'node:assert/strict';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {gzipSync} from 'node:zlib';
import {runJoin} from '../../source/app/classroom-commands.ts';
import {hostSaves, packSave, unpackSave} from '../../source/classroom/progress-sync.ts';
import {saveLimits} from '../../source/classroom/saved-progress.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {fakeIO, options} from './fake-io.ts';
import {startHost, tempDir, waitFor} from './helpers.ts';

const tokenOf = (out: string) => /add --token (\S+)/.exec(out)?.[1];

test('rejoining from another computer with the token brings back the chapter, the step and the world', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1']});
	t.after(() => host.close());
	const where = `127.0.0.1:${host.port}`;
	// First computer: reads the intro, then on the task writes a file that does not pass the check yet, and leaves.
	const first = fakeIO(['echo draft > /root/draft.txt', ''].join('\n'));
	assert.equal(await runJoin(options(tempDir(t)), first.io, {host: where, code: host.room.code, name: 'alice'}), 0);
	const token = tokenOf(first.out());
	assert.ok(token, first.out());
	await waitFor(() => host.room.students.s1!.saved.first !== undefined, 'the host to hold alice\'s save');

	// Second computer: a fresh config folder, the same name and the token.
	const second = fakeIO(['cat /root/draft.txt', ''].join('\n'));
	assert.equal(await runJoin(options(tempDir(t)), second.io, {host: where, code: host.room.code, name: 'alice', token}), 0);
	const out = second.out();
	assert.match(out, /Your progress came back from the classroom host \(first\)/);
	assert.match(out, /^draft$/m, 'the world came back: the file written on the first computer is there');
	assert.doesNotMatch(out, /Step 1\/4/, 'not a fresh start at the intro');
	assert.match(out, /Step 2\/4: Make a note/);
	assert.equal(host.room.studentOrder.length, 1, 'the same student, not a new one');
});

test('the host serves a student\'s saves only to their token, by chapter id', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1']});
	t.after(() => host.close());
	const url = `ws://127.0.0.1:${host.port}`;
	assert.deepEqual(await hostSaves(url, () => undefined).index().catch((error: Error) => error.message), 'not joined yet');
	await assert.rejects(hostSaves(url, () => 'not-a-token').index(), /^Error: 401 unknown or missing student token$/);
	const first = fakeIO('');
	await runJoin(options(tempDir(t)), first.io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'bo'});
	const token = tokenOf(first.out())!;
	const saves = hostSaves(url, () => token);
	// Reaching the task saved its resume point already.
	assert.deepEqual(Object.keys(await saves.index()), ['first']);
	const save = unpackSave(await saves.get('first'));
	assert.equal(save?.record.currentStep, 'make-note', 'plain mode reads past the intro');
	await assert.rejects(saves.get('second'), /^Error: 404 /);
	await assert.rejects(saves.get('../../session'), /^Error: 400 not a chapter id$/);
	const malformed = await fetch(`http://127.0.0.1:${host.port}/progress/%E0%A4%A`, {headers: {authorization: `Bearer ${token}`}});
	assert.equal(malformed.status, 400, 'a malformed escape is refused, and the host keeps running');
	assert.equal((await fetch(`http://127.0.0.1:${host.port}/progress`, {method: 'DELETE', headers: {authorization: `Bearer ${token}`}})).status, 405);
});

test('the host refuses saves that are too big, not gzipped or too frequent, and drops them with the student', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir, {chapters: ['1']});
	t.after(() => host.close());
	const first = fakeIO('');
	await runJoin(options(tempDir(t)), first.io, {host: `127.0.0.1:${host.port}`, code: host.room.code, name: 'cy'});
	const saves = hostSaves(`ws://127.0.0.1:${host.port}`, () => tokenOf(first.out()));
	const when = new Date().toISOString();
	await assert.rejects(saves.put('first', when, Buffer.from('{"plain": "json"}')), /^Error: 400 a save is gzipped JSON$/);
	await assert.rejects(saves.put('first', 'yesterday', packSave({steps: {}}, undefined)), /^Error: 400 updatedAt must be a date$/);
	const huge = gzipSync(Buffer.alloc(1)).subarray(0, 2);
	await assert.rejects(saves.put('first', when, Buffer.concat([huge, Buffer.alloc(saveLimits.chapterBytes)])), /^Error: 413 /);
	let refused = 0;
	for (let i = 0; i < saveLimits.perMinute + 2; i++) await saves.put('other', when, packSave({steps: {}}, {n: i})).catch(() => refused++);
	assert.ok(refused >= 1, 'more than the per-minute budget is refused');
	assert.ok(existsSync(join(dir, 'saves', 's1', 'first.json.gz')));
	// The log knows what is kept: a restarted host serves the same saves.
	assert.ok(readSession(dir).room.students.s1!.saved.other);
	await host.remove('s1');
	assert.equal(existsSync(join(dir, 'saves', 's1')), false);
	assert.deepEqual(readdirSync(join(dir, 'saves')), []);
});
