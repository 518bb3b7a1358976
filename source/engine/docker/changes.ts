// `docker diff`: what a container's writable layer changed compared with its image.
import {lookupFile} from '../host/filesystem.ts';
import type {Filesystem} from '../host/types.ts';
import type {World} from '../world.ts';
import type {Container} from './types.ts';

export type Change = {kind: 'A' | 'C' | 'D'; path: string};

/** `docker diff`: what the container's writable layer adds (A), changes (C) or deletes (D). */
export function containerChanges(w: World, hostName: string, container: Container): Change[] {
	const fs = w.hosts.get(hostName)?.filesystems.get(container.rootfs);
	if (!fs || fs.kind !== 'overlay') return [];
	const lowerOnly: Filesystem = {id: 'lower', kind: 'overlay', lower: fs.lower.filter(id => !id.endsWith('-init')), upper: new Map()};
	const changes: Change[] = [];
	for (const [path, node] of fs.upper) {
		if (node.type === 'whiteout') changes.push({kind: 'D', path});
		else changes.push({kind: lookupFile(w, lowerOnly, path) ? 'C' : 'A', path});
	}
	// The folders above a change are in the upper layer too (overlayfs makes them to hold the file or
	// its whiteout), and docker lists them as changed: `rm /etc/issue` shows `C /etc`, then `D /etc/issue`.
	const listed = new Set(changes.map(c => c.path));
	for (const {path} of [...changes]) {
		for (let dir = parentOf(path); dir !== '/' && !listed.has(dir); dir = parentOf(dir)) {
			listed.add(dir);
			changes.push({kind: 'C', path: dir});
		}
	}
	return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';
