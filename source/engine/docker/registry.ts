// Pulling from and pushing to the world's one registry (Docker Hub). Layers are content-addressed:
// a host downloads only the layers it lacks, and the registry stores each layer once.
import {current, isDraft} from 'immer';
import {recordEvent} from '../events.ts';
import {sha256Of} from '../hash.ts';
import type {World} from '../world.ts';
import {dockerHub, parseImageRef, tagKey, type ImageRef} from './image-ref.ts';
import type {DockerDaemon, Image} from './types.ts';
import {findLocalRegistry, hasBlob, imageInRegistry, storeInRegistry} from './local-registry.ts';

export type LayerTransfer = {id: string; sizeBytes: number; present: boolean};

export type PullPlan = {
	ref: ImageRef;
	image: Image;
	manifestDigest: string;
	layers: LayerTransfer[]; // bottom first; present: the host has it already
	upToDate: boolean; // the tag already points at this image
};

export type PullResult = {ok: true; plan: PullPlan} | {ok: false; error: string};

export function manifestDigestOf(image: Image): string {
	return sha256Of(`manifest:${image.id}`);
}

/** The size in bytes of an image manifest (schema 2) with `layerCount` layers, as push prints it. */
export function manifestSize(layerCount: number): number {
	return 429 + 212 * layerCount;
}

/**
 * Why a registry other than Docker Hub cannot be reached (no registry runs in the simulated lab):
 * a name nobody knows fails the DNS lookup; a name that resolves (localhost, a lab host, an
 * address) is refused, as nothing listens on its port. localhost and 127.0.0.0/8 are insecure
 * registries by default, so the daemon's last try there is plain http.
 */
export function unreachableRegistryError(w: World, registry: string): string {
	const [name, portText] = registry.split(':') as [string, string | undefined];
	const local = name === 'localhost' || name.startsWith('127.');
	const port = portText ?? (local ? '80' : '443');
	const url = `${local ? 'http' : 'https'}://${registry}/v2/`;
	const address = name === 'localhost' ? '[::1]' : /^\d+\.\d+\.\d+\.\d+$/.test(name) ? name : w.hosts.get(name)?.ip;
	if (!address) return `Get "${url}": dial tcp: lookup ${name} on 127.0.0.53:53: no such host`;
	return `Get "${url}": dial tcp ${address}:${port}: connect: connection refused`;
}

/** What a pull of `refText` on `hostName` would transfer; nothing changes. */
export function planPull(w: World, hostName: string, refText: string): PullResult {
	const parsed = parseImageRef(refText);
	if ('error' in parsed) return {ok: false, error: parsed.error};
	const daemon = w.dockers.get(hostName);
	if (!daemon) return {ok: false, error: `no docker daemon on ${hostName}`};
	if (parsed.registry !== dockerHub) {
		const target = findLocalRegistry(w, hostName, parsed.registry, unreachableRegistryError(w, parsed.registry));
		if (!target.ok) return {ok: false, error: target.error};
		const image = imageInRegistry(w, target.store, parsed.path, parsed.digest ?? parsed.tag);
		if (!image) return {ok: false, error: `manifest for ${parsed.registry}/${parsed.path}${parsed.digest ? `@${parsed.digest}` : `:${parsed.tag}`} not found: manifest unknown: manifest unknown`};
		const layers = image.layers.map(id => ({id, sizeBytes: w.layers.get(id)?.sizeBytes ?? 0, present: daemon.layers.has(id)}));
		return {ok: true, plan: {ref: parsed, image, manifestDigest: manifestDigestOf(image), layers, upToDate: daemon.tags.get(tagKey(parsed)) === image.id}};
	}
	const repository = w.registry.repositories.get(parsed.path);
	if (!repository) return {ok: false, error: `pull access denied for ${parsed.familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`};
	let imageId: string | undefined;
	if (parsed.digest) imageId = Object.entries(repository.tags).map(([, id]) => id).find(id => manifestDigestOf(w.registry.images.get(id)!) === parsed.digest);
	else imageId = repository.tags[parsed.tag];
	const image = imageId ? w.registry.images.get(imageId) : undefined;
	if (!image) {
		const what = parsed.digest ? `${parsed.familiar}@${parsed.digest}` : `${parsed.familiar}:${parsed.tag}`;
		return {ok: false, error: `manifest for ${what} not found: manifest unknown: manifest unknown`};
	}
	const layers = image.layers.map(id => ({id, sizeBytes: w.layers.get(id)?.sizeBytes ?? 0, present: daemon.layers.has(id)}));
	return {ok: true, plan: {ref: parsed, image, manifestDigest: manifestDigestOf(image), layers, upToDate: daemon.tags.get(tagKey(parsed)) === image.id}};
}

