// Nobody can lock or flood a room: wrong codes pay, right codes never do; idle sockets, join
// floods and look-alike names are bounded or refused.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import WebSocket from 'ws';
import {pendingLimits, type HostChange} from '../../source/classroom/host-server.ts';
import {guardLimits, joinGuard} from '../../source/classroom/join-guard.ts';
import {namesLookAlike} from '../../source/classroom/name-skeleton.ts';
import {startHost, student, tempDir, waitFor} from './helpers.ts';

test('wrong codes: a few typos are answered at once, then each answer from that address waits twice as long; the right code is never asked', () => {
	const guard = joinGuard(guardLimits, 0);
	const delays = Array.from({length: 8}, (_, i) => guard.wrongCode('10.0.0.7', i));
	assert.deepEqual(delays, [0, 0, 0, 1000, 2000, 4000, 8000, 16000]);
	assert.equal(guard.wrongCode('10.0.0.7', 9), 30_000, 'capped');
	assert.equal(guard.wrongCode('10.0.0.8', 10), 0, 'another computer behind the same room is not punished');
	assert.equal(guard.wrongCode('10.0.0.7', 11 * 60_000), 0, 'forgotten ten minutes after the last guess');
});

test('wrong codes from many addresses share one budget: past it, every wrong answer waits and the instructor is told', () => {
	const guard = joinGuard({...guardLimits, wrongPerMinute: 10}, 0);
	for (let i = 0; i < 10; i++) assert.equal(guard.wrongCode(`10.1.0.${i}`, 1000), 0);
	assert.equal(guard.storm(1000), undefined);
	assert.equal(guard.wrongCode('10.1.1.1', 1000), guardLimits.stormDelayMs, 'a fresh address gets no free guess during a storm');
	assert.deepEqual(guard.storm(1000), {wrongLastMinute: 11, addresses: 11});
	assert.equal(guard.storm(2 * 60_000), undefined, 'over a minute after the last over-budget guess');
});

test('the guard remembers a bounded number of addresses, forgetting the least recent, not everyone at once', () => {
	const guard = joinGuard({...guardLimits, maxAddresses: 100, wrongPerMinute: 1e9}, 0);
	for (let i = 0; i < 5; i++) guard.wrongCode('victim-of-own-typos', 0);
	for (let i = 0; i < 99; i++) guard.wrongCode(`spread-${i}`, 0);
	assert.equal(guard.size(), 100);
	assert.equal(guard.wrongCode('victim-of-own-typos', 1), 4000, 'still remembered: recently used');
	guard.wrongCode('one-more', 1);
	assert.equal(guard.size(), 100);
});

test('new students per address: a burst, then a steady rate', () => {
	const guard = joinGuard({...guardLimits, joinBurst: 3, joinsPerMinute: 60}, 0);
	assert.deepEqual([0, 0, 0, 0].map(() => guard.mayAddStudent('10.0.0.1', 0)), [true, true, true, false]);
	assert.equal(guard.mayAddStudent('10.0.0.2', 0), true, 'another address has its own');
	assert.equal(guard.mayAddStudent('10.0.0.1', 1000), true, 'one more a second later');
});

test('names that look alike are one name (NFKC and Unicode confusable skeletons)', () => {
	for (const lookAlike of ['аlice', 'ＡＬＩＣＥ', 'Alice', 'aIice', 'a\u200dlice']) assert.equal(namesLookAlike('alice', lookAlike), true, lookAlike);
	for (const different of ['alicia', 'Müller', '王小朋', 'José']) assert.equal(namesLookAlike(different === 'José' ? 'Jose' : different === 'Müller' ? 'Muller' : different === '王小朋' ? '王小明' : 'alice', different), false, different);
});

test('a name confusable with a taken one is refused with a clear message', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	assert.equal((await alice.firstContact()).state, 'online');
	const fake = student(host, 'аlice'); // a Cyrillic а
	t.after(() => fake.close());
	const status = await fake.firstContact();
	assert.equal(status.state, 'rejected');
	assert.equal(status.error?.code, 'name-taken');
	assert.match(status.error!.message, /the name "аlice" looks the same as "alice", who is already in this room; choose a name that looks different/);
});

test('sockets that never say hello are bounded per address: past the limit the oldest silent one makes room for a student', async t => {
	// The hello timeout is long here, so only the limit can make room.
	const host = await startHost(tempDir(t), {capacity: 5, helloTimeoutMs: 60_000});
	t.after(() => host.close());
	const idle: WebSocket[] = [];
	let closed = 0;
	const count = pendingLimits.perAddress + 8;
	for (let i = 0; i < count; i++) {
		const socket = new WebSocket(`ws://127.0.0.1:${host.port}`);
		socket.on('error', () => {});
		socket.on('close', () => closed++);
		idle.push(socket);
		await new Promise(resolve => socket.once('open', resolve).once('close', resolve));
	}
	t.after(() => idle.forEach(socket => socket.terminate()));
	await waitFor(() => closed >= 8, 'the sockets past the limit to be turned away');
	await new Promise(resolve => setTimeout(resolve, pendingLimits.graceMs + 100)); // the idle ones are now past their grace
	const alice = student(host, 'alice');
	t.after(() => alice.close());
	assert.equal((await alice.firstContact()).state, 'online', 'the oldest idle socket was cut for her');
	assert.ok(closed >= 9);
});

test('one computer adding many students is slowed down, not refused: the link retries by itself', async t => {
	const host = await startHost(tempDir(t), {guard: {joinBurst: 2, joinsPerMinute: 600}});
	t.after(() => host.close());
	const changes: HostChange[] = [];
	host.subscribe(change => changes.push(change));
	const links = ['ann', 'ben', 'cat', 'dan'].map(name => student(host, name));
	t.after(() => Promise.all(links.map(link => link.close())));
	const states = await Promise.all(links.map(link => link.firstContact()));
	assert.deepEqual(states.map(status => status.state), ['online', 'online', 'online', 'online']);
	assert.ok(changes.some(change => change.kind === 'rejected' && change.code === 'slow-down'), 'some joins had to wait');
});

test('a guessing storm is told to the instructor once, not one line per guess', async t => {
	const host = await startHost(tempDir(t), {guard: {wrongPerMinute: 4, stormDelayMs: 1, firstDelayMs: 1}});
	t.after(() => host.close());
	const changes: HostChange[] = [];
	host.subscribe(change => changes.push(change));
	for (let i = 0; i < 8; i++) {
		const guess = student(host, `g${i}`, {code: `BAD${i}`});
		await guess.firstContact();
		await guess.close();
	}
	const storms = changes.filter(change => change.kind === 'guessing');
	assert.equal(storms.length, 1);
	assert.deepEqual(storms[0], {kind: 'guessing', storm: {wrongLastMinute: 5, addresses: 1}});
	assert.ok(changes.filter(change => change.kind === 'rejected').length <= 5, 'refusals during the storm are not told one by one');
});
