// `classroom export`: everyone's results from a session folder, per student and step.
import type {Room} from './room.ts';

export type ResultRow = {
	student: string;
	chapter: string;
	chapterNumber: number;
	step: string;
	stepNumber: number; // 1-based; 0 when unknown
	title: string;
	done: boolean;
	timeSeconds: number;
	attempts: number; // commands run on the task until it passed, and failed checks or quiz answers
	hints: number;
	solutionShown: boolean;
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
				timeSeconds: Math.round(step.timeMs / 1000),
				attempts: step.attempts,
				hints: step.hints,
				solutionShown: step.solutionShown,
			});
		}
	}
	return rows;
}

const columns: (keyof ResultRow)[] = ['student', 'chapter', 'chapterNumber', 'step', 'stepNumber', 'title', 'done', 'timeSeconds', 'attempts', 'hints', 'solutionShown'];

export function resultsCsv(room: Room): string {
	const lines = [columns.join(',')];
	for (const row of resultRows(room)) lines.push(columns.map(column => csvCell(row[column])).join(','));
	return lines.join('\r\n') + '\r\n';
}

/** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
function csvCell(value: string | number | boolean): string {
	if (typeof value !== 'string') return String(value);
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsJson(room: Room, meta: {createdAt: number; chapters: string[]}): string {
	const rows = resultRows(room);
	const students = room.studentOrder.map(id => {
		const student = room.students[id]!;
		const steps = rows.filter(row => row.student === student.name).map(({student: _name, ...step}) => step);
		return {name: student.name, joinedAt: new Date(student.joinedAt).toISOString(), events: student.eventCount, steps};
	});
	return JSON.stringify({session: {createdAt: new Date(meta.createdAt).toISOString(), chapters: meta.chapters}, students}, null, 2) + '\n';
}
