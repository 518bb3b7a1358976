// Saving progress never stops the learner: a save that fails is told once in one line and tried
// again; a lock another tutor holds is never waited for on the UI thread; a stale lock is taken
// over at once; a config folder that cannot be made is one line and exit 1.
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileStore} from '../../source/classroom/client-store.ts';
import {createPendingSaves} from '../../source/lessons/progress/pending-saves.ts';
import {openProgressStore, ProgressFolderError} from '../../source/lessons/progress/progress-store.ts';
import {runCli} from '../helpers/built-cli.ts';

const step = {done: true, attempts: 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 0, xp: 10};
const home = () => mkdtempSync(join(tmpdir(), 'k8s-tutor-safety-'));
const saved = (dir: string) => JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
const deadPid = () => spawnSync('true').pid!;

test('a config folder that cannot be made (XDG_CONFIG_HOME=/proc/nonexistent) is one line and exit 1', () => {
	assert.throws(() => openProgressStore({configDir: '/proc/nonexistent/k8s-tutor'}), (error: Error) => error instanceof ProgressFolderError && /^cannot use \/proc\/nonexistent\/k8s-tutor .*no such file or directory/.test(error.message));
	const file = join(home(), 'a-file');
	writeFileSync(file, '');
	assert.throws(() => openProgressStore({configDir: join(file, 'k8s-tutor')}), /not a folder/);
	const run = runCli(['lessons'], {env: {XDG_CONFIG_HOME: '/proc/nonexistent', K8S_TUTOR_HOME: ''}});
	assert.equal(run.status, 1);
	assert.match(run.stderr, /^k8s-tutor: cannot use \/proc\/nonexistent\/k8s-tutor-nodejs .*\n$/);
	assert.equal(run.stderr.split('\n').length, 2, run.stderr);
	// A temp folder that cannot be made only costs the caches (Node's compile cache, built worlds).
	const sandbox = runCli(['sandbox', '--plain'], {input: 'echo hi\n', env: {TMPDIR: '/proc/nonexistent'}});
	assert.equal(sandbox.status, 0, sandbox.stderr);
	assert.match(sandbox.stdout, /^hi$/m);
});

test('a save that fails keeps the progress in memory and says where and why once, without throwing', () => {
	const store = openProgressStore({configDir: '/proc/self'});
	const notices: string[] = [];
	store.watchNotices!(notice => notices.push(notice));
	for (let i = 0; i < 5; i++) store.updateChapter('one', () => ({steps: {s: step}}));
	store.setLastChapter('one');
	store.saveSnapshot('one', {world: 1});
	assert.equal(store.read().chapters.one?.steps.s?.xp, 10);
	assert.equal(store.read().lastChapter, 'one');
	assert.deepEqual(store.loadSnapshot('one'), {world: 1});
	assert.equal(notices.length, 2, notices.join('\n'));
	assert.match(notices[0]!, /^Your progress could not be saved in \/proc\/self\/progress\.json: .+\. You keep playing/);
	assert.match(notices[1]!, /^Your progress could not be saved in \/proc\/self\/worlds: /);
});

test('a world snapshot that could not be saved is saved on a later try, and the learner is told', async () => {
	const dir = home();
	writeFileSync(join(dir, 'worlds'), 'in the way');
	const store = openProgressStore({configDir: dir, retryMs: 20});
	const notices: string[] = [];
	store.watchNotices!(notice => notices.push(notice));
	store.saveSnapshot('one', {world: 1});
	assert.match(notices[0]!, /could not be saved in .*worlds: not a folder/);
	rmSync(join(dir, 'worlds'));
	while (!existsSync(join(dir, 'worlds', 'one.json'))) await new Promise(resolve => setTimeout(resolve, 10));
	assert.deepEqual(JSON.parse(readFileSync(join(dir, 'worlds', 'one.json'), 'utf8')), {world: 1});
	assert.match(notices.at(-1)!, /saved again in .*worlds/);
});

