// Lesson markdown as styled lines, over the lessons engine's markdown blocks.
import {markdownBlocks, type MarkdownBlock} from '../../lessons/markdown.ts';
import type {StyledLine} from '../frame/styled-line.ts';
import {textWidth, wrapLine} from '../text-width.ts';
import type {Theme} from '../theme.tsx';
import {wrapSpans} from './spans.ts';

function blockLines(block: MarkdownBlock, width: number, theme: Theme): StyledLine[] {
	switch (block.kind) {
		case 'heading':
			return wrapSpans(block.spans, width, theme, '', {bold: true, color: theme.accent});
		case 'paragraph':
			return wrapSpans(block.spans, width, theme);
		case 'rule':
			return [{segments: [{text: '─'.repeat(Math.min(width, 30)), dim: theme.dim}]}];
		case 'code':
			// Diagrams fit the column and stay verbatim; a line wider than the column (a long
			// command at 80x24) wraps with an indent rather than being cut, so none of it is hidden.
			return codeBlockLines(block.text, width).map(text => ({segments: [{text, color: theme.accent, bold: !theme.color}]}));
		case 'quote':
			return block.blocks.flatMap(b => blockLines(b, width - 2, theme)).map(l => ({segments: [{text: '│ ', dim: theme.dim}, ...l.segments]}));
		case 'list':
			return block.items.flatMap((item, i) => {
				const marker = block.ordered ? `${block.start + i}. ` : '• ';
				const children = item.children.flatMap(child => blockLines(child, width - marker.length, theme)).map(l => ({segments: [{text: ' '.repeat(marker.length)}, ...l.segments]}));
				return [...wrapSpans(item.spans, width, theme, marker), ...children];
			});
		case 'table':
			return tableLines(block.header, block.rows, width).map((text, i) => ({segments: [{text, bold: i === 0}]}));
	}
}

export function markdownLines(markdown: string, width: number, theme: Theme): StyledLine[] {
	const out: StyledLine[] = [];
	for (const block of markdownBlocks(markdown)) {
		if (out.length) out.push({segments: []});
		out.push(...blockLines(block, width, theme));
	}
	return out;
}

/** A shell comment as `# ...` lines of at most `width` columns, cut between words. */
function commentLines(comment: string, width: number): string[] {
	const out: string[] = [];
	let line = '#';
	for (const word of comment.replace(/^#\s*/, '').split(/\s+/)) {
		if (line !== '#' && textWidth(`${line} ${word}`) > width) {
			out.push(line);
			line = '#';
		}
		line += ` ${word}`;
	}
	return [...out, line];
}

/** A code block's lines, indented by two; a block too wide for that loses the indent before any line wraps. */
export function codeBlockLines(text: string, width: number): string[] {
	const lines = text.split('\n');
	const widest = Math.max(...lines.map(textWidth));
	const indent = widest <= width - 2 ? '  ' : '';
	return lines.flatMap(line => wrapCodeLine(line, width - indent.length)).map(line => indent + line);
}

/**
 * A code line cut into pieces of at most `width` columns, each piece but the last ending with a
 * visible `\` that is also bash's line continuation, so the lines still run when copied. A cut at
 * a space leaves ` \` and indents what follows; a word with no space to cut at (a long path) ends
 * with `\` and goes on at the start of the next line, so the word joins up again.
 */
export function wrapCodeLine(line: string, width: number): string[] {
	if (textWidth(line) <= width || width < 8) return [line];
	// `cmd    # what it does`: a `\` inside a comment continues nothing, so the comment goes on
	// lines of its own above the command (harmless when copied), and the command wraps alone.
	const commented = line.match(/^(\s*\S.*?)\s{2,}(#\s.*)$/);
	if (commented) return [...commentLines(commented[2]!, width), ...wrapCodeLine(commented[1]!, width)];
	const out: string[] = [];
	let rest = line;
	let indent = '';
	while (textWidth(indent + rest) > width) {
		const room = width - indent.length - 1;
		let cut = 0;
		let used = 0;
		for (const ch of rest) {
			const w = textWidth(ch);
			if (used + w > room) break;
			used += w;
			cut += ch.length;
		}
		const space = rest.slice(0, cut).trimEnd().lastIndexOf(' ');
		if (space > 0 && rest.slice(0, space).trim() !== '') {
			out.push(indent + rest.slice(0, space).trimEnd() + ' \\');
			rest = rest.slice(space).trimStart();
			indent = '    ';
		} else {
			// Inside a word, after a / or a - reads best (".../system.slice/" then "docker-...").
			const soft = Math.max(rest.lastIndexOf('/', cut - 1), rest.lastIndexOf('-', cut - 1));
			if (soft + 1 > room / 2 && soft + 1 < cut) cut = soft + 1;
			out.push(indent + rest.slice(0, cut) + '\\');
			rest = rest.slice(cut);
			indent = '';
		}
	}
	if (rest) out.push(indent + rest);
	return out;
}

/**
 * A table's lines (the header first): columns two cells apart; when the table is wider than the
 * column, the last column's cells wrap under it at spaces, never cut off (chapter 0's key table at 80x24).
 */
export function tableLines(header: string[], rows: string[][], width: number): string[] {
	const widths = header.map((h, c) => Math.max(textWidth(h), ...rows.map(r => textWidth(r[c] ?? ''))));
	const last = widths.length - 1;
	const before = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
	if (before + widths[last]! > width && width - before >= 8) widths[last] = width - before;
	const pad = (cell: string, c: number) => cell + ' '.repeat(Math.max(0, widths[c]! - textWidth(cell)));
	const rowLines = (cells: string[]) => {
		const wrapped = wrapLine(cells[last] ?? '', widths[last]!);
		const head = cells.slice(0, last).map(pad).join('  ');
		return wrapped.map((piece, i) => ((i === 0 ? head : ' '.repeat(before - 2)) + (last > 0 ? '  ' : '') + piece).trimEnd());
	};
	return [header, ...rows].flatMap(rowLines);
}
