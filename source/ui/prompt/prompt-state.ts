// The command line being edited: a pure reducer, so editing is tested without a terminal.
import type {Incomplete} from '../../shell/syntax/ast.ts';
import {needsMoreInput} from '../../shell/syntax/parse.ts';

export type PromptState = {
	value: string;
	cursor: number; // index into value (UTF-16 units, kept on code point boundaries)
	history: string[]; // submitted lines, oldest first
	historyIndex: number | null; // which history entry is shown, null: the draft
	draft: string; // what was typed before browsing history
	cut?: boolean; // the last insert was longer than the prompt holds, and was cut
};

/**
 * What the prompt holds: a 1 MB line pasted at once made each keystroke redraw for seconds. A
 * line of a real terminal in canonical mode holds 4,095 bytes; a paste of many lines stays whole.
 */
export const promptLineLimit = 16_384;
export const promptLimit = 512 * 1024;

/** `text` inserted into `value` at `cursor`, cut so no line passes promptLineLimit and the whole stays under promptLimit. */
function boundedInsert(value: string, cursor: number, text: string): {value: string; cursor: number; cut: boolean} {
	let room = Math.max(0, promptLimit - value.length);
	let cut = text.length > room;
	let insert = cut ? text.slice(0, room) : text;
	const before = value.slice(0, cursor);
	const after = value.slice(cursor);
	const lines = (before + insert + after).split('\n');
	if (lines.some(line => line.length > promptLineLimit)) {
		cut = true;
		const headStart = before.lastIndexOf('\n') + 1;
		const parts = insert.split('\n');
		const tail = after.split('\n')[0]!.length;
		parts[0] = parts[0]!.slice(0, Math.max(0, promptLineLimit - (before.length - headStart) - (parts.length === 1 ? tail : 0)));
		for (let i = 1; i < parts.length; i++) parts[i] = parts[i]!.slice(0, Math.max(0, promptLineLimit - (i === parts.length - 1 ? tail : 0)));
		insert = parts.join('\n');
	}
	room = insert.length;
	return {value: before + insert + after, cursor: cursor + room, cut};
}

export type PromptAction =
	| {type: 'inserted'; text: string}
	| {type: 'moved-left'}
	| {type: 'moved-right'}
	| {type: 'moved-word-left'}
	| {type: 'moved-word-right'}
	| {type: 'moved-home'}
	| {type: 'moved-end'}
	| {type: 'deleted-back'}
	| {type: 'deleted-forward'}
	| {type: 'deleted-word-back'}
	| {type: 'killed-to-start'}
	| {type: 'killed-to-end'}
	| {type: 'history-back'}
	| {type: 'history-forward'}
	| {type: 'replaced'; value: string; cursor?: number}
	| {type: 'submitted'}
	| {type: 'cleared'};

export const historyLimit = 500;

export function initialPrompt(history: string[] = []): PromptState {
	return {value: '', cursor: 0, history, historyIndex: null, draft: ''};
}

function previousBoundary(value: string, cursor: number): number {
	if (cursor <= 0) return 0;
	const code = value.charCodeAt(cursor - 1);
	return code >= 0xdc00 && code <= 0xdfff && cursor >= 2 ? cursor - 2 : cursor - 1;
}

function nextBoundary(value: string, cursor: number): number {
	if (cursor >= value.length) return value.length;
	const code = value.charCodeAt(cursor);
	return code >= 0xd800 && code <= 0xdbff ? cursor + 2 : cursor + 1;
}

/** Start of the word before the cursor, as bash's Ctrl-W (unix-word-rubout) sees words: runs of non-space. */
function wordStartBefore(value: string, cursor: number): number {
	let i = cursor;
	while (i > 0 && /\s/.test(value[i - 1]!)) i--;
	while (i > 0 && !/\s/.test(value[i - 1]!)) i--;
	return i;
}

function wordEndAfter(value: string, cursor: number): number {
	let i = cursor;
	while (i < value.length && /\s/.test(value[i]!)) i++;
	while (i < value.length && !/\s/.test(value[i]!)) i++;
	return i;
}

const edit = (state: PromptState, value: string, cursor: number): PromptState => ({...state, value, cursor, historyIndex: null});

