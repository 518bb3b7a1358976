// The instructor's screen: the room at a glance. Students by steps of one chapter, who is
// stuck, and the pacing controls. Everything shown comes from the host's room (sanitized).
// Longer than ~300 lines because its layout, keys and pacing prompts share one state (the roster table could move out).
import {Box, Text, useWindowSize} from 'ink';
import type {Clock} from '../clock.ts';
import {memo, useEffect, useState} from 'react';
import type {Locale} from '../../i18n/locale.ts';
import type {ClassroomHost} from '../../classroom/host-server.ts';
import type {GuessingStorm} from '../../classroom/join-guard.ts';
import {openRefs} from '../../classroom/protocol.ts';
import {chapterSetCommand, renameProblemText, timeboxCommand} from '../../classroom/host-commands.ts';
import {minutesLeft, timeOfDay} from '../../classroom/timebox.ts';
import {defaultStuckRule, pacingOf, stepKey, type StuckRule} from '../../classroom/room.ts';
import {fit, textWidth} from '../text-width.ts';
import {useTheme} from '../theme.tsx';
import {chapterColumns, chapterProgress, duration, stuckCount, visibleRows, type Cell, type StudentRow} from './instructor-model.ts';
import {useInstructorKeys} from './use-instructor-keys.ts';
import {useInstructorState} from './use-instructor-state.ts';
import {messages} from '../../i18n/catalog.ts';
import type {InstructorText} from '../../i18n/messages.ts';

/** The same clock as the learner's dashboard, reading wall time: the instructor sees real minutes on a step. */
export type WallClock = Clock;

export type DashboardHost = Pick<ClassroomHost, 'room' | 'capacity' | 'isConnected' | 'connectedCount' | 'releaseNext' | 'setOpenCount' | 'setOpen' | 'setStuckRule' | 'setPaused' | 'broadcast' | 'message' | 'rename' | 'remove' | 'timebox' | 'subscribe'>;

type Props = {host: DashboardHost; joinLines: string[]; projectorUrl?: string; sessionDir: string; clock: WallClock; onQuit(): void; locale?: Locale; stuckRule?: StuckRule};

const cellGlyph: Record<Cell, string> = {done: '✓', help: '✓', current: '▶', stuck: '!', todo: '·'};

/** A busy room redraws at most this often (one frame at 30 fps); measured against 100 ms in readme.md's classroom bench. */
const redrawWindowMs = 33;

/** Re-renders on host changes (at once, then at most every redrawWindowMs: a busy room must not flood the terminal) and every second. */
function useRoomVersion(host: DashboardHost, clock: WallClock): number {
	const [version, setVersion] = useState(0);
	useEffect(() => {
		let pending: (() => void) | undefined;
		let lastBump = -Infinity;
		const bump = () => {
			lastBump = clock.now();
			setVersion(v => v + 1);
		};
		const unsubscribe = host.subscribe(() => {
			if (pending) return;
			const wait = lastBump + redrawWindowMs - clock.now();
			if (wait <= 0) bump();
			else
				pending = clock.after(wait, () => {
					pending = undefined;
					bump();
				});
		});
		const stopTicking = clock.every(1000, bump);
		return () => {
			unsubscribe();
			stopTicking();
			pending?.();
		};
	}, [host, clock]);
	return version;
}

/** The columns after the name and the steps, each `width` cells wide. */
const tailColumns = {where: 11, onStep: 8, hints: 6, solutions: 5, tries: 6, fails: 13};
/** The last column's title must never touch the one before it (in Chinese it is 13 cells wide). */
const failsWidth = (text: InstructorText) => Math.max(tailColumns.fails, textWidth(text.columns.fails) + 1);

