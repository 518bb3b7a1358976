// Small files with one purpose: a source file over ~300 lines says why in its opening comment
// (a line such as "Longer than ~300 lines because ..."), so a long file is a decision, not drift.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {projectRoot} from '../helpers/built-cli.ts';

const limit = 300;

function sourceFiles(dir: string): string[] {
	return readdirSync(join(projectRoot, dir), {withFileTypes: true}).flatMap(entry => {
		const path = `${dir}/${entry.name}`;
		return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
	});
}

test(`every source file over ${limit} lines gives its reason in its opening comment`, () => {
	const unexplained: string[] = [];
	for (const file of sourceFiles('source')) {
		const lines = readFileSync(join(projectRoot, file), 'utf8').split('\n');
		if (lines.length <= limit + 1) continue;
		const opening = lines.slice(0, lines.findIndex(line => !line.startsWith('//'))).join(' ').replace(/\s*\/\/\s*/g, ' ');
		if (!/(longer|more) than ~?\d+ lines|over ~?\d+ lines/i.test(opening)) unexplained.push(`${file}: ${lines.length} lines; add "Longer than ~300 lines because ..." to its opening comment, or split it`);
	}
	assert.deepEqual(unexplained, []);
});
