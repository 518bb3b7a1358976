// The student's side of saved-progress.ts: each chapter's progress record and world go to the
// host after every save (in the background, retried when the link is back), and on joining,
// chapters the host holds newer than this computer (another computer, a lost disk) come back:
// the learner resumes at the same step, in the same world.
import {gunzipSync, gzipSync} from 'node:zlib';
import {chapterProgressSchema, type ChapterProgress} from '../lessons/progress/progress-schema.ts';
import type {ProgressStore} from '../lessons/progress/progress-store.ts';

const saveFormat = 'k8s-tutor-classroom-save';
/** What a gzipped save may grow to when unpacked (a bomb is refused, not unpacked). */
const unpackedLimit = 128 * 1024 * 1024;
const requestTimeoutMs = 10_000;

export type SavedIndex = Record<string, {updatedAt: string}>;

/** The host's /progress routes, as the student calls them. */
export type HostSaves = {
	index(): Promise<SavedIndex>;
	get(chapterId: string): Promise<Buffer>;
	put(chapterId: string, updatedAt: string, body: Buffer): Promise<void>;
};

/** ws://HOST:PORT -> http://HOST:PORT; `token` is read at each call (the first welcome gives it). */
export function hostSaves(wsUrl: string, token: () => string | undefined): HostSaves {
	const base = wsUrl.replace(/^ws/, 'http').replace(/\/$/, '');
	const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
		const current = token();
		if (!current) throw new Error('not joined yet');
		const response = await fetch(base + path, {...init, headers: {...init.headers, authorization: `Bearer ${current}`}, signal: AbortSignal.timeout(requestTimeoutMs)});
		if (!response.ok) throw new Error(`${response.status} ${(await response.text()).replace(/^k8s-tutor classroom: /, '').trim()}`);
		return response;
	};
	return {
		async index() {
			const body = (await (await call('/progress')).json()) as {chapters?: SavedIndex};
			return body.chapters ?? {};
		},
		async get(chapterId) {
			return Buffer.from(await (await call(`/progress/${encodeURIComponent(chapterId)}`)).arrayBuffer());
		},
		async put(chapterId, updatedAt, body) {
			await call(`/progress/${encodeURIComponent(chapterId)}?updatedAt=${encodeURIComponent(updatedAt)}`, {method: 'PUT', body: new Uint8Array(body), headers: {'content-type': 'application/gzip'}});
		},
	};
}

export function packSave(record: ChapterProgress, world: unknown): Buffer {
	return gzipSync(JSON.stringify({format: saveFormat, record, ...(world !== undefined ? {world} : {})}));
}

export function unpackSave(data: Buffer): {record: ChapterProgress; world?: unknown} | undefined {
	try {
		const parsed = JSON.parse(gunzipSync(data, {maxOutputLength: unpackedLimit}).toString('utf8')) as {format?: unknown; record?: unknown; world?: unknown};
		if (parsed.format !== saveFormat) return undefined;
		const record = chapterProgressSchema.safeParse(parsed.record);
		return record.success ? {record: record.data, ...(parsed.world !== undefined ? {world: parsed.world} : {})} : undefined;
	} catch {
		return undefined;
	}
}

const newer = (a: string | undefined, b: string | undefined) => a !== undefined && (b === undefined || Date.parse(a) > Date.parse(b));

/**
 * Brings this computer and the host level: chapters the host holds newer come here (record and
 * world), chapters newer here go to the host. Returns the chapters restored from the host.
 */
export async function syncWithHost(saves: HostSaves, store: ProgressStore, upload: (chapterId: string) => void, settings: {restore: boolean} = {restore: true}): Promise<string[]> {
	const index = await saves.index();
	const local = store.read().chapters;
	const restored: string[] = [];
	// A chapter on the screen already (joined offline, the host came later) is not replaced under the learner.
	for (const [chapterId, saved] of settings.restore ? Object.entries(index) : []) {
		if (!newer(saved.updatedAt, local[chapterId]?.updatedAt)) continue;
		const save = unpackSave(await saves.get(chapterId));
		if (!save) continue;
		if (save.world !== undefined) store.saveSnapshot(chapterId, save.world);
		else store.dropSnapshot(chapterId);
		store.updateChapter(chapterId, () => save.record);
		restored.push(chapterId);
	}
	const after = store.read();
	for (const [chapterId, chapter] of Object.entries(after.chapters)) {
		if (!restored.includes(chapterId) && newer(chapter.updatedAt, index[chapterId]?.updatedAt)) upload(chapterId);
	}
	if (restored.length > 0 && after.lastChapter === undefined) store.setLastChapter(restored.at(-1)!);
	return restored;
}

export type SaveUploader = {
	/** A chapter's world was saved (a step began or passed, a reset, quitting): it goes to the host shortly, with the record. */
	changed(chapterId: string, world?: unknown): void;
	/** Only the record changed (a command counted): it goes with the next world or at the end, not once per command. */
	noted(chapterId: string): void;
	/** Tries what waits now (the link is back); resolves when every upload so far is done or failed. */
	flush(): Promise<void>;
	/** Chapters not on the host yet. */
	waiting(): string[];
	stop(): void;
};

/** Uploads each changed chapter once things settle (a step's record and world come together). */
export function saveUploader(saves: HostSaves, store: ProgressStore, settings: {delayMs?: number} = {}): SaveUploader {
	const dirty = new Set<string>();
	const worlds = new Map<string, unknown>(); // the latest world handed to the store, not read back from disk
	let timer: NodeJS.Timeout | undefined;
	let running: Promise<void> = Promise.resolve();
	let stopped = false;

	const uploadAll = async () => {
		for (const chapterId of [...dirty]) {
			const record = store.read().chapters[chapterId];
			if (!record?.updatedAt) {
				dirty.delete(chapterId);
				continue;
			}
			const world = worlds.has(chapterId) ? worlds.get(chapterId) : store.loadSnapshot(chapterId);
			dirty.delete(chapterId);
			try {
				await saves.put(chapterId, record.updatedAt, packSave(record, world));
				if (!dirty.has(chapterId)) worlds.delete(chapterId);
			} catch {
				dirty.add(chapterId); // offline, or the host is busy: the next change or reconnect tries again
				return;
			}
		}
	};
	const run = () => (running = running.then(uploadAll));
	const schedule = () => {
		if (stopped || timer) return;
		timer = setTimeout(() => {
			timer = undefined;
			void run();
		}, settings.delayMs ?? 500);
		timer.unref();
	};
	return {
		changed(chapterId, world) {
			dirty.add(chapterId);
			if (world !== undefined) worlds.set(chapterId, world);
			schedule();
		},
		flush() {
			if (timer) clearTimeout(timer);
			timer = undefined;
			return run();
		},
		noted(chapterId) {
			dirty.add(chapterId);
		},
		waiting: () => [...dirty],
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
		},
	};
}

/** The store as the lesson sees it, with every save of a chapter also sent to the host. */
export function mirroredStore(store: ProgressStore, uploader: Pick<SaveUploader, 'changed' | 'noted'>): ProgressStore {
	return {
		...store,
		path: store.path,
		read: () => store.read(),
		updateChapter(id, change) {
			const result = store.updateChapter(id, change);
			uploader.noted(id);
			return result;
		},
		saveSnapshot(id, data) {
			store.saveSnapshot(id, data);
			uploader.changed(id, data);
		},
	};
}
