// The pane as rows of styled cells, built by one pure function per depth. A cell with a `cell`
// name is watched: when its text changes it is highlighted for a moment.
import type {Segment, StyledLine} from '../frame/styled-line.ts';
import type {Theme} from '../theme.tsx';
import type {PaneText} from '../../i18n/messages.ts';

export type PaneCell = Segment & {cell?: string; value?: string}; // value: what is watched, when the text is cut to fit
export type PaneRow = {key: string; selectId?: string; cells: PaneCell[]; header?: boolean};
export type PaneModel = {
	title: string;
	rows: PaneRow[];
	selectable: string[];
	empty?: string;
	/** Watched values of objects not drawn as rows (pods inside an aggregated node), so they light up when they become rows. */
	unseen?: Map<string, string>;
};

export type DepthInput = {width: number; height: number; theme: Theme; text: PaneText; selectedId?: string};

/** Every watched cell's text, keyed "row|cell", for change detection. */
export function watchedCells(rows: PaneRow[], unseen?: Map<string, string>): Map<string, string> {
	const out = new Map<string, string>(unseen);
	for (const row of rows) for (const c of row.cells) if (c.cell) out.set(`${row.key}|${c.cell}`, c.value ?? c.text.trim());
	return out;
}

/** Rows to screen lines: a gutter shows the selection (▸) and recent change (*), then the cells. */
export function paintRows(rows: PaneRow[], options: {highlighted: Set<string>; selectedId?: string; focused: boolean; theme: Theme}): StyledLine[] {
	return rows.map(row => {
		const selected = options.focused && row.selectId !== undefined && row.selectId === options.selectedId;
		let changed = false;
		const cells = row.cells.map(c => {
			if (c.cell && options.highlighted.has(`${row.key}|${c.cell}`)) {
				changed = true;
				const {cell: _cell, value: _value, ...segment} = c;
				return {...segment, ...options.theme.highlight, bold: true};
			}
			const {cell: _cell, value: _value, ...segment} = c;
			return selected ? {...segment, inverse: true} : segment;
		});
		const gutter: Segment = selected ? {text: '▸', bold: true, color: options.theme.accent} : changed ? {text: '*', bold: true, color: options.theme.warn} : {text: ' '};
		return {key: row.key, segments: [gutter, ...cells]};
	});
}
