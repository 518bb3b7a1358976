// The directory side of kubectl cp: a tree read from one side (a pod's container, the host's
// filesystem, or the learner's disk) and written into the other, as kubectl's tar stream does.
import type {World} from '../../../engine/world.ts';
import {listPath, makeDirectoryPath, pathKind, readPath, writePath} from '../../paths.ts';
import type {HostDisk, ShellFrame} from '../../types.ts';

/** One entry of the tar stream: a directory or a file, by its path relative to the copied root ('' is the root). */
export type TreeEntry = {path: string; dir: boolean; content?: string};

const join = (a: string, b: string) => (b ? `${a.replace(/\/+$/, '')}/${b}` : a);

/** A directory tree of a simulated filesystem, root first, in tar's order (depth first, names sorted). */
export function readTree(world: World, frame: ShellFrame, root: string): TreeEntry[] {
	const out: TreeEntry[] = [];
	const walk = (rel: string) => {
		const path = join(root, rel);
		if (pathKind(world, frame, path) === 'dir') {
			out.push({path: rel, dir: true});
			for (const name of listPath(world, frame, path) ?? []) walk(rel ? `${rel}/${name}` : name);
			return;
		}
		const read = readPath(world, frame, path);
		if ('content' in read) out.push({path: rel, dir: false, content: read.content});
	};
	walk('');
	return out;
}

/** The same from the learner's disk. */
export function readDiskTree(disk: HostDisk, root: string): TreeEntry[] {
	const out: TreeEntry[] = [];
	const walk = (rel: string) => {
		const path = join(root, rel);
		if (disk.isDirectory(path)) {
			out.push({path: rel, dir: true});
			for (const name of [...disk.listDirectory(path)].sort()) walk(rel ? `${rel}/${name}` : name);
			return;
		}
		const content = disk.readFile(path);
		if (content !== undefined) out.push({path: rel, dir: false, content});
	};
	walk('');
	return out;
}

/** mkdir -p that leaves an existing directory alone; the error names the path as Go's os.MkdirAll does. */
function ensureDirectory(world: World, frame: ShellFrame, path: string): {world: World} | {error: string} {
	const kind = pathKind(world, frame, path);
	if (kind === 'dir') return {world};
	if (kind === 'file') return {error: `mkdir ${path}: not a directory`};
	const parent = path.replace(/\/+$/, '').slice(0, path.replace(/\/+$/, '').lastIndexOf('/'));
	if (parent && parent !== path) {
		const made = ensureDirectory(world, frame, parent);
		if ('error' in made) return made;
		world = made.world;
	}
	const made = makeDirectoryPath(world, frame, path, false);
	return made.ok ? {world: made.world} : {error: `mkdir ${path}: ${made.error.toLowerCase()}`};
}

/** Writes a tree under `target` (the root entry becomes `target` itself), as untarAll and tar -x do. */
export function writeTree(world: World, frame: ShellFrame, target: string, entries: TreeEntry[]): {world: World} | {error: string} {
	for (const entry of entries) {
		const path = join(target, entry.path);
		if (entry.dir) {
			const made = ensureDirectory(world, frame, path);
			if ('error' in made) return made;
			world = made.world;
			continue;
		}
		const written = writePath(world, frame, path, entry.content ?? '', false);
		if (!written.ok) return {error: `open ${path}: ${written.error.toLowerCase()}`};
		world = written.world;
	}
	return {world};
}
