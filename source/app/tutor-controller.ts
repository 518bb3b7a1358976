// The tutor's state machine between the screen (or plain mode) and the simulated world:
// it runs command lines, advances virtual time, keeps the scrollback, and lets a lesson
// (or the classroom) observe every command. It holds no Ink and no I/O.
import {tick} from '../engine/tick.ts';
import type {World} from '../engine/world.ts';
import {runLine, type ShellRuntime} from '../shell/run-line.ts';
import {followBoundSeconds, followFor, followStep} from '../shell/follow.ts';
import {chunksOf} from '../shell/output-chunks.ts';
import {promptFor} from '../shell/session.ts';
import type {OutsideRun, OutsideSession} from '../api/live-session.ts';
import {outsideRunOf, sessionOf} from '../api/shell-runner.ts';
import type {CommandTable, FollowSpec, LineResult, ShellState} from '../shell/types.ts';
import type {LessonView, PaneDepth} from './lesson-view.ts';
import {successLine} from './success-line.ts';

export type OutputEntry = {id: number; kind: 'command' | 'stdout' | 'stderr' | 'system' | 'success'; text: string};

export const speeds = [1, 5, 20] as const;
export type Speed = (typeof speeds)[number];

export type TutorSnapshot = {
	world: World;
	shell: ShellState;
	prompt: string;
	output: OutputEntry[];
	speed: Speed;
	paused: boolean;
	lesson: LessonView | null;
	paneDepth: PaneDepth;
	notice?: string; // one line for the status bar: classroom connection, broadcasts
	overlay?: string; // a message covering the dashboard until it is cleared: the instructor's pause
	exitRequested: boolean;
	/** A command is still printing as the world changes (kubectl get -w): Ctrl-C stops it. */
	following: boolean;
};

/** A lesson (or the classroom) plugged into the controller: it sees every command and owns the lesson view. */
export type LessonDriver = {
	view(shell: ShellState): LessonView | null;
	/** Called after every command line with the state before and after; may replace the shell state (setup of the next step). */
	afterCommand(before: ShellState, after: ShellState, line: string, result: LineResult): ShellState;
	/** Called after virtual time passed (a check may pass while the learner watches). */
	afterTick(shell: ShellState): ShellState;
	/** A key-level action from the screen: 'hint', 'solution', 'reset', 'confirm', 'cancel', 'next', or 'answer:<key>'. */
	action(name: string, shell: ShellState): ShellState;
	/** Save now (quit, signals). */
	flush(shell: ShellState): void;
};

/** The most scrollback entries kept; older ones fall off. */
export const scrollbackLimit = 2000;

export type TutorController = {
	/** The command table its lines run through (Tab completion reads it too). */
	commands: CommandTable;
	snapshot(): TutorSnapshot;
	subscribe(listener: () => void): () => void;
	submit(line: string): LineResult;
	/** Advances virtual time by `realMs` times the speed (nothing while paused). */
	advance(realMs: number): void;
	/** One second of virtual time, even while paused. */
	stepOnce(): void;
	setSpeed(speed: Speed): void;
	togglePause(): void;
	setPaneDepth(depth: PaneDepth): void;
	lessonAction(name: string): void;
	/** In a classroom: raise the hand, or lower it when it is up (a key on the screen). */
	toggleHand?(): void;
	setNotice(notice: string | undefined): void;
	setOverlay(overlay: string | undefined): void;
	appendSystem(text: string): void;
	/** A line the learner dropped with Ctrl-C: shown after the prompt with ^C, not run, not in the history. */
	cancelLine(line: string): void;
	/** Ctrl-C while a command follows the world (kubectl get -w): stops it; false when none does. */
	interrupt(): boolean;
	/**
	 * Where nobody can press Ctrl-C (plain mode, scripts): runs the following command for a bounded
	 * stretch of virtual time now and returns what it printed.
	 */
	settleFollow(): string;
	clearOutput(): void;
	flush(): void;
	/**
	 * A change made by an outside client (the API endpoint): the new world, and the kubectl command
	 * it stands for, which lesson checks count as if typed (no scrollback entry, no shell history).
	 */
	applyOutside(change: {world?: World; line?: string; exitCode?: number}): void;
	/**
	 * Runs a command line for an outside client (`kubectl exec` through the API endpoint) from the
	 * learner's login shell, whatever shell the learner is in: its world is kept and the lesson sees
	 * the line; the learner's own shell, scrollback and history stay as they were.
	 */
	runOutside(line: string, session?: OutsideSession): OutsideRun;
};

