// A pause is the instructor talking: nobody is stuck while it lasts, and the minutes it took do not
// count as idle afterwards (played: after a pause every student on a task showed STUCK:idle).
// Time on step still shows the real time.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {projectorSnapshot} from '../../source/classroom/projector.ts';
import {applyRecord, emptyRoom, stuckKind, stuckScope, timeOnStep} from '../../source/classroom/room.ts';
import {stuckWatcher} from '../../source/classroom/stuck-watch.ts';
import {chapterColumns, stuckCount, visibleRows} from '../../source/ui/classroom/instructor-model.ts';

const minute = 60_000;
const online = () => true;

test('nobody is stuck while the room is paused, and the pause does not count as idle after it', () => {
	const room = emptyRoom('ABC234', ['1']);
	let seq = 0;
	const event = (at: number, ev: Extract<LogRecord, {r: 'event'}>['event']): LogRecord => ({r: 'event', at, studentId: 's1', seq: ++seq, clientAt: at, event: ev});
	applyRecord(room, {r: 'joined', at: 0, studentId: 's1', name: 'ana', tokenHash: 'h'});
	applyRecord(room, event(0, {kind: 'step-entered', chapterId: 'containers', chapterNumber: 1, stepId: 's1', stepIndex: 0, stepCount: 3, title: 'Step 1', stepKind: 'task'}));
	const watch = stuckWatcher();
	const ana = room.students.s1!;
	const column = chapterColumns(room)[0]!;

	applyRecord(room, {r: 'paused', at: 2 * minute, paused: true});
	assert.equal(stuckKind(ana, 12 * minute, true, undefined, stuckScope(room)), undefined, 'ten minutes into the pause');
	assert.deepEqual(stuckCount(room, 12 * minute, online), {idle: 0, failing: 0});
	assert.equal(projectorSnapshot(room, {now: 12 * minute, online, anonymous: true}).stuck, 0);
	assert.deepEqual(watch(room, 12 * minute, online), []);

	applyRecord(room, {r: 'paused', at: 12 * minute, paused: false});
	assert.equal(stuckKind(ana, 13 * minute, true, undefined, stuckScope(room)), undefined, 'a minute after it: she is not idle for 13 minutes');
	assert.equal(visibleRows(room, column, {sort: 'stuck', filter: 'stuck', now: 13 * minute, online}).length, 0);
	assert.equal(timeOnStep(ana, 13 * minute), 13 * minute, 'time on step is the real time');
	assert.equal(stuckKind(ana, 17 * minute + 1, true, undefined, stuckScope(room)), 'idle', 'five minutes idle after the pause');
	assert.match(watch(room, 17 * minute + 1, online)[0]!, /STUCK: ana/);

	applyRecord(room, {r: 'paused', at: 18 * minute, paused: true});
	assert.deepEqual(watch(room, 18 * minute, online), [], 'a pause is not "moving again": she did nothing');
	applyRecord(room, {r: 'paused', at: 19 * minute, paused: false});
	applyRecord(room, event(19 * minute, {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'docker ps', exitCode: 0}));
	applyRecord(room, event(19 * minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}));
	assert.match(watch(room, 19 * minute, online)[0]!, /ana is moving again$/, 'she passed the step');
});
