// mkdir -p without Node's `recursive: true`, which spins forever under /proc (a path like
// XDG_CONFIG_HOME=/proc/nonexistent): each missing level is made in turn, and the first one that
// cannot be made is the answer.
import {mkdirSync, statSync} from 'node:fs';
import {dirname, resolve} from 'node:path';

export type FolderProblem = {path: string; reason: string};

/** Makes `path` and its missing parents; returns what stopped it, or undefined when it exists. */
export function makeFolder(path: string): FolderProblem | undefined {
	const full = resolve(path);
	const missing: string[] = [];
	for (let at = full; ; at = dirname(at)) {
		const stat = statSync(at, {throwIfNoEntry: false});
		if (stat) {
			if (!stat.isDirectory()) return {path: at, reason: 'not a folder'};
			break;
		}
		missing.unshift(at);
		if (dirname(at) === at) break;
	}
	for (const folder of missing) {
		try {
			mkdirSync(folder);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
			return {path: folder, reason: errorReason(error)};
		}
	}
	return undefined;
}

/** An fs error as the few words a learner can act on. */
export function errorReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	const words: Record<string, string> = {
		ENOENT: 'no such file or directory',
		EACCES: 'permission denied',
		EPERM: 'operation not permitted',
		EROFS: 'read-only file system',
		ENOSPC: 'no space left on device',
		ENOTDIR: 'not a folder',
		EDQUOT: 'disk quota exceeded',
		EISDIR: 'is a folder',
	};
	return (code && words[code]) ?? code?.toLowerCase() ?? (error as Error).message.split('\n')[0]!;
}
