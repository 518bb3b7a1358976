// What the docker depth shows: each Docker host's images (with their layers) and containers
// (with their writable layer), and the registry's repositories.
import type {FileNode} from '../../../engine/host/types.ts';
import type {Image} from '../../../engine/docker/types.ts';
import type {World} from '../../../engine/world.ts';

export type ImageRow = {id: string; imageId: string; host: string; tags: string[]; layers: string[]; sizeBytes: number};
export type ContainerRow = {
	id: string; // "container:host/id"
	containerId: string;
	host: string;
	name: string;
	image: string; // as typed
	state: string; // running, exited (0), created...
	writableFiles: number;
	writableBytes: number;
};
export type DockerHostRow = {host: string; running: boolean; clusterNode: boolean; images: ImageRow[]; containers: ContainerRow[]};
export type RegistryRow = {id: string; repository: string; tags: string[]; imageIds: number; layers: number};
export type DockerView = {hosts: DockerHostRow[]; registry: {host: string; repositories: RegistryRow[]; layerCount: number}};

export function imageSize(world: World, image: Image): number {
	return image.layers.reduce((sum, id) => sum + (world.layers.get(id)?.sizeBytes ?? 0), 0);
}

/** Files and bytes a container wrote over its image: its overlay's upper directory. */
export function writableLayer(world: World, hostName: string, rootfs: string): {files: number; bytes: number} {
	const fs = world.hosts.get(hostName)?.filesystems.get(rootfs);
	if (!fs || fs.kind !== 'overlay') return {files: 0, bytes: 0};
	let files = 0;
	let bytes = 0;
	for (const node of fs.upper.values() as Iterable<FileNode>) {
		if (node.type === 'dir') continue;
		files++;
		if (node.type === 'file') bytes += node.content.length;
	}
	return {files, bytes};
}

/** "k8s_kubia_kubia-7x2kq_default_<uid>_0" (the kubelet's docker naming) reads as "kubia-7x2kq/kubia". */
export function kubeletContainerName(name: string): string {
	const m = name.match(/^k8s_([^_]+)_([^_]+)_([^_]+)_[^_]+_(\d+)$/);
	if (!m) return name;
	return m[1] === 'POD' ? `${m[2]}/pause` : `${m[2]}/${m[1]}`;
}

export function dockerView(world: World): DockerView {
	const hosts: DockerHostRow[] = [];
	for (const [hostName, daemon] of world.dockers) {
		const tagsOf = new Map<string, string[]>();
		for (const [ref, imageId] of daemon.tags) {
			let list = tagsOf.get(imageId);
			if (!list) tagsOf.set(imageId, (list = []));
			list.push(ref);
		}
		// Untagged parents are a build's intermediate steps: `docker images` hides them too.
		const parents = new Set([...daemon.images.values()].map(image => image.parent).filter(Boolean));
		const images: ImageRow[] = [...daemon.images.values()]
			.filter(image => tagsOf.has(image.id) || !parents.has(image.id))
			.map(image => ({
			id: `image:${hostName}/${image.id}`,
			imageId: image.id,
			host: hostName,
			tags: (tagsOf.get(image.id) ?? ['<none>']).sort(),
			layers: image.layers,
			sizeBytes: imageSize(world, image),
		}));
		images.sort((a, b) => a.tags[0]!.localeCompare(b.tags[0]!));
		const containers: ContainerRow[] = [...daemon.containers.values()]
			.map(c => {
				const writable = writableLayer(world, hostName, c.rootfs);
				return {
					id: `container:${hostName}/${c.id}`,
					containerId: c.id,
					host: hostName,
					name: kubeletContainerName(c.name),
					image: c.imageRef,
					state: c.state === 'exited' ? `exited (${c.exitCode})${c.oomKilled ? ' OOM' : ''}` : c.state,
					writableFiles: writable.files,
					writableBytes: writable.bytes,
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name));
		const host = world.hosts.get(hostName);
		hosts.push({host: hostName, clusterNode: Boolean(world.cluster?.nodes.includes(hostName)), running: host?.services['dockerd'] !== 'inactive' && host?.reachable !== false, images, containers});
	}
	// The learner's own Docker hosts first; the cluster's nodes run Docker for the kubelet.
	hosts.sort((a, b) => Number(a.clusterNode) - Number(b.clusterNode) || a.host.localeCompare(b.host));
	// One row per repository: its tags, and the image behind its newest (or only) tag for the x-ray.
	const repositories: RegistryRow[] = [];
	for (const repo of world.registry.repositories.values()) {
		const tags = Object.keys(repo.tags).sort();
		if (tags.length === 0) continue;
		const mainTag = tags.includes('latest') ? 'latest' : tags[tags.length - 1]!;
		const imageId = repo.tags[mainTag]!;
		repositories.push({id: `image:registry/${imageId}`, repository: repo.name, tags, imageIds: new Set(Object.values(repo.tags)).size, layers: world.registry.images.get(imageId)?.layers.length ?? 0});
	}
	repositories.sort((a, b) => a.repository.localeCompare(b.repository));
	return {hosts, registry: {host: world.registry.host, repositories, layerCount: world.registry.layers.size}};
}
