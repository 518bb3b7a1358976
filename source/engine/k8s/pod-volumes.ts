// A pod's volumes as its containers see them: an emptyDir is one directory on the node shared by
// every container that mounts it (and gone with the pod); a hostPath shows a directory of the
// node's own filesystem. A pod's containers otherwise have separate filesystems.
import {lookupFile, makeDirectory, normalizePath} from '../host/filesystem.ts';
import type {Mount} from '../host/mounts.ts';
import type {Host} from '../host/types.ts';
import type {World} from '../world.ts';
import type {Pod} from './kinds.ts';

type VolumeSpec = {name: string; emptyDir?: object; hostPath?: {path: string}};
type VolumeMountSpec = {name: string; mountPath: string; readOnly?: boolean; subPath?: string};

function emptyDirFs(host: Host, pod: Pod, volume: string): string {
	return `${host.name}:pod:${pod.metadata.uid}:${volume}`;
}

/** The mounts of one container of the pod, creating its emptyDir directories on first use. Call on a draft. */
export function podContainerMounts(w: World, host: Host, pod: Pod, containerName: string): Mount[] {
	const spec = pod.spec as {volumes?: VolumeSpec[]; containers?: {name: string; volumeMounts?: VolumeMountSpec[]}[]} | undefined;
	const container = spec?.containers?.find(c => c.name === containerName);
	const mounts: Mount[] = [];
	for (const m of container?.volumeMounts ?? []) {
		const volume = spec?.volumes?.find(v => v.name === m.name);
		if (!volume || typeof m.mountPath !== 'string' || !m.mountPath.startsWith('/')) continue;
		const sub = m.subPath ? `/${m.subPath}`.replace(/\/+$/, '') : '';
		if (volume.emptyDir) {
			const id = emptyDirFs(host, pod, volume.name);
			if (!host.filesystems.has(id)) host.filesystems.set(id, {id, kind: 'plain', files: new Map()});
			mounts.push({target: normalizePath(m.mountPath), fs: id, prefix: sub, readOnly: m.readOnly === true});
		} else if (volume.hostPath?.path) {
			const root = host.filesystems.get(`${host.name}:/`);
			const path = normalizePath(volume.hostPath.path + sub);
			if (root && !lookupFile(w, root, path)) makeDirectory(w, root, path);
			mounts.push({target: normalizePath(m.mountPath), fs: `${host.name}:/`, prefix: path === '/' ? '' : path, readOnly: m.readOnly === true});
		}
	}
	return mounts;
}

/** The pod is gone: its emptyDir volumes go with it. Call on a draft. */
export function releasePodVolumes(host: Host | undefined, pod: Pod | undefined): void {
	if (!host || !pod) return;
	const prefix = `${host.name}:pod:${pod.metadata.uid}:`;
	for (const id of [...host.filesystems.keys()]) if (id.startsWith(prefix)) host.filesystems.delete(id);
}
