// The lesson half of the tutor's update loop, as data: the Model (the shell, the step and its
// state, the chapter's saved record, the clock), the Msgs that can happen to it, and the Effects
// a transition asks for. lesson-update.ts turns (model, msg) into (model, effects), purely;
// lesson-session.ts is the runner that feeds messages and carries the effects out.
import type {StepWindow} from '../lessons/chapter-world.ts';
import type {ChapterPlugin} from '../lessons/chapter-plugins.ts';
import type {LocalizedChapter, LocalizedStep} from '../lessons/localize.ts';
import type {Chapter} from '../lessons/parse-chapter.ts';
import type {ChapterProgress} from '../lessons/progress/progress-schema.ts';
import type {ShellRuntime} from '../shell/run-line.ts';
import type {ShellState} from '../shell/types.ts';
import type {Locale} from '../i18n/locale.ts';
import type {QuizView} from './lesson-view.ts';

/** What happened in a lesson, for the classroom (mirrored to the instructor) and plain mode. */
export type ProgressEvent =
	| {type: 'step-started'; chapterId: string; stepId: string; stepIndex: number; kind: LocalizedStep['kind']}
	| {type: 'command-run'; chapterId: string; stepId: string; line: string; exitCode: number; unmet: string[]}
	| {type: 'check-failed'; chapterId: string; stepId: string; unmet: string[]}
	| {type: 'hint-used'; chapterId: string; stepId: string; hintIndex: number; hint: string}
	| {type: 'solution-shown'; chapterId: string; stepId: string; solution: string[]}
	| {type: 'step-reset'; chapterId: string; stepId: string}
	| {type: 'quiz-answered'; chapterId: string; stepId: string; key: string; correct: boolean; explanation: string}
	| {type: 'step-passed'; chapterId: string; stepId: string; stepIndex: number; xp: number; hintsUsed: number; solutionShown: boolean; attempts: number; timeSpentMs: number}
	| {type: 'chapter-completed'; chapterId: string; xp: number}
	| {type: 'notice'; chapterId: string; text: string};

/** The current step and what the learner did in it. */
export type StepState = {
	index: number;
	window: StepWindow;
	startShell?: ShellState; // for reset; replayed after a resume when first needed
	segmentStart: number; // clock ms when time on this step was last counted
	hintsShown: number;
	solutionShown: boolean;
	wrongAnswers: number;
	attempts: number; // not yet saved
	passed: boolean;
	answered?: QuizView['answered'];
	unmet: string[];
	pendingConfirm?: 'solution' | 'reset' | 'restart'; // restart: the whole chapter, from a finished one's summary
};

export type LessonModel = {
	shell: ShellState;
	step: StepState;
	/** This chapter's saved record, as the model last wrote it. */
	record: ChapterProgress | undefined;
	/** Points earned in the other chapters (for the total shown). */
	otherXp: number;
	done: boolean;
	celebration?: {message: string; at: number; stepIndex: number};
	/** The clock: real ms of the latest message. */
	now: number;
};

/** What does not change while a chapter runs. */
export type LessonEnv = {
	chapter: LocalizedChapter;
	source: Chapter;
	locale: Locale;
	runtime: ShellRuntime;
	plugins: ChapterPlugin[];
	/** Plain mode: read steps and answered quizzes move on by themselves. */
	autoAdvance: boolean;
};

/** Everything that can happen to a lesson. `at` is the runner's clock (real ms). */
export type LessonMsg =
	| {type: 'line-ran'; line: string; asRun?: string; ownNamespaces?: string[]; exitCode: number; shell: ShellState; at: number}
	| {type: 'time-passed'; shell: ShellState; at: number}
	| {type: 'hint-asked'; shell: ShellState; at: number}
	| {type: 'solution-asked'; shell: ShellState; at: number}
	| {type: 'reset-asked'; shell: ShellState; at: number}
	| {type: 'confirmed'; shell: ShellState; at: number}
	| {type: 'cancelled'; shell: ShellState; at: number}
	| {type: 'check-asked'; shell: ShellState; at: number}
	| {type: 'next-asked'; shell: ShellState; at: number}
	| {type: 'answer-given'; key: string; shell: ShellState; at: number}
	| {type: 'quit-asked'; shell: ShellState; at: number};

export type LessonMsgType = LessonMsg['type'];
export const lessonMsgTypes: LessonMsgType[] = ['line-ran', 'time-passed', 'hint-asked', 'solution-asked', 'reset-asked', 'confirmed', 'cancelled', 'check-asked', 'next-asked', 'answer-given', 'quit-asked'];

/** What a transition asks the runner to do: the only way a lesson touches disk or the classroom. */
export type LessonEffect =
	| {type: 'save-progress'; chapterId: string; record: ChapterProgress | undefined}
	| {type: 'save-snapshot'; chapterId: string; shell: ShellState}
	| {type: 'tell'; event: ProgressEvent};

/** The screen's key-level action names (TutorController.lessonAction) as messages. */
export function msgOfAction(name: string, shell: ShellState, at: number): LessonMsg | undefined {
	switch (name) {
		case 'hint':
			return {type: 'hint-asked', shell, at};
		case 'solution':
			return {type: 'solution-asked', shell, at};
		case 'reset':
			return {type: 'reset-asked', shell, at};
		case 'confirm':
			return {type: 'confirmed', shell, at};
		case 'cancel':
			return {type: 'cancelled', shell, at};
		case 'check':
			return {type: 'check-asked', shell, at};
		case 'next':
			return {type: 'next-asked', shell, at};
		default: {
			const answer = name.match(/^answer:(.+)$/);
			return answer ? {type: 'answer-given', key: answer[1]!.trim().toLowerCase(), shell, at} : undefined;
		}
	}
}
