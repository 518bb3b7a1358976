import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, relative} from 'node:path';
import {test} from 'node:test';
import {assertBuilt, builtCli, node22, projectRoot} from '../helpers/built-cli.ts';

/** The files the entry imports statically, itself included, found by following its `import ... from "./..."`. */
function staticClosure(entry: string): string[] {
	const seen = new Set<string>();
	const visit = (file: string) => {
		if (seen.has(file)) return;
		seen.add(file);
		for (const [, spec] of readFileSync(file, 'utf8').matchAll(/import(?:[^"'()]*?from)?\s*"(\.\/[^"]+)"/g)) visit(join(dirname(file), spec!));
	};
	visit(entry);
	return [...seen];
}

test('--version and the Node.js check need only the entry and a few small chunks, never the program', () => {
	assertBuilt();
	const closure = staticClosure(builtCli);
	const bytes = closure.reduce((sum, file) => sum + statSync(file).size, 0);
	assert.ok(bytes < 16_000, `the entry loads ${bytes} bytes before --version: ${closure.join(', ')}`);
	const alone = mkdtempSync(join(tmpdir(), 'k8s-tutor-entry-'));
	for (const file of closure) {
		const target = join(alone, relative(dirname(builtCli), file));
		mkdirSync(dirname(target), {recursive: true});
		copyFileSync(file, target);
	}
	const run = spawnSync(node22, [join(alone, basename(builtCli)), '--version'], {encoding: 'utf8'});
	assert.equal(run.status, 0, run.stderr);
	assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('the bundle ships readable code with source maps, not an encoded blob', () => {
	assertBuilt();
	const chunks = readdirSync(join(projectRoot, 'dist/chunks')).filter(name => name.endsWith('.js'));
	assert.ok(chunks.length > 1);
	for (const chunk of chunks) assert.ok(existsSync(join(projectRoot, 'dist/chunks', `${chunk}.map`)), `${chunk} has no source map`);
	assert.ok(existsSync(`${builtCli}.map`));
});
