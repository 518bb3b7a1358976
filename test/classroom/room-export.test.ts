import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseChapterList} from '../../source/classroom/chapter-list.ts';
import {resultsCsv, resultsJson, resultRows} from '../../source/classroom/export.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom, isStuck} from '../../source/classroom/room.ts';
import {stuckWatcher} from '../../source/classroom/stuck-watch.ts';
import {hostText} from '../../source/classroom/host-text.ts';
import {plainLine} from '../../source/classroom/plain-lines.ts';

const minute = 60_000;

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
	assert.deepEqual(rows[0], {student: '=cmd|evil', chapter: 'containers', chapterNumber: 1, step: 's1', stepNumber: 1, title: 'Step 1', done: true, timeSeconds: 60, attempts: 2, hints: 2, solutionShown: false});
	assert.equal(room.students.s1!.steps['containers/s1']!.failedChecks, 1, 'a command on a task is an attempt, not a failed check');
	assert.equal(rows[1]!.done, false);
	assert.equal(rows[1]!.solutionShown, true);
	assert.equal(rows[1]!.timeSeconds, 8);
	const csv = resultsCsv(room).split('\r\n');
	assert.equal(csv[0], 'student,chapter,chapterNumber,step,stepNumber,title,done,timeSeconds,attempts,hints,solutionShown');
	assert.equal(csv[1], "'=cmd|evil,containers,1,s1,1,Step 1,true,60,2,2,false", 'a formula is neutralised for spreadsheets');
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
	assert.equal(isStuck(alice, 4 * minute), false);
	assert.equal(isStuck(alice, 5 * minute), true);
	for (let i = 0; i < 5; i++) applyRecord(room, event('s1', minute, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['x']}));
	assert.equal(isStuck(alice, minute), true);
	applyRecord(room, event('s1', 2 * minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}));
	assert.equal(isStuck(alice, 60 * minute), false);
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
	assert.deepEqual(watch(room, minute), []);
	const [line] = watch(room, 6 * minute);
	assert.match(line!, /STUCK: ana on containers step 1\/3 \(6 min without progress\)$/);
	assert.deepEqual(watch(room, 7 * minute), [], 'said once');
	applyRecord(room, event('s1', 8 * minute, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'}));
	assert.match(watch(room, 8 * minute)[0]!, /ana is moving again$/);
	for (let i = 0; i < 5; i++) applyRecord(room, event('s1', 9 * minute, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['x']}));
	assert.deepEqual(watch(room, 9 * minute), [], 'failed checks on a passed step do not count');
});

test('plain host lines in Simplified Chinese', () => {
	seqs = {};
	const room = roomWith([joined('s1', '王小明'), event('s1', 0, entered(0))]);
	const say = hostText('zh-CN');
	const record = event('s1', 1000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1', withHelp: true});
	applyRecord(room, record);
	assert.match(plainLine({kind: 'record', record}, room, 0, say)!, /王小明 完成了 containers 第 1\/3 步（借助提示或答案）$/);
	assert.match(plainLine({kind: 'connected', studentId: 's1'}, room, 0, say)!, /王小明 已连接$/);
	const stuck = stuckWatcher(undefined, say);
	applyRecord(room, event('s1', 2000, entered(1)));
	assert.match(stuck(room, 10 * minute)[0]!, /卡住：王小明 在 containers 第 2\/3 步（9 分钟没有进展）$/);
});
