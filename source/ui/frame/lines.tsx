import {Box, Text} from 'ink';
import {memo} from 'react';
import {clipLine, type StyledLine} from './styled-line.ts';

/** Draws exactly `height` lines of at most `width` cells: regions never push each other around. */
export const Lines = memo(function Lines({lines, width, height}: {lines: StyledLine[]; width: number; height: number}) {
	const shown = lines.slice(0, height);
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			{shown.map((styled, i) => (
				<Text key={styled.key ?? i} wrap="truncate">
					{clipLine(styled, width).segments.map((s, j) => (
						<Text key={j} color={s.color} backgroundColor={s.backgroundColor} bold={s.bold} dimColor={s.dim} inverse={s.inverse} underline={s.underline}>
							{s.text}
						</Text>
					))}
					{styled.segments.length === 0 ? ' ' : ''}
				</Text>
			))}
		</Box>
	);
});
