// Reading and writing paths inside the simulated host, as the current shell frame sees them:
// virtual trees (/proc, /sys/fs/cgroup) first, then the frame's root filesystem.
import {produce} from 'immer';
import {lookupFile, listDirectory, makeDirectory, normalizePath, removePath, writeFile} from '../engine/host/filesystem.ts';
import {locatePath, type Location} from '../engine/host/mounts.ts';
import type {Filesystem, Host} from '../engine/host/types.ts';
import type {World} from '../engine/world.ts';
import {cgroupTree} from './commands/linux/cgroup-tree.ts';
import {procTree} from './commands/linux/proc-tree.ts';
import type {ShellFrame} from './types.ts';
import type {PathResult, VirtualTree} from './virtual-tree.ts';

export type {PathResult, VirtualTree} from './virtual-tree.ts';

/** Every virtual tree, the longest prefix first (listed here, not registered on import). */
const virtualTrees: readonly VirtualTree[] = [cgroupTree, procTree].sort((a, b) => b.prefix.length - a.prefix.length);

function treeFor(path: string): VirtualTree | undefined {
	return virtualTrees.find(t => path === t.prefix || path.startsWith(t.prefix + '/'));
}

export function frameHost(world: World, frame: ShellFrame): Host | undefined {
	return world.hosts.get(frame.host);
}

/** The filesystem mounted at / for the frame's mount namespace. */
export function frameFilesystem(world: World, frame: ShellFrame): Filesystem | undefined {
	const host = frameHost(world, frame);
	const proc = host?.processes.get(frame.pid);
	if (!host || !proc) return undefined;
	const rootfs = host.namespaces.get(proc.namespaces.mnt)?.rootfs ?? `${host.name}:/`;
	return host.filesystems.get(rootfs);
}

/** The filesystem and path a frame's (absolute, resolved) path lives at: through its mount namespace's volumes and bind mounts. */
export function frameLocation(world: World, frame: ShellFrame, path: string): Location | undefined {
	const host = frameHost(world, frame);
	const proc = host?.processes.get(frame.pid);
	if (!host || !proc) return undefined;
	return locatePath(host, proc.namespaces.mnt, path);
}

export function resolvePath(frame: ShellFrame, path: string): string {
	const home = frame.user === 'root' ? '/root' : `/home/${frame.user}`;
	const expanded = path === '~' ? home : path.startsWith('~/') ? home + path.slice(1) : path;
	return normalizePath(expanded, frame.cwd);
}

export function readPath(world: World, frame: ShellFrame, rawPath: string): {content: string} | {error: string} {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) {
		if (tree.isDirectory(world, frame, path)) return {error: 'Is a directory'};
		const content = tree.read(world, frame, path);
		return content === undefined ? {error: 'No such file or directory'} : {content};
	}
	const at = frameLocation(world, frame, path);
	const found = at && lookupFile(world, at.fs, at.path);
	if (!found) return {error: 'No such file or directory'};
	if (found.node.type === 'dir') return {error: 'Is a directory'};
	return found.node.type === 'file' ? {content: found.node.content} : {error: 'No such file or directory'};
}

export function pathKind(world: World, frame: ShellFrame, rawPath: string): 'file' | 'dir' | undefined {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) {
		if (tree.isDirectory(world, frame, path)) return 'dir';
		return tree.read(world, frame, path) === undefined ? undefined : 'file';
	}
	const at = frameLocation(world, frame, path);
	const found = at && lookupFile(world, at.fs, at.path);
	if (!found || found.node.type === 'whiteout') return undefined;
	return found.node.type;
}

export function listPath(world: World, frame: ShellFrame, rawPath: string): string[] | undefined {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) return tree.list(world, frame, path);
	const at = frameLocation(world, frame, path);
	if (!at) return undefined;
	const found = lookupFile(world, at.fs, at.path);
	if (!found || found.node.type !== 'dir') return undefined;
	const names = listDirectory(world, at.fs, at.path);
	// Virtual trees mounted below this directory show up as entries too.
	for (const t of virtualTrees) {
		const parent = t.prefix.slice(0, t.prefix.lastIndexOf('/')) || '/';
		if (parent === path) names.push(t.prefix.slice(parent.length + (parent === '/' ? 0 : 1)));
	}
	return [...new Set(names)].sort();
}

function parentExists(world: World, frame: ShellFrame, path: string): boolean {
	const parent = path.slice(0, path.lastIndexOf('/')) || '/';
	return pathKind(world, frame, parent) === 'dir';
}

export function writePath(world: World, frame: ShellFrame, rawPath: string, content: string, append: boolean): PathResult {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) {
		if (!tree.write) return {ok: false, error: 'Permission denied'};
		return tree.write(world, frame, path, content);
	}
	if (pathKind(world, frame, path) === 'dir') return {ok: false, error: 'Is a directory'};
	if (!parentExists(world, frame, path)) return {ok: false, error: 'No such file or directory'};
	return mutateFilesystem(world, frame, path, (fs, at) => writeFile(world, fs, at, content, append));
}

export function makeDirectoryPath(world: World, frame: ShellFrame, rawPath: string, parents: boolean): PathResult {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) {
		if (!tree.mkdir) return {ok: false, error: 'Permission denied'};
		return tree.mkdir(world, frame, path);
	}
	if (pathKind(world, frame, path)) return {ok: false, error: 'File exists'};
	if (!parents && !parentExists(world, frame, path)) return {ok: false, error: 'No such file or directory'};
	return mutateFilesystem(world, frame, path, (fs, at) => makeDirectory(world, fs, at));
}

export function removePathAt(world: World, frame: ShellFrame, rawPath: string): PathResult {
	const path = resolvePath(frame, rawPath);
	const tree = treeFor(path);
	if (tree) {
		if (!tree.remove) return {ok: false, error: 'Operation not permitted'};
		return tree.remove(world, frame, path);
	}
	if (!pathKind(world, frame, path)) return {ok: false, error: 'No such file or directory'};
	return mutateFilesystem(world, frame, path, (fs, at) => removePath(world, fs, at));
}

function mutateFilesystem(world: World, frame: ShellFrame, path: string, change: (fs: Filesystem, path: string) => void): PathResult {
	const at = frameLocation(world, frame, path);
	if (!at) return {ok: false, error: 'No such file or directory'};
	if (at.readOnly) return {ok: false, error: 'Read-only file system'};
	const next = produce(world, w => {
		const host = w.hosts.get(frame.host)!;
		const draftFs = host.filesystems.get(at.fs.id)!;
		// The overlay lookups read layers from the draft world, which is the same content.
		change(draftFs as Filesystem, at.path);
	});
	return {ok: true, world: next};
}
