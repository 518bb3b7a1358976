// Where a Linux command runs decides which program it is: inside a busybox or alpine container
// the applet of /bin/busybox (linked with musl in alpine), on an Ubuntu host the GNU, procps or
// iputils tool. The commands with two wordings ask here.
import {lookupFile} from '../../../engine/host/filesystem.ts';
import {processFilesystem} from '../../../engine/script/process-io.ts';
import type {World} from '../../../engine/world.ts';
import type {ShellFrame} from '../../types.ts';

function callerFilesystem(world: World, frame: ShellFrame) {
	const host = world.hosts.get(frame.host);
	const process = host?.processes.get(frame.pid);
	return host && process ? processFilesystem(host, process) : undefined;
}

export function usesBusybox(world: World, frame: ShellFrame): boolean {
	return busyboxVersion(world, frame) !== undefined;
}

/** The version of the caller's /bin/busybox ("1.28.4"), or undefined without one. */
export function busyboxVersion(world: World, frame: ShellFrame): string | undefined {
	const fs = callerFilesystem(world, frame);
	const found = fs ? lookupFile(world, fs, '/bin/busybox') : undefined;
	if (!found) return undefined;
	return (found.node.type === 'file' && /BusyBox v(\d+\.\d+(?:\.\d+)?)/.exec(found.node.content)?.[1]) || '1.36.1';
}

/** alpine: busybox linked with musl (its loader is there), whose getopt words differ from glibc's. */
export function linkedWithMusl(world: World, frame: ShellFrame): boolean {
	const fs = callerFilesystem(world, frame);
	return fs !== undefined && lookupFile(world, fs, '/lib/ld-musl-x86_64.so.1') !== undefined;
}
