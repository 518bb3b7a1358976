// Keys of the instructor's dashboard -> reducer actions and host pacing calls.
import {useInput, usePaste, type Key} from 'ink';
import {useRef, type Dispatch} from 'react';
import {instructorReducer, type InstructorAction, type InstructorState} from './use-instructor-state.ts';

export type PacingControls = {
	releaseNext(): void;
	openUpTo(count: number): void;
	/** Minutes without progress before a student counts as stuck: one more, one less. */
	stuckAfter(by: number): void;
	togglePause(): void;
	broadcast(text: string): void;
	message(studentId: string, text: string): void;
	rename(studentId: string, name: string): void;
	timebox(text: string): void;
	/** Exactly these chapters open ("3,5", "3-5"), the first N ("2"), or "close 3". */
	chapters(text: string): void;
	remove(studentId: string): void;
	quit(): void;
};

type Mode = InstructorState['mode'];
const typingModes: Mode[] = ['broadcast', 'message', 'rename', 'timebox', 'chapters'];
/** The most keys one read can hold from someone typing (a few while the host was busy). */
const keysPerChunk = 4;
/** A key that is only its character (no arrow, no modifier). */
const plainKey: Key = {upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false};

export function useInstructorKeys(rendered: InstructorState, reactDispatch: Dispatch<InstructorAction>, context: {ids: string[]; chapters: number; currentChapter: number; selected?: string}, controls: PacingControls): void {
	// Keys can arrive faster than frames (typed text, then Enter): act on the state as of the
	// last key, not as of the last render.
	const latest = useRef(rendered);
	latest.current = rendered;
	const dispatch = (action: InstructorAction) => {
		latest.current = instructorReducer(latest.current, action);
		reactDispatch(action);
	};
	// Keys pressed quickly, or while a busy room kept the host from reading them, arrive as one
	// chunk of text ("jjj", "ss", "b\r"): each key is acted on, and once one starts typing (b, m,
	// r, t, c) the rest of the chunk is the text typed. Pasted text is never keys: the terminal
	// marks a paste (bracketed paste), and a longer chunk than fingers make is taken for one too
	// (a pasted join line would otherwise open the next chapter at its `n`).
	useInput((input, key) => {
		if (input.length <= 1 || key.ctrl || key.meta || typingModes.includes(latest.current.mode)) return onKey(input, key);
		const characters = [...input];
		if (characters.length > keysPerChunk) return;
		for (const [index, character] of characters.entries()) {
			if (typingModes.includes(latest.current.mode)) return onKey(characters.slice(index).join(''), plainKey);
			onKey(character, character === '\r' ? {...plainKey, return: true} : plainKey);
		}
	});
	usePaste(text => {
		if (typingModes.includes(latest.current.mode)) dispatch({type: 'draft-typed', text});
	});
	function onKey(input: string, key: Key) {
		const state = latest.current;
		if (typingModes.includes(state.mode)) {
			const send = (draft: string) => {
				if (draft.trim()) {
					if (state.mode === 'message' && state.messageTo) controls.message(state.messageTo, draft);
					else if (state.mode === 'rename' && state.messageTo) controls.rename(state.messageTo, draft);
					else if (state.mode === 'timebox') controls.timebox(draft);
					else if (state.mode === 'chapters') controls.chapters(draft);
					else controls.broadcast(draft);
				}
				dispatch({type: 'closed'});
			};
			if (key.escape) dispatch({type: 'closed'});
			else if (key.return) send(state.draft);
			else if (key.backspace || key.delete) dispatch({type: 'draft-erased'});
			else if (input && !key.ctrl && !key.meta) {
				// Text and Enter can arrive in one chunk (fast typing, paste): Enter sends what came before it.
				const end = input.search(/[\r\n]/);
				if (end < 0) dispatch({type: 'draft-typed', text: input});
				else {
					dispatch({type: 'draft-typed', text: input.slice(0, end)});
					send(latest.current.draft);
				}
			}
			return;
		}
		if (state.mode === 'open-count') {
			if (/^[0-9]$/.test(input)) controls.openUpTo(Number(input));
			dispatch({type: 'closed'});
			return;
		}
		if (state.mode === 'confirm-remove') {
			if ((input === 'y' || input === 'Y') && state.messageTo) controls.remove(state.messageTo);
			dispatch({type: 'closed'});
			return;
		}
		if (state.mode === 'confirm-quit') {
			if (input === 'y' || input === 'Y') controls.quit();
			else dispatch({type: 'closed'});
			return;
		}
		// The student chosen by the last key, not by the last frame.
		const selected = state.selected !== undefined && context.ids.includes(state.selected) ? state.selected : context.selected;
		if (key.upArrow || input === 'k') dispatch({type: 'moved', by: -1, ids: context.ids});
		else if (key.downArrow || input === 'j') dispatch({type: 'moved', by: 1, ids: context.ids});
		else if (key.pageUp) dispatch({type: 'moved', by: -10, ids: context.ids});
		else if (key.pageDown) dispatch({type: 'moved', by: 10, ids: context.ids});
		else if (key.home || input === 'g') dispatch({type: 'moved-to-end', last: false, ids: context.ids});
		else if (key.end || input === 'G') dispatch({type: 'moved-to-end', last: true, ids: context.ids});
		else if (key.leftArrow) dispatch({type: 'chapter-moved', by: -1, chapters: context.chapters, current: context.currentChapter});
		else if (key.rightArrow) dispatch({type: 'chapter-moved', by: 1, chapters: context.chapters, current: context.currentChapter});
		else if (key.return) dispatch({type: 'detail-toggled'});
		else if (key.escape && state.mode === 'detail') dispatch({type: 'closed'});
		else if (input === 's') dispatch({type: 'sort-cycled'});
		else if (input === 'f') dispatch({type: 'filter-cycled'});
		else if (input === 'n') controls.releaseNext();
		else if (input === 'o') dispatch({type: 'open-count-asked'});
		else if (input === '+' || input === '=') controls.stuckAfter(1);
		else if (input === '-') controls.stuckAfter(-1);
		else if (input === 'p') controls.togglePause();
		else if (input === 'b') dispatch({type: 'broadcast-started'});
		else if (input === 't') dispatch({type: 'timebox-started'});
		else if (input === 'c') dispatch({type: 'chapters-started'});
		else if (input === 'm' && selected) dispatch({type: 'message-started', studentId: selected});
		else if (input === 'r' && selected) dispatch({type: 'rename-started', studentId: selected});
		else if (input === 'x' && selected) dispatch({type: 'remove-asked', studentId: selected});
		else if (input === 'q' || (key.ctrl && input === 'c')) dispatch({type: 'quit-asked'});
	}
}
