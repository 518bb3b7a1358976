// A screen line as styled segments: regions build arrays of these (pure, testable) and
// <Lines> draws them. One <Text> per line keeps Ink's tree small at 500 pods.
import {fit, textWidth, truncate} from '../text-width.ts';

export type Segment = {
	text: string;
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
	underline?: boolean;
};

export type StyledLine = {key?: string; segments: Segment[]};

export const line = (...segments: (Segment | string)[]): StyledLine => ({segments: segments.map(s => (typeof s === 'string' ? {text: s} : s))});

export const plainLine = (styled: StyledLine): string => styled.segments.map(s => s.text).join('');

/** Cuts a line's segments to `width` cells (no padding). */
export function clipLine(styled: StyledLine, width: number): StyledLine {
	let left = width;
	const segments: Segment[] = [];
	for (const segment of styled.segments) {
		if (left <= 0) break;
		const w = textWidth(segment.text);
		if (w <= left) {
			segments.push(segment);
			left -= w;
		} else {
			segments.push({...segment, text: truncate(segment.text, left)});
			left = 0;
		}
	}
	return {key: styled.key, segments};
}

/** A horizontal rule with a title: "── lesson ───────". */
export function ruleLine(title: string, width: number, style: Omit<Segment, 'text'> = {}, right = ''): StyledLine {
	const head = title ? `─ ${title} ` : '';
	const tail = right ? ` ${right} ─` : '';
	const fill = Math.max(0, width - textWidth(head) - textWidth(tail));
	return {segments: [{text: truncate(head, width), ...style}, {text: '─'.repeat(fill), dim: style.dim}, {text: tail, dim: true}]};
}

export type Column = {title: string; width: number; align?: 'left' | 'right'};

/** Fixed-width columns, separated by one space. */
export function tableRow(columns: Column[], cells: (string | Segment)[]): Segment[] {
	return columns.map((column, i) => {
		const cell = cells[i] ?? '';
		const segment = typeof cell === 'string' ? {text: cell} : cell;
		return {...segment, text: fit(segment.text, column.width, column.align) + (i < columns.length - 1 ? ' ' : '')};
	});
}

/** A bar of `width` cells filled in proportion to used/limit: "█████░░░". */
export function bar(used: number, limit: number, width: number): string {
	if (width <= 0) return '';
	const ratio = limit > 0 ? Math.min(1, Math.max(0, used / limit)) : 0;
	const full = Math.round(ratio * width);
	return '█'.repeat(full) + '░'.repeat(width - full);
}
