// Plain mode for the host (not a terminal, or --plain): one line per thing that happened,
// so the session can run in the background with its output in a file.
import type {HostChange} from './host-server.ts';
import type {Room} from './room.ts';
import {messages} from '../i18n/catalog.ts';
import type {HostText} from '../i18n/messages.ts';

export function clockTime(at: number): string {
	const date = new Date(at);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The line for one change, or undefined for changes not worth a line. `now` stamps connection changes. */
export function plainLine(change: HostChange, room: Room, now: number, say: HostText = messages('en').host): string | undefined {
	const nameOf = (id: string) => room.students[id]?.name ?? id;
	if (change.kind === 'connected') return `${clockTime(now)} ${say.connected(nameOf(change.studentId))}`;
	if (change.kind === 'disconnected') return `${clockTime(now)} ${say.disconnected(nameOf(change.studentId))}`;
	if (change.kind === 'rejected') return `${clockTime(now)} ${say.refused(change.detail)}`;
	if (change.kind === 'guessing') return `${clockTime(now)} ${say.guessing(change.storm.wrongLastMinute, change.storm.addresses)}`;
	if (change.kind !== 'record') return undefined;
	const record = change.record;
	const at = clockTime(record.at);
	switch (record.r) {
		case 'joined':
			return `${at} ${say.joined(record.name)}`;
		case 'pacing':
			return `${at} ${say.chaptersOpen(room.chapters.slice(0, record.openCount).join(', ') || say.none)}`;
		case 'opened':
			return `${at} ${say.chaptersOpen(record.open.join(', ') || say.none)}`;
		case 'paused':
			return `${at} ${record.paused ? say.paused : say.resumed}`;
		case 'broadcast':
			return `${at} ${say.broadcast(record.text)}`;
		case 'message':
			return `${at} ${say.messaged(nameOf(record.studentId), record.text)}`;
		case 'removed':
			return `${at} ${say.removed(record.studentId)}`;
		case 'renamed':
			return `${at} ${say.renamed(record.name)}`;
		case 'chapter-reset':
			return `${at} ${say.chapterReset(nameOf(record.studentId), record.chapterId)}`;
		case 'event': {
			const name = nameOf(record.studentId);
			const student = room.students[record.studentId];
			const event = record.event;
			const stepLabel = (chapterId: string, stepId: string) => {
				const step = student?.steps[`${chapterId}/${stepId}`];
				return step && step.stepIndex >= 0 ? say.step(chapterId, step.stepIndex + 1, student?.chapterSteps[chapterId]) : `${chapterId} ${stepId}`;
			};
			switch (event.kind) {
				case 'step-entered':
					return `${at} ${say.isOn(name, stepLabel(event.chapterId, event.stepId), event.title)}`;
				case 'step-passed':
					return `${at} ${say.passed(name, stepLabel(event.chapterId, event.stepId), Boolean(event.withHelp))}`;
				case 'hint-used':
					return `${at} ${say.hint(name, event.hintNumber, stepLabel(event.chapterId, event.stepId))}`;
				case 'solution-shown':
					return `${at} ${say.solution(name, stepLabel(event.chapterId, event.stepId))}`;
				case 'check-failed':
					return `${at} ${say.checkFailed(name, stepLabel(event.chapterId, event.stepId), event.unmet.join('; '))}`;
				case 'command-run':
					return `${at} ${say.command(name, event.line, event.exitCode)}`;
				case 'hand': {
					const hand = student?.hand;
					if (!event.raised || !hand) return `${at} ${say.handDown(name)}`;
					const where = hand.chapterId && hand.stepIndex !== undefined ? say.step(hand.chapterId, hand.stepIndex + 1, hand.stepCount) : '';
					return `${at} ${say.handUp(name, where, hand.lastCommand?.line ?? '')}`;
				}
			}
		}
	}
}
