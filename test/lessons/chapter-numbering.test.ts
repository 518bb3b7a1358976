// Chapter 9 (deployments) was added before the final challenge, which became chapter 10. Progress
// is keyed by chapter id and step id, so a learner's saved progress reads the same afterwards.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chapterMenu, findChapter} from '../../source/lessons/chapter-menu.ts';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {progressSchema} from '../../source/lessons/progress/progress-schema.ts';

const pack = loadLessonPack(builtInLessonsDir());

test('the chapters are numbered 0 to 10 without gaps, deployments before the final challenge', () => {
	assert.deepEqual(pack.chapters.map(c => c.number), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	assert.equal(findChapter(pack.chapters, '9')?.meta.id, 'deployments');
	assert.equal(findChapter(pack.chapters, '10')?.meta.id, 'final-challenge');
	assert.equal(findChapter(pack.chapters, 'final-challenge')?.number, 10);
	assert.deepEqual(findChapter(pack.chapters, 'deployments')?.meta.prerequisites, ['pods']);
	assert.deepEqual(findChapter(pack.chapters, 'final-challenge')?.meta.prerequisites, ['deployments']);
});

test('progress saved before the new chapter existed keeps its finished final challenge, score and all', () => {
	const saved = progressSchema.parse({
		version: 1,
		lastChapter: 'final-challenge',
		chapters: {
			pods: {completedAt: '2026-01-01T10:00:00Z', steps: {'two-containers': {done: true, xp: 20}}},
			'final-challenge': {
				currentStep: 'results',
				completedAt: '2026-01-02T10:00:00Z',
				steps: {briefing: {done: true, xp: 5}, 'the-game': {done: true, xp: 50}},
				highScores: [{seed: 1, score: 900, availability: 0.95, commands: 12, hints: 0, at: '2026-01-02T10:00:00Z'}],
			},
		},
	});
	const menu = chapterMenu(pack.chapters, saved, 'en');
	const finale = menu.chapters.find(c => c.id === 'final-challenge')!;
	assert.equal(finale.number, 10);
	assert.equal(finale.done, true);
	assert.equal(finale.xp, 55);
	const deployments = menu.chapters.find(c => c.id === 'deployments')!;
	assert.equal(deployments.number, 9);
	assert.equal(deployments.started, false);
	assert.equal(deployments.locked, false, 'chapter 8 (pods) is done, so chapter 9 is open');
	assert.equal(saved.chapters['final-challenge']!.highScores![0]!.score, 900);
});
