import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {openSession} from '../../source/classroom/session-folder.ts';
import {startHost, student, tempDir, waitFor} from './helpers.ts';

test('a wrong code is refused with a clear error and nothing is logged', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const link = student(host, 'alice', {code: 'NOPE99'});
	t.after(() => link.close());
	const status = await link.firstContact();
	assert.equal(status.state, 'rejected');
	assert.equal(status.error?.code, 'wrong-code');
	assert.match(status.error!.message, /wrong join code/);
	assert.equal(host.room.studentOrder.length, 0);
});

test('the code is accepted in any case and with a dash', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const code = host.room.code.toLowerCase();
	const link = student(host, 'alice', {code: `${code.slice(0, 3)}-${code.slice(3)}`});
	t.after(() => link.close());
	assert.equal((await link.firstContact()).state, 'online');
});

test('a full room refuses a new name but still lets a returning student in', async t => {
	const host = await startHost(tempDir(t), {capacity: 2});
	t.after(() => host.close());
	const links = ['a', 'b'].map(name => student(host, name));
	t.after(() => Promise.all(links.map(link => link.close())));
	for (const link of links) assert.equal((await link.firstContact()).state, 'online');
	const third = student(host, 'c');
	t.after(() => third.close());
	const status = await third.firstContact();
	assert.equal(status.error?.code, 'room-full');
	assert.match(status.error!.message, /room is full \(2 students\)/);
});

test('a different protocol version is refused, naming both versions', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const link = student(host, 'alice', {protocol: 99});
	t.after(() => link.close());
	const status = await link.firstContact();
	assert.equal(status.error?.code, 'version-mismatch');
	assert.match(status.error!.message, /protocol 1\); you run .*protocol 99\)/);
});

test('a name with nothing printable is refused', async t => {
	const host = await startHost(tempDir(t));
	t.after(() => host.close());
	const link = student(host, '\u001b[2J\u0007 ');
	t.after(() => link.close());
	assert.equal((await link.firstContact()).error?.code, 'bad-name');
});

test('an unreachable host is reported as such', async t => {
	// A port that was free a moment ago: nothing listens there.
	const port = await new Promise<number>(resolve => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const free = (probe.address() as {port: number}).port;
			probe.close(() => resolve(free));
		});
	});
	const link = student({port, room: {code: 'ABC234'}}, 'alice');
	t.after(() => link.close());
	const status = await link.firstContact();
	assert.equal(status.state, 'offline');
	assert.equal(status.error?.code, 'unreachable');
	assert.match(status.error!.message, new RegExp(`cannot reach the classroom host at 127.0.0.1:${port}: nothing is listening there`));
});

test('the code is checked first: after many wrong codes from the same computer, the right one still gets in at once', async t => {
	let now = 1_000_000;
	const host = await startHost(tempDir(t), {clock: () => now, guard: {firstDelayMs: 60_000}});
	t.after(() => host.close());
	const answered: string[] = [];
	const guesses = Array.from({length: 10}, (_, i) => student(host, `guess-${i}`, {code: `WRONG${i}`}));
	t.after(() => Promise.all(guesses.map(guess => guess.close())));
	for (const guess of guesses) guess.firstContact().then(status => answered.push(status.error?.code ?? status.state));
	await waitFor(() => answered.length === 3, 'the first three wrong codes (typos) to be answered');
	assert.deepEqual(answered, ['wrong-code', 'wrong-code', 'wrong-code']);
	const right = student(host, 'alice');
	t.after(() => right.close());
	assert.equal((await right.firstContact()).state, 'online', 'a right code never waits behind wrong ones');
	assert.equal(answered.length, 3, 'the other wrong codes from this computer are still waiting out their back-off');
});

test('a folder holding other files is not taken for a session', async t => {
	const dir = tempDir(t);
	writeFileSync(join(dir, 'notes.txt'), 'mine');
	await assert.rejects(openSession(dir, {chapters: ['1'], appVersion: 'x', now: 0}), /already holds other files and is not a classroom session folder/);
});

test('a host that goes silent (a dropped network sends no close) is noticed, and the student works offline', async t => {
	// A "host" that welcomes, then never says another word.
	const {WebSocketServer} = await import('ws');
	const server = new WebSocketServer({host: '127.0.0.1', port: 0});
	await new Promise(resolve => server.once('listening', resolve));
	t.after(() => {
		for (const socket of server.clients) socket.terminate();
		return new Promise(resolve => server.close(resolve));
	});
	server.on('connection', socket => {
		socket.once('message', () => {
			socket.send(JSON.stringify({type: 'welcome', protocol: 1, studentId: 's1', name: 'alice', token: 't', lastSeq: 0, pacing: {chapters: ['1'], openCount: 1, paused: false}}));
			socket.pause(); // stops reading: no pongs, no acks, no close
		});
	});
	const port = (server.address() as {port: number}).port;
	const {connectStudent} = await import('../../source/classroom/client.ts');
	const {memoryStore} = await import('../../source/classroom/client-store.ts');
	const link = connectStudent({url: `ws://127.0.0.1:${port}`, code: 'X', name: 'alice', appVersion: 'test', store: memoryStore(), silenceMs: 200, retry: {initialMs: 5000, maxMs: 5000}});
	t.after(() => link.close());
	assert.equal((await link.firstContact()).state, 'online');
	link.report({kind: 'command-run', line: 'ls', exitCode: 0});
	await waitFor(() => link.status().state === 'offline', 'the silence to be noticed', 3000);
	assert.match(link.status().error!.message, /stopped answering/);
	assert.equal(link.status().queued, 1, 'the event waits for the host to come back');
});

test('a socket that never says hello is closed by the host', async t => {
	const dir = tempDir(t);
	const {openSession} = await import('../../source/classroom/session-folder.ts');
	const {startClassroomHost} = await import('../../source/classroom/host-server.ts');
	const host = await startClassroomHost(await openSession(dir, {chapters: ['1'], appVersion: 'x', now: 0}), {bind: '127.0.0.1', port: 0, appVersion: 'x', helloTimeoutMs: 100});
	t.after(() => host.close());
	const {default: WebSocket} = await import('ws');
	const idle = new WebSocket(`ws://127.0.0.1:${host.port}`);
	let closed = false;
	idle.on('close', () => (closed = true));
	idle.on('error', () => {});
	await waitFor(() => closed, 'the idle socket to be closed', 3000);
});
