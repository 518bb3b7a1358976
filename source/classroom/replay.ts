// `classroom replay SESSION_DIR NAME`: one student's session from the log, command by command,
// with exit codes, and where they entered and passed steps, hands and answers in between.
import type {LogRecord} from './log-records.ts';
import {clockTime} from './plain-lines.ts';
import {nameKey} from './sanitize.ts';

export type ReplayResult = {lines: string[]} | {error: string};

export function replayStudent(records: LogRecord[], name: string): ReplayResult {
	const joined = records.filter((record): record is Extract<LogRecord, {r: 'joined'}> => record.r === 'joined');
	const student = joined.find(record => nameKey(record.name) === nameKey(name));
	if (!student) return {error: `no student named "${name}" in this session; students: ${joined.map(record => record.name).join(', ') || 'none'}`};
	const lines = [`${student.name}: joined at ${clockTime(student.at)}`];
	let commands = 0;
	let failed = 0;
	let lastSeq = 0;
	for (const record of records) {
		if (record.r === 'message' && record.studentId === student.studentId) lines.push(`${clockTime(record.at)}  💬 instructor: ${record.text}`);
		if (record.r !== 'event' || record.studentId !== student.studentId || record.seq !== lastSeq + 1) continue;
		lastSeq = record.seq;
		const at = clockTime(record.clientAt);
		const event = record.event;
		switch (event.kind) {
			case 'step-entered':
				lines.push(`${at}  ── ${event.chapterId} step ${event.stepIndex + 1}/${event.stepCount}: ${event.title}`);
				break;
			case 'step-passed':
				lines.push(`${at}  ✓ passed ${event.chapterId} ${event.stepId}${event.withHelp ? ' (with help)' : ''}`);
				break;
			case 'command-run':
				commands++;
				if (event.exitCode !== 0) failed++;
				lines.push(`${at}  $ ${event.line}${event.exitCode !== 0 ? `   (exit ${event.exitCode})` : ''}`);
				break;
			case 'check-failed':
				lines.push(`${at}  ✗ check: ${event.unmet.join('; ') || 'not yet'}`);
				break;
			case 'hint-used':
				lines.push(`${at}  hint ${event.hintNumber}`);
				break;
			case 'solution-shown':
				lines.push(`${at}  solution shown`);
				break;
			case 'hand':
				lines.push(`${at}  ${event.raised ? '✋ raised a hand' : 'lowered the hand'}`);
				break;
		}
	}
	lines.push(`${commands} commands, ${failed} failed`);
	return {lines};
}
