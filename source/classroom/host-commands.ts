// The instructor's typed commands in plain mode (the dashboard has keys for the same things).
import type {ClassroomHost, RenameProblem} from './host-server.ts';
import {parseChapterList} from './chapter-list.ts';
import {minutesLeft, parseTimebox, timeOfDay} from './timebox.ts';
import {openRefs} from './protocol.ts';
import {defaultStuckRule, isStuck, pacingOf, stuckScope, type StuckRule} from './room.ts';
import {nameKey} from './sanitize.ts';
import {messages} from '../i18n/catalog.ts';
import type {HostCommandText} from '../i18n/messages.ts';

export const hostCommandHelp = messages('en').hostCommand.help;

/** `say`: the instructor's language; `rule`: what counts as stuck (`--stuck-after`). */
export type HostCommandSettings = {say?: HostCommandText; rule?: StuckRule};

/** Runs one line typed by the instructor; returns the reply to print. */
export async function runHostCommand(host: ClassroomHost, line: string, now: number, settings: HostCommandSettings = {}): Promise<string> {
	const say = settings.say ?? messages('en').hostCommand;
	const [word = '', ...rest] = line.trim().split(/\s+/);
	const room = host.room;
	switch (word.toLowerCase()) {
		case '':
			return '';
		case 'release': {
			const before = openRefs(pacingOf(room));
			if (before.length >= room.chapters.length) return say.allOpen;
			await host.releaseNext();
			return say.released(openRefs(pacingOf(room)).filter(ref => !before.includes(ref)).join(', '));
		}
		case 'open':
		case 'close':
			if (word.toLowerCase() === 'close' && ['at', 'in', 'never'].includes(rest[1] ?? '')) return timeboxCommand(host, rest.join(' '), now, say);
			return chapterSetCommand(host, line, say);
		case 'pause':
			await host.setPaused(true);
			return say.paused;
		case 'resume':
			await host.setPaused(false);
			return say.resumed;
		case 'say': {
			const text = line.trim().slice(3).trim();
			if (!text) return say.sayUsage;
			await host.broadcast(text);
			return say.sent;
		}
		case 'msg': {
			const [name = '', ...words] = rest;
			const text = words.join(' ');
			if (!name || !text) return say.msgUsage;
			const student = findStudent(host, name);
			if (!student) return say.noStudent(name);
			return (await host.message(student.id, text)) ? say.sentTo(student.name) : say.offlineMessage(student.name);
		}
		case 'remove': {
			const student = rest.length === 1 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 1 ? say.noStudent(rest[0]!) : say.removeUsage;
			await host.remove(student.id);
			return say.removed(student.name);
		}
		case 'rename': {
			const student = rest.length === 2 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 2 ? say.noStudent(rest[0]!) : say.renameUsage;
			const before = student.name;
			const problem = await host.rename(student.id, rest[1]!);
			return problem ? renameProblemText(problem, say) : say.renamed(before, student.name);
		}
		case 'reset': {
			const student = rest.length === 2 ? findStudent(host, rest[0]!) : undefined;
			if (!student) return rest.length === 2 ? say.noStudent(rest[0]!) : say.resetUsage;
			const ref = rest[1]!;
			const chapterId = Object.keys(student.chapterSteps).find(id => id === ref || String(student.chapterNumbers[id]) === ref);
			if (!chapterId) return say.noRecord(student.name, ref);
			await host.resetChapter(student.id, chapterId);
			return say.cleared(student.name, chapterId);
		}
		case 'hands': {
			const up = room.studentOrder.map(id => room.students[id]!).filter(student => student.hand);
			if (up.length === 0) return say.noHands;
			return up.map(student => say.hand(student.name, student.hand!.chapterId ? say.where(student.hand!.chapterId, student.hand!.stepIndex! + 1, student.hand!.stepCount ?? 0) : '', student.hand!.lastCommand?.line ?? '')).join('\n');
		}
		case 'who': {
			const scope = stuckScope(room);
			const rows = room.studentOrder.map(id => {
				const student = room.students[id]!;
				const online = host.isConnected(id);
				const where = student.current ? say.where(student.current.chapterId, student.current.stepIndex + 1, student.current.stepCount) : say.notStarted;
				return `${student.hand ? '✋ ' : ''}${student.name}: ${where}${isStuck(student, now, online, settings.rule ?? defaultStuckRule, scope) ? say.stuck : ''}${online ? '' : say.offline}`;
			});
			return rows.length > 0 ? rows.join('\n') : say.nobody;
		}
		case 'help':
			return say.help;
		default:
			return say.unknown(word);
	}
}

/**
 * Which chapters are open: "open 2" (the first two), "open 3,5" or "open 3-5" (exactly those),
 * "close 3" (all but it). The dashboard's c key takes the same, "open" being the default verb.
 */
export async function chapterSetCommand(host: Pick<ClassroomHost, 'room' | 'setOpen' | 'setOpenCount'>, text: string, say: HostCommandText = messages('en').hostCommand): Promise<string> {
	const room = host.room;
	const [first = '', ...others] = text.trim().split(/\s+/);
	const verb = first.toLowerCase() === 'close' ? 'close' : 'open';
	const arg = (['open', 'close'].includes(first.toLowerCase()) ? others : [first, ...others]).join('');
	const open = () => say.open(openRefs(pacingOf(room)).join(', ') || say.none);
	if (verb === 'open' && /^\d+$/.test(arg)) {
		await host.setOpenCount(Number(arg));
		return open();
	}
	const parsed = arg ? parseChapterList(arg) : {error: ''};
	if ('error' in parsed) return verb === 'open' ? say.openUsage : say.closeUsage;
	const unknown = parsed.chapters.filter(ref => !room.chapters.includes(ref));
	if (unknown.length > 0) return say.notInSession(unknown.join(', '), room.chapters.join(', '));
	const current = openRefs(pacingOf(room));
	await host.setOpen(verb === 'open' ? parsed.chapters : current.filter(ref => !parsed.chapters.includes(ref)));
	return open();
}

/** "close 2 at 11:30", "close 2 in 20m", "close 2 never": a time box, with a countdown on the students' status lines. */
export async function timeboxCommand(host: Pick<ClassroomHost, 'room' | 'timebox'>, text: string, now: number, say: HostCommandText = messages('en').hostCommand): Promise<string> {
	const request = parseTimebox(text, now, say);
	// The usage is already the start of the line: say what was typed instead of repeating it.
	if ('error' in request) return say.timeboxProblem(request.error === say.timeboxUsage ? say.notTimebox(text.trim()) : request.error);
	if (!host.room.chapters.includes(request.chapter)) return say.notInSession(request.chapter, host.room.chapters.join(', '));
	await host.timebox(request.chapter, request.closesAt);
	return request.closesAt === null ? say.noClosingTime(request.chapter) : say.closesAt(request.chapter, timeOfDay(request.closesAt), minutesLeft(request.closesAt, now));
}

export function renameProblemText(problem: RenameProblem, say: HostCommandText): string {
	switch (problem.kind) {
		case 'bad-name':
			return say.badName;
		case 'looks-like':
			return say.looksLike(problem.name, problem.other);
		case 'no-such-student':
			return say.noSuchStudent;
	}
}

/** A student by name as typed (case-insensitive). */
function findStudent(host: ClassroomHost, name: string) {
	const key = nameKey(name);
	return host.room.studentOrder.map(id => host.room.students[id]!).find(student => nameKey(student.name) === key);
}
