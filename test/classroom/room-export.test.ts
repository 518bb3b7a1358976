import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseChapterList} from '../../source/classroom/chapter-list.ts';
import {resultsCsv, resultsJson, resultRows} from '../../source/classroom/export.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom, isStuck, stuckKind, timeOnStep} from '../../source/classroom/room.ts';
import {visibleRows} from '../../source/ui/classroom/instructor-model.ts';
import {stuckWatcher} from '../../source/classroom/stuck-watch.ts';
import {plainLine} from '../../source/classroom/plain-lines.ts';
import {messages} from '../../source/i18n/catalog.ts';

const minute = 60_000;
const online = () => true;

function roomWith(records: LogRecord[]) {
	const room = emptyRoom('ABC234', ['1', '2']);
	for (const record of records) applyRecord(room, record);
	return room;
}

const joined = (studentId: string, name: string, at = 0): LogRecord => ({r: 'joined', at, studentId, name, tokenHash: 'h'});
let seqs: Record<string, number> = {};
const event = (studentId: string, at: number, ev: Extract<LogRecord, {r: 'event'}>['event']): LogRecord => {
	seqs[studentId] = (seqs[studentId] ?? 0) + 1;
	return {r: 'event', at, studentId, seq: seqs[studentId]!, clientAt: at, event: ev};
};
const entered = (stepIndex: number) => ({kind: 'step-entered' as const, chapterId: 'containers', chapterNumber: 1, stepId: `s${stepIndex + 1}`, stepIndex, stepCount: 3, title: `Step ${stepIndex + 1}`});

test('steps, time, attempts, hints and solutions add up per student and step', () => {
	seqs = {};
	const room = roomWith([
		joined('s1', '=cmd|evil'),
		event('s1', 1000, entered(0)),
		event('s1', 1500, {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'kubectl get pods', exitCode: 0, unmet: ['no pod']}),
		event('s1', 2000, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['no pod']}),
		event('s1', 3000, {kind: 'hint-used', chapterId: 'containers', stepId: 's1', hintNumber: 1}),
		event('s1', 4000, {kind: 'hint-used', chapterId: 'containers', stepId: 's1', hintNumber: 2}),
		event('s1', 61_000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1', withHelp: true}),
		event('s1', 62_000, entered(1)),
		event('s1', 70_000, {kind: 'solution-shown', chapterId: 'containers', stepId: 's2'}),
	]);
	const rows = resultRows(room);
	assert.equal(rows.length, 2);
	assert.deepEqual(rows[0], {student: '=cmd|evil', chapter: 'containers', chapterNumber: 1, step: 's1', stepNumber: 1, title: 'Step 1', done: true, timeSeconds: 60, attempts: 2, hints: 2, solutionShown: false, failedCommands: 0, failedChecks: 1});
	assert.equal(room.students.s1!.steps['containers/s1']!.failedChecks, 1, 'a command on a task is an attempt, not a failed check');
	assert.equal(rows[1]!.done, false);
	assert.equal(rows[1]!.solutionShown, true);
	assert.equal(rows[1]!.timeSeconds, 8);
	const csv = resultsCsv(room).split('\r\n');
	assert.equal(csv[0], 'student,chapter,chapterNumber,step,stepNumber,title,done,timeSeconds,attempts,hints,solutionShown,failedCommands,failedChecks');
	assert.equal(csv[1], "'=cmd|evil,containers,1,s1,1,Step 1,true,60,2,2,false,0,1", 'a formula is neutralised for spreadsheets');
	const json = JSON.parse(resultsJson(room, {createdAt: 0, chapters: ['1', '2']}));
	assert.equal(json.students[0].steps.length, 2);
	assert.equal(json.students[0].name, '=cmd|evil');
	assert.equal(json.students[0].tokenHash, undefined);
});

test('a passed step is not re-timed or re-opened by later events', () => {
	seqs = {};
	const room = roomWith([joined('s1', 'a'), event('s1', 0, entered(0)), event('s1', 10_000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}), event('s1', 50_000, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: []})]);
	assert.equal(room.students.s1!.steps['containers/s1']!.timeMs, 10_000);
});

test('an event out of sequence in a damaged log is not applied', () => {
	const room = roomWith([joined('s1', 'a'), {r: 'event', at: 0, studentId: 's1', seq: 2, clientAt: 0, event: entered(0)}, {r: 'event', at: 0, studentId: 'nobody', seq: 1, clientAt: 0, event: entered(0)}]);
	assert.equal(room.eventCount, 0);
});

test('stuck: idle on an unfinished step, or many failed checks; never on a passed step', () => {
	seqs = {};
	const room = roomWith([joined('s1', 'a'), event('s1', 0, entered(0))]);
	const alice = room.students.s1!;
	assert.equal(isStuck(alice, 4 * minute, true), false);
	assert.equal(isStuck(alice, 5 * minute, true), true);
	for (let i = 0; i < 5; i++) applyRecord(room, event('s1', minute, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['x']}));
	assert.equal(isStuck(alice, minute, true), true);
	applyRecord(room, event('s1', 2 * minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}));
	assert.equal(isStuck(alice, 60 * minute, true), false);
});

test('pacing records are clamped to the session chapters', () => {
	const room = roomWith([{r: 'pacing', at: 0, openCount: 9}]);
	assert.equal(room.openCount, 2);
});

test('chapter lists: ranges, numbers and ids', () => {
	assert.deepEqual(parseChapterList('1-3'), {chapters: ['1', '2', '3']});
	assert.deepEqual(parseChapterList('2, 4,04'), {chapters: ['2', '4']});
	assert.deepEqual(parseChapterList('namespaces,cgroups'), {chapters: ['namespaces', 'cgroups']});
	assert.ok('error' in parseChapterList('3-1'));
	assert.ok('error' in parseChapterList(''));
	assert.ok('error' in parseChapterList('a b'));
});

