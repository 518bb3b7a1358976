// The real `classroom host` command as a child process: plain-mode output, and a host killed
// with SIGKILL mid-session, resumed from its folder, losing nothing it acknowledged.
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {memoryStore} from '../../source/classroom/client-store.ts';
import {openSession, readSession} from '../../source/classroom/session-folder.ts';
import {startHost, student, tempDir, waitFor} from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

type HostProcess = {child: ChildProcess; output: () => string; port: number; code: string};

async function spawnHost(dir: string, port = 0): Promise<HostProcess> {
	const child = spawn('node_modules/.bin/node', ['--import', 'tsx', 'source/bin.ts', 'classroom', 'host', '--plain', '--bind', '127.0.0.1', '--port', String(port), '--session', dir, '--chapters', '1-3'], {
		cwd: root,
		stdio: ['pipe', 'pipe', 'pipe'],
		env: {...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: ''},
	});
	let output = '';
	child.stdout!.on('data', chunk => (output += chunk));
	child.stderr!.on('data', chunk => (output += chunk));
	// Generous: a cold start from source (tsx) on a loaded 2-core machine took 13 s and more.
	// A host that never printed its line is killed, or its open pipes would keep this file running.
	await waitFor(() => /join: .* --code/.test(output) || child.exitCode !== null, 'the join line', 60_000).catch(error => {
		child.kill('SIGKILL');
		throw error;
	});
	const match = output.match(/join: npx k8s-tutor join 127\.0\.0\.1:(\d+) --code ([A-Z0-9]+) --name "YOUR NAME"/);
	assert.ok(match, `no join line in:\n${output}`);
	return {child, output: () => output, port: Number(match[1]), code: match[2]!};
}

const exited = (child: ChildProcess) => new Promise<void>(resolve => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

test('a plain host prints the join line, then one line per event, and stops on SIGTERM', async t => {
	const dir = tempDir(t);
	const host = await spawnHost(dir);
	t.after(() => host.child.kill('SIGKILL'));
	assert.match(host.output(), /classroom started: code [A-Z0-9]{6}, chapters 1, 2, 3/);
	const alice = student({port: host.port, room: {code: host.code}}, 'alice');
	t.after(() => alice.close());
	await alice.firstContact();
	alice.report({kind: 'command-run', line: 'kubectl get pods', exitCode: 0});
	alice.report({kind: 'step-entered', chapterId: 'containers', chapterNumber: 1, stepId: 'run', stepIndex: 1, stepCount: 4, title: 'Run a container'});
	await alice.drain(5000);
	host.child.stdin!.write('release\nsay Eyes on me\n');
	await waitFor(() => /broadcast: Eyes on me/.test(host.output()), 'the broadcast line', 5000);
	const lines = host.output().split('\n');
	for (const expected of [/ alice joined$/, / alice connected$/, / alice \$ kubectl get pods$/, / alice is on containers step 2\/4: Run a container$/, / chapters open: 1, 2$/, /released chapter 2/]) {
		assert.ok(lines.some(line => expected.test(line)), `no line matching ${expected} in:\n${host.output()}`);
	}
	host.child.kill('SIGTERM');
	await exited(host.child);
	assert.equal(host.child.exitCode, 0);
});

test('a host killed with SIGKILL mid-session and resumed loses nothing it acknowledged', async t => {
	const dir = tempDir(t);
	const first = await spawnHost(dir);
	t.after(() => first.child.kill('SIGKILL'));
	const names = ['ana', 'ben', 'chen'];
	const stores = names.map(() => memoryStore());
	const links = names.map((name, index) => student({port: first.port, room: {code: first.code}}, name, {store: stores[index]}));
	t.after(() => Promise.all(links.map(link => link.close())));
	for (const link of links) assert.equal((await link.firstContact()).state, 'online');

	// Everyone keeps reporting; the host dies while events are in flight.
	const perStudent = 60;
	const acked = () => stores.map(store => (store.saved.queue[0]?.seq ?? store.saved.nextSeq) - 1);
	for (let i = 1; i <= perStudent; i++) {
		for (const link of links) link.report({kind: 'command-run', line: `echo ${i}`, exitCode: 0});
		if (i === 30) await waitFor(() => acked().every(count => count >= 10), 'some acknowledgements');
		if (i === 35) {
			// One host per folder: a second one is refused while the first runs.
			await assert.rejects(openSession(dir, {chapters: [], appVersion: 'x', now: 0}), new RegExp(`another classroom host \\(process ${first.child.pid}\\) is running`));
		}
		if (i === 40) first.child.kill('SIGKILL');
		if (i % 10 === 0) await new Promise(resolve => setTimeout(resolve, 5));
	}
	await exited(first.child);
	const ackedAtDeath = acked();
	assert.ok(ackedAtDeath.every(count => count >= 10));

	const survived = readSession(dir).room;
	names.forEach((name, index) => {
		const record = Object.values(survived.students).find(candidate => candidate.name === name)!;
		assert.ok(record.lastSeq >= ackedAtDeath[index]!, `${name}: ${ackedAtDeath[index]} acknowledged but only ${record.lastSeq} in the log`);
		assert.equal(record.eventCount, record.lastSeq);
	});

	// Resumed from the folder on the same port: the students reconnect on their own and send the rest.
	const second = await spawnHost(dir, first.port);
	t.after(() => second.child.kill('SIGKILL'));
	assert.equal(second.code, first.code);
	assert.match(second.output(), /classroom resumed/);
	for (const link of links) assert.equal(await link.drain(10_000), true);
	second.child.kill('SIGTERM');
	await exited(second.child);
	const final = readSession(dir);
	assert.equal(final.loaded.skippedLines, 0);
	for (const name of names) {
		const record = Object.values(final.room.students).find(candidate => candidate.name === name)!;
		assert.equal(record.lastSeq, perStudent);
		assert.equal(record.eventCount, perStudent, 'every event exactly once');
	}
	assert.equal(final.room.studentOrder.length, names.length);
});

test('a resumed in-process host keeps the code, pacing and students', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	await host.releaseNext();
	await host.setPaused(true);
	const alice = student(host, 'alice');
	await alice.firstContact();
	await alice.close();
	const code = host.room.code;
	await host.close();
	const again = await startHost(dir);
	t.after(() => again.close());
	assert.equal(again.room.code, code);
	assert.equal(again.room.openCount, 2);
	assert.equal(again.room.paused, true);
	assert.deepEqual(again.room.studentOrder, ['s1']);
	// A new student gets the next id, not a reused one.
	const bob = student(again, 'bob');
	t.after(() => bob.close());
	await bob.firstContact();
	assert.deepEqual(again.room.studentOrder, ['s1', 's2']);
});
