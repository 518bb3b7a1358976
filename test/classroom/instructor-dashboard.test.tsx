import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {HostChange} from '../../source/classroom/host-server.ts';
import type {LogRecord} from '../../source/classroom/log-records.ts';
import {applyRecord, emptyRoom} from '../../source/classroom/room.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {InstructorDashboard, type DashboardHost} from '../../source/ui/classroom/instructor-dashboard.tsx';
import {makeTheme, ThemeContext} from '../../source/ui/theme.tsx';
import {textWidth} from '../../source/ui/text-width.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';

afterEach(cleanupUi);

const start = 1_800_000_000_000;

/** A host without sockets: the room, pacing calls recorded, changes pushed to the dashboard. */
function fakeHost(online: string[]) {
	const room = emptyRoom('ABC234', ['1', '2', '3']);
	const listeners = new Set<(change: HostChange) => void>();
	const calls: string[] = [];
	const seqs: Record<string, number> = {};
	const apply = (record: LogRecord) => {
		applyRecord(room, record);
		for (const listener of listeners) listener({kind: 'record', record});
	};
	const host: DashboardHost = {
		room,
		capacity: 120,
		isConnected: id => online.includes(id),
		connectedCount: () => online.length,
		async releaseNext() {
			calls.push('release');
			apply({r: 'pacing', at: start, openCount: room.openCount + 1});
		},
		async setPaused(paused) {
			calls.push(`paused ${paused}`);
			apply({r: 'paused', at: start, paused});
		},
		async broadcast(text) {
			calls.push(`broadcast ${text}`);
			apply({r: 'broadcast', at: start, text});
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async setOpenCount(count) {
			calls.push(`open ${count}`);
			apply({r: 'pacing', at: start, openCount: count});
		},
		setStuckRule(rule) {
			calls.push(`stuck after ${rule.idleMs / 60_000}m`);
		},
		async setOpen(open) {
			calls.push(`open set ${open.join(',')}`);
			apply({r: 'opened', at: start, open});
		},
		async rename(studentId, name) {
			calls.push(`rename ${studentId} ${name}`);
			apply({r: 'renamed', at: start, studentId, name});
			return undefined;
		},
		async remove(studentId) {
			calls.push(`remove ${studentId}`);
			apply({r: 'removed', at: start, studentId});
		},
		async timebox(chapter, closesAt) {
			calls.push(`timebox ${chapter} ${closesAt}`);
			apply({r: 'timebox', at: start, chapter, closesAt});
		},
		async message(studentId, text) {
			calls.push(`message ${studentId} ${text}`);
			apply({r: 'message', at: start, studentId, text});
			return true;
		},
	} as DashboardHost;
	const event = (studentId: string, at: number, ev: Extract<LogRecord, {r: 'event'}>['event']) => {
		seqs[studentId] = (seqs[studentId] ?? 0) + 1;
		apply({r: 'event', at, studentId, seq: seqs[studentId]!, clientAt: at, event: ev});
	};
	return {host, calls, apply, event};
}

const entered = (stepIndex: number) => ({kind: 'step-entered' as const, chapterId: 'containers', chapterNumber: 1, stepId: `s${stepIndex + 1}`, stepIndex, stepCount: 4, title: `Step ${stepIndex + 1}`});

function setup(size = {columns: 80, rows: 24}, locale: 'en' | 'zh-CN' = 'en', names = ['alice', 'bob'], online = ['s1', 's2']) {
	const clock = manualClock(start);
	const fake = fakeHost(online);
	fake.apply({r: 'joined', at: start, studentId: 's1', name: names[0]!, tokenHash: 'h'});
	fake.apply({r: 'joined', at: start, studentId: 's2', name: names[1]!, tokenHash: 'h'});
	fake.event('s1', start, entered(0));
	fake.event('s1', start + 1000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'});
	fake.event('s1', start + 2000, entered(1));
	fake.event('s1', start + 3000, {kind: 'command-run', chapterId: 'containers', stepId: 's2', line: 'docker run kubia', exitCode: 125});
	fake.event('s2', start, entered(0));
	for (let i = 0; i < 5; i++) fake.event('s2', start + 1000, {kind: 'check-failed', chapterId: 'containers', stepId: 's1', unmet: ['the container kubia is not running']});
	let quit = false;
	const app = renderUi(
		<ThemeContext.Provider value={makeTheme(false)}>
			<InstructorDashboard host={fake.host} joinLines={['npx k8s-tutor join 10.0.0.5:7420 --code ABC234 --name "YOUR NAME"']} sessionDir="room" clock={clock} onQuit={() => (quit = true)} locale={locale} />
		</ThemeContext.Provider>,
		size,
	);
	return {app, fake, clock, quit: () => quit};
}

test('the grid shows each student by step, who is stuck and offline', async () => {
	const {app} = setup();
	const frame = await app.waitFor(frame => frame.includes('alice'), 'the students');
	assert.match(frame, /q quit\n/, 'the keys fit in 80 columns');
	assert.match(frame, /Classroom ABC234 · 2\/120 students \(2 online\) · 1 stuck \(5m: 1 failing\)\n/);
	assert.match(frame, /open: 1 · Chapter 1 containers \(1 of 3\)/);
	assert.match(frame, /join 10\.0\.0\.5:7420 --code ABC234/);
	assert.match(frame, /0 of 2 finished this chapter · passed per step: 1 0 0 0 · now on each step: 1 1/);
	assert.match(frame, /tries fail cmd\/chk/, 'the column says what it counts');
	assert.match(frame, /alice\s+✓ ▶ · ·\s+step 2\/4 .* 0\s+1\/0\n/);
	assert.match(frame, /bob\s+! · · ·\s+step 1\/4 .* 5\s+0\/5 STUCK:fail/);
});

test('a student who left is not stuck, and is shown offline', async () => {
	const {app, clock} = setup(undefined, 'en', undefined, ['s1']);
	clock.advance(20 * 60_000);
	const frame = await app.waitFor(frame => frame.includes('1 stuck') && frame.includes('20m'), 'the clock to move');
	assert.match(frame, /2\/120 students \(1 online\) · 1 stuck \(5m: 1 failing\)/, 'alice, whose command failed');
	assert.match(frame, /bob\s+▶ · · ·\s+step 1\/4 .* offline/);
	assert.doesNotMatch(frame, /bob.*STUCK/);
});

test('rows that do not fit say how many more; Home/End jump; the selection follows the student after a re-sort', async () => {
	const clock = manualClock(start);
	const fake = fakeHost(Array.from({length: 30}, (_, i) => `s${i + 1}`));
	for (let i = 1; i <= 30; i++) {
		fake.apply({r: 'joined', at: start, studentId: `s${i}`, name: `student${String(i).padStart(2, '0')}`, tokenHash: 'h'});
		fake.event(`s${i}`, start, entered(0));
	}
	const app = renderUi(
		<ThemeContext.Provider value={makeTheme(false)}>
			<InstructorDashboard host={fake.host} joinLines={['join']} sessionDir="room" clock={clock} onQuit={() => {}} />
		</ThemeContext.Provider>,
		{columns: 100, rows: 24},
	);
	let frame = await app.waitFor(frame => frame.includes('student01'), 'the grid');
	assert.match(frame, /↓ 14 more \(Home\/End\)/);
	app.press(keys.end);
	frame = await app.waitFor(frame => frame.includes('> student30'), 'the last student selected');
	assert.match(frame, /↑ 14 more \(Home\/End\)/);
	app.press(keys.up);
	await app.waitFor(frame => frame.includes('> student29'), 'one up');
	// student29 passes a step and student05 fails: sorted by progress, 29 moves to the top and stays selected.
	app.type('s');
	app.type('s');
	await app.waitFor(frame => frame.includes('sort progress'), 'sorted by progress');
	fake.event('s29', start + 1000, {kind: 'step-passed', chapterId: 'containers', stepId: 's1'});
	frame = await app.waitFor(frame => /> student29\s+✓/.test(frame), 'the selection to follow student29');
	assert.match(frame.split('\n').find(line => /^[> ] student\d/.test(line))!, /student29/, 'now first');
	app.press(keys.home);
	await app.waitFor(frame => frame.includes('> student29'), 'Home selects the first row');
});

test('stuck detection follows the clock: idle students become stuck', async () => {
	const {app, clock, fake} = setup();
	await app.waitFor(frame => frame.includes('1 stuck'), 'one stuck');
	clock.advance(6 * 60_000);
	await app.waitFor(frame => frame.includes('2 stuck (5m: 2 failing)'), 'two stuck');
	app.type('+');
	app.type('+');
	await app.waitFor(frame => frame.includes('1 stuck (7m: 1 failing)') && frame.includes('stuck after 7 min'), 'the idle limit raised to 7 minutes');
	assert.equal(fake.calls.at(-1), 'stuck after 7m', 'the projector page is told the same limit');
});

test('filter, detail with last commands and unmet list, pacing keys and broadcast', async () => {
	const {app, fake} = setup();
	await app.waitFor(frame => frame.includes('alice'), 'the grid');
	app.type('f'); // stuck only
	await app.waitFor(frame => frame.includes('filter stuck') && !frame.includes('alice'), 'only bob');
	app.press(keys.enter);
	await app.waitFor(frame => frame.includes('Still unmet') && frame.includes('the container kubia is not running'), "bob's detail");
	app.press(keys.escape);
	await app.waitFor(frame => !frame.includes('Still unmet'), 'back to the grid');
	app.type('f');
	app.type('f'); // all again
	await app.waitFor(frame => frame.includes('filter all'), 'all students');
	app.press(keys.enter);
	await app.waitFor(frame => frame.includes('$ docker run kubia  (exit 125)'), "alice's last commands");
	app.press(keys.escape);
	await app.waitFor(frame => !frame.includes('Last commands'), 'the grid again');

	app.type('n');
	await app.waitFor(frame => frame.includes('open: 1, 2') && frame.includes('released chapter 2'), 'chapter 2 open');
	app.type('p');
	await app.waitFor(frame => frame.includes('PAUSED'), 'paused');
	app.type('b');
	await app.waitFor(frame => frame.includes('Broadcast to every screen'), 'the broadcast prompt');
	app.type('Eyes on me\r'); // typed fast: text and Enter in one chunk
	await app.waitFor(frame => frame.includes('broadcast sent') && frame.includes('last broadcast: Eyes on'), 'the broadcast');
	app.type('o');
	await app.waitForText('Open the first how many chapters');
	app.type('3');
	await app.waitFor(frame => frame.includes('open: 1, 2, 3'), 'three chapters open');
	assert.deepEqual(fake.calls, ['release', 'paused true', 'broadcast Eyes on me', 'open 3']);
});

test('c opens exactly the chapters typed, or closes one, in the dashboard too', async () => {
	const {app, fake} = setup({columns: 140, rows: 30});
	await app.waitFor(frame => frame.includes('alice') && frame.includes('o/c open · p pause · b say · t timebox · +- stuck · q quit'), 'the grid and all its keys at 140 columns');
	app.type('c');
	await app.waitForText('Open exactly 3,5');
	app.type('1,3\r');
	await app.waitFor(frame => frame.includes('open: 1, 3'), 'chapters 1 and 3 open');
	app.type('c');
	await app.waitForText('Open exactly 3,5');
	app.type('close 1\r');
	await app.waitFor(frame => /open: 3 ·/.test(frame), 'chapter 1 closed');
	app.type('c');
	await app.waitForText('Open exactly 3,5');
	app.type('7,9\r');
	await app.waitForText('not a chapter of this session: 7, 9');
	assert.deepEqual(fake.calls, ['open set 1,3', 'open set 3']);
});

test('quitting asks first', async () => {
	const {app, quit} = setup();
	await app.waitFor(frame => frame.includes('alice'), 'the grid');
	app.type('q');
	await app.waitFor(frame => frame.includes('(y/n)'), 'the question');
	app.type('n');
	await app.waitFor(frame => !frame.includes('(y/n)'), 'the grid again');
	assert.equal(quit(), false);
	app.type('q');
	await app.waitFor(frame => frame.includes('(y/n)'), 'the question');
	app.type('y');
	for (let i = 0; i < 100 && !quit(); i++) await new Promise(resolve => setTimeout(resolve, 5));
	assert.equal(quit(), true);
});

test('a terminal too small says what size the dashboard needs; growing it shows the room', async () => {
	const {app} = setup({columns: 50, rows: 10});
	await app.waitForText('needs at least 60x12');
	app.resize(80, 24);
	await app.waitForText('alice');
});

test('in Simplified Chinese, with Chinese names, the columns still line up', async () => {
	const {app} = setup({columns: 80, rows: 24}, 'zh-CN', ['王小明', 'bob']);
	const frame = await app.waitForText('王小明');
	assert.match(frame, /课堂 ABC234 · 2\/120 名学生（2 在线） · 1 人卡住/);
	assert.match(frame, /第 2\/4 步/);
	const lines = frame.split('\n');
	const stepsAt = (name: string) => {
		const line = lines.find(candidate => candidate.includes(name))!;
		return textWidth(line.slice(0, line.search(/[✓!▶]/)));
	};
	assert.equal(stepsAt('王小明'), stepsAt('bob'));
	assert.match(frame, /q 退出/);
	assert.match(frame, /尝试 失败命令\/检查/, 'every column title stands apart');
});

test('at 140 columns in Chinese every column title stands apart and the counts sit under their titles', async () => {
	const {app} = setup({columns: 140, rows: 40}, 'zh-CN', ['王小明', 'bob']);
	const frame = await app.waitForText('王小明');
	const lines = frame.split('\n');
	const header = lines.find(line => line.includes('失败命令/检查'))!;
	assert.match(header, / 尝试 失败命令\/检查$/);
	const row = lines.find(line => line.includes('bob'))!;
	const end = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text) + text.length));
	assert.equal(end(row, '0/5'), end(header, '失败命令/检查'), 'right-aligned under the title');
});

