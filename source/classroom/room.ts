// The room as the host knows it, rebuilt from the log: replaying the same records gives the
// same room, which is how `classroom host --session DIR` resumes exactly. Text from students
// is sanitized on the way in (host-server.ts), so everything here is safe to print.
// Longer than ~300 lines because every log record's effect on the room is one reducer, replayed in order.
import type {LogRecord} from './log-records.ts';
import {chapterOpen, type ExamRules, type Pacing, type ProgressEvent} from './protocol.ts';

export type StepRecord = {
	chapterId: string;
	chapterNumber: number;
	stepId: string;
	stepIndex: number;
	title: string;
	kind?: StepKind;
	enteredAt?: number; // student's clock
	doneAt?: number; // student's clock
	timeMs: number; // time on the step until it was passed (or so far, at the last event)
	failedChecks: number; // checks asked for and failed, wrong quiz answers
	failedCommands: number; // commands on the step that exited non-zero while it was not passed
	attempts: number; // commands run on the task while it was not passed, and failed checks
	hints: number;
	solutionShown: boolean;
	withHelp: boolean;
	unmet: string[];
};

export type CommandRecord = {line: string; exitCode: number; at: number};

export type StepKind = 'read' | 'task' | 'quiz' | 'summary';

export type Student = {
	id: string;
	name: string;
	tokenHash: string;
	joinedAt: number;
	lastSeq: number;
	/** Host clock of the last progress (entered or passed a step). */
	lastProgressAt: number;
	lastEventAt: number;
	/** Host clock when their link closed, while they are away (a 'presence' record). */
	awayAt?: number;
	/**
	 * Host clock minus the student's clock, the smallest seen: an event sent at once arrives within
	 * milliseconds, a queued one much later. Student times plus this are host times, so time on a
	 * step counts from when it really began, even for events resent after a restart or an outage.
	 */
	clockSkew?: number;
	current?: {chapterId: string; chapterNumber: number; stepId: string; stepIndex: number; stepCount: number; title: string; kind?: StepKind};
	chapterSteps: Record<string, number>; // chapterId -> step count
	chapterNumbers: Record<string, number>; // chapterId -> its number in the pack
	steps: Record<string, StepRecord>; // "chapterId/stepId"
	/** chapterId -> the student's clock when its last step (the summary) was reached. */
	finished: Record<string, number>;
	commands: CommandRecord[]; // the last few
	eventCount: number;
	/** A raised hand: when (student's clock), where they were, and their last command then. */
	hand?: {at: number; chapterId?: string; stepIndex?: number; stepCount?: number; title?: string; lastCommand?: CommandRecord};
	lastMessage?: {text: string; at: number};
	/** chapterId -> the progress and world the host keeps for a rejoin from another computer (saved-progress.ts). */
	saved: Record<string, {updatedAt: string; bytes: number}>;
};

export type Room = {
	code: string;
	chapters: string[];
	openCount: number;
	/** Exactly these chapters open, when the instructor chose a set; otherwise the first openCount. */
	open?: string[];
	/** Time boxes: chapter ref -> when it closes (host clock). */
	closing: Record<string, number>;
	paused: boolean;
	/** Host clock when the last pause ended: nobody is idle for the time the room was paused. */
	resumedAt?: number;
	broadcast?: {text: string; at: number};
	exam?: ExamRules;
	students: Record<string, Student>;
	studentOrder: string[];
	/** Every join ever, removed students included: new ids never repeat one. */
	joinedCount: number;
	eventCount: number;
	/** Host clock of the newest record: after class, the end of the class. */
	lastAt: number;
};

export const recentCommands = 12;

export function emptyRoom(code: string, chapters: string[]): Room {
	return {code, chapters, openCount: Math.min(1, chapters.length), closing: {}, paused: false, students: {}, studentOrder: [], joinedCount: 0, eventCount: 0, lastAt: 0};
}

export function pacingOf(room: Room): Pacing {
	const closing = Object.entries(room.closing).map(([chapter, at]) => ({chapter, at}));
	return {chapters: room.chapters, openCount: room.openCount, ...(room.open ? {open: room.open} : {}), ...(closing.length ? {closing} : {}), paused: room.paused, ...(room.broadcast ? {broadcast: room.broadcast} : {}), ...(room.exam ? {exam: room.exam} : {})};
}

/** What of the room decides who is stuck: its pacing (closed chapters, a pause) and when the last pause ended. */
export type StuckScope = Pacing & {resumedAt?: number};

export function stuckScope(room: Room): StuckScope {
	return room.resumedAt === undefined ? pacingOf(room) : {...pacingOf(room), resumedAt: room.resumedAt};
}

export const stepKey = (chapterId: string, stepId: string) => `${chapterId}/${stepId}`;

