// Progress on disk, through conf (atomic writes: a crash mid-write never leaves half a file).
// A file that cannot be read is moved aside, with a message naming where, and the learner starts
// fresh. Two tutors at once: every change is a read-modify-write of one chapter under a lock file,
// so neither loses the other's chapter and the file is never corrupted. The lock is tried, never
// waited for: a change that finds it held (or a save that fails: a read-only file, a full disk)
// stays in memory, the learner is told once in one line, and it is saved on a later try.
// Longer than ~300 lines because the lock, the read-modify-write and moving an unreadable file aside are only safe together.
import {accessSync, constants, existsSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {join, resolve} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {errorReason, makeFolder} from '../make-folder.ts';
import {readRegularFile} from '../regular-file.ts';
import type {PendingSavesRegistry} from './pending-saves.ts';
import {releaseLock, tryLock} from './progress-lock.ts';
import {emptyProgress, parseProgress, type ChapterProgress, type ProgressData} from './progress-schema.ts';

export type ProgressStoreOptions = {
	configDir?: string; // K8S_TUTOR_HOME; default: the OS's config folder for k8s-tutor
	now?: () => Date;
	/** How long after a failed save the next try comes (a held lock is tried again sooner). */
	retryMs?: number;
	/** The runner's registry of saves to finish before the process exits (cli.tsx's); none in most tests. */
	pendingSaves?: PendingSavesRegistry;
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
	/** Messages that come later (a save that failed, a lock held by another tutor), as they come. */
	watchNotices?(listener: (notice: string) => void): () => void;
	/** Resolves once nothing waits to be saved (or the last try failed for good). */
	settle?(): Promise<void>;
};

/** The config folder cannot be made or used: one line for the learner, and exit 1. */
export class ProgressFolderError extends Error {}

const progressFileLimit = 16 * 1024 * 1024;
const snapshotFileLimit = 256 * 1024 * 1024;
const busyRetryMs = 100;

export function openProgressStore(options: ProgressStoreOptions = {}): ProgressStore {
	const now = options.now ?? (() => new Date());
	const retryMs = options.retryMs ?? 5_000;
	const dir = resolve(options.configDir ?? envPaths('k8s-tutor', {suffix: 'nodejs'}).config);
	const folderProblem = makeFolder(dir);
	if (folderProblem) {
		const where = folderProblem.path === dir ? dir : `${dir} (${folderProblem.path})`;
		throw new ProgressFolderError(`cannot use ${where} for your progress: ${folderProblem.reason}. Set K8S_TUTOR_HOME to a folder you can write.`);
	}
	const path = join(dir, 'progress.json');
	const snapshotDir = join(dir, 'worlds');
	const snapshotFile = (chapterId: string) => join(snapshotDir, `${snapshotName(chapterId)}.json`);
	const notices: string[] = [];
	const listeners = new Set<(notice: string) => void>();
	const lockPath = path + '.lock';

	const notify = (notice: string) => {
		if (listeners.size === 0) notices.push(notice);
		for (const listener of listeners) listener(notice);
	};

	/** Reads and validates the file; an unreadable one is moved aside (and reported) and an empty progress returned. */
	const load = (): ProgressData => {
		if (!existsSync(path)) return emptyProgress();
		const read = readRegularFile(path, progressFileLimit);
		if (!read.ok) return read.problem === 'missing' ? emptyProgress() : moveAside(`it could not be read (${read.message})`);
		let raw: unknown;
		try {
			if (read.content.trim() === '') return emptyProgress();
			raw = JSON.parse(read.content);
		} catch {
			return moveAside('it is not valid JSON (truncated or damaged)');
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
			notices.push(`Your progress file ${path} could not be used (${reason}) nor moved aside (${errorReason(error)}); progress will not be saved this time.`);
			readOnly = true;
		}
		return emptyProgress();
	};

	let readOnly = false;
	let conf: Conf<Record<string, unknown>> | undefined;
	/** This process's view: what it last read or wrote, with its own changes not saved yet. */
	let memory: ProgressData | undefined;
	const dirty = {chapters: new Set<string>(), last: false, all: false};
	const isDirty = () => dirty.all || dirty.last || dirty.chapters.size > 0;
	const unsavedWorlds = new Map<string, unknown>();
	const failures = new Map<string, string>(); // where -> the failure last told there, so it is told once
	let waitingFor: string | undefined; // the lock holder last told
	let retryTimer: NodeJS.Timeout | undefined;

	/** The file's progress with this process's unsaved changes over it. */
	const merge = (disk: ProgressData): ProgressData => {
		if (!memory || !isDirty()) return disk;
		if (dirty.all) return memory;
		const chapters = {...disk.chapters};
		for (const id of dirty.chapters) {
			if (memory.chapters[id]) chapters[id] = memory.chapters[id]!;
			else delete chapters[id];
		}
		const merged: ProgressData = {...disk, chapters};
		if (dirty.last) {
			if (memory.lastChapter === undefined) delete merged.lastChapter;
			else merged.lastChapter = memory.lastChapter;
		}
		return merged;
	};

	const write = (data: ProgressData) => {
		if (readOnly) return;
		// conf's atomic write retries a refused open for a second, in a busy loop: ask first.
		accessSync(dir, constants.W_OK);
		if (existsSync(path)) accessSync(path, constants.W_OK);
		conf ??= new Conf<Record<string, unknown>>({cwd: dir, configName: 'progress', clearInvalidConfig: false, serialize: value => JSON.stringify(value)});
		conf.store = data as unknown as Record<string, unknown>;
	};

	const saved = (where: string) => {
		if (failures.delete(where)) notify(`Your progress is saved again in ${where}.`);
		if (where === path) waitingFor = undefined;
	};

	const failed = (where: string, error: unknown) => {
		const reason = errorReason(error);
		if (failures.get(where) !== reason) notify(`Your progress could not be saved in ${where}: ${reason}. You keep playing; k8s-tutor tries again as you go.`);
		failures.set(where, reason);
		schedule(retryMs, false);
	};

	const waiting = (holder: number | undefined) => {
		const who = holder === undefined ? 'another k8s-tutor' : `another k8s-tutor (pid ${holder})`;
		if (waitingFor !== who) notify(`${who} is saving; waiting`);
		waitingFor = who;
		schedule(busyRetryMs, true);
	};

	/** A later try; kept alive (ref) only while another tutor holds the lock, so a save is not lost at exit. */
	const schedule = (ms: number, keepAlive: boolean) => {
		if (retryTimer) clearTimeout(retryTimer);
		retryTimer = setTimeout(() => {
			retryTimer = undefined;
			flush();
		}, ms);
		if (!keepAlive) retryTimer.unref();
	};

	/** Applies `edit` under the lock to the file's latest progress, or to this process's view when another tutor holds the lock. */
	const change = (edit: (base: ProgressData) => ProgressData, mark: () => void): ProgressData => {
		const lock = tryLock(lockPath);
		const locked = lock.held || 'unlockable' in lock;
		try {
			memory = edit(locked ? merge(load()) : (memory ?? merge(load())));
			mark();
			if (!locked) {
				waiting('holder' in lock ? lock.holder : undefined);
				return memory;
			}
			try {
				write(memory);
				dirty.chapters.clear();
				dirty.last = dirty.all = false;
				saved(path);
			} catch (error) {
				failed(path, error);
			}
			return memory;
		} finally {
			if (lock.held) releaseLock(lockPath);
		}
	};

	const writeWorld = (chapterId: string, data: unknown) => {
		const problem = makeFolder(snapshotDir);
		if (problem) throw new Error(problem.reason);
		const file = snapshotFile(chapterId);
		// Atomic: a crash mid-write leaves the old snapshot, never half a new one.
		const temporary = `${file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(data));
		renameSync(temporary, file);
	};

	const flushWorlds = () => {
		if (readOnly) return;
		for (const [chapterId, data] of unsavedWorlds) {
			try {
				writeWorld(chapterId, data);
				unsavedWorlds.delete(chapterId);
				saved(snapshotDir);
			} catch (error) {
				failed(snapshotDir, error);
				return;
			}
		}
	};

	const flush = () => {
		if (isDirty()) change(base => base, () => undefined);
		flushWorlds();
	};

	// Check the file once at start, so a damaged one is reported (and moved aside) before conf opens it.
	load();

	const settle = async (): Promise<void> => {
		flush();
		// Wait only for a lock another tutor holds; a save that failed is already told and retried.
		while ((isDirty() || unsavedWorlds.size > 0) && waitingFor !== undefined && failures.size === 0) {
			await new Promise(resolve => setTimeout(resolve, busyRetryMs));
			flush();
		}
	};
	/** At exit, after waiting its time for a lock that stayed held: write anyway (atomically) rather than lose the learner's progress. */
	const lastResort = () => {
		if (!isDirty() || readOnly) return;
		try {
			write(merge(load()));
			dirty.chapters.clear();
			dirty.last = dirty.all = false;
		} catch (error) {
			failed(path, error);
		}
	};
	options.pendingSaves?.track({pending: () => waitingFor !== undefined && (isDirty() || unsavedWorlds.size > 0), settle, lastResort});

	return {
		path,
		read: () => merge(load()),
		updateChapter(id, update) {
			return change(
				base => {
					const next = update(base.chapters[id]);
					const chapters = {...base.chapters};
					if (next) chapters[id] = {...next, updatedAt: now().toISOString()};
					else delete chapters[id];
					return {...base, chapters};
				},
				() => dirty.chapters.add(id),
			);
		},
		setLastChapter(id) {
			if (merge(load()).lastChapter === id) return;
			change(base => ({...base, lastChapter: id}), () => (dirty.last = true));
		},
		replaceAll(data) {
			change(() => data, () => (dirty.all = true));
		},
		saveSnapshot(chapterId, data) {
			if (readOnly) return;
			unsavedWorlds.set(chapterId, data);
			flushWorlds();
		},
		loadSnapshot(chapterId) {
			if (unsavedWorlds.has(chapterId)) return unsavedWorlds.get(chapterId);
			const read = readRegularFile(snapshotFile(chapterId), snapshotFileLimit);
			if (!read.ok) return undefined;
			try {
				return JSON.parse(read.content);
			} catch {
				return undefined;
			}
		},
		dropSnapshot(chapterId) {
			unsavedWorlds.delete(chapterId);
			try {
				rmSync(snapshotFile(chapterId), {force: true});
			} catch {
				// a read-only folder: the old world stays, and a fresh start ignores it
			}
		},
		takeNotices() {
			return notices.splice(0, notices.length);
		},
		watchNotices(listener) {
			listeners.add(listener);
			for (const notice of notices.splice(0, notices.length)) listener(notice);
			return () => void listeners.delete(listener);
		},
		settle,
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
