// Deterministic content digests for layers and images (FNV-1a widened to 64 hex characters).
// Not cryptographic: the simulation only needs "same input, same digest".
export function digestHex(input: string, length = 64): string {
	let out = '';
	let round = 0;
	while (out.length < length) {
		// Each round starts from a differently mixed basis, so the 8-hex blocks differ from each other.
		let h = (0x811c9dc5 ^ Math.imul(round, 0x9e3779b1)) >>> 0;
		const text = `${round}:${input}`;
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193) >>> 0;
		}
		// murmur3's finalizer: one changed character changes every hex digit of the block.
		h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
		h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
		h = (h ^ (h >>> 16)) >>> 0;
		out += h.toString(16).padStart(8, '0');
		round++;
	}
	return out.slice(0, length);
}

export function sha256Of(input: string): string {
	return `sha256:${digestHex(input)}`;
}

/** JSON with every object's keys sorted: the same value always gives the same text, whatever order its keys were written in. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