test('a lock left by a process that is gone, or a foreign one, is taken over at once', () => {
	for (const content of [String(deadPid()), 'not a pid']) {
		const dir = home();
		writeFileSync(join(dir, 'progress.json.lock'), content);
		utimesSync(join(dir, 'progress.json.lock'), new Date(Date.now() - 5_000), new Date(Date.now() - 5_000));
		const store = openProgressStore({configDir: dir});
		const notices: string[] = [];
		store.watchNotices!(notice => notices.push(notice));
		store.updateChapter('one', () => ({steps: {s: step}}));
		assert.equal(saved(dir).chapters.one.steps.s.xp, 10, content);
		assert.deepEqual(notices, []);
		assert.equal(existsSync(join(dir, 'progress.json.lock')), false);
	}
});

test("a live tutor's lock is not waited for: one line, the change kept in memory, saved once the lock is free", async () => {
	const dir = home();
	const other = spawn('sleep', ['30']);
	try {
		writeFileSync(join(dir, 'progress.json.lock'), String(other.pid));
		const store = openProgressStore({configDir: dir});
		const notices: string[] = [];
		store.watchNotices!(notice => notices.push(notice));
		store.updateChapter('one', () => ({steps: {s: step}}));
		store.updateChapter('two', () => ({steps: {s: step}}));
		assert.deepEqual(notices, [`another k8s-tutor (pid ${other.pid}) is saving; waiting`]);
		assert.equal(existsSync(join(dir, 'progress.json')), false);
		assert.deepEqual(Object.keys(store.read().chapters), ['one', 'two']);
		rmSync(join(dir, 'progress.json.lock'));
		await store.settle!();
		assert.deepEqual(Object.keys(saved(dir).chapters), ['one', 'two']);
	} finally {
		other.kill();
	}
});

test('the progress store has no blocking wait of its own', () => {
	for (const file of ['progress-store.ts', 'progress-lock.ts']) {
		const source = readFileSync(new URL(`../../source/lessons/progress/${file}`, import.meta.url), 'utf8');
		assert.doesNotMatch(source, /Atomics\.wait|while \(Date\.now\(\)/, file);
	}
});

test("the classroom client's offline queue: a save that fails is told once and never thrown; it is saved at a later change", () => {
	const dir = home();
	writeFileSync(join(dir, 'classroom'), 'in the way');
	const told: string[] = [];
	const store = fileStore(dir, 'host:7420', 'Ada', text => told.push(text));
	const link = {nextSeq: 3, queue: []};
	store.save(link);
	store.save(link);
	assert.equal(told.length, 1);
	assert.match(told[0]!, /^The classroom queue could not be saved in .*classroom\/host_7420--ada\.json: not a folder\. You keep working/);
	rmSync(join(dir, 'classroom'));
	store.save(link);
	assert.equal(store.load().nextSeq, 3);
	assert.match(told[1]!, /saved again/);
});

test('a lock held for good: the waiting line is told once, and at exit the progress is written anyway rather than lost', async () => {
	const dir = home();
	const other = spawn('sleep', ['30']);
	try {
		writeFileSync(join(dir, 'progress.json.lock'), String(other.pid));
		const pendingSaves = createPendingSaves();
		const store = openProgressStore({configDir: dir, pendingSaves});
		const notices: string[] = [];
		store.watchNotices!(notice => notices.push(notice));
		store.updateChapter('one', () => ({steps: {s: step}}));
		store.saveSnapshot('one', {world: 1});
		store.updateChapter('two', () => ({steps: {s: step}}));
		assert.equal(notices.length, 1, notices.join('\n'));
		assert.ok(pendingSaves.has(), 'the store waits for the lock');
		await pendingSaves.settle(300);
		assert.deepEqual(Object.keys(saved(dir).chapters), ['one', 'two']);
	} finally {
		other.kill();
	}
});
