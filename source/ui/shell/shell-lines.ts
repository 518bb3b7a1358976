// The shell region as lines: the scrollback (wrapped, scrolled from the bottom) and the prompt
// with its cursor. Pure, so scrolling and multi-line paste are tested without Ink.
import type {OutputEntry} from '../../app/tutor-controller.ts';
import {visibleText} from '../../app/visible-text.ts';
import type {Segment, StyledLine} from '../frame/styled-line.ts';
import {textWidth, wrapText} from '../text-width.ts';
import type {Theme} from '../theme.tsx';

export function outputLines(output: OutputEntry[], width: number, theme: Theme, limit: number): StyledLine[] {
	// Only the newest entries can be on screen; wrap from the end until enough lines exist.
	const out: StyledLine[][] = [];
	let count = 0;
	for (let i = output.length - 1; i >= 0 && count < limit; i--) {
		const entry = output[i]!;
		const style: Omit<Segment, 'text'> =
			entry.kind === 'command' ? {bold: true} : entry.kind === 'stderr' ? {color: theme.bad} : entry.kind === 'system' ? {color: theme.accent} : entry.kind === 'success' ? {color: theme.ok, bold: true} : {};
		const lines = wrapText(visibleText(entry.text), width).map((text, j) => ({key: `${entry.id}:${j}`, segments: [{text, ...style}]}));
		out.push(lines);
		count += lines.length;
	}
	return out.reverse().flat();
}

/**
 * How many screen lines the newest command and its output take (0 before any command).
 * `commandOutputOnly`: what the command printed, plus one line for the command itself (a pasted
 * here-document is not an output being read) and none for the ✓ lines of steps passed since.
 */
export function lastRunHeight(output: OutputEntry[], width: number, options: {commandOutputOnly?: boolean} = {}): number {
	let lines = 0;
	for (let i = output.length - 1; i >= 0; i--) {
		const entry = output[i]!;
		if (options.commandOutputOnly && entry.kind === 'success') continue;
		lines += options.commandOutputOnly && entry.kind === 'command' ? 1 : wrapText(entry.text, width).length;
		if (entry.kind === 'command') return lines;
	}
	return 0;
}

/** The prompt and the line being edited, with the cursor as an inverse cell; wraps long lines. */
export function promptLines(prompt: string, value: string, cursor: number, width: number, theme: Theme, showCursor: boolean): StyledLine[] {
	const lines: StyledLine[] = [];
	let current: Segment[] = [{text: prompt, color: theme.prompt, bold: true}];
	let used = textWidth(prompt);
	const push = (segment: Segment) => {
		const w = textWidth(segment.text);
		if (used + w > width) {
			lines.push({segments: current});
			current = [];
			used = 0;
		}
		const last = current[current.length - 1];
		if (last && !last.inverse && !segment.inverse && last.color === segment.color && last.bold === segment.bold) last.text += segment.text;
		else current.push({...segment});
		used += w;
	};
	let index = 0;
	for (const char of value) {
		const atCursor = showCursor && index === cursor;
		if (char === '\n') {
			if (atCursor) push({text: ' ', inverse: true});
			lines.push({segments: current});
			current = [{text: '> ', dim: theme.dim}];
			used = 2;
		} else push({text: char, inverse: atCursor});
		index += char.length;
	}
	if (showCursor && cursor >= value.length) push({text: ' ', inverse: true});
	lines.push({segments: current});
	return lines;
}
