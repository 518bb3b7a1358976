// The world (and the shell around it) as JSON: Maps and Sets become tagged arrays, so a saved
// chapter resumes in exactly the world the learner left. Works for any engine data added later.
import type {World} from '../engine/world.ts';
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
	return world;
}

export function serializeShell(shell: ShellState): unknown {
	return {world: serializeWorld(shell.world), session: toJsonData(shell.session)};
}

export function deserializeShell(data: unknown): ShellState {
	const record = data as {world?: unknown; session?: unknown} | null;
	if (!record || typeof record !== 'object') throw new Error('not a saved shell');
	const session = fromJsonData<ShellState['session']>(record.session);
	if (!session || !Array.isArray(session.frames) || session.frames.length === 0) throw new Error('not a saved shell session');
	return {world: deserializeWorld(record.world), session};
}
