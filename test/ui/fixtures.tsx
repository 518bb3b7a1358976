// Worlds and controllers for UI tests: the sandbox with a tiny lesson driver, and a hand-built
// cluster whose pods we can move from phase to phase.
import {produce} from 'immer';
import type {LessonView} from '../../source/app/lesson-view.ts';
import {createTutorController, type LessonDriver, type TutorController} from '../../source/app/tutor-controller.ts';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import type {World} from '../../source/engine/world.ts';
import {createSimulation, learnerCommands} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {createShellState} from '../../source/shell/session.ts';
import type {CommandSpec} from '../../source/shell/types.ts';
import {complete} from '../../source/shell/completion.ts';
import {manualClock, type ManualClock} from '../../source/ui/clock.ts';
import {Dashboard, type DashboardProps} from '../../source/ui/dashboard.tsx';

/** A command that prints its stdin back, so tests see what a paste fed it. */
export const stdinEcho: CommandSpec = {
	name: 'feed',
	summary: 'prints its standard input (tests)',
	flags: ['-f', '--filename'],
	run: (_args, ctx) => ({stdout: `got ${ctx.stdin.split('\n').filter(Boolean).length} lines: ${ctx.stdin.split('\n')[0] ?? ''}\n`, exitCode: 0}),
};

function testSimulation() {
	return createSimulation({commands: [...learnerCommands, stdinEcho]});
}

export function testCommands() {
	return testSimulation().commands;
}

export function sandboxController(world: World = createSandboxWorld(), lesson?: LessonDriver): TutorController {
	return createTutorController(createShellState(world, learnerHost), testSimulation().bare({...memoryDisk({}), displayPath: (path: string) => `/learner/${path}`}), lesson);
}

export function baseLessonView(overrides: Partial<LessonView> = {}): LessonView {
	return {
		chapterId: 'images',
		chapterNumber: 4,
		chapterTitle: 'Images and registries',
		stepId: 'push',
		stepIndex: 1,
		stepCount: 5,
		stepTitle: 'Push the image',
		text: 'Push **kubia** to the registry with `docker push`.',
		kind: 'task',
		hintsShown: [],
		hintsLeft: 2,
		unmet: ['the registry has no luksa/kubia yet'],
		passed: false,
		xp: 340,
		paneDepth: 'docker',
		chapterDone: false,
		...overrides,
	};
}

/** A lesson driver that records the screen's lesson actions and answers them plainly. */
export function fakeLesson(initial: LessonView): LessonDriver & {actions: string[]; view: () => LessonView} {
	let view = initial;
	const actions: string[] = [];
	return {
		actions,
		view: () => view,
		afterCommand(_before, after, line) {
			if (line === 'echo pass') view = {...view, passed: true, celebration: {message: 'Pushed: the registry has luksa/kubia', at: 1}};
			return after;
		},
		afterTick: shell => shell,
		action(name, shell) {
			actions.push(name);
			if (name === 'hint') view = {...view, hintsShown: [...view.hintsShown, `hint number ${view.hintsShown.length + 1}`], hintsLeft: view.hintsLeft - 1};
			if (name === 'solution') view = {...view, pendingConfirm: 'solution'};
			if (name === 'confirm' && view.pendingConfirm === 'solution') view = {...view, pendingConfirm: undefined, solutionShown: ['docker push luksa/kubia']};
			if (name === 'cancel') view = {...view, pendingConfirm: undefined};
			if (name.startsWith('answer:') && view.quiz) view = {...view, quiz: {...view.quiz, answered: {key: name.slice(7), correct: name === 'answer:b', explanation: 'Because layers are shared.'}}};
			return shell;
		},
		flush() {
			actions.push('flush');
		},
	} as LessonDriver & {actions: string[]; view: () => LessonView};
}

export function dashboard(controller: TutorController, options: Partial<DashboardProps> & {clock?: ManualClock} = {}) {
	const clock = options.clock ?? manualClock();
	const commands = testCommands();
	const element = (
		<Dashboard
			controller={controller}
			clock={clock}
			title="Sandbox"
			color={false}
			complete={(line, cursor, shell) => complete(line, cursor, {commands, state: shell})}
			{...options}
		/>
	);
	return {element, clock};
}

export {produce};
