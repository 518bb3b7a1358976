// Watches as pure steps: given what a watcher has seen (object key -> resourceVersion) and the
// world now, the events to send (ADDED, MODIFIED, DELETED) and what it has seen after them.
import {cloneData} from '../engine/k8s/metadata.ts';
import type {KubeObject} from '../engine/k8s/types.ts';
import type {World} from '../engine/world.ts';
import type {WatchRequest} from './api-types.ts';
import {findServed} from './api-resources.ts';
import {objectsOf, selected, selectionOf} from './resource-requests.ts';
import {tableOf} from './server-table.ts';

export type WatchEvent = {type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'; object: unknown};
export type Seen = Map<string, {resourceVersion: string; object: KubeObject}>;

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function matching(world: World, watch: WatchRequest): KubeObject[] {
	const served = findServed(watch.group, watch.version, watch.resource)!;
	const query = new URLSearchParams();
	if (watch.labelSelector) query.set('labelSelector', watch.labelSelector);
	if (watch.fieldSelector) query.set('fieldSelector', watch.fieldSelector);
	const selection = selectionOf(query);
	if ('status' in selection) return [];
	return selected(objectsOf(world, {served, namespace: watch.namespace}), selection);
}

function wrap(world: World, watch: WatchRequest, type: WatchEvent['type'], obj: KubeObject): WatchEvent {
	const served = findServed(watch.group, watch.version, watch.resource)!;
	if (watch.table) return {type, object: tableOf(world, served.info?.resource ?? 'events', [obj], {resourceVersion: obj.metadata.resourceVersion})};
	return {type, object: cloneData(obj)};
}

/** The first events of a watch: every matching object ADDED, or (from a resourceVersion) only those changed since. */
export function startWatch(world: World, watch: WatchRequest): {events: WatchEvent[]; seen: Seen} {
	const seen: Seen = new Map();
	const events: WatchEvent[] = [];
	for (const obj of matching(world, watch)) {
		seen.set(keyOf(obj), {resourceVersion: obj.metadata.resourceVersion, object: obj});
		const since = watch.sinceVersion;
		if (!since) events.push(wrap(world, watch, 'ADDED', obj));
		else if (Number(obj.metadata.resourceVersion) > since) events.push(wrap(world, watch, 'MODIFIED', obj));
	}
	return {events, seen};
}

/** The events between what the watcher saw and the world now. */
export function stepWatch(world: World, watch: WatchRequest, seen: Seen): {events: WatchEvent[]; seen: Seen} {
	const next: Seen = new Map();
	const events: WatchEvent[] = [];
	for (const obj of matching(world, watch)) {
		const key = keyOf(obj);
		next.set(key, {resourceVersion: obj.metadata.resourceVersion, object: obj});
		const before = seen.get(key);
		if (!before) events.push(wrap(world, watch, 'ADDED', obj));
		else if (before.resourceVersion !== obj.metadata.resourceVersion) events.push(wrap(world, watch, 'MODIFIED', obj));
	}
	for (const [key, before] of seen) if (!next.has(key)) events.push(wrap(world, watch, 'DELETED', before.object));
	return {events, seen: next};
}

/**
 * A watch from a resourceVersion older than the server can replay from answers as the API server's
 * watch cache does: one ERROR event with a 410 Expired Status, after which clients list again.
 * The endpoint remembers nothing from before `oldest` (the world's resourceVersion when it started).
 */
export function tooOld(watch: WatchRequest, oldest: number): WatchEvent | undefined {
	if (watch.sinceVersion === undefined || watch.sinceVersion >= oldest) return undefined;
	return {type: 'ERROR', object: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${watch.sinceVersion} (${oldest})`, reason: 'Expired', code: 410}};
}

/** A BOOKMARK: only the kind and the resourceVersion the watcher is now at (allowWatchBookmarks). */
export function bookmark(world: World, watch: WatchRequest, initialEventsEnd = false): WatchEvent {
	const served = findServed(watch.group, watch.version, watch.resource)!;
	return {
		type: 'BOOKMARK',
		object: {kind: served.kind, apiVersion: served.group ? `${served.group}/${served.version}` : served.version, metadata: {resourceVersion: String(world.cluster?.resourceVersion ?? 0), ...(initialEventsEnd ? {annotations: {'k8s.io/initial-events-end': 'true'}} : {})}},
	};
}
