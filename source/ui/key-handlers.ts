// What each key does: editing the prompt, lesson actions, time, the pane. Which keys act depends
// on focus and on whether the prompt is empty (see keymap.ts for the rules). Plain functions over
// a context of actions, so the rules read in one place; use-dashboard-keys.ts feeds them Ink's keys.
import type {Key} from 'ink';
import type {Dispatch} from 'react';
import type {PaneDepth} from '../app/lesson-view.ts';
import {speeds, type TutorController, type TutorSnapshot} from '../app/tutor-controller.ts';
import type {DashboardAction, DashboardState} from './dashboard-state.ts';
import type {PromptAction, PromptState} from './prompt/prompt-state.ts';

const depths: PaneDepth[] = ['host', 'docker', 'cluster'];

export type KeyContext = {
	controller: TutorController;
	snapshot: TutorSnapshot;
	ui: DashboardState;
	dispatch: Dispatch<DashboardAction>;
	prompt: PromptState;
	editPrompt: Dispatch<PromptAction>;
	submit: () => void;
	/** A paste: the lines it completes run. */
	paste: (text: string) => void;
	/** Ctrl-C on a non-empty prompt: drop the line. */
	cancelLine: () => void;
	/** Ctrl-C while a command follows the world (kubectl get -w): stop it. */
	interrupt: () => void;
	/** Ctrl-D on a non-empty prompt waiting for more (a here-document): run what is there. */
	endInput: () => void;
	complete: () => void;
	quit: () => void;
	selectable: string[];
	/** The chapter menu, when this session has chapters to switch between. */
	chapterMenu?: {count: number; open(): void; choose(index: number): void};
	lessonPage: number; // lines in a lesson page
	lessonMax: number; // the furthest the lesson scrolls
	outputPage: number;
};

function lessonAction(ctx: KeyContext, name: string) {
	ctx.controller.lessonAction(name);
	if (name === 'next' || name === 'reset') ctx.dispatch({type: 'lesson-scroll-reset'});
}

/** Keys that mean the same with Alt held, or alone in the lesson/pane: true when handled. */
function commandKey(ctx: KeyContext, input: string, alt = false): boolean {
	const {controller, snapshot, dispatch, ui} = ctx;
	const lesson = snapshot.lesson;
	// A quiz's letters come first: a quiz whose answer is d must not switch the pane's depth.
	// Alt-c is always the check key, never the answer c (learners press it to ask what is missing).
	const checkKey = alt && input === 'c';
	if (!checkKey && lesson?.quiz && !lesson.passed && lesson.quiz.choices.some(c => c.key === input)) {
		lessonAction(ctx, `answer:${input}`);
		return true;
	}
	switch (input) {
		case 'h':
		case 's':
		case 'r':
			// Without a lesson these are plain letters (an Esc pressed by mistake must not eat them).
			if (!lesson) return false;
			lessonAction(ctx, input === 'h' ? 'hint' : input === 's' ? 'solution' : 'reset');
			return true;
		case 'c':
			// What is still missing in this task (the lessons engine's "check"); Alt-c elsewhere in a
			// lesson does nothing (it must not fall through to typing or answering c).
			if (lesson?.kind !== 'task' || lesson.passed) return checkKey && Boolean(lesson);
			lessonAction(ctx, 'check');
			return true;
		case 'n':
			if (!lesson) return false;
			if (lesson.chapterDone && ctx.chapterMenu) ctx.chapterMenu.open();
			else lessonAction(ctx, 'next');
			return true;
		case 'p':
			controller.togglePause();
			return true;
		case 't':
			controller.stepOnce();
			return true;
		case 'f': {
			const next = speeds[(speeds.indexOf(snapshot.speed) + 1) % speeds.length]!;
			controller.setSpeed(next);
			return true;
		}
		case 'd': {
			const next = depths[(depths.indexOf(snapshot.paneDepth) + 1) % depths.length]!;
			controller.setPaneDepth(next);
			dispatch({type: 'depth-changed', depth: next});
			return true;
		}
		case '1':
		case '2':
		case '3': {
			const next = depths[Number(input) - 1]!;
			controller.setPaneDepth(next);
			dispatch({type: 'depth-changed', depth: next});
			return true;
		}
		case 'x':
			dispatch({type: 'focused', focus: ui.focus === 'pane' ? 'prompt' : 'pane'});
			return true;
		case 'l':
			if (!lesson) return false;
			dispatch({type: 'focused', focus: ui.focus === 'lesson' ? 'prompt' : 'lesson'});
			return true;
		case 'u':
			// The classroom's raised hand; elsewhere a plain letter.
			if (!controller.toggleHand) return false;
			controller.toggleHand();
			return true;
		case 'm':
			if (!ctx.chapterMenu) return false;
			ctx.chapterMenu.open();
			return true;
		default:
			return false;
	}
}

