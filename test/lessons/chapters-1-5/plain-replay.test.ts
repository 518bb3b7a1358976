// Chapters 1-5 completed in plain mode from their commands files, as a screen-reader user or a
// script would: every task passes, every quiz is answered right, the chapter ends.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {projectRoot, runCli} from '../../helpers/built-cli.ts';

const pack = loadLessonPack(join(projectRoot, 'lessons'));

for (const number of [1, 2, 3, 4, 5]) {
	test(`chapter ${number} completes in plain mode from test/scripts/plain-chapters-1-5/ch${number}.txt`, () => {
		const chapter = pack.chapters.find(c => c.number === number)!;
		const input = readFileSync(join(projectRoot, `test/scripts/plain-chapters-1-5/ch${number}.txt`), 'utf8');
		const run = runCli(['start', String(number), '--plain'], {input});
		assert.equal(run.status, 0, run.stdout.slice(-2000) + run.stderr);
		const scored = chapter.meta.steps.filter(s => s.kind === 'task' || s.kind === 'quiz');
		const passed = run.stdout.match(/^✓ Step \d+\/\d+:/gm) ?? [];
		assert.equal(passed.length, scored.length, `every task and quiz passes:\n${run.stdout.slice(-3000)}`);
		assert.doesNotMatch(run.stdout, /✗ Not quite/, 'no quiz answered wrong');
		assert.match(run.stdout, /Chapter complete: \d+ xp \(0 hints, 0 solutions shown\)/);
		assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace');
	});

	test(`chapter ${number} completes in Simplified Chinese from the same commands`, () => {
		const input = readFileSync(join(projectRoot, `test/scripts/plain-chapters-1-5/ch${number}.txt`), 'utf8');
		const run = runCli(['--lang', 'zh-CN', 'start', String(number), '--plain'], {input});
		assert.equal(run.status, 0, run.stdout.slice(-2000) + run.stderr);
		assert.match(run.stdout, new RegExp(`第 ${number} 章`));
		assert.match(run.stdout, /本章完成：\d+ xp/);
	});
}
