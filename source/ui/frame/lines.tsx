import {Box, Text} from 'ink';
import {memo} from 'react';
import {clipLine, type Segment, type StyledLine} from './styled-line.ts';

const sameStyle = (a: Segment, b: Segment) =>
	a.color === b.color && a.backgroundColor === b.backgroundColor && a.bold === b.bold && a.dim === b.dim && a.inverse === b.inverse && a.underline === b.underline;

/** Joins neighbouring segments of one style: fewer Ink nodes to lay out and measure. */
export function mergeSegments(segments: Segment[]): Segment[] {
	const out: Segment[] = [];
	for (const s of segments) {
		if (!s.text) continue;
		const last = out[out.length - 1];
		if (last && sameStyle(last, s)) out[out.length - 1] = {...last, text: last.text + s.text};
		else out.push(s);
	}
	// Trailing blanks without a background cost Ink work on every frame and show nothing.
	const last = out[out.length - 1];
	if (last && !last.backgroundColor && !last.inverse) {
		const text = last.text.trimEnd();
		if (text) out[out.length - 1] = {...last, text};
		else out.pop();
	}
	return out;
}

const sameSegments = (a: {segments: Segment[]}, b: {segments: Segment[]}) =>
	a.segments.length === b.segments.length && a.segments.every((s, i) => s.text === b.segments[i]!.text && sameStyle(s, b.segments[i]!));

/** One screen line; unchanged lines are not rebuilt, so a frame costs what changed. */
const LineView = memo(function LineView({segments}: {segments: Segment[]}) {
	return (
		<Text wrap="truncate">
			{segments.length === 0
				? ' '
				: segments.map((s, j) => (
						<Text key={j} color={s.color} backgroundColor={s.backgroundColor} bold={s.bold} dimColor={s.dim} inverse={s.inverse} underline={s.underline}>
							{s.text}
						</Text>
					))}
		</Text>
	);
}, sameSegments);

/** Draws exactly `height` lines of at most `width` cells: regions never push each other around. */
export const Lines = memo(function Lines({lines, width, height}: {lines: StyledLine[]; width: number; height: number}) {
	const shown = lines.slice(0, height);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{shown.map((styled, i) => (
				<LineView key={i} segments={mergeSegments(clipLine(styled, width).segments)} />
			))}
		</Box>
	);
});
