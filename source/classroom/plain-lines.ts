// Plain mode for the host (not a terminal, or --plain): one line per thing that happened,
// so the session can run in the background with its output in a file.
import type {HostChange} from './host-server.ts';
import type {Room} from './room.ts';

export function clockTime(at: number): string {
	const date = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The line for one change, or undefined for changes not worth a line. `now` stamps connection changes. */
export function plainLine(change: HostChange, room: Room, now: number): string | undefined {
	const nameOf = (id: string) => room.students[id]?.name ?? id;
	if (change.kind === 'connected') return `${clockTime(now)} ${nameOf(change.studentId)} connected`;
	if (change.kind === 'disconnected') return `${clockTime(now)} ${nameOf(change.studentId)} disconnected`;
	if (change.kind === 'rejected') return `${clockTime(now)} refused a join: ${change.detail}`;
	if (change.kind !== 'record') return undefined;
	const record = change.record;
	const at = clockTime(record.at);
	switch (record.r) {
		case 'joined':
			return `${at} ${record.name} joined`;
		case 'pacing':
			return `${at} chapters open: ${room.chapters.slice(0, record.openCount).join(', ') || 'none'}`;
		case 'paused':
			return `${at} ${record.paused ? 'paused the room' : 'resumed the room'}`;
		case 'broadcast':
			return `${at} broadcast: ${record.text}`;
		case 'event': {
			const name = nameOf(record.studentId);
			const student = room.students[record.studentId];
			const event = record.event;
			const stepLabel = (chapterId: string, stepId: string) => {
				const step = student?.steps[`${chapterId}/${stepId}`];
				const count = student?.chapterSteps[chapterId];
				return step && step.stepIndex >= 0 ? `${chapterId} step ${step.stepIndex + 1}${count ? `/${count}` : ''}` : `${chapterId} ${stepId}`;
			};
			switch (event.kind) {
				case 'step-entered':
					return `${at} ${name} is on ${stepLabel(event.chapterId, event.stepId)}: ${event.title}`;
				case 'step-passed':
					return `${at} ${name} passed ${stepLabel(event.chapterId, event.stepId)}${event.withHelp ? ' (with help)' : ''}`;
				case 'hint-used':
					return `${at} ${name} took hint ${event.hintNumber} on ${stepLabel(event.chapterId, event.stepId)}`;
				case 'solution-shown':
					return `${at} ${name} showed the solution of ${stepLabel(event.chapterId, event.stepId)}`;
				case 'check-failed':
					return `${at} ${name} check failed on ${stepLabel(event.chapterId, event.stepId)}${event.unmet.length ? `: ${event.unmet.join('; ')}` : ''}`;
				case 'command-run':
					return `${at} ${name} $ ${event.line}${event.exitCode !== 0 ? `  (exit ${event.exitCode})` : ''}`;
			}
		}
	}
}
