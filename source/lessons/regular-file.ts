// Reading one file of the learner's real machine safely: only a regular file (after resolving
// symlinks), never more than `limit` bytes (counted on what is read, as /proc files and devices
// report size 0), and never blocking (a FIFO or a terminal is refused before it is opened for
// reading, and opened with O_NONBLOCK in case it was swapped in between).
import {closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync} from 'node:fs';
import {sep} from 'node:path';
import type {DiskRead} from '../shell/types.ts';

const chunkBytes = 64 * 1024;

/** `within`: when given, the file's real path (symlinks resolved) must lie inside this folder. */
export function readRegularFile(path: string, limit: number, within?: string): DiskRead {
	let real: string;
	try {
		real = realpathSync(path);
	} catch (error) {
		return failure(error, 'missing');
	}
	if (within !== undefined && !isInside(real, within)) return {ok: false, problem: 'outside', message: 'outside the folder k8s-tutor started in (type an absolute path to read a file elsewhere)'};
	try {
		const stat = statSync(real);
		if (stat.isDirectory()) return {ok: false, problem: 'directory', message: 'is a directory'};
		if (!stat.isFile()) return {ok: false, problem: 'not-regular', message: 'not a regular file (a device, pipe or socket); only regular files are read'};
		if (stat.size > limit) return tooLarge(limit);
	} catch (error) {
		return failure(error, 'unreadable');
	}
	let fd: number;
	try {
		fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
	} catch (error) {
		return failure(error, 'unreadable');
	}
	try {
		if (!fstatSync(fd).isFile()) return {ok: false, problem: 'not-regular', message: 'not a regular file (a device, pipe or socket); only regular files are read'};
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const chunk = Buffer.allocUnsafe(chunkBytes);
			const read = readSync(fd, chunk, 0, chunkBytes, null);
			if (read === 0) break;
			total += read;
			if (total > limit) return tooLarge(limit);
			chunks.push(chunk.subarray(0, read));
		}
		return {ok: true, content: Buffer.concat(chunks, total).toString('utf8')};
	} catch (error) {
		return failure(error, 'unreadable');
	} finally {
		closeSync(fd);
	}
}

/** Whether `path` (already resolved) is `folder` or inside it, with the folder's own symlinks resolved. */
export function isInside(path: string, folder: string): boolean {
	let root: string;
	try {
		root = realpathSync(folder);
	} catch {
		root = folder;
	}
	return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function tooLarge(limit: number): DiskRead {
	return {ok: false, problem: 'too-large', message: `larger than ${Math.round(limit / 1024 / 1024)} MiB, the most k8s-tutor reads from one file`};
}

function failure(error: unknown, fallback: 'missing' | 'unreadable'): DiskRead {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return {ok: false, problem: 'missing', message: 'no such file or directory'};
	if (code === 'EACCES' || code === 'EPERM') return {ok: false, problem: 'unreadable', message: 'permission denied'};
	if (code === 'ELOOP') return {ok: false, problem: 'unreadable', message: 'too many levels of symbolic links'};
	if (code === 'EISDIR') return {ok: false, problem: 'directory', message: 'is a directory'};
	return {ok: false, problem: fallback, message: (code && errnoText[code]) ?? (code ? code.toLowerCase() : (error as Error).message)};
}

/** strerror's words, as Go and coreutils print them (kubectl: "read /proc/self/mem: input/output error"). */
const errnoText: Record<string, string> = {
	EIO: 'input/output error', EINVAL: 'invalid argument', ENXIO: 'no such device or address', EAGAIN: 'resource temporarily unavailable',
	ENAMETOOLONG: 'file name too long', EMFILE: 'too many open files', ENFILE: 'too many open files in system', EBUSY: 'device or resource busy',
	ENODEV: 'no such device', EOVERFLOW: 'value too large for defined data type', ESRCH: 'no such process', ETXTBSY: 'text file busy',
};