/** Simulated download time: ~60 MB/s plus a little per layer, and a manifest round trip. */
export function pullTimeMs(plan: PullPlan): number {
	const missing = plan.layers.filter(l => !l.present);
	return 400 + missing.reduce((sum, l) => sum + 150 + l.sizeBytes / 60_000, 0);
}

/** Stores the pulled image and its missing layers on the host and tags it. Call on a draft. */
export function applyPull(w: World, hostName: string, plan: PullPlan, component = 'dockerd'): void {
	const daemon = w.dockers.get(hostName)!;
	for (const layer of plan.layers) daemon.layers.add(layer.id);
	if (!daemon.images.has(plan.image.id)) daemon.images.set(plan.image.id, snapshot(plan.image));
	daemon.tags.set(tagKey(plan.ref), plan.image.id);
	recordEvent(w, {type: 'Normal', component, reason: 'Pulled', object: `image/${tagKey(plan.ref)}`, message: `Pulled ${tagKey(plan.ref)} (${plan.layers.filter(l => !l.present).length} of ${plan.layers.length} layers downloaded)`, host: hostName});
}

/** Plans and applies a pull in one step: what the kubelet and `docker pull` do. Call on a draft. */
export function pullImage(w: World, hostName: string, refText: string, component = 'dockerd'): PullResult {
	const result = planPull(w, hostName, refText);
	if (result.ok) applyPull(w, hostName, result.plan, component);
	return result;
}

export type PushResult =
	| {ok: true; ref: ImageRef; layers: {id: string; existed: boolean}[]; digest: string; size: number}
	| {ok: false; error: string; ref?: ImageRef; layers?: {id: string; existed: boolean}[]};

/** Uploads a local image's missing layers and tags it in the registry. Call on a draft. */
export function pushImage(w: World, hostName: string, daemon: DockerDaemon, refText: string): PushResult {
	const parsed = parseImageRef(refText);
	if ('error' in parsed) return {ok: false, error: parsed.error};
	const imageId = daemon.tags.get(tagKey(parsed));
	if (!imageId) return {ok: false, error: `An image does not exist locally with the tag: ${parsed.familiar}`, ref: parsed};
	const image = daemon.images.get(imageId)!;
	const layers = [...image.layers].reverse().map(id => ({id, existed: w.registry.layers.has(id)}));
	if (parsed.registry !== dockerHub) {
		const target = findLocalRegistry(w, hostName, parsed.registry, unreachableRegistryError(w, parsed.registry));
		if (!target.ok) return {ok: false, error: target.error, ref: parsed};
		const pushed = [...image.layers].reverse().map(id => ({id, existed: hasBlob(w, target.store, id)}));
		const digest = manifestDigestOf(image);
		storeInRegistry(w, target.store, parsed.path, parsed.tag, snapshot(image), digest);
		recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Pushed', object: `image/${tagKey(parsed)}`, message: `Pushed ${parsed.familiar}:${parsed.tag} to ${parsed.registry} (${newLayers(pushed.filter(l => !l.existed).length)})`, host: hostName});
		return {ok: true, ref: parsed, layers: pushed, digest, size: manifestSize(image.layers.length)};
	}
	// Docker Hub lets an account push only to its own namespace, and nobody to library/ (official images).
	const namespace = parsed.path.split('/')[0]!;
	if (daemon.loggedIn !== namespace || namespace === 'library') {
		return {ok: false, error: 'denied: requested access to the resource is denied', ref: parsed, layers};
	}
	for (const layer of image.layers) w.registry.layers.add(layer);
	w.registry.images.set(image.id, snapshot(image));
	const repository = w.registry.repositories.get(parsed.path) ?? {name: parsed.path, tags: {}};
	repository.tags[parsed.tag] = image.id;
	w.registry.repositories.set(parsed.path, repository);
	const digest = manifestDigestOf(image);
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Pushed', object: `image/${tagKey(parsed)}`, message: `Pushed ${parsed.familiar}:${parsed.tag} to ${parsed.registry} (${newLayers(layers.filter(l => !l.existed).length)})`, host: hostName});
	return {ok: true, ref: parsed, layers, digest, size: manifestSize(image.layers.length)};
}

/** A plain copy of an image that may be an immer draft, to store it in a second place. */
export function snapshot<T>(value: T): T {
	return isDraft(value) ? (current(value as never) as T) : value;
}

const newLayers = (n: number) => `${n} new layer${n === 1 ? '' : 's'}`;
