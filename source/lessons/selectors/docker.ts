// What checks read from Docker's world (source/engine/docker): daemons, containers, images, the registry.
import type {Container, DockerDaemon, Image} from '../../engine/docker/types.ts';
import type {World} from '../../engine/world.ts';

export function daemonOn(world: World, host: string): DockerDaemon | undefined {
	return world.dockers.get(host);
}

export function findContainers(daemon: DockerDaemon, match: {name?: string; image?: string}): Container[] {
	return [...daemon.containers.values()].filter(c => {
		if (match.name !== undefined && c.name !== match.name && c.name !== '/' + match.name) return false;
		if (match.image !== undefined && c.imageRef !== match.image && c.imageRef !== `${match.image}:latest` && imageIdFor(daemon, match.image) !== c.image) return false;
		return true;
	});
}

/** The spellings one image reference may be stored under ("kubia" = "kubia:latest" = "docker.io/library/kubia:latest"). */
export function refSpellings(ref: string): string[] {
	const hasTag = /:[^/]+$/.test(ref);
	const tagged = hasTag ? ref : `${ref}:latest`;
	const out = new Set([ref, tagged]);
	if (!tagged.includes('/')) out.add(`library/${tagged}`).add(`docker.io/library/${tagged}`);
	else if (!/^[^/]*[.:]/.test(tagged)) out.add(`docker.io/${tagged}`);
	if (tagged.startsWith('docker.io/')) out.add(tagged.slice('docker.io/'.length));
	if (tagged.startsWith('docker.io/library/')) out.add(tagged.slice('docker.io/library/'.length));
	return [...out];
}

export function imageIdFor(daemon: DockerDaemon, ref: string): string | undefined {
	for (const spelling of refSpellings(ref)) {
		const id = daemon.tags.get(spelling);
		if (id) return id;
	}
	if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) {
		const hex = ref.replace(/^sha256:/, '');
		for (const id of daemon.images.keys()) if (id.replace(/^sha256:/, '').startsWith(hex)) return id;
	}
	return undefined;
}

export function localImage(daemon: DockerDaemon, ref: string): Image | undefined {
	const id = imageIdFor(daemon, ref);
	return id ? daemon.images.get(id) : undefined;
}

/** An image the registry holds under `ref` (repository + tag). */
export function registryImage(world: World, ref: string): Image | undefined {
	for (const spelling of refSpellings(ref)) {
		const colon = spelling.lastIndexOf(':');
		const repoName = spelling.slice(0, colon).replace(/^docker\.io\//, '');
		const tag = spelling.slice(colon + 1);
		const repository = world.registry.repositories.get(repoName);
		const id = repository?.tags[tag];
		if (id) return world.registry.images.get(id);
	}
	return undefined;
}

export function sharedLayerCount(images: Image[]): number {
	if (images.length < 2) return 0;
	let shared = new Set(images[0]!.layers);
	for (const image of images.slice(1)) shared = new Set(image.layers.filter(l => shared.has(l)));
	return shared.size;
}
