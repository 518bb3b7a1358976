/** How many lines the event stream takes (its rule included) in a pane of `height` lines. */
export function eventLinesFor(height: number): number {
	return height >= 20 ? 6 : height >= 14 ? 4 : 3;
}
