// GET /images/json (`docker images`), /images/{name}/json and /images/{name}/history.
import {splitTagKey} from '../engine/docker/image-ref.ts';
import {imageSize, tagsOf} from '../engine/docker/images.ts';
import {manifestDigestOf} from '../engine/docker/registry.ts';
import type {DockerDaemon, Image} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {unixSeconds} from './containers-json.ts';
import {unknownFilter, type Filters} from './filters.ts';

function repoDigests(world: World, daemon: DockerDaemon, image: Image): string[] {
	if (!world.registry.images.has(image.id)) return [];
	return [...new Set(tagsOf(daemon, image.id).map(t => splitTagKey(t).repository))].map(r => `${r}@${manifestDigestOf(image)}`);
}

export function imageSummary(world: World, daemon: DockerDaemon, image: Image, offsetMs: number): object {
	return {
		Id: image.id,
		ParentId: image.parent ?? '',
		RepoTags: tagsOf(daemon, image.id),
		RepoDigests: repoDigests(world, daemon, image),
		Created: unixSeconds(image.created, offsetMs),
		Size: imageSize(world, image),
		SharedSize: -1,
		Labels: Object.keys(image.config.labels).length ? image.config.labels : null,
		Containers: -1,
	};
}

function referenceMatches(pattern: string, tagKey: string): boolean {
	const {repository, tag} = splitTagKey(tagKey);
	const wanted = pattern.replace(/^docker\.io\//, '').replace(/^library\//, '');
	const re = (text: string) => new RegExp('^' + text.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/:]*') + '$');
	return wanted.includes(':') ? re(wanted).test(`${repository}:${tag}`) : re(wanted).test(repository);
}

/** The images `GET /images/json?all=&filters=` lists, newest first; a reference filter keeps only the matching tags. */
export function listImages(world: World, daemon: DockerDaemon, query: {all: boolean; filters: Filters}, offsetMs: number): object[] | {error: string} {
	const unknown = unknownFilter(query.filters, ['dangling', 'reference', 'label', 'before', 'since', 'until']);
	if (unknown) return {error: `invalid filter '${unknown}'`};
	const references = query.filters.reference ?? [];
	const dangling = query.filters.dangling?.[0];
	const out: {created: number; json: object}[] = [];
	for (const image of daemon.images.values()) {
		let tags = tagsOf(daemon, image.id);
		if (tags.length === 0) {
			const hasChildren = [...daemon.images.values()].some(other => other.parent === image.id);
			if ((image.intermediate || hasChildren) && !query.all) continue;
			if (references.length) continue;
		} else if (references.length) {
			tags = tags.filter(t => references.some(r => referenceMatches(r, t)));
			if (tags.length === 0) continue;
		}
		if (dangling !== undefined && (tags.length === 0) !== (dangling === 'true' || dangling === '1')) continue;
		out.push({created: image.created, json: {...imageSummary(world, daemon, image, offsetMs), RepoTags: tags}});
	}
	return out.sort((a, b) => b.created - a.created).map(o => o.json);
}

/** GET /images/{name}/history: newest first, as the daemon sends it. */
export function imageHistory(world: World, image: Image, offsetMs: number): object[] {
	const ids = image.stepIds ?? image.history.map((_, i) => (i === image.history.length - 1 ? image.id : null));
	return image.history
		.map((entry, i) => ({
			Id: ids[i] ?? '<missing>',
			Created: unixSeconds(entry.created, offsetMs),
			CreatedBy: entry.createdBy,
			Tags: null,
			Size: entry.layerId ? (world.layers.get(entry.layerId)?.sizeBytes ?? 0) : 0,
			Comment: entry.comment ?? (/# buildkit$/.test(entry.createdBy) || !entry.createdBy.startsWith('/bin/sh') ? 'buildkit.dockerfile.v0' : ''),
		}))
		.reverse();
}
