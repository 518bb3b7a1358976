// A registry the learner runs (docker run -d -p 5000:5000 registry:2): pushes to localhost:5000/x
// reach the container that publishes the port, which keeps repositories, manifests and blobs under
// /var/lib/registry as distribution's filesystem driver lays them out; pulls read them back. The
// image declares that directory a VOLUME, so it is a volume (anonymous unless -v names one): a
// named volume keeps the pushed images for the next registry container that mounts it. localhost and 127.0.0.0/8 are insecure registries by default (plain http); any other
// name is asked over https first, which a plain-http registry cannot answer.
import {lookupFile, listDirectory, writeFile} from '../host/filesystem.ts';
import {locatePath} from '../host/mounts.ts';
import type {Filesystem, Host} from '../host/types.ts';
import type {World} from '../world.ts';
import {appProfileOf} from './programs.ts';
import type {Container, Image} from './types.ts';

/** Where the registry's files are: a filesystem and the path in it of distribution's /var/lib/registry/docker/registry/v2. */
export type RegistryStore = {fs: Filesystem; root: string};

export type RegistryTarget = {ok: true; host: string; container: Container; store: RegistryStore} | {ok: false; error: string};

/** The registry container's store, seen through its mounts (the volume at /var/lib/registry). */
export function registryStore(host: Host, container: Container): RegistryStore | undefined {
	const path = '/var/lib/registry/docker/registry/v2';
	const mnt = container.pid !== undefined ? host.processes.get(container.pid)?.namespaces.mnt : undefined;
	const at = mnt !== undefined ? locatePath(host, mnt, path) : undefined;
	if (at) return {fs: at.fs, root: at.path};
	const fs = host.filesystems.get(container.rootfs);
	return fs && {fs, root: path};
}

/** The running registry container that answers at `registry` (host:port) as seen from `daemonHost`, or why none does. */
export function findLocalRegistry(w: World, daemonHost: string, registry: string, unreachable: string): RegistryTarget {
	const [name, portText] = registry.split(':') as [string, string | undefined];
	const local = name === 'localhost' || name.startsWith('127.');
	const hostName = local ? daemonHost : ([...w.hosts.values()].find(h => h.name === name || h.ip === name)?.name ?? '');
	const daemon = w.dockers.get(hostName);
	const port = Number(portText ?? (local ? 80 : 443));
	const container = daemon && [...daemon.containers.values()].find(c => c.state === 'running' && c.ports.some(p => p.hostPort === port) && appProfileOf(w, hostName, c)?.name === 'registry');
	const host = w.hosts.get(hostName);
	const store = container && host ? registryStore(host, container) : undefined;
	if (!container || !store) return {ok: false, error: unreachable};
	if (!local) return {ok: false, error: `Get "https://${registry}/v2/": http: server gave HTTP response to HTTPS client`};
	return {ok: true, host: hostName, container, store};
}

const blobPath = (root: string, digest: string) => `${root}/blobs/sha256/${digest.slice(7, 9)}/${digest.slice(7)}/data`;
const tagLink = (root: string, repo: string, tag: string) => `${root}/repositories/${repo}/_manifests/tags/${tag}/current/link`;

export function hasBlob(w: World, {fs, root}: RegistryStore, digest: string): boolean {
	return lookupFile(w, fs, blobPath(root, digest))?.node.type === 'file';
}

/** Stores an image's layers, its manifest (the image itself, for pulls) and the tag. Call on a draft. */
export function storeInRegistry(w: World, store: RegistryStore, repo: string, tag: string, image: Image, manifestDigest: string): void {
	const {fs, root} = store;
	for (const layer of image.layers) {
		if (!hasBlob(w, store, layer)) writeFile(w, fs, blobPath(root, layer), `${w.layers.get(layer)?.sizeBytes ?? 0} bytes\n`);
		writeFile(w, fs, `${root}/repositories/${repo}/_layers/sha256/${layer.slice(7)}/link`, layer);
	}
	writeFile(w, fs, blobPath(root, manifestDigest), JSON.stringify(image));
	writeFile(w, fs, `${root}/repositories/${repo}/_manifests/revisions/sha256/${manifestDigest.slice(7)}/link`, manifestDigest);
	writeFile(w, fs, tagLink(root, repo, tag), manifestDigest);
}

/** The image a tag (or a manifest digest) names in the registry, as it was pushed. */
export function imageInRegistry(w: World, {fs, root}: RegistryStore, repo: string, tagOrDigest: string): Image | undefined {
	const digest = tagOrDigest.startsWith('sha256:') ? tagOrDigest : lookupFile(w, fs, tagLink(root, repo, tagOrDigest))?.node;
	const manifest = typeof digest === 'string' ? digest : digest?.type === 'file' ? digest.content : undefined;
	const blob = manifest ? lookupFile(w, fs, blobPath(root, manifest))?.node : undefined;
	if (blob?.type !== 'file') return undefined;
	try {
		return JSON.parse(blob.content) as Image;
	} catch {
		return undefined;
	}
}

/** The repositories the registry holds (its /v2/_catalog), sorted, with their tags. */
export function registryCatalog(w: World, {fs, root}: RegistryStore): {name: string; tags: string[]}[] {
	const out: {name: string; tags: string[]}[] = [];
	const walk = (dir: string, prefix: string) => {
		for (const entry of listDirectory(w, fs, dir)) {
			const path = `${dir}/${entry}`;
			if (entry === '_manifests') out.push({name: prefix, tags: listDirectory(w, fs, `${path}/tags`).sort()});
			else if (!entry.startsWith('_')) walk(path, prefix ? `${prefix}/${entry}` : entry);
		}
	};
	if (lookupFile(w, fs, `${root}/repositories`)?.node.type === 'dir') walk(`${root}/repositories`, '');
	return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
