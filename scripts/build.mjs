// Bundles the CLI into one ESM file with no runtime dependencies, for a fast `npx k8s-tutor`.
import {build} from 'esbuild';
import {chmodSync, mkdirSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {patchRenderCaches, renderCachesFilter} from './render-caches.mjs';

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
		b.onLoad({filter: renderCachesFilter}, async ({path}) => ({contents: patchRenderCaches(path, await readFile(path, 'utf8')), loader: 'js'}));
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

/** esbuild options shared by the launcher and the embedded app. */
const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	minify: true,
	legalComments: 'none',
	jsx: 'automatic',
	// K8S_TUTOR_BUNDLED: the program knows it runs from this bundle (it then caches built worlds).
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': 'undefined', 'process.env.K8S_TUTOR_BUNDLED': '"true"'},
	plugins: [stubDevtools, yogaWithoutFetch, renderCaches, zodEnglishOnly],
	// Some CommonJS dependencies call require(); give the ESM bundle one.
	banner: {js: "import {createRequire as __k8sTutorCreateRequire} from 'node:module';const require=__k8sTutorCreateRequire(import.meta.url);"},
	logLevel: 'warning',
};

/**
 * The one output file is a small launcher (`entry`) with the rest of the program (`embed`, which
 * the launcher imports dynamically) inside it as data that V8 need not parse: pre-parsing 2 MB of
 * code takes ~100 ms, so the launcher's fast paths (--version, the Node.js check) no longer pay for
 * the whole program. The launcher then compiles the program as an ES
 * module through in-thread module hooks, with Node's compile cache on, so later starts reuse
 * V8's cached code instead of parsing it again.
 */
export async function bundle({entry = 'source/bin.ts', embed = defaultEmbed(entry), outfile = 'dist/cli.js'} = {}) {
	const plugins = [...common.plugins];
	let footer = '';
	if (embed) {
		const inner = await build({...common, entryPoints: [embed], write: false, metafile: true, outfile: 'embedded.js'});
		plugins.push(embeddedModule(resolve(embed), Object.values(inner.metafile.outputs)[0].exports));
		footer = embeddedMarker + Buffer.from(inner.outputFiles[0].text).toString('base64');
	}
	await build({...common, entryPoints: [entry], outfile, plugins, footer: {js: footer}});
	chmodSync(outfile, 0o755);
}

/**
 * The program rides in the file's last line, a comment, as base64: V8 skips a comment far faster
 * than it scans a string literal of the same size (~15 ms for 2 MB of escaped JavaScript).
 */
const embeddedMarker = '// k8s-tutor-embedded-program ';

/** k8s-tutor's launcher, source/bin.ts, imports the command line, source/cli.tsx. */
function defaultEmbed(entry) {
	return /(^|[\\/])source[\\/]bin\.ts$/.test(entry) ? join(dirname(entry), 'cli.tsx') : undefined;
}

/** Replaces the module at `path`, where the launcher imports it, by the program in the file's last line, compiled on first import. */
function embeddedModule(path, exports) {
	return {
		name: 'embedded-module',
		setup(b) {
			b.onResolve({filter: /.*/}, args => (args.kind === 'dynamic-import' && resolve(args.resolveDir, args.path) === path ? {path, namespace: 'embedded'} : undefined));
			b.onLoad({filter: /.*/, namespace: 'embedded'}, () => ({contents: embeddedModuleSource(exports), loader: 'js'}));
		},
	};
}

function embeddedModuleSource(exports) {
	const names = exports.filter(name => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
	return `import {readFileSync} from 'node:fs';
import nodeModule from 'node:module';
import {fileURLToPath} from 'node:url';
const self = readFileSync(fileURLToPath(import.meta.url), 'latin1');
const source = Buffer.from(self.slice(self.lastIndexOf(${JSON.stringify('\n' + embeddedMarker)}) + ${embeddedMarker.length + 1}), 'base64').toString('utf8');
// A file URL, so import.meta.url and createRequire inside the program still point at this file.
const url = import.meta.url + '#embedded';
nodeModule.enableCompileCache?.();
let loaded;
if (nodeModule.registerHooks) {
	nodeModule.registerHooks({
		resolve: (specifier, context, next) => (specifier === url ? {url, format: 'module', shortCircuit: true} : next(specifier, context)),
		load: (target, context, next) => (target === url ? {url, format: 'module', source, shortCircuit: true} : next(target, context)),
	});
	loaded = await import(url);
} else {
	// Node.js before 22.15: the same hooks, run off-thread by module.register.
	const hooks = 'let s,u;export function initialize(d){s=d.source;u=d.url}export async function resolve(p,c,n){return p===u?{url:u,format:"module",shortCircuit:true}:n(p,c)}export async function load(t,c,n){return t===u?{format:"module",source:s,shortCircuit:true}:n(t,c)}';
	nodeModule.register('data:text/javascript,' + encodeURIComponent(hooks), {data: {source, url}});
	loaded = await import(url);
}
// Written now: the program may end by a signal, and the cache is otherwise saved only at a normal exit.
nodeModule.flushCompileCache?.();
${names.length ? `export const {${names.join(', ')}} = loaded;` : ''}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await bundle();
	console.log('built dist/cli.js');
}