function scrollKeys(ctx: KeyContext, key: Key): boolean {
	const {dispatch} = ctx;
	if ((key.meta || key.shift) && key.upArrow) return dispatch({type: 'output-scrolled', by: 3}), true;
	if ((key.meta || key.shift) && key.downArrow) return dispatch({type: 'output-scrolled', by: -3}), true;
	if (key.meta && key.pageUp) return dispatch({type: 'output-scrolled', by: ctx.outputPage}), true;
	if (key.meta && key.pageDown) return dispatch({type: 'output-scrolled', by: -ctx.outputPage}), true;
	if (key.pageUp) return dispatch({type: 'lesson-scrolled', by: -ctx.lessonPage, max: ctx.lessonMax}), true;
	if (key.pageDown) return dispatch({type: 'lesson-scrolled', by: ctx.lessonPage, max: ctx.lessonMax}), true;
	return false;
}

function promptKeys(ctx: KeyContext, input: string, key: Key): void {
	const edit = ctx.editPrompt;
	if (key.return) return ctx.submit();
	if (key.tab) {
		if (ctx.prompt.value.trim() === '') return ctx.dispatch({type: 'focus-cycled', hasLesson: Boolean(ctx.snapshot.lesson)});
		return ctx.complete();
	}
	if (key.leftArrow) return edit({type: key.ctrl || key.meta ? 'moved-word-left' : 'moved-left'});
	if (key.rightArrow) return edit({type: key.ctrl || key.meta ? 'moved-word-right' : 'moved-right'});
	if (key.home) return edit({type: 'moved-home'});
	if (key.end) return edit({type: 'moved-end'});
	if (key.upArrow) return edit({type: 'history-back'});
	if (key.downArrow) return edit({type: 'history-forward'});
	if (key.backspace) return edit({type: key.meta ? 'deleted-word-back' : 'deleted-back'});
	if (key.delete) return edit({type: 'deleted-forward'});
	if (key.ctrl) {
		switch (input) {
			case 'a':
				return edit({type: 'moved-home'});
			case 'e':
				return edit({type: 'moved-end'});
			case 'b':
				return edit({type: 'moved-left'});
			case 'f':
				return edit({type: 'moved-right'});
			case 'w':
				return edit({type: 'deleted-word-back'});
			case 'u':
				return edit({type: 'killed-to-start'});
			case 'k':
				return edit({type: 'killed-to-end'});
			case 'h':
				return edit({type: 'deleted-back'});
			case 'p':
				return edit({type: 'history-back'});
			case 'n':
				return edit({type: 'history-forward'});
			case 'l':
				return ctx.controller.clearOutput();
			case 'd':
				if (ctx.prompt.value === '') return ctx.quit();
				return ctx.endInput();
			default:
				return;
		}
	}
	if (!input || key.escape) return;
	// Keys that cannot start a command act on an empty prompt.
	if (ctx.prompt.value === '' && (input === '?' || input === 'q')) {
		if (input === '?') return ctx.dispatch({type: 'keys-toggled'});
		return ctx.quit();
	}
	// A step with nothing to type (read, quiz, summary) takes n and the quiz letters on an empty prompt.
	// Once the quiz is passed its letters do nothing there (a second press of the answer must not
	// start a command that n would then be typed into).
	const lesson = ctx.snapshot.lesson;
	if (ctx.prompt.value === '' && lesson && lesson.kind !== 'task' && input.length === 1) {
		if (input === 'n') return void commandKey(ctx, input);
		if (lesson.quiz?.choices.some(c => c.key === input)) {
			if (!lesson.passed) commandKey(ctx, input);
			return;
		}
	}
	// Typed-ahead text comes in one chunk: an Enter inside it runs the line, as in a shell.
	// (A paste arrives through usePaste instead, and keeps its newlines.)
	const lines = input.split(/\r\n?|\n/);
	lines.forEach((text, i) => {
		if (text) edit({type: 'inserted', text});
		if (i < lines.length - 1) ctx.submit();
	});
}

