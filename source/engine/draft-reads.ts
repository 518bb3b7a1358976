// Reading a produce's state without drafting it. Immer makes a proxy for every object read
// through a draft, and finalizes each one after the recipe; for a loop that reads thousands of
// entries and writes to few (the kubelet probing every pod), those proxies cost more than the work.
import {current, isDraft, isModified, original} from 'immer';

/** The value as the produce started (a draft's base), or the value itself when it is not a draft: for reading only. */
export function baseOf<T extends object>(value: T): T {
	return isDraft(value) ? (original(value as never) as T) : value;
}

/** A draft's current value as a plain object: the base itself when the produce has not changed it. */
export function plain<T extends object>(value: T): T {
	return isDraft(value) ? (current(value as never) as T) : value;
}

/**
 * A Map entry's current value, read without drafting it where that can be avoided: from the
 * produce's base while the draft Map is unmodified (a change anywhere inside it marks it
 * modified), else the base of the entry's draft while that is unmodified, else the draft itself
 * (a deep snapshot would cost more than reading through it). For reading: write through
 * `map.get(key)`.
 */
export function peek<K, V extends object>(map: Map<K, V>, key: K): V | undefined {
	if (!isDraft(map)) return map.get(key);
	if (!isModified(map)) return (original(map as never) as Map<K, V>).get(key);
	const value = map.get(key);
	return value && isDraft(value) && !isModified(value) ? (original(value as never) as V) : value;
}

/** The Map to iterate for reading: the base while the draft is unmodified (iterating a draft Map goes through its proxy per entry). */
export function readable<K, V>(map: Map<K, V>): Map<K, V> {
	return isDraft(map) && !isModified(map) ? (original(map as never) as Map<K, V>) : map;
}
