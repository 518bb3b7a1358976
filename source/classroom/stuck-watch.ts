// Plain mode has no grid to turn red: it says once when a student gets stuck, and once when
// they move again.
import {clockTime} from './plain-lines.ts';
import {chapterOpen} from './protocol.ts';
import {defaultStuckRule, pacingOf, stepKey, stuckKind, timeOnStep, type Room, type StuckRule} from './room.ts';
import {messages} from '../i18n/catalog.ts';
import type {HostText} from '../i18n/messages.ts';

export function stuckWatcher(rule: StuckRule = defaultStuckRule, say: HostText = messages('en').host) {
	const stuck = new Set<string>();
	return (room: Room, now: number, online: (studentId: string) => boolean): string[] => {
		const lines: string[] = [];
		const pacing = pacingOf(room);
		for (const id of room.studentOrder) {
			const student = room.students[id]!;
			const kind = stuckKind(student, now, online(id), rule, pacing);
			const stuckNow = kind !== undefined;
			if (stuckNow === stuck.has(id)) continue;
			if (stuckNow) {
				stuck.add(id);
				const current = student.current;
				const step = current ? student.steps[stepKey(current.chapterId, current.stepId)] : undefined;
				const where = current ? say.stuckWhere(current.chapterId, current.stepIndex + 1, current.stepCount) : '';
				const minutes = Math.floor(timeOnStep(student, now) / 60_000);
				const why = kind === 'failing' ? say.failing(minutes, step?.failedCommands ?? 0, step?.failedChecks ?? 0) : say.idle(minutes);
				const unmet = step?.unmet.length ? say.stillUnmet(step.unmet.join('; ')) : '';
				lines.push(`${clockTime(now)} ${say.stuck(student.name, where, why, unmet)}`);
			} else {
				stuck.delete(id);
				// One who left is not moving again: the disconnect has its own line; nor one whose chapter the instructor closed.
				const current = student.current;
				const closed = current !== undefined && !chapterOpen(pacing, {id: current.chapterId, number: current.chapterNumber});
				if (online(id) && !closed) lines.push(`${clockTime(now)} ${say.movingAgain(student.name)}`);
			}
		}
		return lines;
	};
}
