// The grid's rows are drawn again only when what they show changes (issue 17's frame cost): this
// checks the other side, that a row never shows stale content: a new failure, a passed step, the
// time on step ticking, a hand, a student going offline, each appears on that row at once.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {HostChange} from '../../source/classroom/host-server.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom} from '../../source/classroom/room.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {InstructorDashboard, type DashboardHost} from '../../source/ui/classroom/instructor-dashboard.tsx';
import {makeTheme, ThemeContext} from '../../source/ui/theme.tsx';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';

afterEach(cleanupUi);

const start = 1_800_000_000_000;

test('a row shows each change of its student at once, and only that row changes', async () => {
	const room = emptyRoom('ABC234', ['1']);
	const listeners = new Set<(change: HostChange) => void>();
	const online = new Set(['s1', 's2']);
	const seqs: Record<string, number> = {};
	const apply = (record: LogRecord) => {
		applyRecord(room, record);
		for (const listener of listeners) listener({kind: 'record', record});
	};
	const event = (studentId: string, at: number, ev: Extract<LogRecord, {r: 'event'}>['event']) => apply({r: 'event', at, studentId, seq: (seqs[studentId] = (seqs[studentId] ?? 0) + 1), clientAt: at, event: ev});
	const host = {room, capacity: 10, isConnected: (id: string) => online.has(id), connectedCount: () => online.size, subscribe: (listener: (change: HostChange) => void) => (listeners.add(listener), () => listeners.delete(listener))} as unknown as DashboardHost;
	const entered = (stepIndex: number) => ({kind: 'step-entered' as const, chapterId: 'containers', chapterNumber: 1, stepId: `s${stepIndex + 1}`, stepIndex, stepCount: 4, title: `Step ${stepIndex + 1}`});
	apply({r: 'joined', at: start, studentId: 's1', name: 'alice', tokenHash: 'h'});
	apply({r: 'joined', at: start, studentId: 's2', name: 'bob', tokenHash: 'h'});
	event('s1', start, entered(0));
	event('s2', start, entered(0));
	const clock = manualClock(start);
	const app = renderUi(
		<ThemeContext.Provider value={makeTheme(false)}>
			<InstructorDashboard host={host} joinLines={['join']} sessionDir="room" clock={clock} onQuit={() => {}} />
		</ThemeContext.Provider>,
		{columns: 100, rows: 20},
	);
	const row = (frame: string, name: string) => frame.split('\n').find(line => line.includes(name)) ?? '';
	let frame = await app.waitFor(f => row(f, 'alice').includes('0s') && row(f, 'bob').includes('0s'), 'both rows');
	const bob = row(frame, 'bob');
	assert.match(row(frame, 'alice'), /▶ · · ·/);
	event('s1', start + 500, {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'kubectl get pods', exitCode: 1, unmet: ['x']});
	frame = await app.waitFor(f => row(f, 'alice').includes('1/0'), 'the failed command on alice\'s row');
	assert.equal(row(frame, 'bob'), bob, "bob's row did not change");
	event('s1', start + 600, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'});
	event('s1', start + 700, entered(1));
	clock.advance(100); // the dashboard's redraw window
	await app.waitFor(f => /✓ ▶ · ·/.test(row(f, 'alice')), 'the passed step');
	clock.advance(60_900);
	await app.waitFor(f => row(f, 'bob').includes('1m01') && row(f, 'alice').includes('1m00'), 'the time on step ticking on both rows');
	apply({r: 'event', at: start + 62_000, studentId: 's2', seq: (seqs.s2 = seqs.s2! + 1), clientAt: start + 62_000, event: {kind: 'hand', raised: true}});
	clock.advance(100);
	await app.waitFor(f => row(f, 'bob').startsWith('✋'), 'the hand on bob\'s row');
	online.delete('s1');
	clock.advance(1000);
	await app.waitFor(f => /offline/.test(row(f, 'alice')), 'alice offline');
});

test('a student in another chapter is shown there by its number, as the header names chapters', async () => {
	const room = emptyRoom('ABC234', ['1', '2']);
	const host = {room, capacity: 10, isConnected: () => true, connectedCount: () => 3, subscribe: () => () => {}} as unknown as DashboardHost;
	const enter = (studentId: string, seq: number, chapterNumber: number, chapterId: string) =>
		applyRecord(room, {r: 'event', at: start, studentId, seq, clientAt: start, event: {kind: 'step-entered', chapterId, chapterNumber, stepId: 's1', stepIndex: 0, stepCount: 4, title: 'Step 1'}});
	for (const [index, name] of ['ana', 'bo', 'cy'].entries()) applyRecord(room, {r: 'joined', at: start, studentId: `s${index + 1}`, name, tokenHash: 'h'});
	enter('s1', 1, 1, 'containers-vs-vms');
	enter('s2', 1, 1, 'containers-vs-vms');
	enter('s3', 1, 2, 'namespaces-and-cgroups');
	const app = renderUi(
		<ThemeContext.Provider value={makeTheme(false)}>
			<InstructorDashboard host={host} joinLines={['join']} sessionDir="room" clock={manualClock(start)} onQuit={() => {}} />
		</ThemeContext.Provider>,
		{columns: 120, rows: 20},
	);
	const frame = await app.waitForText('cy ');
	assert.match(frame, /Chapter 1 containers-vs-vms/);
	assert.match(frame.split('\n').find(line => line.includes('cy '))!, /· · · ·\s+in ch 2\s/);
});
