import {Box, Text} from 'ink';
import {minimumSize} from './layout.ts';

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			<Text wrap="wrap">
				k8s-tutor needs a terminal of at least {minimumSize.columns}x{minimumSize.rows}; this one is {columns}x{rows}.
			</Text>
			<Text wrap="wrap">Make the window larger (80x24 or more is best), or press q to quit.</Text>
		</Box>
	);
}
