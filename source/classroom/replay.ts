// `classroom replay SESSION_DIR NAME`: one student's session from the log, command by command,
// with exit codes, and where they entered and passed steps, hands and answers in between.
import type {LogRecord} from './log-records.ts';
import {clockTime} from './plain-lines.ts';
import {nameKey} from './sanitize.ts';
import {messages} from '../i18n/catalog.ts';
import type {AfterClassText} from '../i18n/messages.ts';

export type ReplayResult = {lines: string[]} | {error: string};

export function replayStudent(records: LogRecord[], name: string, say: AfterClassText = messages('en').afterClass): ReplayResult {
	// Each student's names, the one they joined with first: the instructor may have renamed them.
	const names = new Map<string, {at: number; names: string[]}>();
	for (const record of records) {
		if (record.r === 'joined') names.set(record.studentId, {at: record.at, names: [record.name]});
		if (record.r === 'renamed') names.get(record.studentId)?.names.push(record.name);
	}
	const students = [...names].map(([studentId, {at, names: all}]) => ({studentId, at, names: all, name: all.at(-1)!}));
	const student = students.find(candidate => nameKey(candidate.name) === nameKey(name)) ?? students.find(candidate => candidate.names.some(earlier => nameKey(earlier) === nameKey(name)));
	if (!student) return {error: say.noStudent(name, students.map(candidate => candidate.name).join(', ') || say.none)};
	const lines = [say.joined(student.names.join(' → '), clockTime(student.at))];
	let commands = 0;
	let failed = 0;
	let lastSeq = 0;
	for (const record of records) {
		if (record.r === 'message' && record.studentId === student.studentId) lines.push(`${clockTime(record.at)}  ${say.instructor(record.text)}`);
		if (record.r !== 'event' || record.studentId !== student.studentId || record.seq !== lastSeq + 1) continue;
		lastSeq = record.seq;
		const at = clockTime(record.clientAt);
		const event = record.event;
		switch (event.kind) {
			case 'step-entered':
				lines.push(`${at}  ${say.entered(event.chapterId, event.stepIndex + 1, event.stepCount, event.title)}`);
				break;
			case 'step-passed':
				lines.push(`${at}  ${say.passed(event.chapterId, event.stepId, Boolean(event.withHelp))}`);
				break;
			case 'command-run':
				commands++;
				if (event.exitCode !== 0) failed++;
				lines.push(`${at}  $ ${event.line}${event.exitCode !== 0 ? say.exit(event.exitCode) : ''}`);
				break;
			case 'check-failed':
				lines.push(`${at}  ${say.check(event.unmet.join('; ') || say.notYet)}`);
				break;
			case 'hint-used':
				lines.push(`${at}  ${say.hint(event.hintNumber)}`);
				break;
			case 'solution-shown':
				lines.push(`${at}  ${say.solution}`);
				break;
			case 'hand':
				lines.push(`${at}  ${event.raised ? say.handUp : say.handDown}`);
				break;
		}
	}
	lines.push(say.total(commands, failed));
	return {lines};
}
