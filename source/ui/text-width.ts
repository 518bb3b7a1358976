// Fitting text into terminal cells (CJK and emoji take two): truncating, padding and wrapping.
import {charWidth, textWidth} from '../i18n/cell-width.ts';

export {charWidth, textWidth} from '../i18n/cell-width.ts';

/** Cuts `text` to at most `width` cells, ending with … when it was cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const char of text) {
		const w = charWidth(char);
		if (used + w > width - 1) break;
		out += char;
		used += w;
	}
	return out + '…';
}

/** Pads (or cuts) `text` to exactly `width` cells. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
	return align === 'left' ? cut + pad : pad + cut;
}

/** Word-wraps one line to `width` cells; breaks inside words that are too long and between CJK characters. */
export function wrapLine(line: string, width: number): string[] {
	if (width <= 0) return [''];
	if (textWidth(line) <= width) return [line];
	const out: string[] = [];
	let current = '';
	let currentWidth = 0;
	const indent = line.match(/^\s*(?:[-*] |\d+\. )?/)?.[0].length ?? 0;
	const continuation = indent < width / 2 ? ' '.repeat(indent) : '';
	// Tokens: runs of spaces, runs of non-space non-wide characters, single wide characters.
	const tokens = line.match(/\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]+|./gsu) ?? [];
	const pushLine = () => {
		out.push(current.replace(/\s+$/, ''));
		current = continuation;
		currentWidth = continuation.length;
	};
	for (const token of tokens) {
		const w = textWidth(token);
		if (/^\s+$/.test(token)) {
			if (currentWidth + w <= width) {
				current += token;
				currentWidth += w;
			} else pushLine();
			continue;
		}
		if (currentWidth + w > width && currentWidth > continuation.length) pushLine();
		if (w <= width - currentWidth) {
			current += token;
			currentWidth += w;
			continue;
		}
		for (const char of token) {
			const cw = charWidth(char);
			if (currentWidth + cw > width) pushLine();
			current += char;
			currentWidth += cw;
		}
	}
	if (current.trim() || out.length === 0) out.push(current.replace(/\s+$/, ''));
	return out;
}

export function wrapText(text: string, width: number): string[] {
	return text.split('\n').flatMap(line => wrapLine(line.replace(/\t/g, '    '), width));
}