/** Applies one record in place (the host owns the only copy; the dashboard reads it). */
export function applyRecord(room: Room, record: LogRecord): void {
	room.lastAt = Math.max(room.lastAt, record.at);
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
				finished: {},
				commands: [],
				eventCount: 0,
				saved: {},
			};
			room.studentOrder.push(record.studentId);
			room.joinedCount++;
			return;
		case 'removed':
			// Off the roster for good: the name is free again and the seat counts no more.
			delete room.students[record.studentId];
			room.studentOrder = room.studentOrder.filter(id => id !== record.studentId);
			return;
		case 'renamed': {
			const student = room.students[record.studentId];
			if (student) student.name = record.name;
			return;
		}
		case 'chapter-reset': {
			const student = room.students[record.studentId];
			if (!student) return;
			for (const [key, step] of Object.entries(student.steps)) if (step.chapterId === record.chapterId) delete student.steps[key];
			delete student.finished[record.chapterId];
			delete student.saved[record.chapterId];
			if (student.current?.chapterId === record.chapterId) student.current = undefined;
			return;
		}
		case 'presence': {
			const student = room.students[record.studentId];
			if (student) student.awayAt = record.online ? undefined : record.at;
			return;
		}
		case 'saved': {
			const student = room.students[record.studentId];
			if (student) student.saved[record.chapterId] = {updatedAt: record.updatedAt, bytes: record.bytes};
			return;
		}
		case 'pacing':
			room.openCount = Math.min(record.openCount, room.chapters.length);
			room.open = undefined;
			return;
		case 'opened':
			room.open = room.chapters.filter(ref => record.open.includes(ref));
			room.openCount = room.open.length;
			// A closed chapter's time box is over.
			for (const ref of Object.keys(room.closing)) if (!room.open.includes(ref)) delete room.closing[ref];
			return;
		case 'paused':
			if (room.paused && !record.paused) room.resumedAt = record.at;
			room.paused = record.paused;
			return;
		case 'timebox':
			if (record.closesAt === null) delete room.closing[record.chapter];
			else room.closing[record.chapter] = record.closesAt;
			return;
		case 'broadcast':
			room.broadcast = {text: record.text, at: record.at};
			return;
		case 'message': {
			const student = room.students[record.studentId];
			if (!student) return;
			student.lastMessage = {text: record.text, at: record.at};
			student.hand = undefined; // answered
			return;
		}
		case 'event': {
			const student = room.students[record.studentId];
			if (!student || record.seq !== student.lastSeq + 1) return; // the host never logs these; a damaged log must not count twice
			student.lastSeq = record.seq;
			student.lastEventAt = record.at;
			student.awayAt = undefined;
			student.eventCount++;
			room.eventCount++;
			student.clockSkew = Math.min(student.clockSkew ?? Infinity, record.at - record.clientAt);
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
		step = {chapterId, chapterNumber: current?.chapterNumber ?? 0, stepId, stepIndex: current?.stepIndex ?? -1, title: current?.title ?? stepId, timeMs: 0, failedChecks: 0, failedCommands: 0, attempts: 0, hints: 0, solutionShown: false, withHelp: false, unmet: []};
		student.steps[key] = step;
	}
	return step;
}

function markDone(step: StepRecord, clientAt: number) {
	if (step.doneAt === undefined) {
		touch(step, clientAt);
		step.doneAt = clientAt;
	}
	step.unmet = [];
}

function touch(step: StepRecord, clientAt: number) {
	if (step.enteredAt !== undefined && step.doneAt === undefined) step.timeMs = Math.max(0, clientAt - step.enteredAt);
}

