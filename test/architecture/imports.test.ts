// The shape design.md gives the code: no import cycles, and the lower layers import only downwards
// (engine < i18n < shell < lessons). The engine is pure: no I/O, no clock, no randomness of its own.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {parseCircular, parseDependencyTree, shortenTree, type DependencyTree} from 'dpdm';
import {projectRoot} from '../helpers/built-cli.ts';

const lowerLayers = ['engine', 'i18n', 'shell', 'lessons'];
/** Packages the engine may use: immer for its state. Anything else (Ink, React, node:fs...) is a layer breach. */
const enginePackages = [/(^|\/)node_modules\/immer\//];

const trees = new Map<boolean, Promise<DependencyTree>>();
/**
 * source/'s imports. `typeImports: false` keeps only what runs (type-only imports are erased): the
 * layers above the engine may still name an upper layer's type (i18n words a classroom problem).
 */
function sourceTree(typeImports = true): Promise<DependencyTree> {
	if (!trees.has(typeImports)) trees.set(typeImports, parseDependencyTree('source/**/*.{ts,tsx}', {context: projectRoot, cwd: projectRoot, transform: !typeImports}).then(t => shortenTree(projectRoot, t)));
	return trees.get(typeImports)!;
}

const layerOf = (file: string) => /^source\/([^/]+)\//.exec(file)?.[1] ?? 'top';

test('source/ has no import cycle, not even through a type-only import', async () => {
	const cycles = parseCircular(await sourceTree());
	assert.deepEqual(cycles.map(cycle => cycle.join(' -> ')), []);
});

test('engine, i18n, shell and lessons import only their own layer or one below (the engine not even a type)', async () => {
	const breaches: string[] = [];
	const all = await sourceTree(true);
	for (const [file, runtimeDeps] of Object.entries(await sourceTree(false))) {
		const layer = layerOf(file);
		const rank = lowerLayers.indexOf(layer);
		const deps = layer === 'engine' ? all[file] : runtimeDeps;
		if (!file.startsWith('source/') || rank < 0 || !deps) continue;
		for (const dep of deps) {
			const target = dep.id ?? dep.request;
			if (target.startsWith('source/')) {
				const targetRank = lowerLayers.indexOf(layerOf(target));
				if (targetRank < 0 || targetRank > rank) breaches.push(`${file} -> ${target}`);
			} else if (layer === 'engine' && !enginePackages.some(allowed => allowed.test(target))) breaches.push(`${file} -> ${target}`);
		}
	}
	assert.deepEqual(breaches, []);
});

test('the engine reads no clock, no randomness and no files of its own', async () => {
	const found: string[] = [];
	for (const file of Object.keys(await sourceTree())) {
		if (!file.startsWith('source/engine/')) continue;
		const text = readFileSync(`${projectRoot}/${file}`, 'utf8');
		for (const forbidden of ['Date.now(', 'new Date()', 'Math.random(', 'performance.now(', "from 'node:"]) if (text.includes(forbidden)) found.push(`${file}: ${forbidden}`);
	}
	assert.deepEqual(found, []);
});
