// Chapters 6-10 completed in plain mode from their commands files, as
// `k8s-tutor start N --plain < test/scripts/plain-chapters-6-9/chN.txt` would.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {allCommands} from '../../../source/shell/all-commands.ts';
import {runPlainChapter} from './plain-run.ts';

const scriptsDir = join(import.meta.dirname, '../../scripts/plain-chapters-6-9');

/** Command names a script uses that the shell does not have yet (their engines are still landing). */
function missingCommands(script: string): string[] {
	const table = allCommands();
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

for (const n of [6, 7, 8, 9, 10]) {
	const script = readFileSync(join(scriptsDir, `ch${n}.txt`), 'utf8');
	const missing = missingCommands(script);
	test(`chapter ${n} completes in plain mode from its commands file`, {todo: missing.length ? `awaits commands: ${missing.join(', ')}` : undefined}, async () => {
		const {code, out} = await runPlainChapter(String(n), script);
		assert.match(out, /Chapter complete: \d+ xp/, out.slice(-3000));
		assert.doesNotMatch(out, /command not found/, 'every command of the script exists');
		assert.equal(code, 0, out.slice(-2000));
	});
}
