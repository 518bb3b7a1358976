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
			// Commands and diagrams are shown verbatim: cut, never wrapped, so columns stay aligned.
			return block.text.split('\n').map(text => ({segments: [{text: '  ' + text, color: theme.accent, bold: !theme.color}]}));
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


