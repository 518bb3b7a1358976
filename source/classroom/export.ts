// `classroom export`: everyone's results from a session folder, per student and step.
import {chapterSummary, stepTimeMs, type Room} from './room.ts';

export type ResultRow = {
	student: string;
	chapter: string;
	chapterNumber: number;
	step: string;
	stepNumber: number; // 1-based; 0 when unknown
	title: string;
	done: boolean;
	timeSeconds: number;
	attempts: number; // commands run on the task until it passed, and failed checks or quiz answers (the dashboard's "tries")
	hints: number;
	solutionShown: boolean;
	failedCommands: number; // commands that exited non-zero before the step passed
	failedChecks: number; // failed checks and wrong quiz answers
};

export function resultRows(room: Room): ResultRow[] {
	const rows: ResultRow[] = [];
	for (const id of room.studentOrder) {
		const student = room.students[id]!;
		const steps = Object.values(student.steps).sort((a, b) => a.chapterNumber - b.chapterNumber || a.chapterId.localeCompare(b.chapterId) || a.stepIndex - b.stepIndex);
		for (const step of steps) {
			const done = step.doneAt !== undefined;
			rows.push({
				student: student.name,
				chapter: step.chapterId,
				chapterNumber: step.chapterNumber,
				step: step.stepId,
				stepNumber: step.stepIndex + 1,
				title: step.title,
				done,
				timeSeconds: Math.round(stepTimeMs(student, step, room.lastAt) / 1000),
				attempts: step.attempts,
				hints: step.hints,
				solutionShown: step.solutionShown,
				failedCommands: step.failedCommands,
				failedChecks: step.failedChecks,
			});
		}
	}
	return rows;
}

const columns: (keyof ResultRow)[] = ['student', 'chapter', 'chapterNumber', 'step', 'stepNumber', 'title', 'done', 'timeSeconds', 'attempts', 'hints', 'solutionShown', 'failedCommands', 'failedChecks'];

export function resultsCsv(room: Room): string {
	const lines = [columns.join(',')];
	for (const row of resultRows(room)) lines.push(columns.map(column => csvCell(row[column])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
export function csvCell(value: string | number | boolean): string {
	if (typeof value !== 'string') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsJson(room: Room, meta: {createdAt: number; chapters: string[]}): string {
	const rows = resultRows(room);
	const students = room.studentOrder.map(id => {
		const student = room.students[id]!;
		const steps = rows.filter(row => row.student === student.name).map(({student: _name, ...step}) => step);
		return {name: student.name, joinedAt: new Date(student.joinedAt).toISOString(), events: student.eventCount, finished: Object.keys(student.finished), steps};
	});
	return JSON.stringify({session: {createdAt: new Date(meta.createdAt).toISOString(), chapters: meta.chapters}, chapters: chapterSummaries(room), students}, null, 2) + '\n';
}

/** Per chapter a student reached: how many finished it, and how many passed each step. */
export function chapterSummaries(room: Room) {
	const steps = new Map<string, {number: number; count: number}>();
	for (const id of room.studentOrder) {
		const student = room.students[id]!;
		for (const [chapterId, count] of Object.entries(student.chapterSteps)) {
			steps.set(chapterId, {number: student.chapterNumbers[chapterId] ?? 0, count: Math.max(count, steps.get(chapterId)?.count ?? 0)});
		}
	}
	return [...steps]
		.sort((a, b) => a[1].number - b[1].number || a[0].localeCompare(b[0]))
		.map(([chapterId, {number, count}]) => {
			const summary = chapterSummary(room, chapterId, count);
			return {chapter: chapterId, chapterNumber: number, students: summary.students, finished: summary.finished, passedPerStep: summary.passed};
		});
}
