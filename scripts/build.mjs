// Bundles the CLI into one ESM file with no runtime dependencies, for a fast `npx k8s-tutor`.
import {build} from 'esbuild';
import {chmodSync, mkdirSync} from 'node:fs';

mkdirSync('dist', {recursive: true});

/** Stubs ink's optional devtools import: it is only used under DEV=true and would drag in a large package. */
const stubDevtools = {
	name: 'stub-react-devtools',
	setup(b) {
		b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
		b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};', loader: 'js'}));
	},
};

export async function bundle({entry = 'source/bin.ts', outfile = 'dist/cli.js'} = {}) {
	await build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node22',
		minify: true,
		legalComments: 'none',
		jsx: 'automatic',
		define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': 'undefined'},
		plugins: [stubDevtools],
		// Some CommonJS dependencies call require(); give the ESM bundle one.
		banner: {js: "import {createRequire as __k8sTutorCreateRequire} from 'node:module';const require=__k8sTutorCreateRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	chmodSync(outfile, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await bundle();
	console.log('built dist/cli.js');
}
