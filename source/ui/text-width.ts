// Terminal cell widths: CJK and emoji take two cells. Chinese lesson text must wrap and pad right.

function isWide(code: number): boolean {
	return (
		(code >= 0x1100 && code <= 0x115f) ||
		(code >= 0x2e80 && code <= 0x303e) ||
		(code >= 0x3041 && code <= 0x33ff) ||
		(code >= 0x3400 && code <= 0x4dbf) ||
		(code >= 0x4e00 && code <= 0x9fff) ||
		(code >= 0xa000 && code <= 0xa4cf) ||
		(code >= 0xac00 && code <= 0xd7a3) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xff60) ||
		(code >= 0xffe0 && code <= 0xffe6) ||
		(code >= 0x1f300 && code <= 0x1f64f) ||
		(code >= 0x1f900 && code <= 0x1f9ff) ||
		(code >= 0x20000 && code <= 0x3fffd)
	);
}

export function charWidth(char: string): number {
	const code = char.codePointAt(0)!;
	if (code < 32 || (code >= 0x7f && code < 0xa0)) return 0;
	if (code >= 0x300 && code <= 0x36f) return 0; // combining marks
	return isWide(code) ? 2 : 1;
}

export function textWidth(text: string): number {
	let width = 0;
	for (const char of text) width += charWidth(char);
	return width;
}

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
