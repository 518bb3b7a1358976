// `classroom report`: after class, one row per student per chapter they reached: finished or
// not, time, hints, solutions shown, wrong answers and failed commands; as csv, json or a table.
import {fit, textWidth} from '../ui/text-width.ts';
import {csvCell} from './export.ts';
import {stepTimeMs, type Room} from './room.ts';
import {messages} from '../i18n/catalog.ts';
import type {AfterClassText} from '../i18n/messages.ts';

export type ReportRow = {
	student: string;
	chapter: string;
	chapterNumber: number;
	completed: boolean;
	stepsPassed: number;
	steps: number;
	timeSeconds: number; // the chapter's steps' times added up, as in the export
	hints: number;
	solutionsShown: number;
	wrongAnswers: number; // failed checks and wrong quiz answers
	failedCommands: number;
};

export function reportRows(room: Room): ReportRow[] {
	const rows: ReportRow[] = [];
	for (const id of room.studentOrder) {
		const student = room.students[id]!;
		const chapters = Object.keys(student.chapterSteps).sort((a, b) => (student.chapterNumbers[a] ?? 0) - (student.chapterNumbers[b] ?? 0) || a.localeCompare(b));
		for (const chapterId of chapters) {
			const steps = Object.values(student.steps).filter(step => step.chapterId === chapterId);
			const sum = (pick: (step: (typeof steps)[number]) => number) => steps.reduce((total, step) => total + pick(step), 0);
			rows.push({
				student: student.name,
				chapter: chapterId,
				chapterNumber: student.chapterNumbers[chapterId] ?? 0,
				completed: student.finished[chapterId] !== undefined,
				stepsPassed: steps.filter(step => step.doneAt !== undefined).length,
				steps: student.chapterSteps[chapterId] ?? steps.length,
				timeSeconds: Math.round(sum(step => stepTimeMs(student, step, room.lastAt)) / 1000),
				hints: sum(step => step.hints),
				solutionsShown: sum(step => (step.solutionShown ? 1 : 0)),
				wrongAnswers: sum(step => step.failedChecks),
				failedCommands: sum(step => step.failedCommands),
			});
		}
	}
	return rows;
}

const columns: (keyof ReportRow)[] = ['student', 'chapter', 'chapterNumber', 'completed', 'stepsPassed', 'steps', 'timeSeconds', 'hints', 'solutionsShown', 'wrongAnswers', 'failedCommands'];

export function reportCsv(room: Room): string {
	const lines = [columns.join(',')];
	for (const row of reportRows(room)) lines.push(columns.map(column => csvCell(row[column])).join(','));
	return lines.join('\r\n') + '\r\n';
}

export function reportJson(room: Room): string {
	return JSON.stringify(reportRows(room), null, 2) + '\n';
}

const minutes = (seconds: number) => `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}`;

/** A table for a terminal: names and chapters padded by display width (Chinese names line up). */
export function reportTable(room: Room, say: AfterClassText = messages('en').afterClass): string {
	const rows = reportRows(room);
	if (rows.length === 0) return say.nobody + '\n';
	const header = say.header;
	const cells = rows.map(row => [row.student, `${row.chapterNumber} ${row.chapter}`, row.completed ? say.yes : say.no, `${row.stepsPassed}/${row.steps}`, minutes(row.timeSeconds), String(row.hints), String(row.solutionsShown), String(row.wrongAnswers), String(row.failedCommands)]);
	const widths = header.map((title, index) => Math.max(textWidth(title), ...cells.map(line => textWidth(line[index]!))));
	const line = (values: string[]) => values.map((value, index) => fit(value, widths[index]!, index >= 2 ? 'right' : 'left')).join('  ').trimEnd();
	return [line(header), ...cells.map(line)].join('\n') + '\n';
}
