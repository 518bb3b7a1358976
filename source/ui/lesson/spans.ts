// Styled markdown spans wrapped to a width, each word keeping its style.
import {breakablePieces} from '../../lessons/line-breaks.ts';
import type {Span} from '../../lessons/markdown.ts';
import type {Segment, StyledLine} from '../frame/styled-line.ts';
import {textWidth, wrapLine} from '../text-width.ts';
import type {Theme} from '../theme.tsx';

function spanStyle(span: Span, theme: Theme): Omit<Segment, 'text'> {
	switch (span.style) {
		case 'strong':
			return {bold: true};
		case 'em':
			return {underline: !theme.color, color: theme.color ? 'magenta' : undefined};
		case 'code':
			return {color: theme.accent ?? undefined, bold: !theme.color};
		case 'link':
			return {underline: true};
		default:
			return {};
	}
}

/** Wraps styled spans to `width`, keeping each word's style. */
export function wrapSpans(spans: Span[], width: number, theme: Theme, prefix = '', base: Omit<Segment, 'text'> = {}): StyledLine[] {
	const lines: StyledLine[] = [];
	let current: Segment[] = prefix ? [{text: prefix}] : [];
	let used = textWidth(prefix);
	const indent = ' '.repeat(used);
	// Where the word being built began in `current` (pieces with no space between are one word:
	// `kubectl drain` then ","), so punctuation never starts a line without the word before it.
	let wordStart = current.length;
	const flush = () => {
		lines.push({segments: current});
		current = indent ? [{text: indent}] : [];
		used = indent.length;
		wordStart = current.length;
	};
	for (const span of spans) {
		const style = {...base, ...spanStyle(span, theme)};
		for (const piece of span.text.split(/(\s+)/).flatMap(p => (/^\s+$/.test(p) ? [p] : breakablePieces(p)))) {
			if (!piece) continue;
			if (piece.includes('\n')) {
				flush();
				continue;
			}
			if (/^\s+$/.test(piece)) {
				if (used > indent.length && used < width) {
					current.push({text: ' ', ...style});
					used++;
				}
				wordStart = current.length;
				continue;
			}
			const w = textWidth(piece);
			if (used + w > width && used > indent.length) {
				// Closing punctuation glued to the word before it takes that word along to the next line.
				// So does an opening bracket glued to the word after it: "(" never ends a line alone.
				const midWord = wordStart > (indent ? 1 : 0) && wordStart < current.length;
				const opening = midWord && current.slice(wordStart).every(s => /^[(\[{“‘（「『《]+$/.test(s.text));
				const glued = midWord && (/^[,.;:!?)\]}，。、；：！？）」』》]/.test(piece) || opening);
				const carried = glued ? current.splice(wordStart) : [];
				const carriedWidth = carried.reduce((sum, s) => sum + textWidth(s.text), 0);
				if (glued) {
					used -= carriedWidth;
					// Drop the space the carried word leaves at the end of the line.
					const last = current[current.length - 1];
					if (last && last.text === ' ') {
						current.pop();
						used--;
					}
				}
				flush();
				current.push(...carried);
				used += carriedWidth;
			}
			if (w <= width - used) {
				current.push({text: piece, ...style});
				used += w;
			} else {
				for (const part of wrapLine(piece, Math.max(1, width - used))) {
					if (used + textWidth(part) > width && used > indent.length) flush();
					current.push({text: part, ...style});
					used += textWidth(part);
				}
			}
		}
	}
	if (current.length > (indent ? 1 : 0) || lines.length === 0) lines.push({segments: current});
	return lines;
}

