// Bundles the CLI for a fast `npx k8s-tutor`: an entry plus code-split chunks, no runtime dependencies.
import {build} from 'esbuild';
import {chmodSync, mkdirSync, rmSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {basename, dirname, extname, join} from 'node:path';
import {patchRenderCaches, renderCachesFilter, renderCachesTargetCount} from './render-caches.mjs';

mkdirSync('dist', {recursive: true});

/** Stubs ink's optional devtools import: it is only used under DEV=true and would drag in a large package. */
const stubDevtools = {
	name: 'stub-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};', loader: 'js'}));
	},
};

/**
 * yoga-layout's Emscripten loader fetches its inlined wasm through `fetch(dataURL)` whenever
 * `fetch` exists, which on Node loads undici's whole HTTP stack (25-85 ms of start-up) to decode
 * a string already in memory. Make it take its own synchronous base64 path instead.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(b) {
		b.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			const patched = source.replaceAll('"function"!=typeof fetch', '!0');
			if (patched === source) throw new Error(`yoga-without-fetch: the fetch test is no longer in ${path}; check the new loader`);
			return {contents: patched, loader: 'js'};
		});
	},
};

/** Ink's per-frame measuring and tokenizing, cached across frames: see render-caches.mjs. */
const renderCaches = {
	name: 'render-caches',
	setup(b) {
		const patched = new Set();
		b.onStart(() => patched.clear());
		b.onLoad({filter: renderCachesFilter}, async ({path}) => {
			patched.add(path);
			return {contents: patchRenderCaches(path, await readFile(path, 'utf8')), loader: 'js'};
		});
		// A target file that moved in a new ink or string-width would otherwise ship unpatched, silently.
		b.onEnd(result => {
			if (result.errors.length === 0 && patched.size !== renderCachesTargetCount) {
				throw new Error(`render-caches: patched ${patched.size} of ${renderCachesTargetCount} files (${[...patched].join(', ')}); check the new ink / string-width`);
			}
		});
	},
};

/**
 * zod re-exports all of its ~45 locales as `z.locales` (266 KB, an eighth of the bundle, parsed at
 * every start); the program uses none but the English one zod configures itself with.
 */
const zodEnglishOnly = {
	name: 'zod-english-only',
	setup(b) {
		b.onLoad({filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, () => ({contents: 'export {default as en} from "./en.js";', loader: 'js'}));
	},
};

/** esbuild options for the program's bundle. */
const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	sourcemap: 'linked',
	sourcesContent: false,
	// K8S_TUTOR_BUNDLED: the program knows it runs from this bundle (it then caches built worlds).
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': 'undefined', 'process.env.K8S_TUTOR_BUNDLED': '"true"'},
	plugins: [stubDevtools, yogaWithoutFetch, renderCaches, zodEnglishOnly],
	// Some CommonJS dependencies call require(); give each ESM file one.
	banner: {js: "import {createRequire as __k8sTutorCreateRequire} from 'node:module';const require=__k8sTutorCreateRequire(import.meta.url);"},
	logLevel: 'warning',
};

/**
 * `outfile` is the entry (source/bin.ts: the Node.js check and --version); code splitting puts what
 * it imports dynamically (the program) in chunks/ beside it, so --version never parses the program.
 * The entry turns on Node's compile cache, so later starts reuse V8's cached code for the chunks.
 */
export async function bundle({entry = 'source/bin.ts', outfile = 'dist/cli.js'} = {}) {
	const outdir = dirname(outfile);
	rmSync(join(outdir, 'chunks'), {recursive: true, force: true});
	await build({
		...common,
		entryPoints: {[basename(outfile, extname(outfile))]: entry},
		outdir,
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
	});
	chmodSync(outfile, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await bundle();
	console.log('built dist/cli.js');
}
