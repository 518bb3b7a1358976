// Mounts inside a mount namespace: a directory of the namespace's tree served by another
// filesystem (a docker volume, a bind-mounted host directory, a pod's emptyDir). A path resolves
// through the longest mount whose target contains it, else through the namespace's root.
import type {Filesystem, Host} from './types.ts';

export type Mount = {
	target: string; // where it appears, "/data"
	fs: string; // the filesystem id in host.filesystems
	prefix: string; // the directory of that filesystem it shows ("" for all of it, "/srv/www" for a bind mount)
	readOnly?: boolean;
};

export type Location = {fs: Filesystem; path: string; readOnly: boolean};

/** Where `path` (absolute, normalized) lives for a process in mount namespace `mntNs`. */
export function locatePath(host: Host, mntNs: number, path: string): Location | undefined {
	const ns = host.namespaces.get(mntNs);
	let best: Mount | undefined;
	for (const m of ns?.mounts ?? []) {
		if ((path === m.target || path.startsWith(m.target + '/')) && (!best || m.target.length > best.target.length)) best = m;
	}
	if (best) {
		const fs = host.filesystems.get(best.fs);
		if (fs) return {fs, path: (best.prefix + path.slice(best.target.length)).replace(/\/+$/, '') || '/', readOnly: best.readOnly === true};
	}
	const root = host.filesystems.get(ns?.rootfs ?? `${host.name}:/`);
	return root ? {fs: root, path, readOnly: false} : undefined;
}
