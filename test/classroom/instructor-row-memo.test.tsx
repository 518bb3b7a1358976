// The dashboard's frame cost in a busy room rests on one thing: a grid row is drawn again only when
// what it shows changes (GridRow's memo in instructor-dashboard.tsx). This counts row renders: the
// done-cell colour (theme.ok) is read by GridRow and by nothing else on the dashboard, once per
// render, so a theme that counts those reads counts row renders. Without the memo every row of
// the room is drawn again on every update, and this fails.
// (instructor-grid-rows.test.tsx checks the other side: a row never shows stale content.)
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {HostChange} from '../../source/classroom/host-server.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom} from '../../source/classroom/room.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {InstructorDashboard, type DashboardHost} from '../../source/ui/classroom/instructor-dashboard.tsx';
import {makeTheme, ThemeContext, type Theme} from '../../source/ui/theme.tsx';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';

afterEach(cleanupUi);

const start = 1_800_000_000_000;
const students = 12;

test('an event redraws only the row of the student it is about, not the other rows', async () => {
	const room = emptyRoom('ABC234', ['1']);
	const listeners = new Set<(change: HostChange) => void>();
	const seqs: Record<string, number> = {};
	const apply = (record: LogRecord) => {
		applyRecord(room, record);
		for (const listener of listeners) listener({kind: 'record', record});
	};
	const event = (studentId: string, ev: Extract<LogRecord, {r: 'event'}>['event']) => apply({r: 'event', at: start, studentId, seq: (seqs[studentId] = (seqs[studentId] ?? 0) + 1), clientAt: start, event: ev});
	const host = {room, capacity: 50, isConnected: () => true, connectedCount: () => students, subscribe: (listener: (change: HostChange) => void) => (listeners.add(listener), () => listeners.delete(listener))} as unknown as DashboardHost;
	for (let index = 1; index <= students; index++) {
		apply({r: 'joined', at: start, studentId: `s${index}`, name: `student-${index}`, tokenHash: 'h'});
		event(`s${index}`, {kind: 'step-entered', chapterId: 'containers', chapterNumber: 1, stepId: 's1', stepIndex: 0, stepCount: 4, title: 'Step 1'});
	}
	let rowRenders = 0;
	const countingTheme = new Proxy(makeTheme(true), {
		get(theme, key: keyof Theme) {
			if (key === 'ok') rowRenders++;
			return theme[key];
		},
	});
	const clock = manualClock(start); // never advanced: no tick redraws the time on step
	const app = renderUi(
		<ThemeContext.Provider value={countingTheme}>
			<InstructorDashboard host={host} joinLines={['join']} sessionDir="room" clock={clock} onQuit={() => {}} />
		</ThemeContext.Provider>,
		{columns: 140, rows: 40},
	);
	const row = (frame: string, name: string) => frame.split('\n').find(line => line.includes(`${name} `)) ?? '';
	await app.waitFor(f => row(f, `student-${students}`).includes('0/0'), 'every row drawn');
	await new Promise(resolve => setTimeout(resolve, 50)); // nothing else is on its way
	assert.ok(rowRenders >= students, `each of the ${students} rows was drawn (${rowRenders} row renders)`);
	const settled = rowRenders;

	event('s5', {kind: 'command-run', chapterId: 'containers', stepId: 's1', line: 'kubectl get pods', exitCode: 1, unmet: ['x']});
	const frame = await app.waitFor(f => row(f, 'student-5').includes('1/0'), "the failed command on student-5's row");
	await new Promise(resolve => setTimeout(resolve, 50));
	assert.equal(rowRenders - settled, 1, `one row drawn again for one student's event, not the ${students} of the room`);
	assert.ok(row(frame, 'student-6').includes('0/0'));
});
