// A session folder: session.json (join code, chapters, when) and events.jsonl (the log).
// Opening an existing folder replays the log, so the room resumes exactly where it was.
import {closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {z} from 'zod';
import {newJoinCode} from './credentials.ts';
import {loadLog, openEventLog, type EventLog, type LoadedLog} from './event-log.ts';
import {applyRecord, emptyRoom, type Room} from './room.ts';

const metaSchema = z.object({
	format: z.literal(1),
	code: z.string().min(1),
	chapters: z.array(z.string()),
	createdAt: z.number(),
	appVersion: z.string(),
});
export type SessionMeta = z.infer<typeof metaSchema>;

export const metaFile = 'session.json';
export const logFile = 'events.jsonl';

export type OpenedSession = {dir: string; meta: SessionMeta; room: Room; log: EventLog; resumed: boolean; loaded: LoadedLog};

export class SessionFolderError extends Error {}

export function readSessionMeta(dir: string): SessionMeta {
	const path = join(dir, metaFile);
	if (!existsSync(path)) throw new SessionFolderError(`${dir} is not a classroom session folder (no ${metaFile} in it)`);
	let data: unknown;
	try {
		data = JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		throw new SessionFolderError(`${path} is not valid JSON`);
	}
	const parsed = metaSchema.safeParse(data);
	if (!parsed.success) throw new SessionFolderError(`${path} is not a session file this version understands`);
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

export async function openSession(dir: string, settings: {chapters: string[]; appVersion: string; now: number}): Promise<OpenedSession> {
	const resumed = existsSync(join(dir, metaFile));
	let meta: SessionMeta;
	if (resumed) meta = readSessionMeta(dir);
	else {
		mkdirSync(dir, {recursive: true});
		meta = {format: 1, code: newJoinCode(), chapters: settings.chapters, createdAt: settings.now, appVersion: settings.appVersion};
		writeDurably(join(dir, metaFile), JSON.stringify(meta, null, 2) + '\n');
	}
	const loaded = loadLog(join(dir, logFile), true);
	const room = emptyRoom(meta.code, meta.chapters);
	for (const record of loaded.records) applyRecord(room, record);
	const log = await openEventLog(join(dir, logFile));
	return {dir, meta, room, log, resumed, loaded};
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