test('plain mode says once when a student gets stuck and when they move again', () => {
	seqs = {};
	const room = roomWith([joined('s1', 'ana'), event('s1', 0, entered(0))]);
	const watch = stuckWatcher();
	assert.deepEqual(watch(room, minute, online), []);
	const [line] = watch(room, 6 * minute, online);
	assert.match(line!, /STUCK: ana on containers step 1\/3 \(6 min without progress\)$/);
	assert.deepEqual(watch(room, 7 * minute, online), [], 'said once');
	applyRecord(room, event('s1', 8 * minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}));
	assert.match(watch(room, 8 * minute, online)[0]!, /ana is moving again$/);
	for (let i = 0; i < 5; i++) applyRecord(room, event('s1', 9 * minute, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['x']}));
	assert.deepEqual(watch(room, 9 * minute, online), [], 'failed checks on a passed step do not count');
});

test('plain host lines in Simplified Chinese', () => {
	seqs = {};
	const room = roomWith([joined('s1', '王小明'), event('s1', 0, entered(0))]);
	const say = messages('zh-CN').host;
	const record = event('s1', 1000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1', withHelp: true});
	applyRecord(room, record);
	assert.match(plainLine({kind: 'record', record}, room, 0, say)!, /王小明 完成了 containers 第 1\/3 步（借助提示或答案）$/);
	assert.match(plainLine({kind: 'connected', studentId: 's1'}, room, 0, say)!, /王小明 已连接$/);
	const stuck = stuckWatcher(undefined, say);
	applyRecord(room, event('s1', 2000, entered(1)));
	assert.match(stuck(room, 10 * minute, online)[0]!, /卡住：王小明 在 containers 第 2\/3 步（9 分钟没有进展）$/);
});

test('stuck means online and on a task: a student who left, one reading, one on a finished summary are not stuck', () => {
	seqs = {};
	const task = (stepIndex: number) => ({...entered(stepIndex), stepKind: 'task' as const});
	const room = roomWith([
		joined('s1', 'gone'),
		event('s1', 0, task(0)),
		joined('s2', 'reader'),
		event('s2', 0, {...entered(0), stepKind: 'read'}),
		joined('s3', 'finisher'),
		event('s3', 0, task(0)),
		event('s3', minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}),
		event('s3', minute, {...entered(2), stepKind: 'summary'}),
	]);
	const later = 30 * minute;
	assert.equal(isStuck(room.students.s1!, later, false), false, 'offline');
	assert.equal(isStuck(room.students.s1!, later, true), true, 'the same student online is stuck');
	assert.equal(isStuck(room.students.s2!, later, true), false, 'reading');
	assert.equal(isStuck(room.students.s3!, later, true), false, 'on the summary of a finished chapter');
	assert.equal(room.students.s3!.steps['containers/s3']!.doneAt, minute, 'reaching the summary passes it');
	assert.deepEqual(room.students.s3!.finished, {containers: minute});
	const json = JSON.parse(resultsJson(room, {createdAt: 0, chapters: ['1']}));
	assert.deepEqual(json.chapters, [{chapter: 'containers', chapterNumber: 1, students: 3, finished: 1, passedPerStep: [1, 0, 1]}]);
	assert.equal(resultRows(room).find(row => row.student === 'finisher' && row.step === 's3')!.done, true);
});

test('stuck tells idle from trying and failing, and failing ranks first', () => {
	seqs = {};
	const room = roomWith([
		joined('s1', 'idle'),
		event('s1', 0, entered(0)),
		joined('s2', 'trier'),
		event('s2', 0, entered(0)),
		event('s2', minute, {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'kubectl get pod', exitCode: 1, unmet: ['no pod']}),
		event('s2', minute, {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'kubectl run x', exitCode: 0, unmet: ['no pod']}),
	]);
	assert.equal(stuckKind(room.students.s1!, 6 * minute, true), 'idle');
	assert.equal(stuckKind(room.students.s2!, 6 * minute, true), 'failing');
	const trier = room.students.s2!.steps['containers/s1']!;
	assert.equal(trier.failedCommands, 1);
	assert.equal(trier.attempts, 2);
	const rows = visibleRows(room, {id: 'containers', ref: '1', label: '1 containers', stepCount: 3}, {sort: 'stuck', filter: 'all', now: 6 * minute, online});
	assert.deepEqual(rows.map(row => row.name), ['trier', 'idle']);
	assert.match(stuckWatcher()(room, 6 * minute, online).join('\n'), /trier on containers step 1\/3 \(trying and failing: 1 failed commands, 0 failed checks/);
});

test('time on a step counts from the event\'s own time: events resent late, or replayed after a restart, keep it', () => {
	seqs = {};
	// The student's clock is 10 s behind the host; the host got the entry at once, then went away.
	const records: LogRecord[] = [joined('s1', 'ana'), {r: 'event', at: 10_000, studentId: 's1', seq: 1, clientAt: 0, event: entered(0)}];
	// The student went on offline; entering step 2 reached the (restarted) host 20 minutes later.
	records.push({r: 'event', at: 20 * minute, studentId: 's1', seq: 2, clientAt: minute, event: {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}});
	records.push({r: 'event', at: 20 * minute, studentId: 's1', seq: 3, clientAt: minute, event: entered(1)});
	const room = roomWith(records);
	assert.equal(timeOnStep(room.students.s1!, 21 * minute), 20 * minute - 10_000, 'from the entry, not from when the late event arrived');
	assert.equal(timeOnStep(roomWith(records).students.s1!, 21 * minute), 20 * minute - 10_000, 'a replay gives the same');
});
