// A hijacked connection with a terminal (`docker exec -it`, `docker run -it`): the bytes the raw
// client sends go through the line editor; each line runs in the built-in shell inside the
// container and is recorded as a command; the session ends when that shell exits.
import type {Duplex} from 'node:stream';
import type {LiveWorld} from '../api/live-session.ts';
import type {DockerTerminal, TerminalSession} from './docker-terminal.ts';
import {edit, type EditorState} from './line-editor.ts';

export function serveTerminal(options: {socket: Duplex; live: LiveWorld; terminal: DockerTerminal; session: TerminalSession; onEnd(exitCode: number): void}): void {
	const {socket, live, terminal} = options;
	let session = options.session;
	let editor: EditorState = {line: ''};
	let ended = false;
	const prompt = () => socket.write(terminal.prompt(live.world(), session));
	const end = (exitCode: number) => {
		ended = true;
		options.onEnd(exitCode);
		socket.end();
	};
	const run = (text: string) => {
		if (!text.trim()) return prompt();
		const typed = terminal.line(live.world(), session, text);
		live.commit({world: typed.world, line: typed.line, exitCode: typed.exitCode});
		if (typed.output) socket.write(typed.output);
		if (!typed.session) return end(typed.exitCode);
		session = typed.session;
		prompt();
	};
	prompt();
	socket.on('data', (chunk: Buffer) => {
		for (const ch of chunk.toString('utf8')) {
			if (ended) return;
			const edited = edit(editor, ch);
			editor = edited.state;
			if (edited.echo) socket.write(edited.echo);
			if (edited.interrupted) prompt();
			for (const line of edited.lines) run(line);
			if (edited.eof) run('exit'); // bash's exit prints "exit" itself
		}
	});
}
