// GET /system/df: what `docker system df` adds up (layers, images and their sharing, containers' writable layers, volumes).
import {imageSize} from '../engine/docker/images.ts';
import {containerChanges} from '../engine/docker/runtime.ts';
import {volumeFsId, volumeMountpoint, volumeUsers} from '../engine/docker/volumes.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import {lookupFile} from '../engine/host/filesystem.ts';
import type {World} from '../engine/world.ts';
import {containerSummary} from './containers-json.ts';
import {imageSummary} from './images-json.ts';

export function diskUsage(world: World, host: string, daemon: DockerDaemon, offsetMs: number): object {
	const layerSize = (id: string) => world.layers.get(id)?.sizeBytes ?? 0;
	const images = [...daemon.images.values()].filter(i => !i.intermediate);
	const containers = [...daemon.containers.values()];
	const upperSize = (c: (typeof containers)[number]) => {
		const fs = world.hosts.get(host)?.filesystems.get(c.rootfs);
		if (!fs || fs.kind !== 'overlay') return 0;
		let size = 0;
		for (const change of containerChanges(world, host, c)) {
			const found = change.kind === 'D' ? undefined : lookupFile(world, fs, change.path);
			if (found?.node.type === 'file') size += found.node.content.length;
		}
		return size;
	};
	const volumeSize = (name: string) => {
		const fs = world.hosts.get(host)?.filesystems.get(volumeFsId(name));
		return fs?.kind === 'plain' ? [...fs.files.values()].reduce((sum, node) => sum + (node.type === 'file' ? node.content.length : 0), 0) : 0;
	};
	return {
		LayersSize: [...daemon.layers].reduce((s, id) => s + layerSize(id), 0),
		Images: images.map(image => ({
			...imageSummary(world, daemon, image, offsetMs),
			SharedSize: image.layers.filter(l => images.some(o => o.id !== image.id && o.layers.includes(l))).reduce((s, l) => s + layerSize(l), 0),
			Containers: containers.filter(c => c.image === image.id).length,
			Size: imageSize(world, image),
		})),
		Containers: containers.map(c => ({...containerSummary(world, daemon, c, offsetMs), SizeRw: upperSize(c), SizeRootFs: upperSize(c) + (daemon.images.get(c.image) ? imageSize(world, daemon.images.get(c.image)!) : 0)})),
		Volumes: [...(daemon.volumes?.values() ?? [])].map(v => ({Name: v.name, Driver: v.driver, Mountpoint: volumeMountpoint(v.name), Labels: v.labels, Scope: 'local', Options: null, UsageData: {Size: volumeSize(v.name), RefCount: volumeUsers(daemon, v.name).length}})),
		BuildCache: [],
	};
}
