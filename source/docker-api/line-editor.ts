// What a terminal's line discipline does for a raw-mode client (`docker exec -it` puts the
// learner's terminal in raw mode): echo what is typed, erase with backspace, hand over a line at
// Enter; Ctrl-C drops the line, Ctrl-D on an empty line ends the session.

export type EditorState = {line: string};
export type Edited = {state: EditorState; echo: string; lines: string[]; interrupted: boolean; eof: boolean};

export function edit(state: EditorState, input: string): Edited {
	let line = state.line;
	let echo = '';
	const lines: string[] = [];
	let interrupted = false;
	let eof = false;
	for (const ch of input.replace(/\x1b\[[0-9;]*[A-Za-z~]/g, '')) {
		if (eof) break;
		if (ch === '\r' || ch === '\n') {
			echo += '\r\n';
			lines.push(line);
			line = '';
		} else if (ch === '\x7f' || ch === '\b') {
			if (line) {
				line = [...line].slice(0, -1).join('');
				echo += '\b \b';
			}
		} else if (ch === '\x03') {
			echo += '^C\r\n';
			line = '';
			interrupted = true;
		} else if (ch === '\x04') {
			if (!line) eof = true;
		} else if (ch === '\x15') {
			echo += '\b \b'.repeat([...line].length);
			line = '';
		} else if (ch >= ' ' || ch === '\t') {
			line += ch;
			echo += ch;
		}
	}
	return {state: {line}, echo, lines, interrupted, eof};
}