export function InstructorDashboard({host, joinLines, projectorUrl, sessionDir, clock, onQuit, locale = 'en', stuckRule = defaultStuckRule}: Props) {
	useRoomVersion(host, clock);
	const theme = useTheme();
	const text = messages(locale).instructor;
	const replies = messages(locale).hostCommand;
	const {columns: width, rows: height} = useWindowSize();
	const [state, dispatch] = useInstructorState();
	const [flash, setFlash] = useState<string>();
	const storm = useGuessingStorm(host, clock);
	const [idleMinutes, setIdleMinutes] = useState(stuckRule.idleMs / 60_000);
	const rule = {...stuckRule, idleMs: idleMinutes * 60_000};
	const room = host.room;
	const now = clock.now();
	const chapters = chapterColumns(room);
	const followed = busiestChapter(room, chapters) ?? Math.max(0, Math.min(chapters.length - 1, room.openCount - 1));
	const chapterIndex = Math.min(state.chapterIndex ?? followed, chapters.length - 1);
	const chapter = chapters[chapterIndex] ?? {id: '-', stepCount: 0};
	const rows = visibleRows(room, chapter, {sort: state.sort, filter: state.filter, now, online: id => host.isConnected(id), rule});
	const selectedIndex = Math.max(0, rows.findIndex(row => row.id === state.selected));
	const selected = rows[selectedIndex];
	const label = (ref: string) => chapters.find(column => column.ref === ref || column.id === ref)?.label ?? ref;

	const act = (what: Promise<void>, done: string) => what.then(() => setFlash(done), error => setFlash(text.error((error as Error).message)));
	useInstructorKeys(state, dispatch, {ids: rows.map(row => row.id), selected: selected?.id, chapters: chapters.length, currentChapter: followed}, {
		releaseNext() {
			const next = room.chapters.find(ref => !openRefs(pacingOf(room)).includes(ref));
			if (next === undefined) setFlash(text.allOpen);
			else act(host.releaseNext(), text.released(label(next)));
		},
		openUpTo(count) {
			act(host.setOpenCount(count), text.opened(room.chapters.slice(0, Math.min(count, room.chapters.length)).map(label).join(', ') || text.none));
		},
		stuckAfter(by) {
			setIdleMinutes(minutes => {
				const next = Math.max(1, Math.min(60, Math.round(minutes) + by));
				setFlash(text.stuckAfter(next, rule.failures));
				// The projector page counts stuck students the same way.
				host.setStuckRule({...stuckRule, idleMs: next * 60_000});
				return next;
			});
		},
		togglePause() {
			act(host.setPaused(!room.paused), room.paused ? text.resumedRoom : text.pausedRoom);
		},
		broadcast: message => act(host.broadcast(message), text.sent),
		message(studentId, message) {
			const name = room.students[studentId]?.name ?? studentId;
			host.message(studentId, message).then(
				online => setFlash(online ? text.messageSent(name) : text.messageQueued(name)),
				error => setFlash(text.error((error as Error).message)),
			);
		},
		rename(studentId, name) {
			const before = room.students[studentId]?.name ?? studentId;
			host.rename(studentId, name).then(
				problem => setFlash(problem ? text.error(renameProblemText(problem, replies)) : text.renamed(before, room.students[studentId]?.name ?? name)),
				error => setFlash(text.error((error as Error).message)),
			);
		},
		timebox(typed) {
			timeboxCommand(host, typed, clock.now(), replies).then(setFlash, error => setFlash(text.error((error as Error).message)));
		},
		chapters(typed) {
			chapterSetCommand(host, typed, replies).then(setFlash, error => setFlash(text.error((error as Error).message)));
		},
		remove(studentId) {
			const name = room.students[studentId]?.name ?? studentId;
			act(host.remove(studentId), text.removed(name));
		},
		quit: onQuit,
	});

	if (width < 60 || height < 12) return <Text>{text.tooSmall(width, height)}</Text>;

	const stuckSplit = stuckCount(room, now, id => host.isConnected(id), rule);
	const stuck = stuckSplit.failing + stuckSplit.idle;
	const hands = room.studentOrder.filter(id => room.students[id]!.hand).length;
	const closing = (ref: string) => (room.closing[ref] !== undefined ? text.closesAt(timeOfDay(room.closing[ref]!), minutesLeft(room.closing[ref]!, now)) : '');
	const open = openRefs(pacingOf(room)).map(ref => label(ref) + closing(ref)).join(', ') || text.none;
	const progress = chapterProgress(room, chapter);
	// The join line, the projector's address (its key) and the session folder: on two lines when one would cut the key off.
	const projectorPart = `${projectorUrl ? `${text.projector}: ${projectorUrl} · ` : ''}${text.session}: ${sessionDir}`;
	const splitAddresses = textWidth(`${joinLines[0] ?? ''} · ${projectorPart}`) > width;
	const listHeight = Math.max(3, height - 7 - (splitAddresses ? 1 : 0)); // 4 header lines (5 split), the column titles, 2 footer lines
	// When not everyone fits, one line says how many more are above and below.
	const overflow = rows.length > listHeight;
	const shown = overflow ? listHeight - 1 : listHeight;
	const first = Math.max(0, Math.min(selectedIndex - Math.floor(shown / 2), rows.length - shown));
	const below = Math.max(0, rows.length - first - shown);
	const nameWidth = Math.min(18, Math.max(8, textWidth(text.columns.student), ...rows.map(row => textWidth(row.name))));
	const stepWidth = Math.max(5, chapter.stepCount * 2);
	const c = text.columns;

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					{text.classroom} {room.code}
				</Text>
				{room.paused ? <Text {...theme.highlight}>{text.paused}</Text> : null}
				{' · '}
				{text.students(room.studentOrder.length, host.capacity, host.connectedCount())}
				{' · '}
				<Text color={stuck > 0 ? theme.bad : undefined} bold={stuck > 0}>
					{text.stuck(stuck)}
				</Text>
				<Text dimColor={theme.dim}>
					{' '}({idleMinutes}m{stuck > 0 ? text.stuckSplit(stuckSplit.failing, stuckSplit.idle) : ''})
				</Text>
				{hands > 0 ? (
					<Text color={theme.warn} bold>
						{' · '}
						{text.hands(hands)}
					</Text>
				) : null}
			</Text>
			{storm && now - storm.at < 2 * 60_000 ? (
				<Text color={theme.bad} bold wrap="truncate">
					{text.guessing(storm.wrongLastMinute, storm.addresses)}
				</Text>
			) : (
				<Text dimColor={theme.dim} wrap="truncate">
					{joinLines[0]}
					{splitAddresses ? '' : ` · ${projectorPart}`}
				</Text>
			)}
			{splitAddresses ? (
				<Text dimColor={theme.dim} wrap="truncate">
					{projectorPart}
				</Text>
			) : null}
			<Text wrap="truncate">
				{text.open(open)}
				{' · '}
				{text.chapterLine(chapter.label === chapter.id ? chapter.id : `${chapter.label} ${chapter.id}`, chapterIndex + 1, chapters.length, text.sortName[state.sort], text.filterName[state.filter])}
			</Text>
			<Text wrap="truncate">
				<Text bold>{text.finished(progress.finished, progress.students)}</Text>
				{progress.passed.length > 0 ? text.perStep(progress.passed.join(' '), progress.onStep.join(' ')) : ''}
			</Text>
			{state.mode === 'detail' && selected ? (
				<StudentDetail host={host} row={selected} height={listHeight + 1} text={text} />
			) : (
				<Box flexDirection="column" height={listHeight + 1}>
					<Text bold wrap="truncate">
						{'  '}
						{fit(c.student, nameWidth)} {fit(c.steps, stepWidth)} {fit(c.where, tailColumns.where)}
						{fit(c.onStep, tailColumns.onStep, 'right')}
						{fit(c.hints, tailColumns.hints, 'right')}
						{fit(c.solutions, tailColumns.solutions, 'right')}
						{fit(c.tries, tailColumns.tries, 'right')}
						{fit(c.fails, failsWidth(text), 'right')}
					</Text>
					{rows.length === 0 ? <Text dimColor={theme.dim}>{room.studentOrder.length === 0 ? text.waiting : text.nobodyMatches}</Text> : null}
					{rows.slice(first, first + shown).map(row => (
						<GridRow key={row.id} row={row} nameWidth={nameWidth} stepWidth={stepWidth} selected={row.id === selected?.id} text={text} />
					))}
					{overflow ? (
						<Text dimColor={theme.dim} wrap="truncate">
							{text.more(first, below)}
						</Text>
					) : null}
				</Box>
			)}
			<Footer mode={state.mode} draft={state.draft} to={state.messageTo ? room.students[state.messageTo]?.name : undefined} flash={[flash, room.broadcast ? text.lastBroadcast(room.broadcast.text) : ''].filter(Boolean).join(' · ')} wide={width > textWidth(text.keysWide)} text={text} />
		</Box>
	);
}

