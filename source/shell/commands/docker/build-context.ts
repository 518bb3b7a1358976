// The build context read once, bounded, into memory before the build starts: the engine then sees
// only what was read, and a context that would drag a huge folder (or a symlink to one) into the
// world stops with a message instead (real docker would send it all; the learner's machine is not
// a build server).
import {dockerignorePatterns, type ContextReader} from '../../../engine/docker/build.ts';

export const buildContextLimits = {files: 2000, bytes: 16 * 1024 * 1024, depth: 16};

export type ContextSnapshot = {ok: true; context: ContextReader; files: string[]} | {ok: false; error: string};

export function snapshotContext(reader: ContextReader, limits = buildContextLimits): ContextSnapshot {
	const ignore = dockerignorePatterns(reader.readFile('.dockerignore'));
	const contents = new Map<string, string>();
	const folders = new Set<string>(['']);
	let bytes = 0;
	const tooLarge = (what: string): ContextSnapshot => ({
		ok: false,
		error: `[simulator] the build context is larger than k8s-tutor reads: ${what} (the limits are ${limits.files} files, ${limits.bytes / 1024 / 1024} MiB, ${limits.depth} folders deep). List what the image does not need in a .dockerignore file.`,
	});
	const walk = (dir: string, depth: number): ContextSnapshot | undefined => {
		if (depth > limits.depth) return tooLarge(`${dir} is more than ${limits.depth} folders deep`);
		for (const name of reader.listDirectory(dir)) {
			const path = dir ? `${dir}/${name}` : name;
			if (ignore.some(re => re.test(path))) continue;
			if (reader.isDirectory(path)) {
				folders.add(path);
				if (folders.size + contents.size > limits.files) return tooLarge(`more than ${limits.files} files and folders`);
				const failed = walk(path, depth + 1);
				if (failed) return failed;
				continue;
			}
			const content = reader.readFile(path);
			if (content === undefined) continue; // a device, a pipe, a dangling link: not sent
			if (contents.size >= limits.files) return tooLarge(`more than ${limits.files} files`);
			bytes += content.length;
			if (bytes > limits.bytes) return tooLarge(`more than ${limits.bytes / 1024 / 1024} MiB`);
			contents.set(path, content);
		}
		return undefined;
	};
	const failed = walk('', 1);
	if (failed) return failed;
	const clean = (path: string) => path.replace(/^\.?\/+/, '').replace(/\/+$/, '');
	const context: ContextReader = {
		readFile: path => contents.get(clean(path)),
		isDirectory: path => folders.has(clean(path)),
		listDirectory(path) {
			const dir = clean(path);
			const prefix = dir ? dir + '/' : '';
			const names = new Set<string>();
			for (const p of [...contents.keys(), ...folders]) if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
			return [...names].sort();
		},
	};
	return {ok: true, context, files: [...contents.keys()]};
}
