import {Box, Text} from 'ink';
import {minimumSize} from './layout.ts';
import {useUiText} from './ui-text.ts';

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	const text = useUiText();
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text wrap="wrap">{text.tooSmall(`${minimumSize.columns}x${minimumSize.rows}`, `${columns}x${rows}`)}</Text>
			<Text wrap="wrap">{text.tooSmallHelp}</Text>
		</Box>
	);
}
