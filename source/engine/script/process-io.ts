// A script process's view of the world: its mount namespace's root filesystem, its image's
// programs, its host name and pid, as the ScriptIo the interpreter runs against.
import {current, isDraft} from 'immer';
import {listDirectory, lookupFile, makeDirectory, parentPath, removePath, writeFile} from '../host/filesystem.ts';
import {locatePath} from '../host/mounts.ts';
import type {Filesystem, Host, Process} from '../host/types.ts';
import {worldEpoch, type World} from '../world.ts';
import type {ExternalProgramRunner} from './external-programs.ts';
import type {ShellDialect} from './run-script.ts';
import type {ScriptIo} from './script-io.ts';

export function processFilesystem(host: Host, process: Process): Filesystem | undefined {
	const rootfs = host.namespaces.get(process.namespaces.mnt)?.rootfs ?? `${host.name}:/`;
	return host.filesystems.get(rootfs);
}

/** Which shell `sh` is in this filesystem: busybox's ash, Debian's dash, or bash when asked for. */
export function shellDialect(w: World, fs: Filesystem | undefined, argv0: string): ShellDialect {
	if (argv0.split('/').pop() === 'bash') return 'bash';
	if (fs && lookupFile(w, fs, '/bin/busybox')) return 'ash';
	return 'dash';
}

export function scriptIo(w: World, host: Host, process: Process, programs: ExternalProgramRunner): ScriptIo {
	// Paths resolve through the mount namespace: volumes and bind mounts, else the container's root.
	const at = (path: string) => locatePath(host, process.namespaces.mnt, path);
	const kind = (path: string) => {
		const where = at(path);
		const found = where && lookupFile(w, where.fs, where.path);
		return found && found.node.type !== 'whiteout' ? found.node.type : undefined;
	};
	const writable = (path: string) => {
		const where = at(path);
		if (!where) return 'No such file or directory';
		return where.readOnly ? 'Read-only file system' : where;
	};
	const uts = host.namespaces.get(process.namespaces.uts);
	return {
		epochMs: worldEpoch,
		hostname: uts?.hostname ?? host.name,
		pid: process.nsPids[process.namespaces.pid] ?? process.pid,
		read(path) {
			const where = at(path);
			const found = where && lookupFile(w, where.fs, where.path);
			if (!found) return {error: 'No such file or directory'};
			if (found.node.type === 'dir') return {error: 'Is a directory'};
			return found.node.type === 'file' ? {content: found.node.content} : {error: 'No such file or directory'};
		},
		kind,
		write(path, content, append) {
			if (kind(path) === 'dir') return 'Is a directory';
			if (kind(parentPath(path)) !== 'dir') return 'nonexistent directory';
			const where = writable(path);
			if (typeof where === 'string') return where;
			writeFile(w, where.fs, where.path, content, append);
			return undefined;
		},
		mkdir(path) {
			const where = writable(path);
			if (typeof where === 'string') return where;
			makeDirectory(w, where.fs, where.path);
			return undefined;
		},
		remove(path) {
			const where = writable(path);
			if (typeof where === 'string') return where;
			removePath(w, where.fs, where.path);
			return undefined;
		},
		list(path) {
			const where = at(path);
			return where && kind(path) === 'dir' ? listDirectory(w, where.fs, where.path) : undefined;
		},
		hasProgram(program, path) {
			const candidates = program.includes('/') ? [program] : path.split(':').map(dir => `${dir}/${program}`);
			return candidates.some(candidate => kind(candidate) === 'file');
		},
		external(argv, stdin, env, cwd) {
			const snapshot = isDraft(w) ? current(w) : w;
			return programs(snapshot, {host: host.name, pid: process.pid, user: process.user, argv, stdin, env, cwd});
		},
	};
}