test('a raised hand shows on the row, in the header and in the detail with the step and last command; m answers that student only', async () => {
	const {app, fake} = setup({columns: 100, rows: 24});
	fake.event('s1', start + 4000, {kind: 'hand', raised: true});
	let frame = await app.waitFor(frame => frame.includes('✋ 1 hand up'), 'the raised hand');
	assert.match(frame, /✋alice\s+✓ ▶/);
	app.press(keys.enter);
	frame = await app.waitFor(frame => frame.includes('Hand up on'), "alice's detail");
	assert.match(frame, /✋ Hand up on step 2\/4; last command: \$ docker run kubia {2}\(exit 125\)/);
	app.type('m');
	await app.waitForText('Message to alice only');
	app.type('Use -d and check docker ps\r');
	frame = await app.waitFor(frame => frame.includes('message sent to alice'), 'the message sent');
	assert.deepEqual(fake.calls, ['message s1 Use -d and check docker ps']);
	assert.doesNotMatch(frame, /hand up/, 'answering lowers the hand');
	app.press(keys.enter);
	await app.waitForText('Your last message: Use -d and check docker ps');
});

test('r renames the selected student, x removes them after a question', async () => {
	const {app, fake} = setup({columns: 100, rows: 24});
	await app.waitFor(frame => frame.includes('> alice'), 'alice selected');
	app.type('r');
	await app.waitForText('New name for alice');
	app.type('alicia\r');
	await app.waitFor(frame => frame.includes('renamed alice to alicia') && frame.includes('> alicia'), 'the new name');
	app.press(keys.down);
	await app.waitFor(frame => frame.includes('> bob'), 'bob selected');
	app.type('x');
	await app.waitForText('Remove bob from the room?');
	app.type('y');
	const frame = await app.waitFor(frame => frame.includes('removed bob'), 'bob removed');
	assert.doesNotMatch(frame.split('\n').slice(4).join('\n'), /\bbob\b.*step/);
	assert.match(frame, /1\/120 students/);
	assert.deepEqual(fake.calls, ['rename s1 alicia', 'remove s2']);
});

