import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chapterMenu, findChapter, formatChapterList} from '../../source/lessons/chapter-menu.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {emptyProgress, type ProgressData} from '../../source/lessons/progress/progress-schema.ts';
import {fixturePackDir} from './fixtures/fixture-pack.ts';

const done = {done: true, attempts: 1, hintsUsed: 0, solutionShown: false, timeSpentMs: 10, xp: 20};

function progressWithFirstDone(): ProgressData {
	return {
		...emptyProgress(),
		lastChapter: 'first',
		chapters: {
			first: {completedAt: '2026-01-01T00:00:00Z', currentStep: 'end', steps: {intro: {...done, xp: 5}, 'make-note': done, gone: {...done, xp: 99}}},
		},
	};
}

test('the menu shows ticks, locks by prerequisite, steps done and XP', () => {
	const {chapters} = loadLessonPack(fixturePackDir);
	const fresh = chapterMenu(chapters, emptyProgress(), 'en');
	assert.deepEqual(
		fresh.chapters.map(c => [c.id, c.done, c.locked, c.stepsDone, c.xp]),
		[
			['first', false, false, 0, 0],
			['second', false, true, 0, 0],
		],
	);
	assert.deepEqual(fresh.chapters[1]!.missingPrerequisites, [{id: 'first', number: 1, title: 'First fixture chapter'}]);
	assert.equal(fresh.suggested, 'first');

	const later = chapterMenu(chapters, progressWithFirstDone(), 'en');
	const first = later.chapters[0]!;
	assert.equal(first.done, true);
	assert.equal(first.stepsDone, 2, 'a step that no longer exists does not count');
	assert.equal(first.xp, 25);
	assert.equal(later.chapters[1]!.locked, false);
	assert.equal(later.suggested, 'second', 'the last chapter is finished: the next open one');
	assert.match(formatChapterList(later, 'en'), /✓ +1 +First fixture chapter +2\/5 +25 xp/);
});

test('reordering and renumbering chapters keeps their progress: it is kept by chapter id', () => {
	const {chapters} = loadLessonPack(fixturePackDir);
	const swapped = [
		{...chapters[1]!, number: 1},
		{...chapters[0]!, number: 2},
	];
	const menu = chapterMenu(swapped, progressWithFirstDone(), 'en');
	const first = menu.chapters.find(c => c.id === 'first')!;
	assert.equal(first.number, 2);
	assert.equal(first.done, true);
	assert.equal(first.xp, 25);
	assert.equal(findChapter(swapped, '2')!.meta.id, 'first');
	assert.equal(findChapter(swapped, 'second')!.number, 1);
	assert.equal(findChapter(swapped, '02-second')!.meta.id, 'second');
});
