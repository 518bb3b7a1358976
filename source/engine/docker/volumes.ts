// Docker volumes and bind mounts. A named volume is a filesystem of its own on the host (its data
// under /var/lib/docker/volumes/NAME/_data), so files written through it outlive the container and
// are seen by every container that mounts it; a bind mount shows a directory of the host's own
// filesystem. Mounting an empty named volume over a directory the image fills copies that
// content in first, as docker does.
import {recordEvent} from '../events.ts';
import {listDirectory, lookupFile, makeDirectory, normalizePath} from '../host/filesystem.ts';
import type {Mount} from '../host/mounts.ts';
import type {FileNode, Filesystem, Host} from '../host/types.ts';
import {randomHex} from '../rng.ts';
import type {World} from '../world.ts';
import type {Container, DockerDaemon, Volume} from './types.ts';

export type {Volume} from './types.ts';

/** A -v request: a volume (named or anonymous) or a host directory, at an absolute path in the container. */
export type MountSpec = {type: 'volume' | 'bind'; source: string; destination: string; readOnly: boolean};

export const volumeNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function volumeFsId(name: string): string {
	return `volume:${name}`;
}

export function volumeMountpoint(name: string): string {
	return `/var/lib/docker/volumes/${name}/_data`;
}

/** Parses `-v` values: NAME:/path[:ro], /host/path:/path[:ro|rw], /path (anonymous). */
export function parseVolumeFlag(value: string): MountSpec | {error: string} {
	const parts = value.split(':');
	const mode = parts.length === 3 ? parts[2]! : '';
	if (parts.length > 3 || (parts.length === 3 && !/^(ro|rw|z|Z)(,(ro|rw|z|Z))*$/.test(mode))) return {error: `invalid volume specification: '${value}'`};
	if (parts.length === 1) {
		if (!value.startsWith('/')) return {error: `invalid volume specification: '${value}': invalid mount config for type "volume": invalid mount path: '${value}' mount path must be absolute`};
		return {type: 'volume', source: '', destination: normalizePath(value), readOnly: false};
	}
	const [source, destination] = parts as [string, string];
	if (!destination.startsWith('/')) return {error: `invalid volume specification: '${value}': invalid mount config for type "${source.startsWith('/') ? 'bind' : 'volume'}": invalid mount path: '${destination}' mount path must be absolute`};
	const readOnly = mode.split(',').includes('ro');
	if (source.startsWith('/')) return {type: 'bind', source: normalizePath(source), destination: normalizePath(destination), readOnly};
	if (!volumeNamePattern.test(source)) {
		return {error: `create ${source}: "${source}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`};
	}
	return {type: 'volume', source, destination: normalizePath(destination), readOnly};
}

/** Creates a volume (docker volume create, or a -v that names one that does not exist yet). Call on a draft. */
export function createVolume(w: World, hostName: string, name: string | undefined, labels: Record<string, string> = {}, anonymous = false): Volume | {error: string} {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	if (!daemon || !host) return {error: `no docker daemon on ${hostName}`};
	const volumeName = name ?? randomHex(w, 64);
	if (!volumeNamePattern.test(volumeName)) return {error: `create ${volumeName}: "${volumeName}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`};
	daemon.volumes ??= new Map();
	const existing = daemon.volumes.get(volumeName);
	if (existing) return existing;
	const volume: Volume = {name: volumeName, driver: 'local', created: w.time, labels, ...(anonymous ? {anonymous} : {})};
	daemon.volumes.set(volumeName, volume);
	host.filesystems.set(volumeFsId(volumeName), {id: volumeFsId(volumeName), kind: 'plain', files: new Map()});
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Created', object: `volume/${volumeName}`, message: `Created volume ${volumeName}`, host: hostName});
	return volume;
}

/** The containers (ids) that mount a volume. */
export function volumeUsers(daemon: DockerDaemon, name: string): string[] {
	return [...daemon.containers.values()].filter(c => c.mounts?.some(m => m.type === 'volume' && m.name === name)).map(c => c.id);
}

/** docker volume rm: refused while a container (even a stopped one) uses it. Call on a draft. */
export function removeVolume(w: World, hostName: string, name: string, force = false): {ok: true} | {ok: false; error: string} {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const volume = daemon?.volumes?.get(name);
	if (!daemon || !host || !volume) return {ok: false, error: `get ${name}: no such volume`};
	const users = volumeUsers(daemon, name);
	if (users.length > 0 && !force) return {ok: false, error: `remove ${name}: volume is in use - [${users.join(', ')}]`};
	daemon.volumes!.delete(name);
	host.filesystems.delete(volumeFsId(name));
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Removed', object: `volume/${name}`, message: `Removed volume ${name}`, host: hostName});
	return {ok: true};
}

/** Resolves a container's -v requests into its mounts, creating volumes and bind-source directories as dockerd does. Call on a draft. */
export function prepareMounts(w: World, hostName: string, specs: MountSpec[]): NonNullable<Container['mounts']> | {error: string} {
	const host = w.hosts.get(hostName)!;
	const mounts: NonNullable<Container['mounts']> = [];
	for (const spec of specs) {
		if (spec.type === 'bind') {
			const root = host.filesystems.get(`${hostName}:/`);
			if (root && !lookupFile(w, root, spec.source)) makeDirectory(w, root, spec.source);
			mounts.push({type: 'bind', source: spec.source, destination: spec.destination, readOnly: spec.readOnly});
			continue;
		}
		const volume = createVolume(w, hostName, spec.source || undefined, {}, spec.source === '');
		if ('error' in volume) return volume;
		mounts.push({type: 'volume', name: volume.name, source: volumeMountpoint(volume.name), destination: spec.destination, readOnly: spec.readOnly});
	}
	return mounts;
}

/** The mount table entries of a container's mount namespace; an empty named volume first receives what the image has there. Call on a draft. */
export function mountTable(w: World, host: Host, container: Container, rootfs: Filesystem | undefined): Mount[] {
	const out: Mount[] = [];
	for (const m of container.mounts ?? []) {
		if (m.type === 'bind') {
			out.push({target: m.destination, fs: `${host.name}:/`, prefix: m.source === '/' ? '' : m.source, readOnly: m.readOnly});
			continue;
		}
		const fs = host.filesystems.get(volumeFsId(m.name!));
		if (fs?.kind === 'plain' && fs.files.size === 0 && rootfs) copyUp(w, rootfs, m.destination, fs.files);
		out.push({target: m.destination, fs: volumeFsId(m.name!), prefix: '', readOnly: m.readOnly});
	}
	return out;
}

function copyUp(w: World, rootfs: Filesystem, dir: string, into: Map<string, FileNode>): void {
	const queue = [dir];
	let copied = 0;
	while (queue.length > 0 && copied < 2000) {
		const current = queue.shift()!;
		const found = lookupFile(w, rootfs, current);
		if (!found || found.node.type !== 'dir') continue;
		for (const name of listDirectory(w, rootfs, current)) {
			const path = `${current === '/' ? '' : current}/${name}`;
			const node = lookupFile(w, rootfs, path)?.node;
			if (!node || node.type === 'whiteout') continue;
			into.set(path.slice(dir.length) || '/', {...node});
			copied++;
			if (node.type === 'dir') queue.push(path);
		}
	}
}