export function promptReducer(previous: PromptState, action: PromptAction): PromptState {
	// The note that a paste was cut lasts until the next action.
	const {cut: _cut, ...state} = previous;
	const {value, cursor} = state;
	switch (action.type) {
		case 'inserted': {
			// Terminals send Enter inside a paste as \r; keep lines as \n. Tabs become spaces.
			const text = action.text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
			const bounded = boundedInsert(value, cursor, text);
			return {...edit(state, bounded.value, bounded.cursor), ...(bounded.cut ? {cut: true} : {})};
		}
		case 'moved-left':
			return {...state, cursor: previousBoundary(value, cursor)};
		case 'moved-right':
			return {...state, cursor: nextBoundary(value, cursor)};
		case 'moved-word-left':
			return {...state, cursor: wordStartBefore(value, cursor)};
		case 'moved-word-right':
			return {...state, cursor: wordEndAfter(value, cursor)};
		case 'moved-home': {
			const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
			return {...state, cursor: lineStart};
		}
		case 'moved-end': {
			const lineEnd = value.indexOf('\n', cursor);
			return {...state, cursor: lineEnd === -1 ? value.length : lineEnd};
		}
		case 'deleted-back': {
			if (cursor === 0) return state;
			const start = previousBoundary(value, cursor);
			return edit(state, value.slice(0, start) + value.slice(cursor), start);
		}
		case 'deleted-forward': {
			if (cursor >= value.length) return state;
			return edit(state, value.slice(0, cursor) + value.slice(nextBoundary(value, cursor)), cursor);
		}
		case 'deleted-word-back': {
			const start = wordStartBefore(value, cursor);
			return edit(state, value.slice(0, start) + value.slice(cursor), start);
		}
		case 'killed-to-start':
			return edit(state, value.slice(cursor), 0);
		case 'killed-to-end':
			return edit(state, value.slice(0, cursor), cursor);
		case 'history-back': {
			if (state.history.length === 0) return state;
			const index = state.historyIndex === null ? state.history.length - 1 : Math.max(0, state.historyIndex - 1);
			const shown = state.history[index]!;
			return {...state, historyIndex: index, draft: state.historyIndex === null ? value : state.draft, value: shown, cursor: shown.length};
		}
		case 'history-forward': {
			if (state.historyIndex === null) return state;
			const index = state.historyIndex + 1;
			if (index >= state.history.length) return {...state, historyIndex: null, value: state.draft, cursor: state.draft.length};
			const shown = state.history[index]!;
			return {...state, historyIndex: index, value: shown, cursor: shown.length};
		}
		case 'replaced':
			return edit(state, action.value, Math.min(action.cursor ?? action.value.length, action.value.length));
		case 'submitted': {
			const line = value.trim();
			const last = state.history[state.history.length - 1];
			const history = line && line !== last ? [...state.history, value].slice(-historyLimit) : state.history;
			return {value: '', cursor: 0, history, historyIndex: null, draft: ''};
		}
		case 'cleared':
			return edit(state, '', 0);
	}
}

/**
 * What a pasted block means when the line typed before it reads standard input
 * (`kubectl apply -f -`, `cat > pod.yaml`): the block becomes that command's stdin, as a
 * here-document, so the shell runs one command instead of each YAML line.
 */
export function lineToRun(value: string): string {
	const newline = value.indexOf('\n');
	if (newline === -1) return value;
	const first = value.slice(0, newline);
	const rest = value.slice(newline + 1).replace(/\n+$/, '');
	if (/<</.test(first) || !rest.trim()) return value;
	const readsStdin = /(^|\s)-f\s*-\s*$/.test(first) || /(^|\s)--filename[= ]-\s*$/.test(first) || /^\s*(cat|tee)(\s+-a)?\s*(>>?\s*)?\S+\s*$/.test(first);
	if (!readsStdin) return value;
	let marker = 'EOF';
	for (let n = 1; rest.split('\n').some(line => line.trim() === marker); n++) marker = `EOF${n}`;
	return `${first.trimEnd()} <<'${marker}'\n${rest}\n${marker}`;
}

/**
 * Why Enter should add a line instead of running, as bash's "> " continuation prompt: a
 * here-document still waiting for its end word, an open quote, a trailing | or &&, a loop
 * without its done, a line ending in a backslash. Undefined when the line can run.
 */
export function continuationNeeded(value: string): Incomplete | undefined {
	return needsMoreInput(lineToRun(value));
}

export function needsMoreLines(value: string): boolean {
	return continuationNeeded(value) !== undefined;
}

/**
 * A paste at the end of the line: the lines it completes run at once, as in a terminal without
 * bracketed paste (a here-document runs when its end word arrives, even without a final
 * newline); a last unfinished line stays on the prompt to edit. A block a stdin-reading
 * command takes as input (lineToRun) waits for Enter, so the learner sees what it will feed.
 */
export function splitPaste(before: string, pasted: string): {run?: string; keep: string} {
	const combined = before + pasted.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
	const cut = combined.lastIndexOf('\n');
	if (!pasted.includes('\n') && !pasted.includes('\r')) return {keep: combined};
	const head = combined.slice(0, cut);
	const tail = combined.slice(cut + 1);
	const complete = (text: string) => text.trim() !== '' && !needsMoreLines(text);
	if (lineToRun(combined) !== combined || lineToRun(head) !== head) return {keep: combined};
	if (tail === '') return complete(head) ? {run: head, keep: ''} : {keep: combined};
	if (continuationNeeded(head)?.kind === 'heredoc' && complete(combined)) return {run: combined, keep: ''};
	return complete(head) ? {run: head, keep: tail} : {keep: combined};
}
