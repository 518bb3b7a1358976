// The instructor's screen: the room at a glance. Students by steps of one chapter, who is
// stuck, and the pacing controls. Everything shown comes from the host's room (sanitized).
import {Box, Text, useWindowSize} from 'ink';
import {useEffect, useState} from 'react';
import type {ClassroomHost} from '../../classroom/host-server.ts';
import {defaultStuckRule, stepKey} from '../../classroom/room.ts';
import {useTheme} from '../theme.tsx';
import {chapterColumns, duration, stuckCount, visibleRows, type Cell, type StudentRow} from './instructor-model.ts';
import {useInstructorKeys} from './use-instructor-keys.ts';
import {useInstructorState} from './use-instructor-state.ts';

export type WallClock = {now(): number; every(ms: number, fn: () => void): () => void; after(ms: number, fn: () => void): () => void};

export type DashboardHost = Pick<ClassroomHost, 'room' | 'isConnected' | 'connectedCount' | 'releaseNext' | 'setOpenCount' | 'setPaused' | 'broadcast' | 'subscribe'>;

type Props = {host: DashboardHost; joinLines: string[]; sessionDir: string; clock: WallClock; onQuit(): void};

const cellGlyph: Record<Cell, string> = {done: '✓', help: '✓', current: '▶', stuck: '!', todo: '·'};

/** Re-renders on host changes (at once, then at most every 100 ms: a busy room must not flood the terminal) and every second. */
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
			const wait = lastBump + 100 - clock.now();
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

export function InstructorDashboard({host, joinLines, sessionDir, clock, onQuit}: Props) {
	useRoomVersion(host, clock);
	const theme = useTheme();
	const {columns: width, rows: height} = useWindowSize();
	const [state, dispatch] = useInstructorState();
	const [flash, setFlash] = useState<string>();
	const [idleMinutes, setIdleMinutes] = useState(defaultStuckRule.idleMs / 60_000);
	const rule = {...defaultStuckRule, idleMs: idleMinutes * 60_000};
	const room = host.room;
	const now = clock.now();
	const chapters = chapterColumns(room);
	const followed = busiestChapter(room, chapters) ?? Math.max(0, Math.min(chapters.length - 1, room.openCount - 1));
	const chapterIndex = Math.min(state.chapterIndex ?? followed, chapters.length - 1);
	const chapter = chapters[chapterIndex] ?? {id: '-', stepCount: 0};
	const rows = visibleRows(room, chapter, {sort: state.sort, filter: state.filter, now, online: id => host.isConnected(id), rule});
	const selected = rows[Math.min(state.selected, rows.length - 1)];

	const act = (what: Promise<void>, done: string) => what.then(() => setFlash(done), error => setFlash(`error: ${(error as Error).message}`));
	useInstructorKeys(state, dispatch, {rows: rows.length, chapters: chapters.length, currentChapter: followed}, {
		releaseNext() {
			const next = room.chapters[room.openCount];
			if (next === undefined) setFlash('every chapter is already open');
			else act(host.releaseNext(), `released chapter ${next}`);
		},
		openUpTo(count) {
			const open = room.chapters.slice(0, Math.min(count, room.chapters.length)).join(', ') || 'none';
			act(host.setOpenCount(count), `open: ${open}`);
		},
		stuckAfter(by) {
			setIdleMinutes(minutes => {
				const next = Math.max(1, Math.min(60, minutes + by));
				setFlash(`stuck after ${next} min without progress (or ${rule.failedChecks} failed checks)`);
				return next;
			});
		},
		togglePause() {
			const done = room.paused ? 'resumed the room' : 'paused the room';
			act(host.setPaused(!room.paused), done);
		},
		broadcast: text => act(host.broadcast(text), 'broadcast sent'),
		quit: onQuit,
	});

	if (width < 60 || height < 12) return <Text>The classroom dashboard needs at least 60x12 (this terminal is {width}x{height}).</Text>;

	const stuck = stuckCount(room, now, rule);
	const open = room.chapters.slice(0, room.openCount).join(', ') || 'none';
	const listHeight = Math.max(3, height - 6); // 3 header lines, the column titles, 2 footer lines
	const first = Math.max(0, Math.min(state.selected - Math.floor(listHeight / 2), rows.length - listHeight));
	const nameWidth = Math.min(18, Math.max(8, ...rows.map(row => [...row.name].length)));

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box>
				<Text bold color={theme.accent}>
					Classroom {room.code}
				</Text>
				<Text>
					{' '}
					· {room.studentOrder.length} students ({host.connectedCount()} online) ·{' '}
				</Text>
				<Text color={stuck > 0 ? theme.bad : undefined} bold={stuck > 0}>
					{stuck} stuck
				</Text>
				<Text dimColor={theme.dim}> ({idleMinutes}m)</Text>
				<Text> · open: {open}</Text>
				{room.paused ? <Text {...theme.highlight}> PAUSED </Text> : null}
			</Box>
			<Text dimColor={theme.dim} wrap="truncate">
				{joinLines[0]} · session: {sessionDir}
			</Text>
			<Text wrap="truncate">
				Chapter {chapter.id} ({chapterIndex + 1}/{chapters.length}) · sort: {state.sort} · filter: {state.filter}
				{room.broadcast ? ` · last broadcast: ${room.broadcast.text}` : ''}
			</Text>
			{state.mode === 'detail' && selected ? (
				<StudentDetail host={host} row={selected} height={listHeight + 1} />
			) : (
				<Box flexDirection="column" height={listHeight + 1}>
					<Text bold wrap="truncate">
						{'  '}
						{'student'.padEnd(nameWidth)} {'steps'.padEnd(Math.max(5, chapter.stepCount * 2))} where        on step  hints sol fails
					</Text>
					{rows.length === 0 ? <Text dimColor={theme.dim}>{room.studentOrder.length === 0 ? 'Waiting for students to join…' : 'Nobody matches this filter.'}</Text> : null}
					{rows.slice(first, first + listHeight).map(row => (
						<GridRow key={row.id} row={row} nameWidth={nameWidth} stepWidth={Math.max(5, chapter.stepCount * 2)} selected={row.id === selected?.id} />
					))}
				</Box>
			)}
			<Footer mode={state.mode} draft={state.draft} flash={flash} wide={width >= 110} />
		</Box>
	);
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

