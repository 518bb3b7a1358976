// Paths resolve through a filesystem: a plain tree, or an overlay of read-only layers plus a
// writable upper layer, where a write to a lower file copies it up first (copy-on-write).
import type {World} from '../world.ts';
import type {FileNode, Filesystem} from './types.ts';

export function normalizePath(path: string, cwd = '/'): string {
	const absolute = path.startsWith('/') ? path : `${cwd}/${path}`;
	const out: string[] = [];
	for (const part of absolute.split('/')) {
		if (!part || part === '.') continue;
		if (part === '..') out.pop();
		else out.push(part);
	}
	return '/' + out.join('/');
}

export function parentPath(path: string): string {
	const i = path.lastIndexOf('/');
	return i <= 0 ? '/' : path.slice(0, i);
}

export type FileLookup = {node: FileNode; from: 'upper' | 'plain' | string}; // string: the layer id it comes from

/** Finds a path in a filesystem; undefined when absent or deleted by a whiteout. */
export function lookupFile(w: World, fs: Filesystem, path: string): FileLookup | undefined {
	if (path === '/') return {node: {type: 'dir'}, from: fs.kind === 'plain' ? 'plain' : 'upper'};
	if (fs.kind === 'plain') {
		const node = fs.files.get(path);
		return node ? {node, from: 'plain'} : undefined;
	}
	const upper = fs.upper.get(path);
	if (upper) return upper.type === 'whiteout' ? undefined : {node: upper, from: 'upper'};
	if (hiddenByWhiteout(w, fs, path)) return undefined;
	for (const layerId of fs.lower) {
		const node = w.layers.get(layerId)?.files.get(path);
		if (node) return node.type === 'whiteout' ? undefined : {node, from: layerId};
	}
	return undefined;
}

function hiddenByWhiteout(w: World, fs: Extract<Filesystem, {kind: 'overlay'}>, path: string): boolean {
	for (let dir = parentPath(path); dir !== '/'; dir = parentPath(dir)) {
		if (fs.upper.get(dir)?.type === 'whiteout') return true;
	}
	return false;
}

/** Entries directly under `dir` (names only), merged across an overlay's layers. */
export function listDirectory(w: World, fs: Filesystem, dir: string): string[] {
	const prefix = dir === '/' ? '/' : dir + '/';
	const names = new Set<string>();
	const consider = (path: string) => {
		if (!path.startsWith(prefix) || path === dir) return;
		const name = path.slice(prefix.length).split('/')[0]!;
		if (name) names.add(name);
	};
	if (fs.kind === 'plain') for (const path of fs.files.keys()) consider(path);
	else {
		for (const path of fs.upper.keys()) consider(path);
		for (const layerId of fs.lower) for (const path of w.layers.get(layerId)?.files.keys() ?? []) consider(path);
	}
	return [...names].filter(name => lookupFile(w, fs, prefix + name)).sort();
}

function writableTree(fs: Filesystem): Map<string, FileNode> {
	return fs.kind === 'plain' ? fs.files : fs.upper;
}

/** Creates missing parent directories, copying none up: a directory in the upper layer is enough. */
function ensureParents(w: World, fs: Filesystem, path: string): void {
	const tree = writableTree(fs);
	for (let dir = parentPath(path); dir !== '/'; dir = parentPath(dir)) {
		if (!lookupFile(w, fs, dir) || (fs.kind === 'overlay' && !tree.has(dir))) tree.set(dir, {type: 'dir'});
	}
}

export function writeFile(w: World, fs: Filesystem, path: string, content: string, append = false): void {
	const existing = lookupFile(w, fs, path);
	const before = existing?.node.type === 'file' ? existing.node.content : '';
	ensureParents(w, fs, path);
	writableTree(fs).set(path, {type: 'file', content: append ? before + content : content});
}

export function makeDirectory(w: World, fs: Filesystem, path: string): void {
	ensureParents(w, fs, path);
	writableTree(fs).set(path, {type: 'dir'});
}

/** Removes a path (and, for a directory, what is under it); an overlay records whiteouts. */
export function removePath(w: World, fs: Filesystem, path: string): void {
	const tree = writableTree(fs);
	const prefix = path + '/';
	for (const key of [...tree.keys()]) if (key === path || key.startsWith(prefix)) tree.delete(key);
	if (fs.kind === 'overlay' && lookupFileInLower(w, fs, path)) tree.set(path, {type: 'whiteout'});
}

function lookupFileInLower(w: World, fs: Extract<Filesystem, {kind: 'overlay'}>, path: string): boolean {
	return fs.lower.some(id => {
		const node = w.layers.get(id)?.files.get(path);
		return node !== undefined && node.type !== 'whiteout';
	});
}
