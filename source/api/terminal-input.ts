// What a container's terminal does with the keys `kubectl exec -it` sends (kubectl puts the local
// terminal in raw mode, so the remote side echoes and edits): printable keys echo, Backspace
// erases, Enter ends the line, Ctrl-C drops it, Ctrl-D on an empty line ends the shell, and escape
// sequences (arrow keys) are swallowed. Without a terminal (`exec -i`) input is split into lines only.

export type TerminalInput = {
	/** Bytes to send back to the client's screen (echo, erase). */
	echo: string;
	/** Completed lines, in order; 'interrupt' is Ctrl-C, 'eof' is Ctrl-D on an empty line. */
	events: ({line: string} | {interrupt: true} | {eof: true})[];
	/** The line being typed. */
	pending: string;
	/** Where in an escape sequence the input is: after ESC, or after ESC [ (or ESC O) until the final byte. */
	escape: 'none' | 'start' | 'csi';
};

export const emptyInput = (): TerminalInput => ({echo: '', events: [], pending: '', escape: 'none'});

/** Feeds received text; the caller takes `echo` and `events` and passes the rest back in next time. */
export function feedInput(state: TerminalInput, text: string, tty: boolean): TerminalInput {
	let {pending, escape} = state;
	let echo = '';
	const events: TerminalInput['events'] = [];
	for (const ch of text) {
		if (!tty) {
			if (ch === '\n') {
				events.push({line: pending.replace(/\r$/, '')});
				pending = '';
			} else pending += ch;
			continue;
		}
		if (escape === 'start') {
			escape = ch === '[' || ch === 'O' ? 'csi' : 'none';
			continue;
		}
		if (escape === 'csi') {
			if (ch >= '@' && ch <= '~') escape = 'none';
			continue;
		}
		switch (ch) {
			case '\r':
			case '\n':
				echo += '\r\n';
				events.push({line: pending});
				pending = '';
				break;
			case '\u007f':
			case '\b':
				if (pending) {
					pending = [...pending].slice(0, -1).join('');
					echo += '\b \b';
				}
				break;
			case '\u0003':
				echo += '^C\r\n';
				pending = '';
				events.push({interrupt: true});
				break;
			case '\u0004':
				if (!pending) events.push({eof: true});
				break;
			case '\u001b':
				escape = 'start';
				break;
			default:
				if (ch >= ' ' || ch === '\t') {
					pending += ch;
					echo += ch;
				}
		}
	}
	return {echo, events, pending, escape};
}

/** Output as a terminal shows it: each newline becomes CR LF (the tty's onlcr). */
export function onTerminal(text: string): string {
	return text.replace(/\r?\n/g, '\r\n');
}
