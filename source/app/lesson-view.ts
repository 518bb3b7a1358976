// What the screen shows of the current lesson. The lessons engine produces it; the UI renders it.
// Plain data: no functions, so the classroom can mirror it too.

export type QuizView = {
	question: string; // markdown
	choices: {key: string; text: string}[]; // key: "a", "b", ...
	/** The last answer given; after a wrong one, `right` names the right choice and why. */
	answered?: {key: string; correct: boolean; explanation: string; right?: {key: string; text: string; explanation: string}};
};

export type LessonView = {
	chapterId: string;
	chapterNumber: number;
	chapterTitle: string;
	stepId: string;
	stepIndex: number; // 0-based
	stepCount: number;
	stepTitle: string;
	text: string; // markdown of the step
	kind: 'read' | 'task' | 'quiz' | 'summary';
	hintsShown: string[]; // hints revealed so far, in order
	hintsLeft: number;
	solutionShown?: string[]; // the solution's commands, once revealed
	unmet: string[]; // "Not yet" list, in plain words; empty when passed or not a task
	passed: boolean;
	quiz?: QuizView;
	xp: number; // the learner's total
	celebration?: {message: string; at: number}; // set when a step was just passed (real ms timestamp)
	passedNote?: string; // on the step after a passed task or quiz: that step's message (markdown), shown above this step's text
	pendingConfirm?: 'solution' | 'reset' | 'restart'; // waiting for y/n
	confirmText?: string; // the question to show while waiting for y/n, in the learner's language
	paneDepth: PaneDepth; // the depth the lesson asks for
	chapterDone: boolean;
	/** A classroom's exam mode: the instructor turned hints and/or solutions off, so their keys are not offered. */
	locked?: {hints: boolean; solutions: boolean};
};

export type PaneDepth = 'host' | 'docker' | 'cluster';
