// Plain mode has no grid to turn red: it says once when a student gets stuck, and once when
// they move again.
import {clockTime} from './plain-lines.ts';
import {defaultStuckRule, isStuck, stepKey, type Room, type StuckRule} from './room.ts';

export function stuckWatcher(rule: StuckRule = defaultStuckRule) {
	const stuck = new Set<string>();
	return (room: Room, now: number): string[] => {
		const lines: string[] = [];
		for (const id of room.studentOrder) {
			const student = room.students[id]!;
			const stuckNow = isStuck(student, now, rule);
			if (stuckNow === stuck.has(id)) continue;
			if (stuckNow) {
				stuck.add(id);
				const current = student.current;
				const step = current ? student.steps[stepKey(current.chapterId, current.stepId)] : undefined;
				const where = current ? ` on ${current.chapterId} step ${current.stepIndex + 1}/${current.stepCount}` : '';
				const minutes = Math.floor((now - student.lastProgressAt) / 60_000);
				const why = (step?.failedChecks ?? 0) >= rule.failedChecks ? `${step!.failedChecks} failed checks` : `${minutes} min without progress`;
				const unmet = step?.unmet.length ? `; still unmet: ${step.unmet.join('; ')}` : '';
				lines.push(`${clockTime(now)} STUCK: ${student.name}${where} (${why})${unmet}`);
			} else {
				stuck.delete(id);
				lines.push(`${clockTime(now)} ${student.name} is moving again`);
			}
		}
		return lines;
	};
}
