// Progress on disk, through conf (atomic writes: a crash mid-write never leaves half a file).
// A file that cannot be read is moved aside, with a message naming where, and the learner starts
// fresh. Two tutors at once: every change is a read-modify-write of one chapter under a lock file,
// so neither loses the other's chapter and the file is never corrupted.
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {dirname, join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {emptyProgress, parseProgress, type ChapterProgress, type ProgressData} from './progress-schema.ts';

export type ProgressStoreOptions = {
	configDir?: string; // K8S_TUTOR_HOME; default: the OS's config folder for k8s-tutor
	now?: () => Date;
};

/** What the rest of the tutor needs from saved progress (tests may use an in-memory one). */
export type ProgressStore = {
	readonly path: string;
	read(): ProgressData;
	updateChapter(id: string, change: (chapter: ChapterProgress | undefined) => ChapterProgress | undefined): ProgressData;
	setLastChapter(id: string): void;
	replaceAll(data: ProgressData): void;
	/**
	 * A chapter's saved world (serialized shell), in a file of its own: the progress file stays
	 * small and quick to rewrite, and a damaged world costs only that chapter's resume point.
	 */
	saveSnapshot(chapterId: string, data: unknown): void;
	loadSnapshot(chapterId: string): unknown;
	dropSnapshot(chapterId: string): void;
	/** Messages for the learner about the file (moved aside, migrated); each returned once. */
	takeNotices(): string[];
};

const staleLockMs = 10_000;
const lockWaitMs = 3_000;

export function openProgressStore(options: ProgressStoreOptions = {}): ProgressStore {
	const now = options.now ?? (() => new Date());
	// conf reads the file as it opens, and throws on a damaged one: look at the file first.
	const dir = options.configDir ?? envPaths('k8s-tutor', {suffix: 'nodejs'}).config;
	const path = join(dir, 'progress.json');
	const snapshotDir = join(dir, 'worlds');
	const snapshotFile = (chapterId: string) => join(snapshotDir, `${snapshotName(chapterId)}.json`);
	const notices: string[] = [];
	const lockPath = path + '.lock';

	/** Reads and validates the file; an unreadable one is moved aside (and reported) and an empty progress returned. */
	const load = (): ProgressData => {
		if (!existsSync(path)) return emptyProgress();
		let raw: unknown;
		try {
			const text = readFileSync(path, 'utf8');
			if (text.trim() === '') return emptyProgress();
			raw = JSON.parse(text);
		} catch (error) {
			return moveAside(error instanceof SyntaxError ? 'it is not valid JSON (truncated or damaged)' : `it could not be read (${(error as Error).message})`);
		}
		const {__internal__: _bookkeeping, ...rest} = (raw ?? {}) as Record<string, unknown>;
		if (raw && typeof raw === 'object' && Object.keys(rest).length === 0) return emptyProgress();
		const parsed = parseProgress(rest);
		if (!parsed.ok) return moveAside(parsed.reason);
		if (parsed.migratedFrom !== undefined) notices.push(`Your progress file was upgraded from version ${parsed.migratedFrom} to ${parsed.data.version}.`);
		return parsed.data;
	};

	const moveAside = (reason: string): ProgressData => {
		const stamp = now().toISOString().replace(/[:.]/g, '-');
		const aside = path.replace(/\.json$/, '') + `.unreadable-${stamp}.json`;
		try {
			renameSync(path, aside);
			notices.push(`Your progress file could not be used: ${reason}. It was moved to ${aside} and you start fresh.`);
		} catch (error) {
			notices.push(`Your progress file ${path} could not be used (${reason}) nor moved aside (${(error as Error).message}); progress will not be saved this time.`);
			readOnly = true;
		}
		return emptyProgress();
	};

	let readOnly = false;
	let conf: Conf<Record<string, unknown>> | undefined;

	const write = (data: ProgressData) => {
		if (readOnly) return;
		conf!.store = data as unknown as Record<string, unknown>;
	};

	const withLock = <T>(work: () => T): T => {
		const held = acquireLock(lockPath);
		try {
			return work();
		} finally {
			if (held) releaseLock(lockPath);
		}
	};

	// Check the file once at start, so a damaged one is reported (and moved aside) before conf opens it.
	withLock(() => load());
	conf = new Conf<Record<string, unknown>>({cwd: dir, configName: 'progress', clearInvalidConfig: false, serialize: value => JSON.stringify(value)});

	return {
		path,
		read: () => load(),
		updateChapter(id, change) {
			return withLock(() => {
				const data = load();
				const next = change(data.chapters[id]);
				const chapters = {...data.chapters};
				if (next) chapters[id] = {...next, updatedAt: now().toISOString()};
				else delete chapters[id];
				const updated: ProgressData = {...data, chapters};
				write(updated);
				return updated;
			});
		},
		setLastChapter(id) {
			withLock(() => {
				const data = load();
				if (data.lastChapter !== id) write({...data, lastChapter: id});
			});
		},
		replaceAll(data) {
			withLock(() => write(data));
		},
		saveSnapshot(chapterId, data) {
			if (readOnly) return;
			mkdirSync(snapshotDir, {recursive: true});
			const file = snapshotFile(chapterId);
			// Atomic: a crash mid-write leaves the old snapshot, never half a new one.
			const temporary = `${file}.${process.pid}.tmp`;
			writeFileSync(temporary, JSON.stringify(data));
			renameSync(temporary, file);
		},
		loadSnapshot(chapterId) {
			try {
				return JSON.parse(readFileSync(snapshotFile(chapterId), 'utf8'));
			} catch {
				return undefined;
			}
		},
		dropSnapshot(chapterId) {
			rmSync(snapshotFile(chapterId), {force: true});
		},
		takeNotices() {
			return notices.splice(0, notices.length);
		},
	};
}

/**
 * A chapter key as a file name: a plain chapter id as it is; a pack-scoped key ("/path/to/pack#id",
 * pack-scope.ts) shortened and made unique by a digest, as its folder's path may be long or differ
 * from another only in characters a file name cannot hold.
 */
function snapshotName(key: string): string {
	if (/^[a-z0-9-]+$/i.test(key)) return key;
	const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
	return `${key.replace(/[^a-z0-9-]/gi, '_').slice(-80)}-${digest}`;
}

/** An exclusive lock file; a lock older than `staleLockMs` is a crashed tutor's and is taken over. */
function acquireLock(lockPath: string): boolean {
	mkdirSync(dirname(lockPath), {recursive: true});
	const deadline = Date.now() + lockWaitMs;
	const sleeper = new Int32Array(new SharedArrayBuffer(4));
	for (;;) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			return true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false; // read-only folder: work unlocked
			try {
				if (Date.now() - statSync(lockPath).mtimeMs > staleLockMs) unlinkSync(lockPath);
			} catch {
				// gone already: try again
			}
			// Writes are atomic anyway: after waiting this long, go ahead rather than hang the tutor.
			if (Date.now() > deadline) return false;
			Atomics.wait(sleeper, 0, 0, 5);
		}
	}
}

function releaseLock(lockPath: string): void {
	try {
		unlinkSync(lockPath);
	} catch {
		// already removed (taken over as stale)
	}
}

/** A store kept in memory: for tests and for the classroom's students (whose progress lives with the host). */
export function memoryProgressStore(initial: ProgressData = emptyProgress()): ProgressStore {
	let data = structuredClone(initial);
	const snapshots = new Map<string, string>();
	return {
		path: '(memory)',
		read: () => structuredClone(data),
		updateChapter(id, change) {
			const next = change(data.chapters[id]);
			const chapters = {...data.chapters};
			if (next) chapters[id] = next;
			else delete chapters[id];
			data = {...data, chapters};
			return structuredClone(data);
		},
		setLastChapter(id) {
			data = {...data, lastChapter: id};
		},
		replaceAll(next) {
			data = structuredClone(next);
		},
		saveSnapshot: (id, snapshot) => void snapshots.set(id, JSON.stringify(snapshot)),
		loadSnapshot: id => (snapshots.has(id) ? JSON.parse(snapshots.get(id)!) : undefined),
		dropSnapshot: id => void snapshots.delete(id),
		takeNotices: () => [],
	};
}
