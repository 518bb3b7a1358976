// The image store of one daemon: tagging, removing (untag, then delete what nothing uses), sizes.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import {parseImageRef, tagKey} from './image-ref.ts';
import {manifestDigestOf} from './registry.ts';
import {resolveImage, type Result} from './runtime.ts';
import {shortId} from './units.ts';
import type {DockerDaemon, Image} from './types.ts';

export function imageSize(w: World, image: Image): number {
	return image.layers.reduce((sum, id) => sum + (w.layers.get(id)?.sizeBytes ?? 0), 0);
}

/** Tag keys ("kubia:latest") that point at an image. */
export function tagsOf(daemon: DockerDaemon, imageId: string): string[] {
	return [...daemon.tags].filter(([, id]) => id === imageId).map(([key]) => key).sort();
}

export function tagImage(w: World, hostName: string, source: string, target: string): Result<{image: Image}> {
	const daemon = w.dockers.get(hostName)!;
	const image = resolveImage(daemon, source);
	if (!image) return {ok: false, error: `No such image: ${source.includes(':') || /^[0-9a-f]{6,}$/.test(source) ? source : `${source}:latest`}`};
	const ref = parseImageRef(target);
	if ('error' in ref) return {ok: false, error: `Error parsing reference: "${target}" is not a valid repository/tag: ${ref.error}`};
	daemon.tags.set(tagKey(ref), image.id);
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Tagged', object: `image/${tagKey(ref)}`, message: `Tagged ${shortId(image.id)} as ${tagKey(ref)}`, host: hostName});
	return {ok: true, image};
}

/**
 * `docker rmi`: untags the reference; when no tag is left (or an id was given), deletes the image,
 * its intermediate build images and the layers no other image uses. Returns docker's lines.
 */
export function removeImage(w: World, hostName: string, text: string, force = false): Result<{lines: string[]}> {
	const daemon = w.dockers.get(hostName)!;
	const image = resolveImage(daemon, text);
	if (!image) return {ok: false, error: `No such image: ${/^[0-9a-f]{6,64}$/.test(text) || /:[\w.-]+$/.test(text) ? text : `${text}:latest`}`};
	const parsed = parseImageRef(text);
	const byTag = !('error' in parsed) && daemon.tags.get(tagKey(parsed)) === image.id;
	const tags = tagsOf(daemon, image.id);
	const users = [...daemon.containers.values()].filter(c => c.image === image.id);
	const lines: string[] = [];
	if (byTag && tags.length > 1) {
		daemon.tags.delete(tagKey(parsed as {familiar: string; tag: string}));
		return {ok: true, lines: [`Untagged: ${tagKey(parsed as {familiar: string; tag: string})}`]};
	}
	if (!byTag && tags.length > 1 && !force) {
		return {ok: false, error: `conflict: unable to delete ${shortId(image.id)} (must be forced) - image is referenced in multiple repositories`};
	}
	const hasChildren = [...daemon.images.values()].some(other => other.parent === image.id && other.id !== image.id);
	if (hasChildren && !byTag) return {ok: false, error: `conflict: unable to delete ${shortId(image.id)} (cannot be forced) - image has dependent child images`};
	const running = users.find(c => c.state === 'running');
	if (users.length > 0 && (!force || running)) {
		const user = running ?? users[0]!;
		if (byTag && !force) return {ok: false, error: `conflict: unable to remove repository reference "${text}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`};
		return {ok: false, error: `conflict: unable to delete ${shortId(image.id)} (${running ? 'cannot be forced' : 'must be forced'}) - image is being used by ${running ? 'running' : 'stopped'} container ${shortId(user.id)}`};
	}
	for (const key of tags) {
		daemon.tags.delete(key);
		lines.push(`Untagged: ${key}`);
		const repo = key.slice(0, key.lastIndexOf(':'));
		if (w.registry.images.has(image.id)) lines.push(`Untagged: ${repo}@${manifestDigestOf(image)}`);
	}
	if (users.length > 0) return {ok: true, lines}; // forced while a stopped container uses it: untagged only
	if (hasChildren) return {ok: true, lines}; // images built on it keep it as their parent: untagged only
	const doomed = [image, ...intermediateAncestors(daemon, image)];
	for (const img of doomed) {
		daemon.images.delete(img.id);
		lines.push(`Deleted: ${img.id}`);
	}
	const stillUsed = new Set<string>();
	for (const other of daemon.images.values()) for (const layer of other.layers) stillUsed.add(layer);
	for (const layer of [...image.layers].reverse()) {
		if (stillUsed.has(layer) || !daemon.layers.has(layer)) continue;
		daemon.layers.delete(layer);
		lines.push(`Deleted: ${layer}`);
	}
	for (const [key, id] of [...daemon.buildCache]) if (!daemon.images.has(id)) daemon.buildCache.delete(key);
	recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Deleted', object: `image/${shortId(image.id)}`, message: `Deleted image ${shortId(image.id)}`, host: hostName});
	return {ok: true, lines};
}

/** Untagged parents nothing else needs (build steps, an untagged base): docker prunes them with the image. */
function intermediateAncestors(daemon: DockerDaemon, image: Image): Image[] {
	const out: Image[] = [];
	let child = image;
	let parent = image.parent ? daemon.images.get(image.parent) : undefined;
	while (parent && !tagsOf(daemon, parent.id).length) {
		const p = parent;
		const otherChildren = [...daemon.images.values()].some(i => i.parent === p.id && i.id !== child.id);
		const usedByContainer = [...daemon.containers.values()].some(c => c.image === p.id);
		if (otherChildren || usedByContainer) break;
		out.push(p);
		child = p;
		parent = p.parent ? daemon.images.get(p.parent) : undefined;
	}
	return out;
}
