// Chapter 10 (the final challenge) played end to end in the interactive dashboard (UI helper, 80x24): read the
// briefing, start the game, answer each incident, and reach the summary with the score.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {openChapter} from '../../../source/app/tutorial.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../../source/lessons/progress/progress-store.ts';
import {memoryDisk} from '../../../source/shell/memory-disk.ts';
import {cleanupUi, keys, renderUi} from '../../helpers/ui.tsx';
import {dashboard} from '../../ui/fixtures.tsx';

afterEach(cleanupUi);

const lessonsDir = join(import.meta.dirname, '../../../lessons');

test('chapter 10 (final challenge) in the dashboard: briefing, game 1 won by commands, summary with score and high score', async () => {
	const chapter = loadLessonPack(lessonsDir).chapters.find(c => c.meta.id === 'final-challenge')!;
	const store = memoryProgressStore();
	const {controller} = openChapter(chapter, {lang: 'en', plain: false, color: false, interactiveInput: true, disk: memoryDisk(), version: 'test'}, store);
	const ui = renderUi(dashboard(controller, {title: '10 Final challenge'}).element, {columns: 80, rows: 24});
	await ui.waitForText('1/3 · On call');
	ui.press(keys.alt('n'));
	await ui.waitForText('2/3 · Keep web serving');
	const script = readFileSync(join(import.meta.dirname, '../../scripts/plain-chapters-6-9/ch10.txt'), 'utf8')
		.split('\n')
		.filter(line => line.trim() && !line.startsWith('#') && line.trim() !== 'challenge');
	for (const line of script) {
		ui.type(line);
		await ui.waitFor(f => f.includes(line.slice(0, 30)), `the prompt shows "${line}"`);
		ui.press(keys.enter);
		await ui.waitFor(() => controller.snapshot().output.some(o => o.kind === 'command' && o.text.endsWith(line)), `"${line}" ran`);
	}
	const frame = await ui.waitForText('3/3 · Game over');
	assert.match(frame, /=== Game 1 is over ===/);
	assert.match(frame, /Availability +9\d\.\d%/);
	// On the screen progress is saved just after the frame (tutorial.ts): wait for it, then check it.
	await ui.waitFor(() => store.read().chapters['final-challenge']?.completedAt !== undefined, 'the progress saved');
	assert.equal(store.read().chapters['final-challenge']?.highScores?.[0]?.seed, 1);
});
