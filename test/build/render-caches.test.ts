import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire, registerHooks} from 'node:module';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import stringWidth from 'string-width';
import {patchRenderCaches} from '../../scripts/render-caches.mjs';

const require = createRequire(import.meta.url);
const inkOutput = require.resolve('ink').replace(/index\.js$/, 'output.js');
const stringWidthFile = fileURLToPath(import.meta.resolve('string-width'));

test('the patches still find their places in the installed ink and string-width', () => {
	for (const file of [inkOutput, stringWidthFile]) {
		const patched = patchRenderCaches(file, readFileSync(file, 'utf8'));
		assert.ok(patched && patched !== readFileSync(file, 'utf8'), file);
	}
	assert.equal(patchRenderCaches('/x/node_modules/other/index.js', 'x'), undefined);
});

test("the memoized string-width answers exactly as string-width, first time and cached", async () => {
	const patchedUrl = `${pathToFileURL(stringWidthFile).href}?render-caches`;
	registerHooks({
		load(url, context, next) {
			const result = next(url, context);
			return url === patchedUrl ? {...result, source: patchRenderCaches(stringWidthFile, String(result.source))} : result;
		},
	});
	const {default: memoized} = (await import(patchedUrl)) as {default: typeof stringWidth};
	const samples = ['', 'kubectl get pods', 'pod/web-7x2kq  Running', '\u001B[32mReady\u001B[39m', '节点 worker-1', '容器', '👍🏽 ok', 'e\u0301', 'a\tb', 'x\u0000y', '\u200Bzero', 'ｈａｌｆ', '~!@#$%^&*()'];
	for (const round of [1, 2]) for (const sample of samples) assert.equal(memoized(sample), stringWidth(sample), `${JSON.stringify(sample)} (round ${round})`);
	// Every character of the Basic Multilingual Plane, alone and in runs of 64.
	let run = '';
	for (let code = 0x20; code <= 0xffff; code++) {
		if (code >= 0xd800 && code <= 0xdfff) continue;
		const character = String.fromCodePoint(code);
		assert.equal(memoized(character), stringWidth(character), `U+${code.toString(16)}`);
		run += character;
		if (run.length === 64) {
			assert.equal(memoized(run), stringWidth(run), `the run ending at U+${code.toString(16)}`);
			run = '';
		}
	}
	for (const line of ['\u001B[2m─ events ─\u001B[22m', '\u001B[1m\u001B[32mroot@host-1:~# \u001B[39m\u001B[22m\u001B[7m \u001B[27m', '\u001B[32m容器\u001B[39m', '\u009B31mx', '\u001B]8;;http://x\u0007link\u001B]8;;\u0007', '├─ pod/web ✓ Running ░░█ …', 'kube-proxy · 3/3 → ↑', 'a\u0301─', '1\uFE0F\u20E3 ─', '─\u200D─']) assert.equal(memoized(line), stringWidth(line), line);
	assert.equal(memoized('容器', {ambiguousIsNarrow: false}), stringWidth('容器', {ambiguousIsNarrow: false}));
});

test("Ink's per-line character cache stays small: an idle dashboard whose clocks tick every second does not grow it without end", async () => {
	const patchedUrl = `${pathToFileURL(inkOutput).href}?render-caches-bound`;
	registerHooks({
		load(url, context, next) {
			const result = next(url, context);
			return url === patchedUrl ? {...result, source: patchRenderCaches(inkOutput, String(result.source))} : result;
		},
	});
	const {default: Output} = (await import(patchedUrl)) as {default: new (options: {width: number; height: number}) => {write(x: number, y: number, text: string, options: {transformers: unknown[]}): void; get(): unknown; caches: {styledChars: Map<string, unknown>}}};
	let largest = 0;
	// 40 rows of a 140-column dashboard, each with a timer that changes every frame, for 300 frames.
	for (let frame = 0; frame < 300; frame++) {
		const output = new Output({width: 140, height: 40});
		for (let row = 0; row < 40; row++) output.write(0, row, `student-${row}`.padEnd(20) + '✓ ✓ ▶ · · ·'.padEnd(30) + `${frame + row}s`.padStart(9) + ' x'.repeat(30), {transformers: []});
		output.get();
		largest = Math.max(largest, output.caches.styledChars.size);
	}
	assert.ok(largest <= 2000, `styledChars held ${largest} lines (each an object per character)`);
});
