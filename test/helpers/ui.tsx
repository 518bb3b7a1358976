// The one UI test helper: renders through ink-testing-library at a chosen terminal size, sends
// keys, and waits for a frame matching a predicate (frames are not written synchronously after
// a key). A timeout fails with the last frame printed, so a failing UI test shows the screen.
import {cleanup, render} from 'ink-testing-library';
import type {ReactElement} from 'react';

export const keys = {
	enter: '\r',
	tab: '\t',
	escape: '\u001B',
	backspace: '\u007F',
	delete: '\u001B[3~',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	altUp: '\u001B[1;3A',
	altDown: '\u001B[1;3B',
	ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
	alt: (letter: string) => '\u001B' + letter,
	paste: (text: string) => `\u001B[200~${text}\u001B[201~`,
};

export type UiHarness = {
	/** The newest frame, ANSI codes removed. Read it only after waitFor. */
	frame(): string;
	/** Sends raw input (a key from `keys`, or typed text). */
	press(...inputs: string[]): void;
	type(text: string): void;
	resize(columns: number, rows: number): void;
	waitFor(predicate: (frame: string) => boolean, what?: string, timeoutMs?: number): Promise<string>;
	/** Waits until the frame contains `text`. */
	waitForText(text: string, timeoutMs?: number): Promise<string>;
	unmount(): void;
	writes(): string[];
};

const ansi = /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007]*\u0007/g;
export const stripAnsi = (text: string) => text.replace(ansi, '');

export function renderUi(tree: ReactElement, size: {columns: number; rows: number} = {columns: 80, rows: 24}): UiHarness {
	const instance = render(tree);
	let columns = size.columns;
	let rows = size.rows;
	Object.defineProperty(instance.stdout, 'columns', {get: () => columns, configurable: true});
	Object.defineProperty(instance.stdout, 'rows', {get: () => rows, configurable: true});
	// Frames drawn before a resize are at the old size: never match them.
	let firstFrameAtSize = instance.frames.length;
	instance.stdout.emit('resize');
	const frame = () => (instance.frames.length > firstFrameAtSize ? stripAnsi(instance.lastFrame() ?? '') : '');
	const waitFor = async (predicate: (frame: string) => boolean, what = 'a matching frame', timeoutMs = 10_000) => {
		const start = Date.now();
		for (;;) {
			const current = frame();
			if (predicate(current)) return current;
			if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Last frame:\n${current}`);
			await new Promise(resolve => setTimeout(resolve, 5));
		}
	};
	return {
		frame,
		press: (...inputs) => {
			for (const input of inputs) instance.stdin.write(input);
		},
		type: text => instance.stdin.write(text),
		resize(newColumns, newRows) {
			columns = newColumns;
			rows = newRows;
			firstFrameAtSize = instance.frames.length;
			instance.stdout.emit('resize');
		},
		waitFor,
		waitForText: (text, timeoutMs) => waitFor(f => f.includes(text), JSON.stringify(text), timeoutMs),
		unmount: () => instance.unmount(),
		writes: () => instance.frames,
	};
}

/** Call after each test (node:test `afterEach(cleanupUi)`). */
export const cleanupUi = () => cleanup();
