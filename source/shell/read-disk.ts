import type {DiskRead, HostDisk} from './types.ts';

/** A disk's read with its reason, for disks that only answer readFile (tests, a lesson's files). */
export function readDisk(disk: HostDisk, path: string): DiskRead {
	if (disk.read) return disk.read(path);
	const content = disk.readFile(path);
	if (content !== undefined) return {ok: true, content};
	return disk.isDirectory(path) ? {ok: false, problem: 'directory', message: 'is a directory'} : {ok: false, problem: 'missing', message: 'no such file or directory'};
}