// One Text per row (nested spans are not layout nodes): a room of 100 redraws cheaply.
function GridRow({row, nameWidth, stepWidth, selected}: {row: StudentRow; nameWidth: number; stepWidth: number; selected: boolean}) {
	const theme = useTheme();
	const cellColor: Record<Cell, string | undefined> = {done: theme.ok, help: theme.warn, current: theme.accent, stuck: theme.bad, todo: undefined};
	const name = [...row.name].slice(0, nameWidth).join('').padEnd(nameWidth);
	const cellsText = row.cells.map(cell => cellGlyph[cell] + ' ').join('');
	return (
		<Text wrap="truncate">
			<Text {...(selected ? theme.highlight : {})} dimColor={!row.online && theme.dim}>
				{selected ? '> ' : '  '}
				{name}
			</Text>{' '}
			{row.cells.map((cell, index) => (
				<Text key={index} color={cellColor[cell]} dimColor={cell === 'todo' && theme.dim}>
					{cellGlyph[cell]}{' '}
				</Text>
			))}
			{' '.repeat(Math.max(0, stepWidth - cellsText.length))} {row.where.padEnd(12)} {duration(row.onStepMs).padStart(7)} {String(row.hints).padStart(5)} {String(row.solutions).padStart(3)} {String(row.failedChecks).padStart(5)}
			{row.stuck ? ' STUCK' : ''}
			{row.online ? '' : ' offline'}
		</Text>
	);
}

function StudentDetail({host, row, height}: {host: DashboardHost; row: StudentRow; height: number}) {
	const theme = useTheme();
	const student = host.room.students[row.id]!;
	const current = student.current;
	const step = current ? student.steps[stepKey(current.chapterId, current.stepId)] : undefined;
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>
				{student.name} {row.online ? '(online)' : '(offline)'} {row.stuck ? '· STUCK' : ''}
			</Text>
			<Text wrap="truncate">{current ? `On ${current.chapterId} step ${current.stepIndex + 1}/${current.stepCount}: ${current.title} · ${duration(row.onStepMs)} on it` : 'Has not started a step yet.'}</Text>
			<Text wrap="truncate">
				Hints {step?.hints ?? 0} · solution {step?.solutionShown ? 'shown' : 'not shown'} · failed checks {step?.failedChecks ?? 0}
			</Text>
			<Text bold>Still unmet:</Text>
			{(step?.unmet.length ? step.unmet : ['(nothing reported)']).slice(0, 4).map((item, index) => (
				<Text key={index} wrap="truncate" color={step?.unmet.length ? theme.warn : undefined}>
					{'  '}• {item}
				</Text>
			))}
			<Text bold>Last commands:</Text>
			{student.commands.length === 0 ? <Text dimColor={theme.dim}> (none yet)</Text> : null}
			{student.commands.slice(-Math.max(1, height - 8)).map((command, index) => (
				<Text key={index} wrap="truncate" color={command.exitCode !== 0 ? theme.bad : undefined}>
					{'  '}$ {command.line}
					{command.exitCode !== 0 ? `  (exit ${command.exitCode})` : ''}
				</Text>
			))}
		</Box>
	);
}

function Footer({mode, draft, flash, wide}: {mode: string; draft: string; flash?: string; wide: boolean}) {
	const theme = useTheme();
	if (mode === 'broadcast') return <Text wrap="truncate">Broadcast to every screen (Enter send, Esc cancel): {draft}█</Text>;
	if (mode === 'open-count') return <Text wrap="truncate">Open the first how many chapters of the session? Type 0-9 (Esc cancels)</Text>;
	if (mode === 'confirm-quit') return <Text color={theme.warn}>End the session's dashboard? The log is kept and `--session` resumes it. (y/n)</Text>;
	return (
		<Box flexDirection="column">
			<Text dimColor={theme.dim} wrap="truncate">
				{wide ? '↑↓ select · Enter details · ←→ chapter · s sort · f filter · n release next · o open up to · p pause · b broadcast · +- stuck minutes · q quit' : '↑↓ ⏎ student ←→ chapter s sort f filter n next o open p pause b say q quit'}
			</Text>
			<Text wrap="truncate">{flash ?? ''}</Text>
		</Box>
	);
}
