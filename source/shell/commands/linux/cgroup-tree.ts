// /sys/fs/cgroup as the caller sees it: its cgroup namespace's root as "/", groups as
// directories, the kernel's interface files inside. Writes go through the engine's parser.
import {produce} from 'immer';
import {childGroups, cgroupFileNames, errnoText, makeCgroup, readCgroupFile, removeCgroup, writeCgroupFile} from '../../../engine/host/cgroup-files.ts';
import {normalizeCgroupPath} from '../../../engine/host/cgroups.ts';
import type {Host, Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import type {PathResult, VirtualTree} from '../../virtual-tree.ts';
import type {ShellFrame} from '../../types.ts';
import {callerOf} from './context.ts';

export const cgroupMount = '/sys/fs/cgroup';

/** The cgroup path that the caller's cgroup namespace shows as the root. */
function viewRoot(host: Host, p: Process): string {
	return host.namespaces.get(p.namespaces.cgroup)?.cgroupRoot ?? '/';
}

/** Splits /sys/fs/cgroup/a/b/memory.max into the host group path and the file, if it names one. */
export function locate(world: World, frame: ShellFrame, path: string): {host: Host; process: Process; group: string; file?: string} | undefined {
	const caller = callerOf(world, frame);
	if (!caller) return undefined;
	const root = viewRoot(caller.host, caller.process);
	const rel = path.slice(cgroupMount.length);
	const full = normalizeCgroupPath(`${root}/${rel}`);
	if (caller.host.cgroups.has(full)) return {host: caller.host, process: caller.process, group: full};
	const slash = full.lastIndexOf('/');
	const group = full.slice(0, slash) || '/';
	return {host: caller.host, process: caller.process, group, file: full.slice(slash + 1)};
}

function isRoot(host: Host, p: Process): boolean {
	return p.uid === 0 && p.namespaces.user === host.initNamespaces.user;
}

function change(world: World, frame: ShellFrame, fn: (w: World, host: Host) => string | undefined): PathResult {
	let error: string | undefined;
	const next = produce(world, w => {
		error = fn(w, w.hosts.get(frame.host)!);
	});
	return error ? {ok: false, error} : {ok: true, world: next};
}

export const cgroupTree: VirtualTree = {
	prefix: cgroupMount,
	isDirectory(world, frame, path) {
		const at = locate(world, frame, path);
		return !!at && at.file === undefined;
	},
	list(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at || at.file !== undefined) return undefined;
		return [...cgroupFileNames(at.host, at.group), ...childGroups(at.host, at.group)].sort();
	},
	read(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at || at.file === undefined || !at.host.cgroups.has(at.group)) return undefined;
		const readerNs = at.process.namespaces.pid;
		return readCgroupFile(at.host, at.group, at.file, p => p.nsPids[readerNs]);
	},
	write(world, frame, path, content) {
		const at = locate(world, frame, path);
		if (!at || at.file === undefined || !at.host.cgroups.has(at.group) || !cgroupFileNames(at.host, at.group).includes(at.file)) return {ok: false, error: 'No such file or directory'};
		if (!isRoot(at.host, at.process)) return {ok: false, error: 'Permission denied'};
		const writerNs = at.process.namespaces.pid;
		const writerPid = frame.pid;
		return change(world, frame, (w, host) => {
			const errno = writeCgroupFile(w, host, at.group, at.file!, content, {
				resolvePid: pid => {
					if (pid === 0) return host.processes.get(writerPid);
					for (const p of host.processes.values()) if (p.nsPids[writerNs] === pid) return p;
					return undefined;
				},
				component: 'kernel',
			});
			if (!errno) return undefined;
			// Opening a read-only file fails at open(); anything else is the write() that bash reports.
			return errno === 'EACCES' ? 'Permission denied' : `write error: ${errnoText[errno]}`;
		});
	},
	mkdir(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at) return {ok: false, error: 'No such file or directory'};
		if (at.file === undefined) return {ok: false, error: 'File exists'};
		if (cgroupFileNames(at.host, at.group).includes(at.file)) return {ok: false, error: 'File exists'};
		if (!isRoot(at.host, at.process)) return {ok: false, error: 'Permission denied'};
		const full = at.group === '/' ? `/${at.file}` : `${at.group}/${at.file}`;
		return change(world, frame, (w, host) => {
			const errno = makeCgroup(w, host, full);
			return errno ? errnoText[errno] : undefined;
		});
	},
	remove(world, frame, path) {
		const at = locate(world, frame, path);
		if (!at) return {ok: false, error: 'No such file or directory'};
		if (at.file !== undefined) return {ok: false, error: at.host.cgroups.has(at.group) && cgroupFileNames(at.host, at.group).includes(at.file) ? 'Operation not permitted' : 'No such file or directory'};
		if (!isRoot(at.host, at.process)) return {ok: false, error: 'Permission denied'};
		return change(world, frame, (w, host) => {
			const errno = removeCgroup(w, host, at.group);
			return errno ? errnoText[errno] : undefined;
		});
	},
};
