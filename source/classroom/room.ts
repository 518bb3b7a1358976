// The room as the host knows it, rebuilt from the log: replaying the same records gives the
// same room, which is how `classroom host --session DIR` resumes exactly. Text from students
// is sanitized on the way in (host-server.ts), so everything here is safe to print.
import type {LogRecord} from './log-records.ts';
import type {Pacing, ProgressEvent} from './protocol.ts';

export type StepRecord = {
	chapterId: string;
	chapterNumber: number;
	stepId: string;
	stepIndex: number;
	title: string;
	enteredAt?: number; // student's clock
	doneAt?: number; // student's clock
	timeMs: number; // time on the step until it was passed (or so far, at the last event)
	failedChecks: number; // checks asked for and failed, wrong quiz answers
	attempts: number; // commands run on the task while it was not passed, and failed checks
	hints: number;
	solutionShown: boolean;
	withHelp: boolean;
	unmet: string[];
};

export type CommandRecord = {line: string; exitCode: number; at: number};

export type Student = {
	id: string;
	name: string;
	tokenHash: string;
	joinedAt: number;
	lastSeq: number;
	/** Host clock of the last progress (entered or passed a step); stuck detection counts from it. */
	lastProgressAt: number;
	lastEventAt: number;
	current?: {chapterId: string; chapterNumber: number; stepId: string; stepIndex: number; stepCount: number; title: string};
	chapterSteps: Record<string, number>; // chapterId -> step count
	chapterNumbers: Record<string, number>; // chapterId -> its number in the pack
	steps: Record<string, StepRecord>; // "chapterId/stepId"
	commands: CommandRecord[]; // the last few
	eventCount: number;
};

export type Room = {
	code: string;
	chapters: string[];
	openCount: number;
	paused: boolean;
	broadcast?: {text: string; at: number};
	students: Record<string, Student>;
	studentOrder: string[];
	eventCount: number;
};

export const recentCommands = 12;

export function emptyRoom(code: string, chapters: string[]): Room {
	return {code, chapters, openCount: Math.min(1, chapters.length), paused: false, students: {}, studentOrder: [], eventCount: 0};
}

export function pacingOf(room: Room): Pacing {
	return {chapters: room.chapters, openCount: room.openCount, paused: room.paused, ...(room.broadcast ? {broadcast: room.broadcast} : {})};
}

export const stepKey = (chapterId: string, stepId: string) => `${chapterId}/${stepId}`;

/** Applies one record in place (the host owns the only copy; the dashboard reads it). */
export function applyRecord(room: Room, record: LogRecord): void {
	switch (record.r) {
		case 'joined':
			room.students[record.studentId] = {
				id: record.studentId,
				name: record.name,
				tokenHash: record.tokenHash,
				joinedAt: record.at,
				lastSeq: 0,
				lastProgressAt: record.at,
				lastEventAt: record.at,
				chapterSteps: {},
				chapterNumbers: {},
				steps: {},
				commands: [],
				eventCount: 0,
			};
			room.studentOrder.push(record.studentId);
			return;
		case 'pacing':
			room.openCount = Math.min(record.openCount, room.chapters.length);
			return;
		case 'paused':
			room.paused = record.paused;
			return;
		case 'broadcast':
			room.broadcast = {text: record.text, at: record.at};
			return;
		case 'event': {
			const student = room.students[record.studentId];
			if (!student || record.seq !== student.lastSeq + 1) return; // the host never logs these; a damaged log must not count twice
			student.lastSeq = record.seq;
			student.lastEventAt = record.at;
			student.eventCount++;
			room.eventCount++;
			applyEvent(student, record.event, record.clientAt, record.at);
			return;
		}
	}
}

function stepOf(student: Student, chapterId: string, stepId: string): StepRecord {
	const key = stepKey(chapterId, stepId);
	let step = student.steps[key];
	if (!step) {
		const current = student.current?.chapterId === chapterId && student.current.stepId === stepId ? student.current : undefined;
		step = {chapterId, chapterNumber: current?.chapterNumber ?? 0, stepId, stepIndex: current?.stepIndex ?? -1, title: current?.title ?? stepId, timeMs: 0, failedChecks: 0, attempts: 0, hints: 0, solutionShown: false, withHelp: false, unmet: []};
		student.steps[key] = step;
	}
	return step;
}

function touch(step: StepRecord, clientAt: number) {
	if (step.enteredAt !== undefined && step.doneAt === undefined) step.timeMs = Math.max(0, clientAt - step.enteredAt);
}

function applyEvent(student: Student, event: ProgressEvent, clientAt: number, hostAt: number): void {
	switch (event.kind) {
		case 'step-entered': {
			student.current = {chapterId: event.chapterId, chapterNumber: event.chapterNumber, stepId: event.stepId, stepIndex: event.stepIndex, stepCount: event.stepCount, title: event.title};
			student.chapterSteps[event.chapterId] = event.stepCount;
			student.chapterNumbers[event.chapterId] = event.chapterNumber;
			const step = stepOf(student, event.chapterId, event.stepId);
			Object.assign(step, {chapterNumber: event.chapterNumber, stepIndex: event.stepIndex, title: event.title});
			if (step.doneAt === undefined) step.enteredAt ??= clientAt;
			student.lastProgressAt = hostAt;
			return;
		}
		case 'step-passed': {
			const step = stepOf(student, event.chapterId, event.stepId);
			if (step.doneAt === undefined) {
				touch(step, clientAt);
				step.doneAt = clientAt;
			}
			step.withHelp ||= Boolean(event.withHelp);
			step.unmet = [];
			student.lastProgressAt = hostAt;
			return;
		}
		case 'hint-used': {
			const step = stepOf(student, event.chapterId, event.stepId);
			// The hint's ordinal: hints are revealed in order, so the highest one seen is how many were used.
			step.hints = Math.max(step.hints, event.hintNumber);
			touch(step, clientAt);
			return;
		}
		case 'solution-shown': {
			const step = stepOf(student, event.chapterId, event.stepId);
			step.solutionShown = true;
			step.withHelp = true;
			touch(step, clientAt);
			return;
		}
		case 'check-failed': {
			const step = stepOf(student, event.chapterId, event.stepId);
			if (step.doneAt === undefined) {
				step.failedChecks++;
				step.attempts++;
				step.unmet = event.unmet;
			}
			touch(step, clientAt);
			return;
		}
		case 'command-run': {
			student.commands.push({line: event.line, exitCode: event.exitCode, at: clientAt});
			if (student.commands.length > recentCommands) student.commands.splice(0, student.commands.length - recentCommands);
			if (event.chapterId && event.stepId) {
				const step = stepOf(student, event.chapterId, event.stepId);
				touch(step, clientAt);
				if (event.unmet && step.doneAt === undefined) {
					step.attempts++;
					step.unmet = event.unmet;
				}
			}
			return;
		}
	}
}

export type StuckRule = {idleMs: number; failedChecks: number};
export const defaultStuckRule: StuckRule = {idleMs: 5 * 60_000, failedChecks: 5};

/** Stuck: no progress for a while on an unfinished step, or many failed checks on the current one. */
export function isStuck(student: Student, now: number, rule: StuckRule = defaultStuckRule): boolean {
	const current = student.current;
	if (!current) return now - student.lastProgressAt >= rule.idleMs;
	const step = student.steps[stepKey(current.chapterId, current.stepId)];
	if (step?.doneAt !== undefined) return false;
	return now - student.lastProgressAt >= rule.idleMs || (step?.failedChecks ?? 0) >= rule.failedChecks;
}