test('the projector key is never cut off: a long join line leaves it a line of its own', async () => {
	const clock = manualClock(start);
	const fake = fakeHost(['s1']);
	fake.apply({r: 'joined', at: start, studentId: 's1', name: 'alice', tokenHash: 'h'});
	const join = 'npx --yes http://192.168.100.200:47420/k8s-tutor.tgz join 192.168.100.200:47420 --code UB7BEA --name "YOUR NAME"';
	const projector = 'http://192.168.100.200:47420/room?key=Kq3xY7Lm2PzA';
	for (const size of [{columns: 140, rows: 40}, {columns: 80, rows: 24}]) {
		const app = renderUi(
			<ThemeContext.Provider value={makeTheme(false)}>
				<InstructorDashboard host={fake.host} joinLines={[join]} projectorUrl={projector} sessionDir="lab1" clock={clock} onQuit={() => {}} />
			</ThemeContext.Provider>,
			size,
		);
		const frame = await app.waitFor(f => f.includes('alice'), 'the grid');
		assert.ok(frame.includes(`projector: ${projector}`), `the whole projector address at ${size.columns}x${size.rows}:\n${frame}`);
		assert.ok(frame.split('\n').length <= size.rows, 'the screen still fits');
		assert.match(frame, /q quit/);
		app.unmount();
	}
});