function paneKeys(ctx: KeyContext, input: string, key: Key): boolean {
	const {dispatch, ui, selectable} = ctx;
	if (ui.xray && (key.upArrow || key.downArrow || key.pageUp || key.pageDown)) {
		dispatch({type: 'xray-scrolled', by: (key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -10 : 10) * 1});
		return true;
	}
	if (key.upArrow || key.downArrow) {
		dispatch({type: 'selection-moved', by: key.upArrow ? -1 : 1, count: selectable.length});
		return true;
	}
	if (key.pageUp || key.pageDown) {
		dispatch({type: 'selection-moved', by: key.pageUp ? -10 : 10, count: selectable.length});
		return true;
	}
	if (key.return) {
		const id = selectable[Math.min(ui.selection, selectable.length - 1)];
		if (ui.xray) dispatch({type: 'xray-closed'});
		else if (id) dispatch({type: 'xray-opened', id});
		return true;
	}
	if (key.escape) {
		if (ui.xray) dispatch({type: 'xray-closed'});
		else dispatch({type: 'focused', focus: 'prompt'});
		return true;
	}
	return commandKey(ctx, input);
}

function lessonKeys(ctx: KeyContext, input: string, key: Key): boolean {
	if (key.upArrow) return ctx.dispatch({type: 'lesson-scrolled', by: -1, max: ctx.lessonMax}), true;
	if (key.downArrow) return ctx.dispatch({type: 'lesson-scrolled', by: 1, max: ctx.lessonMax}), true;
	if (key.escape) return ctx.dispatch({type: 'focused', focus: 'prompt'}), true;
	return commandKey(ctx, input);
}

export function handleKey(ctx: KeyContext, input: string, key: Key): void {
	const {ui, dispatch, snapshot} = ctx;
	// Ctrl-C stops a command still printing (kubectl get -w), as in a terminal; then it cancels a
	// line being typed, as in every shell; on an empty prompt it quits (saving first).
	if (key.ctrl && input === 'c' && snapshot.following && !ui.menuShown && !ui.keysShown) return ctx.interrupt();
	if (key.ctrl && input === 'c') return ctx.prompt.value !== '' && !ui.menuShown && !ui.keysShown ? ctx.cancelLine() : ctx.quit();
	if (ui.keysShown) return dispatch({type: 'keys-toggled'});
	if (ui.menuShown && ctx.chapterMenu) {
		if (key.upArrow || key.downArrow) return dispatch({type: 'menu-moved', by: key.upArrow ? -1 : 1, count: ctx.chapterMenu.count});
		if (key.pageUp || key.pageDown) return dispatch({type: 'menu-moved', by: key.pageUp ? -10 : 10, count: ctx.chapterMenu.count});
		if (key.return) {
			dispatch({type: 'menu-closed'});
			return ctx.chapterMenu.choose(ui.menuSelection);
		}
		if (key.escape || input === 'q' || (key.meta && input === 'm')) return dispatch({type: 'menu-closed'});
		return;
	}
	// A question from the lesson (show the solution? reset?) takes y / n first.
	if (snapshot.lesson?.pendingConfirm && ctx.prompt.value === '') {
		if (input === 'y' || input === 'Y') return lessonAction(ctx, 'confirm');
		if (input === 'n' || input === 'N' || key.escape) return lessonAction(ctx, 'cancel');
	}
	// Esc then a key is the same as Alt-key (terminals that do not send Alt).
	const alt = key.meta || ui.altPending;
	if (ui.altPending) dispatch({type: 'alt-used'});
	if (key.escape && !key.meta) {
		if (ui.focus === 'prompt' && !ui.altPending) return dispatch({type: 'alt-armed'});
	}
	if (scrollKeys(ctx, key)) return;
	if (alt && input && !key.ctrl && input.length === 1 && commandKey(ctx, input, true)) return;
	if (key.tab && ui.focus !== 'prompt') return dispatch({type: 'focus-cycled', hasLesson: Boolean(snapshot.lesson)});
	if (ui.focus === 'pane' && paneKeys(ctx, input, key)) return;
	if (ui.focus === 'lesson' && lessonKeys(ctx, input, key)) return;
	if (ui.focus !== 'prompt') {
		if (input === '?') return dispatch({type: 'keys-toggled'});
		if (input === 'q') return ctx.quit();
		if (!input || key.ctrl || key.meta) return;
		// Anything else is typing: back to the prompt with it.
		dispatch({type: 'focused', focus: 'prompt'});
	}
	promptKeys(ctx, input, key);
}

