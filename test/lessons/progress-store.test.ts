import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {openProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {exportProgress, importProgress} from '../../source/lessons/progress/progress-transfer.ts';
import {progressVersion} from '../../source/lessons/progress/progress-schema.ts';

const home = () => mkdtempSync(join(tmpdir(), 'k8s-tutor-progress-'));
const step = {done: true, attempts: 2, hintsUsed: 1, solutionShown: false, timeSpentMs: 1000, xp: 16};

test('progress is written, keyed by chapter id and step id, and read back by a new store', () => {
	const dir = home();
	const store = openProgressStore({configDir: dir});
	store.updateChapter('namespaces', () => ({steps: {uts: step}, currentStep: 'pid'}));
	const again = openProgressStore({configDir: dir}).read();
	assert.equal(again.version, progressVersion);
	assert.deepEqual(again.chapters.namespaces!.steps.uts, step);
	assert.equal(again.chapters.namespaces!.currentStep, 'pid');
});

for (const [name, content] of [
	['corrupted', '{"version": 1, "chapters": {'],
	['truncated', JSON.stringify({version: 1, chapters: {a: {steps: {}}}}).slice(0, 20)],
	['foreign', JSON.stringify({theme: 'dark', windowSize: [800, 600]})],
	['wrongly shaped', JSON.stringify({version: 1, chapters: {a: {steps: {x: {done: 'yes'}}}}})],
	['from the future', JSON.stringify({version: 99, chapters: {}})],
] as const) {
	test(`a ${name} progress file is moved aside with a message naming where; the learner starts fresh`, () => {
		const dir = home();
		writeFileSync(join(dir, 'progress.json'), content);
		const store = openProgressStore({configDir: dir, now: () => new Date('2026-02-01T10:00:00Z')});
		const [notice] = store.takeNotices();
		assert.ok(notice, 'a notice');
		const aside = readdirSync(dir).find(f => f.startsWith('progress.unreadable-'))!;
		assert.ok(aside, readdirSync(dir).join(','));
		assert.ok(notice.includes(join(dir, aside)), notice);
		assert.equal(readFileSync(join(dir, aside), 'utf8'), content, 'nothing lost: the old file is kept as it was');
		assert.deepEqual(store.read().chapters, {});
		store.updateChapter('a', () => ({steps: {}}));
		assert.ok(store.read().chapters.a);
	});
}

test('a version 0 file (no version, hints counted as "hints") is migrated, with a notice', () => {
	const dir = home();
	writeFileSync(join(dir, 'progress.json'), JSON.stringify({chapters: {docker: {steps: {build: {done: true, hints: 2}}}}}));
	const store = openProgressStore({configDir: dir});
	assert.match(store.takeNotices()[0]!, /upgraded from version 0/);
	assert.equal(store.read().chapters.docker!.steps.build!.hintsUsed, 2);
});

test('two stores on one file: each keeps the other chapter, the file stays valid', () => {
	const dir = home();
	const a = openProgressStore({configDir: dir});
	const b = openProgressStore({configDir: dir});
	for (let i = 0; i < 20; i++) {
		a.updateChapter('one', c => ({steps: {s: {...step, attempts: (c?.steps.s?.attempts ?? 0) + 1}}}));
		b.updateChapter('two', c => ({steps: {s: {...step, attempts: (c?.steps.s?.attempts ?? 0) + 1}}}));
	}
	const data = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
	assert.equal(data.chapters.one.steps.s.attempts, 20);
	assert.equal(data.chapters.two.steps.s.attempts, 20);
});

test('two tutor processes writing at once never corrupt the file nor lose an update', () => {
	const dir = home();
	const script = `
		import {openProgressStore} from ${JSON.stringify(new URL('../../source/lessons/progress/progress-store.ts', import.meta.url).href)};
		const store = openProgressStore({configDir: process.argv[1]});
		const id = process.argv[2];
		for (let i = 0; i < 40; i++) store.updateChapter(id, c => ({steps: {s: {done: false, attempts: (c?.steps.s?.attempts ?? 0) + 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 0, xp: 0}}}));
	`;
	const node = process.execPath;
	const children = ['left', 'right'].map(id => spawn(node, ['--import', 'tsx', '--input-type=module', '-e', script, dir, id], {stdio: 'inherit'}));
	return Promise.all(children.map(c => new Promise<number>(resolve => c.on('exit', resolve)))).then(codes => {
		assert.deepEqual(codes, [0, 0]);
		const data = JSON.parse(readFileSync(join(dir, 'progress.json'), 'utf8'));
		assert.equal(data.chapters.left.steps.s.attempts, 40);
		assert.equal(data.chapters.right.steps.s.attempts, 40);
	});
});

test('export then import on another machine gives the same progress; other chapters there stay', () => {
	const source = openProgressStore({configDir: home()});
	source.updateChapter('docker', () => ({steps: {build: step}, currentStep: 'run', completedAt: '2026-01-01T00:00:00.000Z'}));
	const file = join(home(), 'my-progress.json');
	assert.deepEqual(exportProgress(source, file), {ok: true, chapters: 1});
	const target = openProgressStore({configDir: home()});
	target.updateChapter('pods', () => ({steps: {}}));
	const result = importProgress(target, file);
	assert.deepEqual(result, {ok: true, chapters: ['docker']});
	const data = target.read();
	assert.deepEqual(data.chapters.docker!.steps, source.read().chapters.docker!.steps);
	assert.equal(data.chapters.docker!.currentStep, 'run');
	assert.ok(data.chapters.pods);
});

test('importing a bad file changes nothing and says why', () => {
	const target = openProgressStore({configDir: home()});
	target.updateChapter('pods', () => ({steps: {a: step}}));
	const dir = home();
	const cases: [string, string | undefined, RegExp][] = [
		['missing.json', undefined, /no such file/],
		['broken.json', '{"format": "k8s-tutor-progress", ', /not valid JSON/],
		['other.json', '{"name": "my-app"}', /not a k8s-tutor progress export/],
		['bad.json', JSON.stringify({format: 'k8s-tutor-progress', version: 1, chapters: {x: {steps: {y: {attempts: -1}}}}}), /cannot be imported: chapters\.x\.steps\.y\.attempts/],
	];
	for (const [name, content, error] of cases) {
		if (content !== undefined) writeFileSync(join(dir, name), content);
		const result = importProgress(target, join(dir, name));
		assert.equal(result.ok, false);
		assert.match((result as {error: string}).error, error);
	}
	assert.deepEqual(Object.keys(target.read().chapters), ['pods']);
	assert.ok(!existsSync(join(dir, 'missing.json')));
});
