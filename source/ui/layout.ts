// Where each region goes for a terminal size: pure arithmetic, so resize is tested without Ink.

export const minimumSize = {columns: 64, rows: 18};

export type Rect = {width: number; height: number};

export type Layout =
	| {fits: false; columns: number; rows: number}
	| {
			fits: true;
			columns: number;
			rows: number;
			lesson: Rect | null; // null when there is no lesson (the sandbox)
			pane: Rect;
			shell: Rect; // scrollback + prompt, below the two panes
			status: Rect;
	  };

/** `statusLines`: 2 while the status bar's notice has a line of its own (status-bar.tsx); the shell gives up that line. */
export function computeLayout(columns: number, rows: number, options: {hasLesson: boolean; promptLines: number; readingOutput?: boolean; statusLines?: number}): Layout {
	if (columns < minimumSize.columns || rows < minimumSize.rows) return {fits: false, columns, rows};
	const status = {width: columns, height: options.statusLines ?? 1};
	// The shell gets a third of the height (at least 6 lines), and grows with a multi-line paste;
	// while a long output is read (it scrolled past, or the learner scrolls it), it gets half.
	const base = Math.max(Math.max(6, Math.floor(rows / 3)), options.promptLines + 3);
	const shellHeight = Math.min(rows - 10, options.readingOutput ? Math.max(base, Math.floor((rows - 1) / 2)) : base);
	const topHeight = rows - 1 - shellHeight;
	const lessonWidth = options.hasLesson ? Math.max(30, Math.floor(columns * (columns >= 120 ? 0.4 : 0.45))) : 0;
	return {
		fits: true,
		columns,
		rows,
		lesson: options.hasLesson ? {width: lessonWidth, height: topHeight} : null,
		pane: {width: columns - lessonWidth, height: topHeight},
		shell: {width: columns, height: shellHeight - (status.height - 1)},
		status,
	};
}