function applyEvent(student: Student, event: ProgressEvent, clientAt: number, hostAt: number): void {
	switch (event.kind) {
		case 'step-entered': {
			const kind = event.stepKind;
			student.current = {chapterId: event.chapterId, chapterNumber: event.chapterNumber, stepId: event.stepId, stepIndex: event.stepIndex, stepCount: event.stepCount, title: event.title, ...(kind ? {kind} : {})};
			student.chapterSteps[event.chapterId] = event.stepCount;
			student.chapterNumbers[event.chapterId] = event.chapterNumber;
			const step = stepOf(student, event.chapterId, event.stepId);
			Object.assign(step, {chapterNumber: event.chapterNumber, stepIndex: event.stepIndex, title: event.title, ...(kind ? {kind} : {})});
			if (step.doneAt === undefined) step.enteredAt ??= clientAt;
			// Reaching the summary is finishing the chapter: nothing is left to do on it.
			if (kind === 'summary') {
				markDone(step, clientAt);
				student.finished[event.chapterId] ??= clientAt;
			}
			student.lastProgressAt = hostAt;
			return;
		}
		case 'step-passed': {
			const step = stepOf(student, event.chapterId, event.stepId);
			markDone(step, clientAt);
			step.withHelp ||= Boolean(event.withHelp);
			if (step.kind === 'summary' || step.stepIndex === (student.chapterSteps[event.chapterId] ?? 0) - 1) student.finished[event.chapterId] ??= clientAt;
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
		case 'hand': {
			const current = student.current;
			student.hand = event.raised ? {at: clientAt, ...(current ? {chapterId: current.chapterId, stepIndex: current.stepIndex, stepCount: current.stepCount, title: current.title} : {}), ...(student.commands.length ? {lastCommand: student.commands.at(-1)!} : {})} : undefined;
			return;
		}
		case 'command-run': {
			student.commands.push({line: event.line, exitCode: event.exitCode, at: clientAt});
			if (student.commands.length > recentCommands) student.commands.splice(0, student.commands.length - recentCommands);
			if (event.chapterId && event.stepId) {
				const step = stepOf(student, event.chapterId, event.stepId);
				touch(step, clientAt);
				if (step.doneAt === undefined && event.exitCode !== 0) step.failedCommands++;
				if (event.unmet && step.doneAt === undefined) {
					step.attempts++;
					step.unmet = event.unmet;
				}
			}
			return;
		}
	}
}

export type StuckRule = {idleMs: number; failures: number};
export const defaultStuckRule: StuckRule = {idleMs: 5 * 60_000, failures: 5};

/** The student's clock read as the host's (see clockSkew). */
export const hostTime = (student: Student, clientAt: number) => clientAt + (student.clockSkew ?? 0);

/**
 * Time on the current step, from when the student entered it (their own event time) until now or
 * until they left, or 0 when it is passed.
 */
export function timeOnStep(student: Student, now: number): number {
	const current = student.current;
	if (!current) return 0;
	const step = student.steps[stepKey(current.chapterId, current.stepId)];
	if (!step || step.doneAt !== undefined) return 0;
	return Math.max(0, Math.min(now, student.awayAt ?? now) - hostTime(student, step.enteredAt ?? 0));
}

/** A step's time as the export and the report count it: until passed, or for the step the student is on, as the dashboard shows it at `end`. */
export function stepTimeMs(student: Student, step: StepRecord, end: number): number {
	const current = student.current;
	const onIt = current !== undefined && current.chapterId === step.chapterId && current.stepId === step.stepId && step.doneAt === undefined;
	return onIt ? Math.max(step.timeMs, timeOnStep(student, end)) : step.timeMs;
}

/**
 * Why a student needs the instructor: 'failing' (commands failing or checks unmet since the
 * step began) or 'idle' (nothing tried); undefined when not stuck.
 */
export type StuckKind = 'idle' | 'failing';

/**
 * Stuck: online, on an unfinished task or quiz (not reading, not on a finished chapter's
 * summary, not in a chapter the instructor has closed, not while the room is paused: `scope` is
 * the room's), and past the time threshold (not counting a pause) or the failure threshold on
 * that step.
 */
export function stuckKind(student: Student, now: number, online: boolean, rule: StuckRule = defaultStuckRule, scope?: StuckScope): StuckKind | undefined {
	const current = student.current;
	if (!online || !current || scope?.paused) return undefined;
	const pacing = scope;
	if (current.kind === 'read' || current.kind === 'summary' || student.finished[current.chapterId] !== undefined) return undefined;
	if (pacing && !chapterOpen(pacing, {id: current.chapterId, number: current.chapterNumber})) return undefined;
	const step = student.steps[stepKey(current.chapterId, current.stepId)];
	if (!step || step.doneAt !== undefined) return undefined;
	const failures = step.failedCommands + step.failedChecks;
	const idleFor = Math.min(timeOnStep(student, now), now - (scope?.resumedAt ?? -Infinity));
	if (idleFor < rule.idleMs && failures < rule.failures) return undefined;
	return step.attempts > 0 || failures > 0 ? 'failing' : 'idle';
}

export function isStuck(student: Student, now: number, online: boolean, rule: StuckRule = defaultStuckRule, scope?: StuckScope): boolean {
	return stuckKind(student, now, online, rule, scope) !== undefined;
}

/** How far the room is in one chapter: who finished it, who passed each step, who is on each step now. */
export type ChapterSummary = {chapterId: string; students: number; finished: number; passed: number[]; onStep: number[]};

export function chapterSummary(room: Room, chapterId: string, stepCount: number): ChapterSummary {
	const summary: ChapterSummary = {chapterId, students: room.studentOrder.length, finished: 0, passed: Array.from({length: stepCount}, () => 0), onStep: Array.from({length: stepCount}, () => 0)};
	for (const id of room.studentOrder) {
		const student = room.students[id]!;
		if (student.finished[chapterId] !== undefined) summary.finished++;
		for (const step of Object.values(student.steps)) {
			if (step.chapterId === chapterId && step.doneAt !== undefined && step.stepIndex >= 0 && step.stepIndex < stepCount) summary.passed[step.stepIndex]!++;
		}
		const current = student.current;
		if (current?.chapterId === chapterId && current.stepIndex < stepCount && student.finished[chapterId] === undefined) summary.onStep[current.stepIndex]!++;
	}
	return summary;
}