/** The last warning that someone is guessing the join code (the host repeats it each minute while it lasts). */
function useGuessingStorm(host: DashboardHost, clock: WallClock): ({at: number} & GuessingStorm) | undefined {
	const [storm, setStorm] = useState<{at: number} & GuessingStorm>();
	useEffect(() => host.subscribe(change => change.kind === 'guessing' && setStorm({at: clock.now(), ...change.storm})), [host, clock]);
	return storm;
}

/** Until the instructor picks one with ←→, the grid follows the chapter most students are in. */
function busiestChapter(room: DashboardHost['room'], chapters: {id: string}[]): number | undefined {
	const counts = new Map<string, number>();
	for (const id of room.studentOrder) {
		const chapterId = room.students[id]!.current?.chapterId;
		if (chapterId) counts.set(chapterId, (counts.get(chapterId) ?? 0) + 1);
	}
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	const index = best ? chapters.findIndex(chapter => chapter.id === best[0]) : -1;
	return index >= 0 ? index : undefined;
}

function whereText(row: StudentRow, text: InstructorText): string {
	if (row.where.kind === 'not-started') return text.notStarted;
	if (row.where.kind === 'step') return text.step(row.where.index, row.where.count);
	// By number, as the header names chapters (an id would not fit the column).
	return text.elsewhere(String(row.where.chapterNumber));
}

