import type {World} from '../../../engine/world.ts';

/** The host is off (its power failed), so nothing on it answers. */
export function powerOffLike(w: World, host: string): boolean {
	return w.hosts.get(host)?.reachable === false;
}

/** "4m05s" for a number of virtual ms. */
export function clock(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** "8:40" for a number of virtual ms: the timeline's narrow clock. */
export function minutes(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
