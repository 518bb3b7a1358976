// Go's text/tabwriter as kubectl describe configures it (minwidth 0, padding 2, padchar ' '):
// a cell ends at a tab; a column is aligned over each block of consecutive lines that have a
// cell in it, so a line without a tab (a "Spec:" heading) starts new blocks below it.

export function tabwrite(text: string, padding = 2): string {
	const lines = text.split('\n').map(line => line.split('\t'));
	const widths: number[][] = lines.map(() => []);
	const format = (line0: number, line1: number, column: number): void => {
		for (let i = line0; i < line1; i++) {
			if (column >= lines[i]!.length - 1) continue;
			const start = i;
			let width = 0;
			for (; i < line1 && column < lines[i]!.length - 1; i++) width = Math.max(width, [...lines[i]![column]!].length + padding);
			for (let j = start; j < i; j++) widths[j]![column] = width;
			format(start, i, column + 1);
		}
	};
	format(0, lines.length, 0);
	return lines.map((cells, i) => cells.map((cell, c) => (c < cells.length - 1 ? cell + ' '.repeat(Math.max(0, widths[i]![c]! - [...cell].length)) : cell)).join('')).join('\n');
}
