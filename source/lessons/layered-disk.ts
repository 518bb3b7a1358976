import {readDisk} from '../shell/read-disk.ts';
import type {HostDisk} from '../shell/types.ts';

/** The lesson's own files (files/ of its folder) over the learner's real disk: a lesson's Dockerfile wins. */
export function layeredDisk(top: HostDisk, bottom: HostDisk): HostDisk {
	const layered: HostDisk = {
		readFile: path => top.readFile(path) ?? bottom.readFile(path),
		read(path) {
			const content = top.readFile(path);
			return content !== undefined ? {ok: true, content} : readDisk(bottom, path);
		},
		isDirectory: path => top.isDirectory(path) || bottom.isDirectory(path),
		listDirectory: path => [...new Set([...top.listDirectory(path), ...bottom.listDirectory(path)])].sort(),
		scope: path => (top.listDirectory(path).length > 0 ? top : layered),
		displayPath: path => bottom.displayPath?.(path) ?? path,
	};
	return layered;
}
