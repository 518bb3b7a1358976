import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {projectorSnapshot} from '../../source/classroom/projector.ts';
import {applyRecord, emptyRoom, pacingOf, stuckKind} from '../../source/classroom/room.ts';
import {stuckWatcher} from '../../source/classroom/stuck-watch.ts';
import {chapterColumns, stuckCount, visibleRows} from '../../source/ui/classroom/instructor-model.ts';

const minute = 60_000;
const online = () => true;
let seq = 0;
const event = (at: number, ev: Extract<LogRecord, {r: 'event'}>['event']): LogRecord => ({r: 'event', at, studentId: 's1', seq: ++seq, clientAt: at, event: ev});

test('a student sitting on a chapter the instructor closed is not stuck, in every view', () => {
	seq = 0;
	const room = emptyRoom('ABC234', ['1', '2']);
	applyRecord(room, {r: 'opened', at: 0, open: ['1', '2']});
	applyRecord(room, {r: 'joined', at: 0, studentId: 's1', name: 'ana', tokenHash: 'h'});
	applyRecord(room, event(0, {kind: 'step-entered', chapterId: 'containers', chapterNumber: 1, stepId: 's1', stepIndex: 0, stepCount: 3, title: 'Step 1', stepKind: 'task'}));
	const watch = stuckWatcher();
	const now = 10 * minute;
	const column = chapterColumns(room).find(c => c.id === 'containers')!;
	// Open: idle past the threshold is stuck everywhere.
	assert.equal(stuckKind(room.students.s1!, now, true, undefined, pacingOf(room)), 'idle');
	assert.equal(visibleRows(room, column, {sort: 'stuck', filter: 'stuck', now, online}).length, 1);
	assert.deepEqual(stuckCount(room, now, online), {idle: 1, failing: 0});
	assert.equal(projectorSnapshot(room, {now, online, anonymous: true}).stuck, 1);
	assert.match(watch(room, now, online)[0]!, /STUCK: ana/);
	// The instructor closes chapter 1: she waits for the next one, she is not stuck.
	applyRecord(room, {r: 'opened', at: now, open: ['2']});
	assert.equal(stuckKind(room.students.s1!, now, true, undefined, pacingOf(room)), undefined);
	assert.equal(visibleRows(room, column, {sort: 'stuck', filter: 'stuck', now, online}).length, 0);
	assert.equal(visibleRows(room, column, {sort: 'joined', filter: 'all', now, online})[0]!.cells[0], 'current');
	assert.deepEqual(stuckCount(room, now, online), {idle: 0, failing: 0});
	assert.equal(projectorSnapshot(room, {now, online, anonymous: true}).stuck, 0);
	assert.deepEqual(watch(room, now, online), [], 'no "moving again": she did not move, her chapter closed');
	// Opened again, she is stuck again.
	applyRecord(room, {r: 'pacing', at: now, openCount: 2});
	assert.equal(stuckCount(room, now, online).idle, 1);
});
