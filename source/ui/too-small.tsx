import {Box, Text} from 'ink';
import {minimumSize} from './layout.ts';
import {wrapLine} from './text-width.ts';
import {useUiText} from './ui-text.ts';

/** What the screen says below its minimum size: the sentences if they fit whole, else the sizes alone. */
export function tooSmallLines(text: {tooSmall: (need: string, have: string) => string; tooSmallHelp: string; tooSmallShort: (need: string, have: string) => string}, columns: number, rows: number): string[] {
	const need = `${minimumSize.columns}x${minimumSize.rows}`;
	const have = `${columns}x${rows}`;
	const width = Math.max(1, columns);
	const long = [text.tooSmall(need, have), text.tooSmallHelp].flatMap(line => wrapLine(line, width));
	if (long.length <= rows) return long;
	return wrapLine(text.tooSmallShort(need, have), width);
}

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const text = useUiText();
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{tooSmallLines(text, columns, rows).map((line, i) => (
				<Text key={i} wrap="truncate">
					{line}
				</Text>
			))}
		</Box>
	);
}
