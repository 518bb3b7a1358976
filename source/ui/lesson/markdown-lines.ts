// Lesson markdown as styled lines, over the lessons engine's markdown blocks.
import {markdownBlocks, type MarkdownBlock} from '../../lessons/markdown.ts';
import type {StyledLine} from '../frame/styled-line.ts';
import {textWidth} from '../text-width.ts';
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
		case 'table': {
			const widths = block.header.map((h, c) => Math.max(textWidth(h), ...block.rows.map(r => textWidth(r[c] ?? ''))));
			const row = (cells: string[]) => cells.map((cell, c) => cell + ' '.repeat(Math.max(0, widths[c]! - textWidth(cell)))).join('  ');
			return [{segments: [{text: row(block.header), bold: true}]}, ...block.rows.map(r => ({segments: [{text: row(r)}]}))];
		}
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

/** A code block's lines, indented by two; a block too wide for that loses the indent before any line wraps. */
export function codeBlockLines(text: string, width: number): string[] {
	const lines = text.split('\n');
	const widest = Math.max(...lines.map(textWidth));
	const indent = widest <= width - 2 ? '  ' : '';
	return lines.flatMap(line => wrapCodeLine(line, width - indent.length)).map(line => indent + line);
}

/** A code line cut into pieces of at most `width` columns, at spaces where it can; later pieces indented. */
export function wrapCodeLine(line: string, width: number): string[] {
	if (textWidth(line) <= width || width < 8) return [line];
	const out: string[] = [];
	let rest = line;
	let indent = '';
	while (textWidth(indent + rest) > width) {
		const room = width - indent.length;
		let cut = 0;
		let used = 0;
		for (const ch of rest) {
			const w = textWidth(ch);
			if (used + w > room) break;
			used += w;
			cut += ch.length;
		}
		const space = rest.lastIndexOf(' ', cut);
		const at = space > room / 3 ? space : cut;
		out.push(indent + rest.slice(0, at).trimEnd());
		rest = rest.slice(at).trimStart();
		indent = '    ';
	}
	if (rest) out.push(indent + rest);
	return out;
}
