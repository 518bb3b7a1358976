// What the instructor's dashboard shows, computed from the room: pure, so it is tested
// without a terminal. The grid shows one chapter at a time, its steps as columns.
import {chapterSummary, defaultStuckRule, stuckKind, stuckScope, timeOnStep, type ChapterSummary, type Room, type Student, type StuckKind, type StuckRule, type StuckScope} from '../../classroom/room.ts';

export type SortOrder = 'joined' | 'name' | 'progress' | 'stuck';
export const sortOrders: SortOrder[] = ['joined', 'name', 'progress', 'stuck'];
export type Filter = 'all' | 'stuck' | 'offline';
export const filters: Filter[] = ['all', 'stuck', 'offline'];

export type Cell = 'done' | 'help' | 'current' | 'stuck' | 'todo';

export type StudentRow = {
	id: string;
	name: string;
	online: boolean;
	stuck?: StuckKind;
	hand: boolean;
	cells: Cell[];
	doneCount: number;
	finished: boolean;
	where: {kind: 'not-started'} | {kind: 'step'; index: number; count: number} | {kind: 'elsewhere'; chapterId: string; chapterNumber: number};
	onStepMs: number;
	hints: number;
	solutions: number;
	/** Same as the export's attempts, summed over the chapter: commands on unpassed tasks, failed checks, wrong answers. */
	tries: number;
	failedCommands: number;
	failedChecks: number; // failed checks and wrong quiz answers
};

/** `label` names the chapter the same way everywhere on the dashboard: by its number when known. */
export type ChapterColumn = {id: string; ref: string; label: string; stepCount: number};

/** The chapters the grid can show: the session's list, each with the step count students reported. */
export function chapterColumns(room: Room): ChapterColumn[] {
	const counts = new Map<string, number>();
	const numberToId = new Map<string, string>();
	for (const id of room.studentOrder) {
		const student = room.students[id]!;
		for (const [chapterId, count] of Object.entries(student.chapterSteps)) counts.set(chapterId, Math.max(counts.get(chapterId) ?? 0, count));
		for (const [chapterId, number] of Object.entries(student.chapterNumbers)) numberToId.set(String(number), chapterId);
	}
	// Session chapters are given by number or id; show the id students report when we know it.
	const numberOf = new Map([...numberToId].map(([number, id]) => [id, number]));
	const label = (id: string, ref: string) => numberOf.get(id) ?? ref;
	const columns = room.chapters.map(ref => {
		const id = counts.has(ref) ? ref : (numberToId.get(ref) ?? ref);
		return {id, ref, label: label(id, ref), stepCount: counts.get(id) ?? 0};
	});
	for (const [id, stepCount] of counts) if (!columns.some(column => column.id === id)) columns.push({id, ref: id, label: label(id, id), stepCount});
	return columns;
}

/** `scope`: the room's, so a student in a chapter the instructor closed, or in a paused room, is not counted as stuck. */
export function studentRow(student: Student, chapter: ChapterColumn, online: boolean, now: number, rule: StuckRule = defaultStuckRule, scope?: StuckScope): StudentRow {
	const stuck = stuckKind(student, now, online, rule, scope);
	const cells: Cell[] = [];
	let doneCount = 0;
	let hints = 0;
	let solutions = 0;
	let tries = 0;
	let failedCommands = 0;
	let failedChecks = 0;
	const steps = Object.values(student.steps).filter(step => step.chapterId === chapter.id);
	for (const step of steps) {
		hints += step.hints;
		solutions += step.solutionShown ? 1 : 0;
		tries += step.attempts;
		failedCommands += step.failedCommands;
		failedChecks += step.failedChecks;
	}
	const current = student.current;
	for (let index = 0; index < chapter.stepCount; index++) {
		const step = steps.find(candidate => candidate.stepIndex === index);
		if (step?.doneAt !== undefined) {
			doneCount++;
			cells.push(step.withHelp ? 'help' : 'done');
		} else if (current?.chapterId === chapter.id && current.stepIndex === index) cells.push(stuck ? 'stuck' : 'current');
		else cells.push('todo');
	}
	const finished = student.finished[chapter.id] !== undefined;
	const where: StudentRow['where'] = !current ? {kind: 'not-started'} : current.chapterId === chapter.id ? {kind: 'step', index: current.stepIndex + 1, count: current.stepCount} : {kind: 'elsewhere', chapterId: current.chapterId, chapterNumber: current.chapterNumber};
	return {id: student.id, name: student.name, online, stuck, hand: student.hand !== undefined, cells, doneCount, finished, where, onStepMs: timeOnStep(student, now), hints, solutions, tries, failedCommands, failedChecks};
}

const stuckRank = (row: StudentRow) => (row.stuck === 'failing' ? 2 : row.stuck === 'idle' ? 1 : 0);

export function visibleRows(room: Room, chapter: ChapterColumn, options: {sort: SortOrder; filter: Filter; now: number; online: (id: string) => boolean; rule?: StuckRule}): StudentRow[] {
	const scope = stuckScope(room);
	let rows = room.studentOrder.map(id => studentRow(room.students[id]!, chapter, options.online(id), options.now, options.rule, scope));
	if (options.filter === 'stuck') rows = rows.filter(row => row.stuck);
	if (options.filter === 'offline') rows = rows.filter(row => !row.online);
	const byName = (a: StudentRow, b: StudentRow) => a.name.localeCompare(b.name);
	if (options.sort === 'name') rows.sort(byName);
	if (options.sort === 'progress') rows.sort((a, b) => b.doneCount - a.doneCount || byName(a, b));
	// Struggling before idle: the one failing again and again needs the instructor first.
	if (options.sort === 'stuck') rows.sort((a, b) => Number(b.hand) - Number(a.hand) || stuckRank(b) - stuckRank(a) || b.failedCommands + b.failedChecks - (a.failedCommands + a.failedChecks) || b.onStepMs - a.onStepMs || byName(a, b));
	return rows;
}

export function stuckCount(room: Room, now: number, online: (id: string) => boolean, rule: StuckRule = defaultStuckRule): {idle: number; failing: number} {
	const count = {idle: 0, failing: 0};
	const scope = stuckScope(room);
	for (const id of room.studentOrder) {
		const kind = stuckKind(room.students[id]!, now, online(id), rule, scope);
		if (kind) count[kind]++;
	}
	return count;
}

export function chapterProgress(room: Room, chapter: ChapterColumn): ChapterSummary {
	return chapterSummary(room, chapter.id, chapter.stepCount);
}

export function duration(ms: number): string {
	const seconds = Math.floor(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}`;
}
