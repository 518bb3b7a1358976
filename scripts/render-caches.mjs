// Ink rebuilds its whole screen buffer every frame, and 60-70% of a dashboard frame went to
// measuring and tokenizing the same strings again (string-width's grapheme segmentation and emoji
// regexes, ansi-tokenize): Ink's caches live in an `Output` made anew for each frame. These source
// patches keep those results across frames, in bounded maps. Both are pure functions of the
// string, and Ink never mutates a cached cell (it copies before blanking one), so output is unchanged;
// strings of plain one-cell characters, string-width's answer for which is their length, skip the
// grapheme segmenter.
// Applied by the build (scripts/build.mjs) and, for benchmarks run from source, by
// scripts/bench/fixtures/render-caches-hook.mjs.

/** Entries kept per cache before it starts over: a screen has a few thousand distinct lines and characters. */
const limit = 20_000;
/**
 * styledChars holds, per line of text, an object per character (~100 bytes each): 20,000 lines of
 * a 140-column dashboard whose clocks change every second filled ~240 MB before it started over
 * (the instructor's idle host climbed from 159 to 400+ MB). A screen has at most a few hundred
 * lines worth keeping between frames.
 */
const styledCharsLimit = 2000;

const patches = [
	{
		file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/,
		edits: [
			['caches = new OutputCaches();', 'caches = framesOutputCaches;'],
			['export default class Output', `const framesOutputCaches = new OutputCaches();\n${boundMaps('framesOutputCaches', ['widths', 'blockWidths'], limit)}\n${boundMaps('framesOutputCaches', ['styledChars'], styledCharsLimit)}\nexport default class Output`],
		],
	},
	{
		file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
		edits: [
			[
				'export default function stringWidth(',
				`const memoizedWidths = new Map();
// Characters that are each one grapheme of one cell, whatever their neighbours from this same set
// (printable ASCII, Latin-1, punctuation, arrows, box drawing, blocks, shapes, dingbats; no marks,
// format characters or emoji): a string of only these is as wide as it is long, and skips the
// grapheme segmenter. test/build/render-caches.test.ts checks every one against string-width.
const oneCellEach = /^[[\\x20-\\x7e\\xa0-\\xff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2500-\\u25ff\\u2700-\\u27bf]--[\\p{Extended_Pictographic}\\p{M}\\p{Cf}\\p{Default_Ignorable_Code_Point}\\p{Emoji_Presentation}]]*$/v;
export default function stringWidth(input, options) {
	if (options !== undefined || typeof input !== 'string') return measureStringWidth(input, options);
	let width = memoizedWidths.get(input);
	if (width === undefined) {
		if (memoizedWidths.size >= ${limit}) memoizedWidths.clear();
		// Colours and styles take no cells: string-width strips them the same way before measuring.
		const visible = input.includes('\\u001B') || input.includes('\\u009B') ? stripAnsi(input) : input;
		width = oneCellEach.test(visible) ? visible.length : measureStringWidth(input);
		memoizedWidths.set(input, width);
	}
	return width;
}
function measureStringWidth(`,
			],
		],
	},
];

function boundMaps(owner, names, max) {
	return `for (const name of ${JSON.stringify(names)}) { const map = ${owner}[name]; const set = map.set.bind(map); map.set = (key, value) => (map.size >= ${max} && map.clear(), set(key, value)); }`;
}

/** The patched source of `path`, or undefined when it needs none. Throws when an expected line is gone (a new version: look again). */
/** How many files the patches target: the build checks that it patched each of them. */
export const renderCachesTargetCount = patches.length;

export function patchRenderCaches(path, source) {
	const patch = patches.find(p => p.file.test(path));
	if (!patch) return undefined;
	let patched = source;
	for (const [from, to] of patch.edits) {
		if (!patched.includes(from)) throw new Error(`render-caches: "${from}" is no longer in ${path}; check the new version`);
		patched = patched.replace(from, to);
	}
	return patched;
}

/** The file pattern patchRenderCaches cares about (for esbuild's onLoad filter). */
export const renderCachesFilter = /[\\/]node_modules[\\/](ink[\\/]build[\\/]output|string-width[\\/]index)\.js$/;
