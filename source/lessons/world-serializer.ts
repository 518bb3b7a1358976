// The world (and the shell around it) as JSON: Maps and Sets become tagged arrays, so a saved
// chapter resumes in exactly the world the learner left. Works for any engine data added later.
import type {World} from '../engine/world.ts';
import {emptyStore} from '../engine/k8s/resources.ts';
import type {ShellState} from '../shell/types.ts';

const mapTag = '$map';
const setTag = '$set';

function encode(_key: string, value: unknown): unknown {
	if (value instanceof Map) return {[mapTag]: [...value.entries()]};
	if (value instanceof Set) return {[setTag]: [...value.values()]};
	if (typeof value === 'number' && !Number.isFinite(value)) return {$number: String(value)};
	return value;
}

function decode(_key: string, value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const keys = Object.keys(value);
		if (keys.length === 1) {
			const record = value as Record<string, unknown>;
			if (keys[0] === mapTag && Array.isArray(record[mapTag])) return new Map(record[mapTag] as [unknown, unknown][]);
			if (keys[0] === setTag && Array.isArray(record[setTag])) return new Set(record[setTag] as unknown[]);
			if (keys[0] === '$number' && typeof record.$number === 'string') return Number(record.$number);
		}
	}
	return value;
}

/** Plain JSON-compatible data for any value holding Maps and Sets. */
export function toJsonData(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value, encode));
}

export function fromJsonData<T>(data: unknown): T {
	return JSON.parse(JSON.stringify(data), decode) as T;
}

export function serializeWorld(world: World): unknown {
	return toJsonData(world);
}

export function deserializeWorld(data: unknown): World {
	const world = fromJsonData<World>(data);
	if (!world || typeof world !== 'object' || !(world.hosts instanceof Map) || typeof world.time !== 'number') {
		throw new Error('not a saved world');
	}
	// A world saved before a resource type was modelled has no map for it yet.
	if (world.cluster) world.cluster.store = emptyStore(world.cluster.store);
	return world;
}

/** What a saved entry holds when the chapter's fresh world has the same one. */
const fromBase = '$base';

/**
 * A shell as JSON. With `base` (the chapter's fresh world), layers and registry images the base
 * also has are saved as a marker, in place: they are content-addressed, so the same id is the
 * same data, and the seeded image catalog is most of a world's size.
 */
export function serializeShell(shell: ShellState, base?: World): unknown {
	let world = shell.world;
	if (base) {
		const mark = <V>(map: Map<string, V>, baseMap: Map<string, V>) => new Map([...map].map(([id, v]) => [id, baseMap.has(id) ? (fromBase as unknown as V) : v]));
		world = {...world, layers: mark(world.layers, base.layers), registry: {...world.registry, images: mark(world.registry.images, base.registry.images)}};
	}
	return {world: serializeWorld(world), session: toJsonData(shell.session), ...(base ? {savedAgainstBase: true} : {})};
}

export function deserializeShell(data: unknown, base?: World): ShellState {
	const record = data as {world?: unknown; session?: unknown; savedAgainstBase?: boolean} | null;
	if (!record || typeof record !== 'object') throw new Error('not a saved shell');
	const session = fromJsonData<ShellState['session']>(record.session);
	if (!session || !Array.isArray(session.frames) || session.frames.length === 0) throw new Error('not a saved shell session');
	let world = deserializeWorld(record.world);
	if (record.savedAgainstBase) {
		if (!base) throw new Error('this saved world needs the world it was saved against');
		const fill = <V>(map: Map<string, V>, baseMap: Map<string, V>) =>
			new Map(
				[...map].map(([id, v]) => {
					if (v !== (fromBase as unknown as V)) return [id, v];
					const shared = baseMap.get(id);
					if (shared === undefined) throw new Error(`${id} is no longer in the chapter's world`);
					return [id, shared];
				}),
			);
		world = {...world, layers: fill(world.layers, base.layers), registry: {...world.registry, images: fill(world.registry.images, base.registry.images)}};
	}
	return {world, session};
}
