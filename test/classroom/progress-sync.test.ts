// The student's side of the saves the host keeps: a world goes up once per step (not once per
// command), the rest at the end; an upload that failed is tried again; joining brings back what
// the host holds newer and sends what this computer holds newer.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {mirroredStore, packSave, saveUploader, syncWithHost, unpackSave, type HostSaves, type SavedIndex} from '../../source/classroom/progress-sync.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';

function fakeHost(held: Record<string, {updatedAt: string; data: Buffer}> = {}) {
	const puts: {chapterId: string; updatedAt: string; save: ReturnType<typeof unpackSave>}[] = [];
	let failNext = 0;
	const saves: HostSaves = {
		async index() {
			const index: SavedIndex = {};
			for (const [id, save] of Object.entries(held)) index[id] = {updatedAt: save.updatedAt};
			return index;
		},
		async get(chapterId) {
			return held[chapterId]!.data;
		},
		async put(chapterId, updatedAt, body) {
			if (failNext > 0) {
				failNext--;
				throw new Error('503 host busy');
			}
			puts.push({chapterId, updatedAt, save: unpackSave(body)});
			held[chapterId] = {updatedAt, data: body};
		},
	};
	return {saves, puts, held, failNext: (count: number) => (failNext = count)};
}

const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, second)).toISOString();
const settle = () => new Promise(resolve => setTimeout(resolve, 60));

test('a world goes to the host once per step, however many commands counted on it', async () => {
	const host = fakeHost();
	const store = memoryProgressStore();
	const uploader = saveUploader(host.saves, store, {delayMs: 10});
	const lesson = mirroredStore(store, uploader);
	lesson.saveSnapshot('pods', {world: 'step 2'});
	lesson.updateChapter('pods', () => ({steps: {}, currentStep: 'create', updatedAt: at(1)}));
	for (let i = 0; i < 20; i++) lesson.updateChapter('pods', record => ({...record!, updatedAt: at(2 + i)}));
	await settle();
	assert.equal(host.puts.length, 1, 'one upload for the step, not twenty-one');
	assert.deepEqual(host.puts[0]!.save, {record: {steps: {}, currentStep: 'create', updatedAt: at(21)}, world: {world: 'step 2'}});
	lesson.updateChapter('pods', record => ({...record!, updatedAt: at(30)}));
	await settle();
	assert.equal(host.puts.length, 1, 'a counted command waits');
	assert.deepEqual(uploader.waiting(), ['pods']);
	await uploader.flush();
	assert.equal(host.puts.length, 2, 'the end sends what waited');
	assert.equal(host.puts[1]!.updatedAt, at(30));
	uploader.stop();
});

test('an upload that failed is tried again at the next flush', async () => {
	const host = fakeHost();
	const store = memoryProgressStore();
	const uploader = saveUploader(host.saves, store, {delayMs: 10});
	const lesson = mirroredStore(store, uploader);
	host.failNext(1);
	lesson.saveSnapshot('pods', {n: 1});
	lesson.updateChapter('pods', () => ({steps: {}, updatedAt: at(1)}));
	await settle();
	assert.equal(host.puts.length, 0);
	assert.deepEqual(uploader.waiting(), ['pods']);
	await uploader.flush();
	assert.equal(host.puts.length, 1);
	assert.deepEqual(host.puts[0]!.save?.world, {n: 1}, 'the world kept in memory, not lost with the failure');
	uploader.stop();
});

test('joining brings back chapters the host holds newer and sends the ones newer here', async () => {
	const host = fakeHost({pods: {updatedAt: at(50), data: packSave({steps: {}, currentStep: 'scale', updatedAt: at(50), snapshot: {stepId: 'scale', savedAt: at(50)}}, {world: 'from the other computer'})}, old: {updatedAt: at(1), data: packSave({steps: {}, updatedAt: at(1)}, undefined)}});
	const store = memoryProgressStore();
	store.updateChapter('pods', () => ({steps: {}, currentStep: 'create', updatedAt: at(10)}));
	store.updateChapter('old', () => ({steps: {}, currentStep: 'later', updatedAt: at(40)}));
	store.saveSnapshot('old', {world: 'here'});
	const uploads: string[] = [];
	const restored = await syncWithHost(host.saves, store, id => uploads.push(id));
	assert.deepEqual(restored, ['pods']);
	assert.equal(store.read().chapters.pods!.currentStep, 'scale');
	assert.deepEqual(store.loadSnapshot('pods'), {world: 'from the other computer'});
	assert.deepEqual(uploads, ['old'], 'this computer is newer for "old": it goes up');
	assert.equal(store.read().chapters.old!.currentStep, 'later', 'not replaced by the older copy');
	assert.equal(unpackSave(Buffer.from('not gzip')), undefined);
});