/** Runs of equal cells (✓ ✓ ✓ · · ·): one span each rather than one per step. */
function cellRuns(cells: Cell[]): {cell: Cell; text: string}[] {
	const runs: {cell: Cell; text: string}[] = [];
	for (const cell of cells) {
		const last = runs.at(-1);
		if (last?.cell === cell) last.text += `${cellGlyph[cell]} `;
		else runs.push({cell, text: `${cellGlyph[cell]} `});
	}
	return runs;
}

type GridRowProps = {row: StudentRow; nameWidth: number; stepWidth: number; selected: boolean; text: InstructorText};

/** A row draws the same while what it shows is the same (its time on step shows whole seconds). */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
	const x = a.row;
	const y = b.row;
	return (
		a.nameWidth === b.nameWidth &&
		a.stepWidth === b.stepWidth &&
		a.selected === b.selected &&
		a.text === b.text &&
		x.id === y.id &&
		x.name === y.name &&
		x.online === y.online &&
		x.stuck === y.stuck &&
		x.hand === y.hand &&
		x.cells.length === y.cells.length &&
		x.cells.every((cell, index) => cell === y.cells[index]) &&
		whereText(x, a.text) === whereText(y, b.text) &&
		duration(x.onStepMs) === duration(y.onStepMs) &&
		x.hints === y.hints &&
		x.solutions === y.solutions &&
		x.tries === y.tries &&
		x.failedCommands === y.failedCommands &&
		x.failedChecks === y.failedChecks
	);
}

// One Text per row (nested spans are not layout nodes), one span per run of equal cells, and a row
// whose content did not change is not rendered again: a busy room of 100 redraws cheaply.
const GridRow = memo(function GridRow({row, nameWidth, stepWidth, selected, text}: GridRowProps) {
	const theme = useTheme();
	const cellColor: Record<Cell, string | undefined> = {done: theme.ok, help: theme.warn, current: theme.accent, stuck: theme.bad, todo: undefined};
	const cellsWidth = row.cells.length * 2;
	return (
		<Text wrap="truncate">
			<Text {...(selected ? theme.highlight : {})} dimColor={!row.online && theme.dim}>
				{row.hand ? '✋' : selected ? '> ' : '  '}
				{fit(row.name, nameWidth)}
			</Text>{' '}
			{cellRuns(row.cells).map((run, index) => (
				<Text key={index} color={cellColor[run.cell]} dimColor={run.cell === 'todo' && theme.dim}>
					{run.text}
				</Text>
			))}
			{' '.repeat(Math.max(0, stepWidth - cellsWidth))} {fit(whereText(row, text), tailColumns.where)}
			{fit(duration(row.onStepMs), tailColumns.onStep, 'right')}
			{fit(String(row.hints), tailColumns.hints, 'right')}
			{fit(String(row.solutions), tailColumns.solutions, 'right')}
			{fit(String(row.tries), tailColumns.tries, 'right')}
			{fit(`${row.failedCommands}/${row.failedChecks}`, failsWidth(text), 'right')}
			{row.stuck ? text.stuckMark(row.stuck) : ''}
			{row.online ? '' : text.offlineMark}
		</Text>
	);
}, sameRow);

