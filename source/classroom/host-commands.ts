// The instructor's typed commands in plain mode (the dashboard has keys for the same things).
import type {ClassroomHost} from './host-server.ts';
import {isStuck} from './room.ts';

export const hostCommandHelp = 'commands: open N · release · pause · resume · say TEXT · who · help';

/** Runs one line typed by the instructor; returns the reply to print. */
export async function runHostCommand(host: ClassroomHost, line: string, now: number): Promise<string> {
	const [word = '', ...rest] = line.trim().split(/\s+/);
	const room = host.room;
	switch (word.toLowerCase()) {
		case '':
			return '';
		case 'release':
			if (room.openCount >= room.chapters.length) return 'every chapter of the session is already open';
			await host.releaseNext();
			return `released chapter ${room.chapters[room.openCount - 1]}`;
		case 'open': {
			const count = Number(rest[0]);
			if (!Number.isInteger(count) || count < 0) return 'open N: open the first N chapters of the session, e.g. open 2';
			await host.setOpenCount(count);
			return `open: ${room.chapters.slice(0, room.openCount).join(', ') || 'none'}`;
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
		case 'who': {
			const rows = room.studentOrder.map(id => {
				const student = room.students[id]!;
				const where = student.current ? `${student.current.chapterId} step ${student.current.stepIndex + 1}/${student.current.stepCount}` : 'not started';
				return `${student.name}: ${where}${isStuck(student, now, host.isConnected(id)) ? ' (stuck)' : ''}${host.isConnected(id) ? '' : ' (offline)'}`;
			});
			return rows.length > 0 ? rows.join('\n') : 'nobody has joined yet';
		}
		case 'help':
			return hostCommandHelp;
		default:
			return `unknown command "${word}"; ${hostCommandHelp}`;
	}
}
