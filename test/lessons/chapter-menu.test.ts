import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chapterMenu, findChapter, formatChapterList} from '../../source/lessons/chapter-menu.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {displayWidth} from '../../source/lessons/markdown.ts';
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
	assert.match(formatChapterList(later, 'en'), /✓ +1 +2\/5 +25 xp +First fixture chapter$/m);
});

test('the chapter list: a finished chapter is never also locked; columns line up whatever the title length (en, zh-CN)', () => {
	const {chapters} = loadLessonPack(fixturePackDir);
	// The second chapter finished, then the first reset: its prerequisite is undone again.
	const progress: ProgressData = {...emptyProgress(), chapters: {second: {completedAt: '2026-01-01T00:00:00Z', currentStep: 'end', steps: {}}}};
	const menu = chapterMenu(chapters, progress, 'en');
	const long = {...menu, chapters: menu.chapters.map((c, i) => (i === 0 ? {...c, title: 'Keeping an app up: Deployments, rollouts, Services'} : c))};
	for (const locale of ['en', 'zh-CN'] as const) {
		const text = formatChapterList(long, locale);
		assert.doesNotMatch(text, /locked|需要先完成/, locale);
		const rows = text.split('\n').filter(l => /^[✓>\- ] +\d+ /.test(l));
		assert.equal(rows.length, 2);
		assert.deepEqual(rows.map(r => r.indexOf(' xp')), [rows[0]!.indexOf(' xp'), rows[0]!.indexOf(' xp')], 'xp in one column');
		for (const line of text.split('\n')) assert.ok(displayWidth(line) <= 80, `fits 80 columns: ${line}`);
	}
	const locked = formatChapterList(chapterMenu(chapters, emptyProgress(), 'zh-CN'), 'zh-CN').split('\n');
	const note = locked.findIndex(l => l.includes('需要先完成'));
	assert.equal(displayWidth(locked[note]!.slice(0, locked[note]!.indexOf('需'))), displayWidth(locked[note - 1]!.slice(0, locked[note - 1]!.indexOf('xp') + 4)), 'the note starts under the title');
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