function StudentDetail({host, row, height, text}: {host: DashboardHost; row: StudentRow; height: number; text: InstructorText}) {
	const theme = useTheme();
	const student = host.room.students[row.id]!;
	const current = student.current;
	const step = current ? student.steps[stepKey(current.chapterId, current.stepId)] : undefined;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>
				{student.name} {row.online ? text.online : text.offline}
				{row.stuck ? ` ·${text.stuckMark(row.stuck)}` : ''}
			</Text>
			<Text wrap="truncate">{current ? text.onStep(current.chapterId, current.stepIndex + 1, current.stepCount, current.title, duration(row.onStepMs)) : text.noStepYet}</Text>
			{student.hand ? (
				<Text wrap="truncate" color={theme.warn} bold>
					{text.handUp(student.hand.chapterId && student.hand.stepIndex !== undefined ? text.step(student.hand.stepIndex + 1, student.hand.stepCount ?? 0) : text.notStarted, student.hand.lastCommand ? `$ ${student.hand.lastCommand.line}${student.hand.lastCommand.exitCode ? text.exit(student.hand.lastCommand.exitCode) : ''}` : text.noCommands)}
				</Text>
			) : null}
			{student.lastMessage ? <Text wrap="truncate">{text.lastMessage(student.lastMessage.text)}</Text> : null}
			<Text wrap="truncate">{text.stepHelp(step?.hints ?? 0, step?.solutionShown ?? false, step?.failedCommands ?? 0, step?.failedChecks ?? 0)}</Text>
			<Text bold>{text.stillUnmet}</Text>
			{(step?.unmet.length ? step.unmet : [text.nothingReported]).slice(0, 4).map((item, index) => (
				<Text key={index} wrap="truncate" color={step?.unmet.length ? theme.warn : undefined}>
					{'  '}• {item}
				</Text>
			))}
			<Text bold>{text.lastCommands}</Text>
			{student.commands.length === 0 ? <Text dimColor={theme.dim}> {text.noCommands}</Text> : null}
			{student.commands.slice(-Math.max(1, height - 8)).map((command, index) => (
				<Text key={index} wrap="truncate" color={command.exitCode !== 0 ? theme.bad : undefined}>
					{'  '}$ {command.line}
					{command.exitCode !== 0 ? text.exit(command.exitCode) : ''}
				</Text>
			))}
		</Box>
	);
}

function Footer({mode, draft, to, flash, wide, text}: {mode: string; draft: string; to?: string; flash?: string; wide: boolean; text: InstructorText}) {
	const theme = useTheme();
	if (mode === 'message' || mode === 'rename' || mode === 'timebox' || mode === 'chapters')
		return (
			<Text wrap="truncate">
				{mode === 'message' ? text.messagePrompt(to ?? '?') : mode === 'rename' ? text.renamePrompt(to ?? '?') : mode === 'chapters' ? text.chaptersPrompt : text.timeboxPrompt}
				{draft}█
			</Text>
		);
	if (mode === 'confirm-remove') return <Text color={theme.warn}>{text.removePrompt(to ?? '?')}</Text>;
	if (mode === 'broadcast')
		return (
			<Text wrap="truncate">
				{text.broadcastPrompt}
				{draft}█
			</Text>
		);
	if (mode === 'open-count') return <Text wrap="truncate">{text.openPrompt}</Text>;
	if (mode === 'confirm-quit') return <Text color={theme.warn}>{text.quitPrompt}</Text>;
	return (
		<Box flexDirection="column">
			<Text dimColor={theme.dim} wrap="truncate">
				{wide ? text.keysWide : text.keysNarrow}
			</Text>
			<Text wrap="truncate">{flash ?? ''}</Text>
		</Box>
	);
}
