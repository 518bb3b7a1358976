// A seeded PRNG (mulberry32) whose whole state is one number kept inside the world,
// so the same seed and the same commands give the same world.
export function nextRandom(seed: number): [value: number, nextSeed: number] {
	const next = (seed + 0x6d2b79f5) >>> 0;
	let t = next;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

export type RandomSource = {rng: number};

/** Draws a float in [0, 1) from the state's RNG and advances it (call on an immer draft). */
export function random(state: RandomSource): number {
	const [value, next] = nextRandom(state.rng);
	state.rng = next;
	return value;
}

export function randomInt(state: RandomSource, maxExclusive: number): number {
	return Math.floor(random(state) * maxExclusive);
}

const alphanumeric = 'bcdfghjklmnpqrstvwxz2456789';

/** A Kubernetes-style random suffix, e.g. the `7x2kq` of `kubia-7x2kq`. */
export function randomSuffix(state: RandomSource, length = 5): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphanumeric[randomInt(state, alphanumeric.length)];
	return out;
}

export function randomHex(state: RandomSource, length: number): string {
	let out = '';
	for (let i = 0; i < length; i++) out += randomInt(state, 16).toString(16);
	return out;
}
