import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deserialize, serialize} from 'node:v8';
import {freeze} from 'immer';
import type {World} from '../engine/world.ts';

/** Where built worlds are kept, and what they were built by (a world cached by another build is never read). */
export type WorldCache = {dir: string; programStamp: string};

/**
 * A world that is a pure function of `key` (the sandbox's is fully decided by its seed), read from
 * disk when this very program built it before: a few ms instead of building the hosts and running
 * the cluster's first minute (~55 ms of start-up before the first frame). Any failure just builds it.
 */
export function cachedWorld(cache: WorldCache | undefined, key: string, build: () => World): World {
	if (!cache || !ownDirectory(cache.dir)) return build();
	const safeKey = key.replace(/[^\w.]/g, '_');
	const file = join(cache.dir, `${safeKey}-${cache.programStamp.replace(/[^\w.-]/g, '_')}.v8`);
	try {
		const world = deserialize(readFileSync(file)) as World;
		// Frozen like every world immer hands out (immer skips frozen subtrees, and a stray write throws),
		// on the next turn of the event loop, while Ink's wasm compiles off-thread: a cold deep freeze
		// costs 15-30 ms. Nothing writes to the world in between: the engine changes it only through produce.
		setImmediate(() => freeze(world, true));
		return world;
	} catch {
		const world = build();
		try {
			const partial = `${file}.${process.pid}.tmp`;
			writeFileSync(partial, serialize(world));
			renameSync(partial, file);
			// Worlds from earlier builds of the program are never read again.
			for (const name of readdirSync(cache.dir)) if (name.startsWith(`${safeKey}-`) && join(cache.dir, name) !== file) rmSync(join(cache.dir, name), {force: true});
		} catch {
			// A read-only or full disk only costs the next start its speed.
		}
		return world;
	}
}

/** Made if missing, and only used when it is this user's own (the temp folder is shared). */
function ownDirectory(dir: string): boolean {
	try {
		// Not `recursive`: under a TMPDIR like /proc/nonexistent it spins forever; the temp folder itself must exist.
		if (!statSync(dir, {throwIfNoEntry: false})) mkdirSync(dir, {mode: 0o700});
		const uid = process.getuid?.();
		return uid === undefined || statSync(dir).uid === uid;
	} catch {
		return false;
	}
}

/**
 * Names the running program file (the bundle) by size and time of change, with the Node.js
 * version whose serializer wrote the cache.
 */
export function programStamp(programUrl: string, version: string): string | undefined {
	try {
		const stats = statSync(fileURLToPath(programUrl));
		return `${version}-${process.versions.node}-${stats.size}-${Math.round(stats.mtimeMs)}`;
	} catch {
		return undefined;
	}
}
