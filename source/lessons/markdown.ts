// Lesson prose is markdown. This turns it into blocks of styled spans (for the UI to colour)
// and into plain, ANSI-free text (for plain mode and screen readers), using marked's lexer.
import {marked, type Token, type Tokens} from 'marked';
import {breakablePieces} from './line-breaks.ts';
import {textWidth} from '../i18n/cell-width.ts';

export type SpanStyle = 'plain' | 'strong' | 'em' | 'code' | 'link';
export type Span = {text: string; style: SpanStyle};

export type MarkdownBlock =
	| {kind: 'heading'; level: number; spans: Span[]}
	| {kind: 'paragraph'; spans: Span[]}
	| {kind: 'list'; ordered: boolean; start: number; items: ListItem[]}
	| {kind: 'code'; lang: string; text: string} // code fences, text diagrams: shown verbatim, never wrapped
	| {kind: 'table'; header: string[]; align: ('left' | 'right' | 'center' | null)[]; rows: string[][]}
	| {kind: 'quote'; blocks: MarkdownBlock[]}
	| {kind: 'rule'};

export type ListItem = {spans: Span[]; children: MarkdownBlock[]};

/** marked's own tokens, for a renderer that wants them raw. */
export function lexMarkdown(markdown: string): Token[] {
	return marked.lexer(markdown);
}

export function markdownBlocks(markdown: string): MarkdownBlock[] {
	return blocksOf(lexMarkdown(markdown));
}

function blocksOf(tokens: Token[]): MarkdownBlock[] {
	const out: MarkdownBlock[] = [];
	for (const token of tokens) {
		switch (token.type) {
			case 'heading':
				out.push({kind: 'heading', level: (token as Tokens.Heading).depth, spans: spansOf((token as Tokens.Heading).tokens)});
				break;
			case 'paragraph':
				out.push({kind: 'paragraph', spans: spansOf((token as Tokens.Paragraph).tokens)});
				break;
			case 'text': {
				const t = token as Tokens.Text;
				out.push({kind: 'paragraph', spans: t.tokens ? spansOf(t.tokens) : [{text: decode(t.text), style: 'plain'}]});
				break;
			}
			case 'list': {
				const list = token as Tokens.List;
				out.push({kind: 'list', ordered: list.ordered, start: typeof list.start === 'number' ? list.start : 1, items: list.items.map(listItem)});
				break;
			}
			case 'code': {
				const code = token as Tokens.Code;
				out.push({kind: 'code', lang: code.lang ?? '', text: code.text});
				break;
			}
			case 'table': {
				const table = token as Tokens.Table;
				out.push({
					kind: 'table',
					header: table.header.map(cell => plainOf(spansOf(cell.tokens))),
					align: table.align,
					rows: table.rows.map(row => row.map(cell => plainOf(spansOf(cell.tokens)))),
				});
				break;
			}
			case 'blockquote':
				out.push({kind: 'quote', blocks: blocksOf((token as Tokens.Blockquote).tokens)});
				break;
			case 'hr':
				out.push({kind: 'rule'});
				break;
			case 'html':
				out.push({kind: 'paragraph', spans: [{text: (token as Tokens.HTML).text.trim(), style: 'plain'}]});
				break;
			default:
				break; // space, def: nothing to show
		}
	}
	return out;
}

function listItem(item: Tokens.ListItem): ListItem {
	const spans: Span[] = [];
	const children: MarkdownBlock[] = [];
	for (const token of item.tokens) {
		if (token.type === 'text' || token.type === 'paragraph') {
			const inner = (token as Tokens.Text).tokens;
			if (spans.length > 0) spans.push({text: ' ', style: 'plain'});
			spans.push(...(inner ? spansOf(inner) : [{text: decode((token as Tokens.Text).text), style: 'plain' as const}]));
		} else children.push(...blocksOf([token]));
	}
	return {spans: item.task ? [{text: item.checked ? '[x] ' : '[ ] ', style: 'plain'}, ...spans] : spans, children};
}

