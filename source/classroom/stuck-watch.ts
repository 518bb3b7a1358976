// Plain mode has no grid to turn red: it says once when a student gets stuck, and once when
// they move again.
import {clockTime} from './plain-lines.ts';
import {defaultStuckRule, stepKey, stuckKind, stuckScope, timeOnStep, type Room, type StuckRule} from './room.ts';
import {messages} from '../i18n/catalog.ts';
import type {HostText} from '../i18n/messages.ts';

export function stuckWatcher(rule: StuckRule = defaultStuckRule, say: HostText = messages('en').host) {
	const stuck = new Map<string, number>(); // studentId -> their last event when they got stuck
	return (room: Room, now: number, online: (studentId: string) => boolean): string[] => {
		// Paused, the room is listening to the instructor: who was stuck before is still told apart after.
		if (room.paused) return [];
		const lines: string[] = [];
		const scope = stuckScope(room);
		for (const id of room.studentOrder) {
			const student = room.students[id]!;
			const kind = stuckKind(student, now, online(id), rule, scope);
			const stuckNow = kind !== undefined;
			if (stuckNow === stuck.has(id)) continue;
			if (stuckNow) {
				stuck.set(id, student.lastEventAt);
				const current = student.current;
				const step = current ? student.steps[stepKey(current.chapterId, current.stepId)] : undefined;
				const where = current ? say.stuckWhere(current.chapterId, current.stepIndex + 1, current.stepCount) : '';
				const minutes = Math.floor(timeOnStep(student, now) / 60_000);
				const why = kind === 'failing' ? say.failing(minutes, step?.failedCommands ?? 0, step?.failedChecks ?? 0) : say.idle(minutes);
				const unmet = step?.unmet.length ? say.stillUnmet(step.unmet.join('; ')) : '';
				lines.push(`${clockTime(now)} ${say.stuck(student.name, where, why, unmet)}`);
			} else {
				const eventWhenStuck = stuck.get(id)!;
				stuck.delete(id);
				// Moving again is something the student did. One who left has the disconnect's line; one
				// whose chapter closed, whose room was paused or whose limit was raised did not move.
				if (online(id) && student.lastEventAt > eventWhenStuck) lines.push(`${clockTime(now)} ${say.movingAgain(student.name)}`);
			}
		}
		return lines;
	};
}
