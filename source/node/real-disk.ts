import {readdirSync, realpathSync, statSync} from 'node:fs';
import {isAbsolute, resolve} from 'node:path';
import type {DiskRead, HostDisk} from '../shell/types.ts';
import {isInside, readRegularFile} from '../lessons/regular-file.ts';

/** The most the shell reads from one real file (a manifest, a file of a build context). */
export const realFileLimit = 4 * 1024 * 1024;

/**
 * Files on the learner's real disk, relative to the directory the tutor started in. A relative
 * path stays inside that folder (symlinks resolved); an absolute path, typed on purpose, may go
 * anywhere. Only regular files are read, bounded, never blocking (regular-file.ts).
 */
export function realDisk(root: string): HostDisk {
	const at = (path: string) => resolve(root, path);
	/** The real path of a folder the shell may look into, or undefined. */
	const folder = (path: string): string | undefined => {
		try {
			const real = realpathSync(at(path));
			if (!isAbsolute(path) && !isInside(real, root)) return undefined;
			return statSync(real).isDirectory() ? real : undefined;
		} catch {
			return undefined;
		}
	};
	const read = (path: string): DiskRead => readRegularFile(at(path), realFileLimit, isAbsolute(path) ? undefined : root);
	return {
		read,
		readFile(path) {
			const result = read(path);
			return result.ok ? result.content : undefined;
		},
		isDirectory: path => folder(path) !== undefined,
		listDirectory(path) {
			const real = folder(path);
			if (!real) return [];
			try {
				return readdirSync(real).sort();
			} catch {
				return [];
			}
		},
		displayPath: path => at(path),
	};
}