function spansOf(tokens: Token[] | undefined, inherited: SpanStyle = 'plain'): Span[] {
	const out: Span[] = [];
	for (const token of tokens ?? []) {
		switch (token.type) {
			case 'strong':
			case 'em':
			case 'del':
				out.push(...spansOf((token as Tokens.Strong).tokens, token.type === 'del' ? inherited : token.type));
				break;
			case 'link': {
				const link = token as Tokens.Link;
				const text = plainOf(spansOf(link.tokens));
				out.push({text, style: 'link'});
				if (link.href && link.href !== text && !link.href.startsWith('#')) out.push({text: ` (${link.href})`, style: 'plain'});
				break;
			}
			case 'codespan':
				out.push({text: decode((token as Tokens.Codespan).text), style: 'code'});
				break;
			case 'br':
				out.push({text: '\n', style: 'plain'});
				break;
			case 'image':
				out.push({text: (token as Tokens.Image).text, style: inherited});
				break;
			case 'text':
			case 'escape': {
				const t = token as Tokens.Text;
				if (t.tokens) out.push(...spansOf(t.tokens, inherited));
				else out.push({text: decode(t.text).replace(/\n/g, ' '), style: inherited}); // a soft line break is a space
				break;
			}
			default:
				if ('text' in token && typeof token.text === 'string') out.push({text: decode(token.text), style: inherited});
		}
	}
	return out;
}

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

export function plainOf(spans: Span[]): string {
	return spans.map(s => s.text).join('');
}

// --- plain text ---------------------------------------------------------------------------

/** Columns a string takes in a terminal: CJK and full-width characters take two. */
export const displayWidth = textWidth;

/** Wraps text to `width` columns at spaces; a run without spaces (Chinese prose, long URLs) breaks between characters. */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const paragraphLine of text.split('\n')) {
		let line = '';
		let lineWidth = 0;
		const pieces = paragraphLine
			.split(/(\s+)/)
			.filter(p => p.length > 0)
			.flatMap(p => (/^\s+$/.test(p) ? [p] : breakablePieces(p)));
		const flush = () => {
			lines.push(line.trimEnd());
			line = '';
			lineWidth = 0;
		};
		for (const piece of pieces) {
			if (/^\s+$/.test(piece)) {
				if (lineWidth > 0 && lineWidth < width) {
					line += ' ';
					lineWidth += 1;
				}
				continue;
			}
			const pieceWidth = displayWidth(piece);
			if (lineWidth + pieceWidth <= width) {
				line += piece;
				lineWidth += pieceWidth;
				continue;
			}
			if (pieceWidth <= width) {
				flush();
				line = piece;
				lineWidth = pieceWidth;
				continue;
			}
			for (const char of piece) {
				const w = displayWidth(char);
				if (lineWidth + w > width) flush();
				line += char;
				lineWidth += w;
			}
		}
		flush();
	}
	return lines;
}

export type PlainOptions = {width?: number};

/** Markdown as plain text: no ANSI, no markup characters, wrapped to `width` (default 80). */
export function renderMarkdownPlain(markdown: string, options: PlainOptions = {}): string {
	return renderBlocksPlain(markdownBlocks(markdown), options.width ?? 80).join('\n');
}

export function renderBlocksPlain(blocks: MarkdownBlock[], width: number): string[] {
	const out: string[] = [];
	for (const block of blocks) {
		if (out.length > 0) out.push('');
		out.push(...renderBlock(block, Math.max(20, width)));
	}
	return out;
}

function renderBlock(block: MarkdownBlock, width: number): string[] {
	switch (block.kind) {
		case 'heading':
		case 'paragraph':
			return wrapText(plainOf(block.spans), width);
		case 'rule':
			return ['-'.repeat(Math.min(width, 40))];
		case 'code':
			return block.text.split('\n').map(line => '    ' + line);
		case 'quote':
			return renderBlocksPlain(block.blocks, width - 2).map(line => '> ' + line);
		case 'list':
			return block.items.flatMap((item, i) => {
				const marker = block.ordered ? `${block.start + i}. ` : '- ';
				const indent = ' '.repeat(marker.length);
				const text = wrapText(plainOf(item.spans), width - marker.length).map((line, j) => (j === 0 ? marker : indent) + line);
				const children = item.children.flatMap(child => renderBlock(child, width - marker.length).map(line => indent + line));
				return [...text, ...children];
			});
		case 'table':
			return renderTable(block);
	}
}

function renderTable(table: Extract<MarkdownBlock, {kind: 'table'}>): string[] {
	const columns = table.header.length;
	const widths = Array.from({length: columns}, (_, c) => Math.max(displayWidth(table.header[c] ?? ''), ...table.rows.map(row => displayWidth(row[c] ?? ''))));
	const pad = (text: string, c: number) => {
		const gap = ' '.repeat(widths[c]! - displayWidth(text));
		return table.align[c] === 'right' ? gap + text : text + gap;
	};
	const line = (cells: string[]) => cells.map((cell, c) => pad(cell ?? '', c)).join('  ').trimEnd();
	return [line(table.header), widths.map(w => '-'.repeat(w)).join('  '), ...table.rows.map(line)];
}
