// Protocol fuzzing: malformed, oversized, binary, out-of-order and duplicate messages, sent
// raw over a socket, never crash the host, never corrupt the log, never count an event twice.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import WebSocket from 'ws';
import {logRecordSchema} from '../../source/classroom/log-records.ts';
import {limits, protocolVersion} from '../../source/classroom/protocol.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {appVersion, startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';

type Raw = {socket: WebSocket; replies: unknown[]; closed: boolean; send(data: unknown): void};

async function rawSocket(port: number): Promise<Raw> {
	const socket = new WebSocket(`ws://127.0.0.1:${port}`);
	const raw: Raw = {socket, replies: [], closed: false, send: data => socket.send(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data))};
	socket.on('message', data => raw.replies.push(JSON.parse(data.toString())));
	socket.on('close', () => (raw.closed = true));
	socket.on('error', () => {});
	await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
	return raw;
}

// A small seeded generator, so a failure is reproducible.
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function junk(next: () => number): unknown {
	const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]!;
	const event = {type: 'event', seq: Math.floor(next() * 5), at: Date.now(), event: stepEntered('ch1', 0)};
	return pick<unknown>([
		'not json',
		'{"type":',
		'null',
		'[]',
		'42',
		{type: 'hello'},
		{type: 'nonsense', x: 1},
		{type: 'event', seq: -1, at: 0, event: {kind: 'step-passed'}},
		{...event, seq: 'one'},
		{...event, event: {kind: 'step-entered', chapterId: '', stepId: 'x', stepIndex: 0, stepCount: 0, chapterNumber: 1, title: 't'}},
		{...event, event: {kind: 'check-failed', chapterId: 'c', stepId: 's', unmet: 'not a list'}},
		{...event, at: Number.POSITIVE_INFINITY},
		{...event, __proto__: {polluted: true}},
		{type: 'event', seq: 1e300, at: 0, event: stepEntered('ch1', 0)},
		JSON.stringify({type: 'hello', protocol: protocolVersion, appVersion, code: 'x', name: 'y'}).slice(0, 20),
	]);
}

test('random malformed messages never crash the host nor reach the log', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const next = random(7);
	for (let connection = 0; connection < 5; connection++) {
		const raw = await rawSocket(host.port);
		for (let i = 0; i < 30 && !raw.closed; i++) raw.send(junk(next));
		await waitFor(() => raw.closed || raw.replies.length >= 15, 'the host to answer the junk');
		raw.socket.terminate();
	}
	// Still serving: a real student joins and reports.
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	assert.equal((await alice.firstContact()).state, 'online');
	alice.report(stepEntered('ch1', 0));
	assert.equal(await alice.drain(3000), true);
	const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n');
	assert.equal(lines.length, 2); // alice joined, and her one event
	for (const line of lines) assert.ok(logRecordSchema.safeParse(JSON.parse(line)).success);
});

test('a message above the size limit closes that socket only', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const raw = await rawSocket(host.port);
	raw.send('x'.repeat(limits.maxMessageBytes + 1));
	await waitFor(() => raw.closed, 'the oversized socket to be closed');
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	assert.equal((await alice.firstContact()).state, 'online');
});

test('binary frames and events before hello are answered with errors, not crashes', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const raw = await rawSocket(host.port);
	raw.send(Buffer.from([0, 1, 2, 255]));
	raw.send({type: 'event', seq: 1, at: 0, event: stepEntered('ch1', 0)});
	await waitFor(() => raw.replies.length === 2, 'two errors');
	assert.deepEqual(
		raw.replies.map(reply => (reply as {code: string}).code),
		['bad-message', 'not-joined'],
	);
	raw.socket.terminate();
});

test('out-of-order and duplicate events are never logged or counted twice', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const raw = await rawSocket(host.port);
	raw.send({type: 'hello', protocol: protocolVersion, appVersion, code: host.room.code, name: 'mallory'});
	await waitFor(() => raw.replies.length === 1, 'welcome');
	const event = (seq: number) => ({type: 'event', seq, at: 1000 + seq, event: {kind: 'command-run', line: `echo ${seq}`, exitCode: 0}});
	raw.send(event(3)); // a gap
	raw.send(event(1));
	raw.send(event(1)); // a duplicate
	raw.send(event(2));
	raw.send(event(2));
	await waitFor(() => host.room.students.s1?.lastSeq === 2 && raw.replies.filter(reply => (reply as {type: string}).type === 'ack').length >= 2, 'acks');
	raw.send(event(1)); // an old one, long acknowledged: acked again, not logged
	await waitFor(() => raw.replies.filter(reply => (reply as {type: string}).type === 'ack').length >= 3, 'the re-ack');
	const outOfOrder = raw.replies.find(reply => (reply as {code?: string}).code === 'out-of-order') as {expectedSeq: number};
	assert.equal(outOfOrder.expectedSeq, 1);
	raw.socket.terminate();
	const {room, loaded} = readSession(dir);
	assert.equal(loaded.skippedLines, 0);
	assert.equal(room.students.s1!.eventCount, 2);
	assert.deepEqual(
		room.students.s1!.commands.map(command => command.line),
		['echo 1', 'echo 2'],
	);
});

test('a flood of messages is cut off by the rate limit; the host keeps serving others', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const raw = await rawSocket(host.port);
	for (let i = 0; i < limits.messageBurst * 3 && !raw.closed; i++) raw.send('{}');
	await waitFor(() => raw.closed, 'the flooding socket to be closed');
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	assert.equal((await alice.firstContact()).state, 'online');
});

test('escape sequences and control characters never reach the log or the dashboard', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	t.after(() => host.close());
	const eve = student(host, 'Eve\u001b]0;owned\u0007\u001b[31m\u202e');
	t.after(() => eve.close());
	assert.equal((await eve.firstContact()).state, 'online');
	eve.report({kind: 'command-run', line: 'echo \u001b[2J\u009b31mhi\r\nthere', exitCode: 0});
	eve.report({kind: 'check-failed', chapterId: 'ch1', stepId: 's1', unmet: ['\u001bPq#0;2;0;0;0\u001b\\x', ...Array.from({length: 40}, () => 'more')]});
	assert.equal(await eve.drain(3000), true);
	const log = readFileSync(join(dir, 'events.jsonl'), 'utf8');
	assert.doesNotMatch(log, /\\u001b|\\u0007|\\u009b|\\u202e/);
	const student_ = host.room.students.s1!;
	assert.equal(student_.name, 'Eve');
	assert.equal(student_.commands[0]!.line, 'echo hi there');
	assert.equal(student_.steps['ch1/s1']!.unmet.length, limits.unmetItems);
	assert.equal(student_.steps['ch1/s1']!.unmet[0], 'x');
});
