import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {classroomMenu, nextChapter} from '../../source/classroom/open-chapters.ts';
import type {Pacing} from '../../source/classroom/protocol.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {emptyProgress} from '../../source/lessons/progress/progress-schema.ts';

const chapters = loadLessonPack(fileURLToPath(new URL('./fixtures/pack', import.meta.url))).chapters;
const pacing = (openCount: number, list = ['1', '2']): Pacing => ({chapters: list, openCount, paused: false});

test('the chapter to work on is the first open unfinished one, in the session order', () => {
	const fresh = emptyProgress();
	assert.equal(nextChapter(chapters, fresh, pacing(1))?.meta.id, 'first');
	assert.equal(nextChapter(chapters, fresh, pacing(1, ['2', '1']))?.meta.id, 'second');
	assert.equal(nextChapter(chapters, fresh, pacing(0)), undefined, 'nothing open yet');
	const firstDone = {...fresh, lastChapter: 'first', chapters: {first: {steps: {}, completedAt: '2026-01-01T00:00:00Z'}}};
	assert.equal(nextChapter(chapters, firstDone, pacing(1)), undefined, 'chapter 2 is still locked');
	assert.equal(nextChapter(chapters, firstDone, pacing(2))?.meta.id, 'second');
	const inSecond = {...fresh, lastChapter: 'second', chapters: {second: {steps: {}}}};
	assert.equal(nextChapter(chapters, inSecond, pacing(1))?.meta.id, 'first', 'a closed chapter is not resumed');
	assert.equal(nextChapter(chapters, inSecond, pacing(2))?.meta.id, 'second', 'an open one is');
});

test('the chapter menu offers only the open chapters, by number or id', () => {
	const ids = (menu: ReturnType<typeof classroomMenu>) => menu.chapters.map(entry => entry.id);
	assert.deepEqual(ids(classroomMenu(chapters, emptyProgress(), pacing(1), 'en')), ['first']);
	assert.deepEqual(ids(classroomMenu(chapters, emptyProgress(), pacing(2), 'en')), ['first', 'second']);
	assert.deepEqual(ids(classroomMenu(chapters, emptyProgress(), pacing(1, ['second']), 'en')), ['second']);
	assert.deepEqual(ids(classroomMenu(chapters, emptyProgress(), undefined, 'en')), ['first', 'second'], 'never heard from the host');
	assert.ok(classroomMenu(chapters, emptyProgress(), pacing(2), 'en').chapters.every(entry => !entry.locked));
});