export function createTutorController(initial: ShellState, runtime: ShellRuntime, lesson?: LessonDriver): TutorController {
	let shell = initial;
	let output: OutputEntry[] = [];
	let nextEntry = 1;
	let speed: Speed = 1;
	let paused = false;
	let notice: string | undefined;
	let overlay: string | undefined;
	let exitRequested = false;
	let following: FollowSpec | undefined;
	// The learner's depth choice, and the depth the lesson asked for when it was made: it lasts until the lesson asks for another.
	let depthOverride: {depth: PaneDepth; asked: PaneDepth | undefined} | undefined;
	let cached: TutorSnapshot | undefined;
	const listeners = new Set<() => void>();

	// A step just passed: its message goes into the scrollback in full, where the learner is looking.
	let celebrated = lesson?.view(shell)?.celebration;
	const noteSuccess = () => {
		const celebration = lesson?.view(shell)?.celebration;
		if (!celebration || celebration === celebrated) return;
		celebrated = celebration;
		push('success', successLine(celebration.message));
	};
	const changed = () => {
		cached = undefined;
		if (depthOverride && lesson?.view(shell)?.paneDepth !== depthOverride.asked) depthOverride = undefined;
		for (const listener of listeners) listener();
	};
	const push = (kind: OutputEntry['kind'], text: string) => {
		if (!text) return;
		output = [...output, {id: nextEntry++, kind, text: text.replace(/\n$/, '')}];
		if (output.length > scrollbackLimit) output = output.slice(output.length - scrollbackLimit);
	};

	/** The world moved on: a following command prints what changed. */
	const moveWorld = (world: World) => {
		const before = shell.world;
		shell = {...shell, world};
		if (!following) return;
		const step = followStep(following, before, world);
		following = step.spec;
		push('stdout', step.text);
	};

	return {
		commands: runtime.commands,
		snapshot() {
			if (cached) return cached;
			const view = lesson?.view(shell) ?? null;
			cached = {
				world: shell.world,
				shell,
				prompt: promptFor(shell),
				output,
				speed,
				paused,
				lesson: view,
				paneDepth: depthOverride?.depth ?? view?.paneDepth ?? 'cluster',
				notice,
				overlay,
				exitRequested,
				following: following !== undefined,
			};
			return cached;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		submit(line) {
			const before = shell;
			// A new command ends the one still following (plain mode has no Ctrl-C to press).
			following = undefined;
			push('command', promptFor(shell) + line.replace(/\n/g, '\n> '));
			const result = runLine(shell, line, runtime);
			shell = result.state;
			for (const effect of result.effects) {
				if (effect.kind === 'clear') output = [];
				if (effect.kind === 'exit-tutor') exitRequested = true;
				if (effect.kind === 'follow') following = effect.follow;
			}
			for (const chunk of chunksOf(result)) push(chunk.stream, chunk.text);
			if (lesson) shell = lesson.afterCommand(before, shell, line, result);
			noteSuccess();
			changed();
			return result;
		},
		advance(realMs) {
			if (paused || realMs <= 0) return;
			moveWorld(tick(shell.world, realMs * speed, runtime.programs));
			if (lesson) shell = lesson.afterTick(shell);
			noteSuccess();
			changed();
		},
		stepOnce() {
			moveWorld(tick(shell.world, 1000, runtime.programs));
			if (lesson) shell = lesson.afterTick(shell);
			noteSuccess();
			changed();
		},
		setSpeed(next) {
			speed = next;
			changed();
		},
		togglePause() {
			paused = !paused;
			changed();
		},
		setPaneDepth(depth) {
			depthOverride = {depth, asked: lesson?.view(shell)?.paneDepth};
			changed();
		},
		lessonAction(name) {
			if (!lesson) return;
			shell = lesson.action(name, shell);
			noteSuccess();
			changed();
		},
		setNotice(next) {
			notice = next;
			changed();
		},
		setOverlay(next) {
			if (next === overlay) return;
			overlay = next;
			changed();
		},
		appendSystem(text) {
			push('system', text);
			changed();
		},
		interrupt() {
			if (!following) return false;
			following = undefined;
			push('stdout', '^C');
			changed();
			return true;
		},
		settleFollow() {
			if (!following) return '';
			const ran = followFor(following, shell.world, followBoundSeconds, runtime.programs);
			following = undefined;
			shell = {...shell, world: ran.world};
			if (lesson) shell = lesson.afterTick(shell);
			push('stdout', ran.text);
			noteSuccess();
			changed();
			return ran.text;
		},
		cancelLine(line) {
			push('command', promptFor(shell) + line.replace(/\n/g, '\n> ') + '^C');
			changed();
		},
		clearOutput() {
			output = [];
			changed();
		},
		flush() {
			lesson?.flush(shell);
		},
		runOutside(line, session) {
			const before = shell;
			const start = {world: shell.world, session: session ? sessionOf(session) : {...shell.session, frames: [shell.session.frames[0]!]}};
			const result = runLine(start, line, runtime);
			shell = {...shell, world: result.state.world};
			if (lesson) shell = lesson.afterCommand(before, shell, line, {...result, state: shell});
			noteSuccess();
			changed();
			return outsideRunOf(result);
		},
		applyOutside(outside) {
			if (!outside.world && !outside.line) return;
			const before = shell;
			if (outside.world) shell = {...shell, world: outside.world};
			if (lesson && outside.line) {
				const exitCode = outside.exitCode ?? 0;
				shell = lesson.afterCommand(before, shell, outside.line, {state: shell, stdout: '', stderr: '', exitCode, effects: []});
			} else if (lesson) shell = lesson.afterTick(shell);
			noteSuccess();
			changed();
		},
	};
}
