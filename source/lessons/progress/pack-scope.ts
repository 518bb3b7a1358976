// Progress per lesson pack. The built-in pack keeps plain chapter ids as keys (the files learners
// already have stay valid, no migration); an instructor's pack (`--lessons DIR`) keys its chapters
// "<pack folder's real path>#<chapter id>", so its chapter "namespaces" is not the built-in one.
// Why the folder's path: packs carry no metadata of their own, and a pack id written by authors
// would collide again whenever two packs forget to set it; the path tells apart any two packs on
// one machine with nothing to write. Moving a pack's folder is like a new pack; `progress export`
// and `import` (through this view) write plain chapter ids, so progress moves between machines
// and folders. Chapter ids are [a-z0-9-]: a key with "#" is never a built-in chapter's.
import {realpathSync} from 'node:fs';
import {resolve} from 'node:path';
import type {ChapterProgress, ProgressData} from './progress-schema.ts';
import type {ProgressStore} from './progress-store.ts';

/** The pack's identity in the progress file: undefined for the built-in pack, else its folder's real path. */
export function packScope(packDir: string | undefined, builtInDir: string): string | undefined {
	if (packDir === undefined) return undefined;
	const real = (dir: string) => {
		try {
			return realpathSync(dir);
		} catch {
			return resolve(dir);
		}
	};
	const scope = real(packDir);
	return scope === real(builtInDir) ? undefined : scope;
}

/** The store as one pack sees it: its own chapters under their plain ids, nothing of other packs. */
export function packProgressStore(store: ProgressStore, scope: string | undefined): ProgressStore {
	const prefix = scope === undefined ? undefined : `${scope}#`;
	const key = (id: string) => (prefix === undefined ? id : prefix + id);
	/** The pack's chapter id for a stored key, or undefined when the key belongs to another pack. */
	const idOf = (stored: string): string | undefined => {
		if (prefix === undefined) return stored.includes('#') ? undefined : stored;
		return stored.startsWith(prefix) ? stored.slice(prefix.length) : undefined;
	};
	const view = (data: ProgressData): ProgressData => {
		const chapters: Record<string, ChapterProgress> = {};
		for (const [stored, chapter] of Object.entries(data.chapters)) {
			const id = idOf(stored);
			if (id !== undefined) chapters[id] = chapter;
		}
		const {lastChapter: storedLast, ...rest} = data;
		const lastChapter = storedLast === undefined ? undefined : idOf(storedLast);
		return {...rest, chapters, ...(lastChapter === undefined ? {} : {lastChapter})};
	};
	return {
		path: store.path,
		read: () => view(store.read()),
		updateChapter: (id, change) => view(store.updateChapter(key(id), change)),
		setLastChapter: id => store.setLastChapter(key(id)),
		replaceAll(data) {
			// Other packs' chapters stay; this pack's are replaced.
			const all = store.read();
			const chapters: Record<string, ChapterProgress> = {};
			for (const [stored, chapter] of Object.entries(all.chapters)) if (idOf(stored) === undefined) chapters[stored] = chapter;
			for (const [id, chapter] of Object.entries(data.chapters)) chapters[key(id)] = chapter;
			const othersLast = all.lastChapter !== undefined && idOf(all.lastChapter) === undefined ? all.lastChapter : undefined;
			const lastChapter = data.lastChapter !== undefined ? key(data.lastChapter) : othersLast;
			store.replaceAll({version: data.version, chapters, ...(lastChapter === undefined ? {} : {lastChapter})});
		},
		saveSnapshot: (id, data) => store.saveSnapshot(key(id), data),
		loadSnapshot: id => store.loadSnapshot(key(id)),
		dropSnapshot: id => store.dropSnapshot(key(id)),
		takeNotices: () => store.takeNotices(),
		...(store.watchNotices ? {watchNotices: store.watchNotices} : {}),
		...(store.settle ? {settle: store.settle} : {}),
	};
}
