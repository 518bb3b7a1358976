import {readdirSync, readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import type {HostDisk} from '../shell/types.ts';

/** Files on the learner's real disk, relative to the directory the tutor started in. */
export function realDisk(root: string): HostDisk {
	const at = (path: string) => resolve(root, path);
	return {
		readFile(path) {
			try {
				const full = at(path);
				if (statSync(full).size > 2 * 1024 * 1024) return undefined;
				return readFileSync(full, 'utf8');
			} catch {
				return undefined;
			}
		},
		isDirectory(path) {
			try {
				return statSync(at(path)).isDirectory();
			} catch {
				return false;
			}
		},
		listDirectory(path) {
			try {
				return readdirSync(at(path)).sort();
			} catch {
				return [];
			}
		},
		displayPath: path => at(path),
	};
}
