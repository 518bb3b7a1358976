// Time on a step stops while the student is away, and the end of the class ends it: the export,
// the report and the dashboard count the step a student sat on the same way (played: a student
// who sat 9 minutes on a step showed 9m on the dashboard and 0m00 in the report).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {memoryStore} from '../../source/classroom/client-store.ts';
import {resultRows} from '../../source/classroom/export.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {reportRows} from '../../source/classroom/report.ts';
import {applyRecord, emptyRoom, timeOnStep} from '../../source/classroom/room.ts';
import {readSession} from '../../source/classroom/session-folder.ts';
import {startHost, stepEntered, student, tempDir, waitFor} from './helpers.ts';

const minute = 60_000;

test('a step the student sits on counts until they leave, in the dashboard, the export and the report alike', () => {
	const room = emptyRoom('ABC234', ['1']);
	let seq = 0;
	const event = (at: number, ev: Extract<LogRecord, {r: 'event'}>['event']): LogRecord => ({r: 'event', at, studentId: 's1', seq: ++seq, clientAt: at, event: ev});
	applyRecord(room, {r: 'joined', at: 0, studentId: 's1', name: 'li', tokenHash: 'h'});
	applyRecord(room, event(0, {...stepEntered('containers', 0, 2), stepKind: 'read'}));
	applyRecord(room, event(minute, {kind: 'step-passed', chapterId: 'containers', stepId: 'step-1'}));
	applyRecord(room, event(minute, stepEntered('containers', 1, 2)));
	applyRecord(room, {r: 'presence', at: 10 * minute, studentId: 's1', online: false});
	applyRecord(room, {r: 'broadcast', at: 30 * minute, text: 'the last record of the class'});
	const li = room.students.s1!;
	assert.equal(timeOnStep(li, 30 * minute), 9 * minute, 'the dashboard stops at her leaving');
	assert.deepEqual(
		resultRows(room).map(row => [row.step, row.timeSeconds]),
		[
			['step-1', 60],
			['step-2', 9 * 60],
		],
	);
	assert.equal(reportRows(room)[0]!.timeSeconds, 10 * 60);
	applyRecord(room, {r: 'presence', at: 40 * minute, studentId: 's1', online: true});
	assert.equal(timeOnStep(li, 41 * minute), 40 * minute, 'back: on the step since she entered it');
});

test('the host logs a student leaving and coming back, and everyone still there when the class ends', async t => {
	const dir = tempDir(t);
	const host = await startHost(dir);
	const anasComputer = memoryStore();
	const ana = student(host, 'ana', {store: anasComputer});
	const bo = student(host, 'bo');
	t.after(() => Promise.all([ana.close(), bo.close()]));
	await Promise.all([ana.firstContact(), bo.firstContact()]);
	ana.report(stepEntered('containers', 0));
	await ana.drain(3000);
	await ana.close();
	await waitFor(() => host.room.students.s1!.awayAt !== undefined, 'ana away');
	const anaAgain = student(host, 'ana', {store: anasComputer});
	t.after(() => anaAgain.close());
	await anaAgain.firstContact();
	await waitFor(() => host.room.students.s1!.awayAt === undefined, 'ana back');
	await host.end();
	const presence = readSession(dir).loaded.records.filter((record): record is Extract<LogRecord, {r: 'presence'}> => record.r === 'presence');
	assert.deepEqual(presence.filter(record => record.studentId === 's1').map(record => record.online), [false, true, false], 'ana: left, back, still there at the end');
	assert.deepEqual(presence.filter(record => record.studentId === 's2').map(record => record.online), [false], 'bo: still there at the end');
});
