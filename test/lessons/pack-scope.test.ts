// Progress per lesson pack: the built-in pack's plain keys, another pack's keys scoped by its folder.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {packProgressStore, packScope} from '../../source/lessons/progress/pack-scope.ts';
import {emptyProgress} from '../../source/lessons/progress/progress-schema.ts';
import {memoryProgressStore, openProgressStore} from '../../source/lessons/progress/progress-store.ts';

const done = {steps: {a: {done: true, attempts: 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 0, xp: 10}}, completedAt: '2026-01-01T00:00:00Z'};

test('packScope: none for the built-in pack (also named through a link), the real folder path for another pack', () => {
	const root = mkdtempSync(join(tmpdir(), 'k8s-tutor-scope-'));
	const builtIn = join(root, 'lessons');
	const other = join(root, 'mine');
	mkdirSync(builtIn);
	mkdirSync(other);
	symlinkSync(builtIn, join(root, 'link'));
	assert.equal(packScope(undefined, builtIn), undefined);
	assert.equal(packScope(join(root, 'link'), builtIn), undefined);
	assert.equal(packScope(other + '/', builtIn), packScope(other, builtIn));
	assert.match(packScope(other, builtIn)!, /mine$/);
});

test('a pack reusing a built-in chapter id has its own progress; the built-in keys stay plain ids', () => {
	const raw = memoryProgressStore({...emptyProgress(), lastChapter: 'namespaces', chapters: {namespaces: done}});
	const builtIn = packProgressStore(raw, undefined);
	const pack = packProgressStore(raw, '/srv/pack');
	assert.deepEqual(pack.read().chapters, {});
	assert.equal(pack.read().lastChapter, undefined);
	pack.updateChapter('namespaces', () => ({steps: {}, currentStep: 'b'}));
	pack.setLastChapter('namespaces');
	assert.deepEqual(Object.keys(raw.read().chapters).sort(), ['/srv/pack#namespaces', 'namespaces']);
	assert.equal(raw.read().lastChapter, '/srv/pack#namespaces');
	assert.equal(pack.read().chapters.namespaces!.currentStep, 'b');
	assert.equal(pack.read().lastChapter, 'namespaces');
	assert.deepEqual(builtIn.read().chapters, {namespaces: done});
	assert.equal(builtIn.read().lastChapter, undefined, "the other pack's last chapter is not the built-in one");
	assert.deepEqual(packProgressStore(raw, '/srv/other').read().chapters, {});
});

test("replaceAll (reset, import) changes the pack's own chapters only; snapshots are kept per pack", () => {
	const raw = memoryProgressStore({...emptyProgress(), lastChapter: 'namespaces', chapters: {namespaces: done, '/srv/a#x': done}});
	const pack = packProgressStore(raw, '/srv/pack');
	pack.updateChapter('namespaces', () => done);
	pack.replaceAll({...emptyProgress(), chapters: {other: done}});
	assert.deepEqual(Object.keys(raw.read().chapters).sort(), ['/srv/a#x', '/srv/pack#other', 'namespaces']);
	assert.equal(raw.read().lastChapter, 'namespaces');
	packProgressStore(raw, undefined).replaceAll(emptyProgress());
	assert.deepEqual(Object.keys(raw.read().chapters).sort(), ['/srv/a#x', '/srv/pack#other']);
	pack.saveSnapshot('namespaces', {world: 'pack'});
	assert.equal(packProgressStore(raw, undefined).loadSnapshot('namespaces'), undefined);
	assert.deepEqual(pack.loadSnapshot('namespaces'), {world: 'pack'});
});

test("on disk a pack's snapshot gets a file of its own, apart from the built-in chapter's", () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-scope-'));
	const raw = openProgressStore({configDir: home});
	packProgressStore(raw, undefined).saveSnapshot('namespaces', {world: 'built-in'});
	packProgressStore(raw, '/srv/pack').saveSnapshot('namespaces', {world: 'pack'});
	packProgressStore(raw, '/srv_pack').saveSnapshot('namespaces', {world: 'other'});
	assert.deepEqual(packProgressStore(raw, undefined).loadSnapshot('namespaces'), {world: 'built-in'});
	assert.deepEqual(packProgressStore(raw, '/srv/pack').loadSnapshot('namespaces'), {world: 'pack'});
	assert.deepEqual(packProgressStore(raw, '/srv_pack').loadSnapshot('namespaces'), {world: 'other'});
});
