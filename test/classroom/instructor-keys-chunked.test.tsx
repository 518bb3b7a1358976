// Keys pressed quickly, or while a busy room keeps the host from reading the terminal, reach the
// dashboard as one chunk of text. Each key in it counts (played in tmux: three quick `s` presses
// did nothing, the sort stayed "joined"). A paste must not count as keys.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {HostChange} from '../../source/classroom/host-server.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom} from '../../source/classroom/room.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {InstructorDashboard, type DashboardHost} from '../../source/ui/classroom/instructor-dashboard.tsx';
import {makeTheme, ThemeContext} from '../../source/ui/theme.tsx';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';

afterEach(cleanupUi);

const start = 1_800_000_000_000;

test('keys that arrive in one chunk are each acted on; pasted text is never keys', async () => {
	const room = emptyRoom('ABC234', ['1']);
	const listeners = new Set<(change: HostChange) => void>();
	const apply = (record: LogRecord) => {
		applyRecord(room, record);
		for (const listener of listeners) listener({kind: 'record', record});
	};
	const broadcasts: string[] = [];
	const calls: string[] = [];
	const host = {
		room,
		capacity: 50,
		isConnected: () => true,
		connectedCount: () => 3,
		subscribe: (listener: (change: HostChange) => void) => (listeners.add(listener), () => listeners.delete(listener)),
		async releaseNext() {
			calls.push('release');
		},
		async setPaused() {
			calls.push('pause');
		},
		async broadcast(text: string) {
			broadcasts.push(text);
			apply({r: 'broadcast', at: start, text});
		},
	} as unknown as DashboardHost;
	for (const [index, name] of ['ana', 'bo', 'cy'].entries()) apply({r: 'joined', at: start, studentId: `s${index + 1}`, name, tokenHash: 'h'});
	const app = renderUi(
		<ThemeContext.Provider value={makeTheme(false)}>
			<InstructorDashboard host={host} joinLines={['join']} sessionDir="room" clock={manualClock(start)} onQuit={() => {}} />
		</ThemeContext.Provider>,
		{columns: 140, rows: 30},
	);
	await app.waitForText('sort joined');
	app.press('sss');
	await app.waitForText('sort stuck');
	app.press('jj');
	await app.waitFor(f => /^> cy /m.test(f), 'the selection two rows down, on cy');
	app.press('b', 'Hello room\r');
	await app.waitForText('last broadcast: Hello room');
	assert.deepEqual(broadcasts, ['Hello room']);

	// A paste is not keys: the join line pasted into the wrong window must not open a chapter at its n, nor pause at its p.
	app.press(keys.paste('npx --yes http://192.0.2.2:7420/k8s-tutor.tgz join 192.0.2.2:7420'));
	app.press('npx --yes http://h/p');
	app.press('b');
	await app.waitForText('Broadcast');
	app.press(keys.paste('line one\nline two'), '\r');
	await app.waitForText('last broadcast: line one line two');
	assert.deepEqual(calls, [], 'nothing pasted acted as a key');
	assert.deepEqual(broadcasts, ['Hello room', 'line one line two']);
});
