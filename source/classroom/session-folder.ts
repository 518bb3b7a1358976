// A session folder: session.json (join code, chapters, when) and events.jsonl (the log).
// Opening an existing folder replays the log, so the room resumes exactly where it was.
import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {z} from 'zod';
import {messages} from '../i18n/catalog.ts';
import {newJoinCode, newToken} from './credentials.ts';
import {loadLog, openEventLog, type EventLog, type LoadedLog} from './event-log.ts';
import type {ExamRules} from './protocol.ts';
import {applyRecord, emptyRoom, type Room} from './room.ts';
import type {SessionProblem} from './session-problem.ts';

const metaSchema = z.object({
	format: z.literal(1),
	code: z.string().min(1),
	chapters: z.array(z.string()),
	createdAt: z.number(),
	appVersion: z.string(),
	/** A graded lab: hints and/or solutions off for the whole session. */
	exam: z.object({noHints: z.boolean(), noSolutions: z.boolean()}).optional(),
	/** Opens the projector page; kept, so a resumed host keeps the projector's URL. */
	projectorKey: z.string().optional(),
});
export type SessionMeta = z.infer<typeof metaSchema>;

export type {SessionProblem} from './session-problem.ts';

export const metaFile = 'session.json';
export const logFile = 'events.jsonl';
export const lockFile = 'host.lock';

export type OpenedSession = {dir: string; meta: SessionMeta; room: Room; log: EventLog; resumed: boolean; loaded: LoadedLog; release(): void};

export class SessionFolderError extends Error {
	constructor(readonly problem: SessionProblem) {
		super(sessionProblemText(problem));
	}
}

/** The English words (the instructor's language comes from the same catalogue entry). */
export function sessionProblemText(problem: SessionProblem): string {
	return messages('en').hostCommand.sessionProblem(problem);
}

export function readSessionMeta(dir: string): SessionMeta {
	const path = join(dir, metaFile);
	if (!existsSync(path)) throw new SessionFolderError({kind: 'not-a-session', dir});
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		throw new SessionFolderError({kind: 'bad-json', path});
	}
	const parsed = metaSchema.safeParse(data);
	if (!parsed.success) throw new SessionFolderError({kind: 'unknown-format', path});
	return parsed.data;
}

/** Replays the folder's log into a room without opening it for writing (export, tests). */
export function readSession(dir: string): {meta: SessionMeta; room: Room; loaded: LoadedLog} {
	const meta = readSessionMeta(dir);
	const loaded = loadLog(join(dir, logFile), false);
	const room = emptyRoom(meta.code, meta.chapters);
	for (const record of loaded.records) applyRecord(room, record);
	return {meta, room, loaded};
}

export async function openSession(dir: string, settings: {chapters: string[]; appVersion: string; now: number; exam?: ExamRules}): Promise<OpenedSession> {
	const resumed = existsSync(join(dir, metaFile));
	if (!resumed && existsSync(dir) && readdirSync(dir).length > 0) {
		throw new SessionFolderError({kind: 'other-files', dir});
	}
	mkdirSync(dir, {recursive: true});
	const release = lockFolder(dir);
	try {
		let meta: SessionMeta;
		if (resumed) meta = readSessionMeta(dir);
		else {
			meta = {format: 1, code: newJoinCode(), projectorKey: newToken().slice(0, 12), chapters: settings.chapters, createdAt: settings.now, appVersion: settings.appVersion, ...(settings.exam && (settings.exam.noHints || settings.exam.noSolutions) ? {exam: settings.exam} : {})};
			writeDurably(join(dir, metaFile), JSON.stringify(meta, null, 2) + '\n');
		}
		const loaded = loadLog(join(dir, logFile), true);
		const room = emptyRoom(meta.code, meta.chapters);
		if (meta.exam) room.exam = meta.exam;
		for (const record of loaded.records) applyRecord(room, record);
		const log = await openEventLog(join(dir, logFile));
		return {dir, meta, room, log, resumed, loaded, release};
	} catch (error) {
		release();
		throw error;
	}
}

/** One host per folder: two would interleave their logs. A lock left by a killed host is taken over. */
function lockFolder(dir: string): () => void {
	const path = join(dir, lockFile);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(path, String(process.pid), {flag: 'wx'});
			return () => {
				try {
					if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
				} catch {}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(path, 'utf8').trim());
			if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
				throw new SessionFolderError({kind: 'locked', dir, pid: holder});
			}
			unlinkSync(path); // its host is gone (killed, or the computer restarted)
		}
	}
	throw new SessionFolderError({kind: 'cannot-lock', dir});
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function writeDurably(path: string, text: string): void {
	const temporary = `${path}.${process.pid}.tmp`;
	const fd = openSync(temporary, 'w');
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, path);
}

/** The default folder name: classroom-2026-11-25-0304 in the current directory. */
export function defaultSessionDir(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `classroom-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
