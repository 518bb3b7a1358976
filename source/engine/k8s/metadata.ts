import {nextRandom, randomInt, randomSuffix} from '../rng.ts';
import {worldEpoch, type World} from '../world.ts';
import type {Cluster} from './types.ts';

/** RFC 3339 timestamp for a virtual instant, as the API server writes it. */
export function timestampAt(ms: number): string {
	return new Date(worldEpoch + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function now(w: World): string {
	return timestampAt(w.time);
}

/** Virtual ms of a timestamp the API server wrote. */
export function msOf(timestamp: string | undefined): number {
	if (!timestamp) return 0;
	const parsed = Date.parse(timestamp);
	return Number.isNaN(parsed) ? 0 : parsed - worldEpoch;
}

export function newUid(w: World): string {
	const hex = fastHex(w, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function nextResourceVersion(cluster: Cluster): string {
	cluster.resourceVersion += 1;
	return String(cluster.resourceVersion);
}

export {randomSuffix};

export function cluster(w: World): Cluster {
	if (!w.cluster) throw new Error('this world has no cluster');
	return w.cluster;
}

/** A deep copy of plain data; works on immer drafts too (structuredClone does not). */
export function cloneData<T>(value: T): T {
	return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/**
 * Random hex from ONE draw of the world's RNG, expanded locally: drawing every digit from the
 * state costs an immer trap per digit, which dominated ticks that start thousands of containers.
 */
export function fastHex(w: World, length: number): string {
	let seed = randomInt(w, 0x100000000);
	let out = '';
	while (out.length < length) {
		const [value, next] = nextRandom(seed);
		seed = next;
		out += Math.floor(value * 0x100000000).toString(16).padStart(8, '0');
	}
	return out.slice(0, length);
}
