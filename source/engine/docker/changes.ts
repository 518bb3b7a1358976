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
	return changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
