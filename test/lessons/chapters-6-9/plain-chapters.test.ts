// The chapters after 5 completed in plain mode from their commands files, as
// `k8s-tutor start N --plain < test/scripts/plain-chapters-6-9/chN.txt` would.
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {builtInLessonsDir, loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {createSimulation} from '../../../source/shell/simulation.ts';
import {runPlainChapter} from './plain-run.ts';

const scriptsDir = join(import.meta.dirname, '../../scripts/plain-chapters-6-9');

/** Command names a script uses that the shell does not have. */
function missingCommands(script: string): string[] {
	const table = createSimulation().commands;
	const names = new Set<string>();
	let heredocEnd: string | undefined;
	for (const line of script.split('\n')) {
		if (heredocEnd !== undefined) {
			if (line.trim() === heredocEnd) heredocEnd = undefined;
			continue;
		}
		heredocEnd = line.match(/<<-?\s*['"]?([A-Za-z_]\w*)/)?.[1];
		const word = line.trim().split(/\s+/)[0];
		if (word && !word.startsWith('#') && !/^(answer|hint|check|next|solution|reset|y|n)$/.test(word) && !table.get(word)) names.add(word);
	}
	return [...names].sort();
}

// Every chapter after 5 (chapters 1-5 have their own test), found in the pack: a new chapter
// without a commands file fails here instead of being skipped.
const chapters = loadLessonPack(builtInLessonsDir())
	.chapters.map(c => c.number)
	.filter(n => n >= 6);

test('the chapters after 5 are found in the lesson pack', () => {
	assert.ok(chapters.length >= 4, `found ${chapters.join(', ')}`);
});

for (const n of chapters) {
	test(`chapter ${n} completes in plain mode from its commands file`, async () => {
		const file = join(scriptsDir, `ch${n}.txt`);
		assert.ok(existsSync(file), `chapter ${n} has a commands file ${file}`);
		const script = readFileSync(file, 'utf8');
		assert.deepEqual(missingCommands(script), [], 'every command of the script is registered');
		const {code, out} = await runPlainChapter(String(n), script);
		assert.match(out, /Chapter complete: \d+ xp/, out.slice(-3000));
		assert.doesNotMatch(out, /command not found/, 'every command of the script exists');
		assert.equal(code, 0, out.slice(-2000));
	});
}
