// The simulated world keeps virtual time from a fixed epoch; a real kubectl computes ages from its
// own clock (describe's Events, `kubectl get -o wide` of a watch). Timestamps leave the endpoint
// shifted so that "now" in the world is now on the learner's machine.
import {worldEpoch, type World} from '../engine/world.ts';

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** How far the learner's clock is ahead of the world's (ms). */
export function clockOffset(world: World, wallNow: number): number {
	return wallNow - (worldEpoch + world.time);
}

function shifted(stamp: string, offsetMs: number): string {
	const ms = Date.parse(stamp);
	if (Number.isNaN(ms)) return stamp;
	const fraction = stamp.match(/\.(\d+)Z$/)?.[1];
	const iso = new Date(ms + offsetMs).toISOString();
	return fraction ? `${iso.slice(0, 20)}${(iso.slice(20, 23) + '000000000').slice(0, fraction.length)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}

/** A copy of a JSON value with every RFC 3339 timestamp moved by offsetMs. */
export function shiftTimestamps<T>(value: T, offsetMs: number): T {
	if (offsetMs === 0) return value;
	const walk = (v: unknown): unknown => {
		if (typeof v === 'string') return rfc3339.test(v) ? shifted(v, offsetMs) : v;
		if (Array.isArray(v)) return v.map(walk);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
		return v;
	};
	return walk(value) as T;
}
