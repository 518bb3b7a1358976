// The instructor's typed commands in plain mode (the dashboard has keys for the same things).
import type {ClassroomHost} from './host-server.ts';
import {parseChapterList} from './chapter-list.ts';
import {minutesLeft, parseTimebox, timeboxUsage, timeOfDay} from './timebox.ts';
import {openRefs} from './protocol.ts';
import {isStuck, pacingOf} from './room.ts';
import {nameKey} from './sanitize.ts';

export const hostCommandHelp = 'commands: open N · open 3,5 · close 3 · close 3 at 11:30 · release · pause · resume · say TEXT · msg NAME TEXT · hands · who · remove NAME · rename NAME NEW · reset NAME CHAPTER · help';

/** Runs one line typed by the instructor; returns the reply to print. */
export async function runHostCommand(host: ClassroomHost, line: string, now: number): Promise<string> {
	const [word = '', ...rest] = line.trim().split(/\s+/);
	const room = host.room;
	switch (word.toLowerCase()) {
		case '':
			return '';
		case 'release': {
			const before = openRefs(pacingOf(room));
			if (before.length >= room.chapters.length) return 'every chapter of the session is already open';
			await host.releaseNext();
			return `released chapter ${openRefs(pacingOf(room)).filter(ref => !before.includes(ref)).join(', ')}`;
		}
		case 'open':
		case 'close': {
			const verb = word.toLowerCase();
			const open = () => `open: ${openRefs(pacingOf(room)).join(', ') || 'none'}`;
			if (verb === 'close' && ['at', 'in', 'never'].includes(rest[1] ?? '')) return timeboxCommand(host, rest.join(' '), now);
			const arg = rest.join('');
			// "open 2": the first two chapters; "open 3,5" or "open 3-5": exactly those; "close 3": all but it.
			if (verb === 'open' && /^\d+$/.test(arg)) {
				await host.setOpenCount(Number(arg));
				return open();
			}
			const parsed = arg ? parseChapterList(arg) : {error: ''};
			if ('error' in parsed) return verb === 'open' ? 'open N opens the first N chapters; open 3,5 (or 3-5) opens exactly those' : 'close 3 (or 3,5) closes those chapters';
			const unknown = parsed.chapters.filter(ref => !room.chapters.includes(ref));
			if (unknown.length > 0) return `not a chapter of this session: ${unknown.join(', ')} (the session has ${room.chapters.join(', ')})`;
			const current = openRefs(pacingOf(room));
			await host.setOpen(verb === 'open' ? parsed.chapters : current.filter(ref => !parsed.chapters.includes(ref)));
			return open();
		}
		case 'pause':
			await host.setPaused(true);
			return 'the room is paused (eyes on you)';
		case 'resume':
			await host.setPaused(false);
			return 'the room is resumed';
		case 'say': {
			const text = line.trim().slice(3).trim();
			if (!text) return 'say TEXT: show TEXT on every screen';
			await host.broadcast(text);
			return 'sent';
		}
		case 'msg': {
			const [name = '', ...words] = rest;
			const text = words.join(' ');
			if (!name || !text) return 'msg NAME TEXT: show TEXT on that student\'s screen only';
			const student = findStudent(host, name);
			if (!student) return `no student named "${name}"; see who`;
			return (await host.message(student.id, text)) ? `sent to ${student.name}` : `${student.name} is offline: the message is in the log, not on their screen`;
		}
		case 'remove': {
			const student = rest.length === 1 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 1 ? `no student named "${rest[0]}"; see who` : 'remove NAME: take a student off the roster (a fake or mistyped join)';
			await host.remove(student.id);
			return `removed ${student.name}; the name and the seat are free again`;
		}
		case 'rename': {
			const student = rest.length === 2 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 2 ? `no student named "${rest[0]}"; see who` : 'rename NAME NEW: correct a student\'s name';
			const before = student.name;
			const problem = await host.rename(student.id, rest[1]!);
			return problem ?? `renamed ${before} to ${student.name}`;
		}
		case 'reset': {
			const student = rest.length === 2 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 2 ? `no student named "${rest[0]}"; see who` : 'reset NAME CHAPTER: clear one student\'s record of a chapter (its id or number)';
			const ref = rest[1]!;
			const chapterId = Object.keys(student.chapterSteps).find(id => id === ref || String(student.chapterNumbers[id]) === ref);
			if (!chapterId) return `${student.name} has no record of chapter ${ref}`;
			await host.resetChapter(student.id, chapterId);
			return `cleared ${student.name}'s record of chapter ${chapterId}`;
		}
		case 'hands': {
			const up = room.studentOrder.map(id => room.students[id]!).filter(student => student.hand);
			if (up.length === 0) return 'no hands up';
			return up.map(student => `✋ ${student.name}${student.hand!.chapterId ? ` on ${student.hand!.chapterId} step ${student.hand!.stepIndex! + 1}/${student.hand!.stepCount}` : ''}${student.hand!.lastCommand ? `; last command: ${student.hand!.lastCommand.line}` : ''}`).join('\n');
		}
		case 'who': {
			const rows = room.studentOrder.map(id => {
				const student = room.students[id]!;
				const where = student.current ? `${student.current.chapterId} step ${student.current.stepIndex + 1}/${student.current.stepCount}` : 'not started';
				return `${student.hand ? '✋ ' : ''}${student.name}: ${where}${isStuck(student, now, host.isConnected(id)) ? ' (stuck)' : ''}${host.isConnected(id) ? '' : ' (offline)'}`;
			});
			return rows.length > 0 ? rows.join('\n') : 'nobody has joined yet';
		}
		case 'help':
			return hostCommandHelp;
		default:
			return `unknown command "${word}"; ${hostCommandHelp}`;
	}
}

/** "close 2 at 11:30", "close 2 in 20m", "close 2 never": a time box, with a countdown on the students' status lines. */
export async function timeboxCommand(host: Pick<ClassroomHost, 'room' | 'timebox'>, text: string, now: number): Promise<string> {
	const request = parseTimebox(text, now);
	if ('error' in request) return `close ${timeboxUsage}: ${request.error}`;
	if (!host.room.chapters.includes(request.chapter)) return `not a chapter of this session: ${request.chapter} (the session has ${host.room.chapters.join(', ')})`;
	await host.timebox(request.chapter, request.closesAt);
	return request.closesAt === null ? `chapter ${request.chapter} has no closing time now` : `chapter ${request.chapter} closes at ${timeOfDay(request.closesAt)} (${minutesLeft(request.closesAt, now)} min); students see the countdown`;
}

/** A student by name as typed (case-insensitive). */
function findStudent(host: ClassroomHost, name: string) {
	const key = nameKey(name);
	return host.room.studentOrder.map(id => host.room.students[id]!).find(student => nameKey(student.name) === key);
}
