// What the host keeps so a student who rejoins from another computer resumes where they were:
// each chapter's progress record and world, as the student uploaded it (gzipped JSON, opaque to
// the host), in saves/<student id>/<chapter id>.json.gz inside the session folder. Served back
// only to the holder of that student's token, over plain HTTP on the classroom's port:
//   GET /progress               -> {chapters: {id: {updatedAt, bytes}}}
//   GET /progress/CHAPTER       -> the gzipped save
//   PUT /progress/CHAPTER?updatedAt=ISO   (body: the gzipped save) -> 204
// with the header `authorization: Bearer TOKEN`.
import {closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {join} from 'node:path';
import {hashToken} from './credentials.ts';
import type {LogRecord} from './log-records.ts';
import type {Room, Student} from './room.ts';

export const saveLimits = {
	/** One chapter's save, gzipped (a played chapter's world is 10-40 kB). */
	chapterBytes: 2 * 1024 * 1024,
	/** All of one student's saves. */
	studentBytes: 8 * 1024 * 1024,
	chapters: 60,
	/** Uploads per student per minute (a save follows each step, not each command). */
	perMinute: 30,
};

/** Chapter ids are [a-z0-9-] (chapter-schema); anything else is never a file name here. */
const chapterIdPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

export type SavedProgressFolder = {
	write(studentId: string, chapterId: string, data: Buffer): void;
	read(studentId: string, chapterId: string): Buffer | undefined;
	dropStudent(studentId: string): void;
	dropChapter(studentId: string, chapterId: string): void;
};

export function savedProgressFolder(sessionDir: string): SavedProgressFolder {
	const folder = (studentId: string) => join(sessionDir, 'saves', studentId.replace(/[^A-Za-z0-9]/g, '_'));
	const file = (studentId: string, chapterId: string) => join(folder(studentId), `${chapterId}.json.gz`);
	return {
		write(studentId, chapterId, data) {
			mkdirSync(folder(studentId), {recursive: true});
			const path = file(studentId, chapterId);
			const temporary = `${path}.tmp`;
			const fd = openSync(temporary, 'w', 0o600);
			try {
				writeSync(fd, data);
				fsyncSync(fd);
			} finally {
				closeSync(fd);
			}
			renameSync(temporary, path);
		},
		read(studentId, chapterId) {
			try {
				return readFileSync(file(studentId, chapterId));
			} catch {
				return undefined;
			}
		},
		dropStudent: studentId => rmSync(folder(studentId), {recursive: true, force: true}),
		dropChapter: (studentId, chapterId) => rmSync(file(studentId, chapterId), {force: true}),
	};
}

export type SavedProgressSource = {room: Room; folder: SavedProgressFolder; record(entry: LogRecord): Promise<void>; now(): number};

/** A path piece as text; a malformed escape (%zz) is no chapter id, never an exception. */
function decoded(piece: string): string {
	try {
		return decodeURIComponent(piece);
	} catch {
		return '';
	}
}

/** The routes under /progress; `handles` tells whether a request is theirs. */
export function savedProgressRoutes(source: SavedProgressSource) {
	const busy = new Set<string>(); // students with an upload under way
	const recent = new Map<string, number[]>(); // student id -> upload times in the last minute

	const answer = (response: ServerResponse, status: number, body?: string | Buffer, type = 'text/plain; charset=utf-8') => {
		response.writeHead(status, {'cache-control': 'no-store', ...(body !== undefined ? {'content-type': type, 'content-length': Buffer.byteLength(body)} : {})});
		response.end(body);
	};
	const studentFor = (request: IncomingMessage): Student | undefined => {
		const token = /^Bearer\s+(\S{1,128})$/.exec(request.headers.authorization ?? '')?.[1];
		if (!token) return undefined;
		const hash = hashToken(token);
		const room = source.room;
		const id = room.studentOrder.find(candidate => room.students[candidate]!.tokenHash === hash);
		return id === undefined ? undefined : room.students[id];
	};

	function handle(request: IncomingMessage, response: ServerResponse): void {
		const url = new URL(request.url ?? '/', 'http://host');
		const student = studentFor(request);
		if (!student) {
			request.resume();
			return answer(response, 401, 'k8s-tutor classroom: unknown or missing student token\n');
		}
		const chapterId = url.pathname === '/progress' ? undefined : decoded(url.pathname.slice('/progress/'.length));
		if (chapterId !== undefined && !chapterIdPattern.test(chapterId)) {
			request.resume();
			return answer(response, 400, 'k8s-tutor classroom: not a chapter id\n');
		}
		if (request.method === 'GET') {
			request.resume();
			if (chapterId === undefined) return answer(response, 200, JSON.stringify({chapters: student.saved}), 'application/json');
			const data = student.saved[chapterId] ? source.folder.read(student.id, chapterId) : undefined;
			return data ? answer(response, 200, data, 'application/gzip') : answer(response, 404, `k8s-tutor classroom: no saved progress for chapter ${chapterId}\n`);
		}
		if (request.method === 'PUT' && chapterId !== undefined) return receive(request, response, student, chapterId, url.searchParams.get('updatedAt') ?? '');
		request.resume();
		answer(response, 405, 'k8s-tutor classroom: GET or PUT\n');
	}

	function receive(request: IncomingMessage, response: ServerResponse, student: Student, chapterId: string, updatedAt: string) {
		const refuse = (status: number, text: string) => {
			request.resume();
			answer(response, status, `k8s-tutor classroom: ${text}\n`);
		};
		if (updatedAt.length > 40 || Number.isNaN(Date.parse(updatedAt))) return refuse(400, 'updatedAt must be a date');
		const now = source.now();
		const times = (recent.get(student.id) ?? []).filter(at => now - at < 60_000);
		recent.set(student.id, times);
		if (busy.has(student.id) || times.length >= saveLimits.perMinute) return refuse(429, 'too many saves at once; try again shortly');
		const others = Object.entries(student.saved).filter(([id]) => id !== chapterId);
		if (!student.saved[chapterId] && others.length >= saveLimits.chapters) return refuse(413, `at most ${saveLimits.chapters} chapters are kept per student`);
		const left = saveLimits.studentBytes - others.reduce((sum, [, saved]) => sum + saved.bytes, 0);
		const limit = Math.min(saveLimits.chapterBytes, left);
		const declared = Number(request.headers['content-length'] ?? 0);
		if (declared > limit) return refuse(413, `a save is at most ${limit} bytes here`);
		busy.add(student.id);
		times.push(now);
		const chunks: Buffer[] = [];
		let size = 0;
		let over = false;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) over = true;
			else chunks.push(chunk);
		});
		request.on('error', () => busy.delete(student.id));
		request.on('end', () => {
			const data = Buffer.concat(chunks);
			const done = (status: number, text?: string) => {
				busy.delete(student.id);
				answer(response, status, text === undefined ? undefined : `k8s-tutor classroom: ${text}\n`);
			};
			if (over) return done(413, `a save is at most ${limit} bytes here`);
			if (data.length < 2 || data[0] !== 0x1f || data[1] !== 0x8b) return done(400, 'a save is gzipped JSON');
			// Removed meanwhile: nothing is kept for a student no longer in the room.
			if (!source.room.students[student.id]) return done(401, 'unknown or missing student token');
			try {
				source.folder.write(student.id, chapterId, data);
			} catch (error) {
				return done(500, `the host could not keep the save: ${(error as Error).message}`);
			}
			source.record({r: 'saved', at: source.now(), studentId: student.id, chapterId, updatedAt, bytes: data.length}).then(
				() => done(204),
				(error: Error) => done(500, `the host could not log the save: ${error.message}`),
			);
		});
	}

	return {
		handles: (request: IncomingMessage) => /^\/progress(\/|$|\?)/.test(request.url ?? ''),
		handle,
	};
}
