// One `kubectl exec` (or `kubectl attach`) WebSocket: the command runs as the built-in kubectl exec
// runs it; with stdin (`exec -i`, `exec -it`) a shell stays open and each line the client types
// runs in it, until `exit`, Ctrl-D or the end of stdin. With a terminal (`-t`) the container's side
// echoes and edits the keys (terminal-input.ts) and prints the shell's prompt.
import type WebSocket from 'ws';
import {channel, execAnswer, execCommandLine, frame} from './exec-stream.ts';
import type {LiveWorld, OutsideSession} from './live-session.ts';
import {emptyInput, feedInput, onTerminal, type TerminalInput} from './terminal-input.ts';

/** The closing Status for an exit code, as the kubelet sends it (kubectl prints "command terminated with exit code N"). */
function exitStatus(code: number): object {
	return execAnswer({stdout: '', stderr: code === 0 ? '' : `command terminated with exit code ${code}\n`, exitCode: code}).status;
}

/**
 * `onExit` (attach): the shell ended by itself (exit, Ctrl-D, end of stdin) with this status. An
 * attach stream carries no exit code (the runtime just closes it): it ends with Success, and
 * kubectl reads the container's end from the pod.
 */
export function serveExec(ws: WebSocket, live: LiveWorld, namespace: string, pod: string, query: URLSearchParams, onExit?: (code: number) => void): void {
	const tty = query.get('tty') === 'true';
	const send = (on: number, text: string) => {
		if (text && ws.readyState === ws.OPEN) ws.send(frame(tty && on === channel.stderr ? channel.stdout : on, tty ? onTerminal(text) : text));
	};
	const finish = (status: object) => {
		if (ws.readyState !== ws.OPEN) return;
		ws.send(frame(channel.error, JSON.stringify(status)));
		ws.close(1000);
	};
	const planned = execCommandLine(namespace, pod, query);
	if ('error' in planned) return finish({metadata: {}, status: 'Failure', message: planned.error, reason: 'BadRequest', code: 400});
	const first = live.run(planned.line);
	if (!first.open) {
		const answer = execAnswer(first);
		send(channel.stdout, answer.stdout);
		send(channel.stderr, answer.stderr);
		return finish(answer.status);
	}
	let session: OutsideSession | undefined = first.open.session;
	let lastExit = first.exitCode;
	let prompt = first.open.prompt;
	send(channel.stdout, first.stdout);
	send(channel.stderr, first.stderr);
	if (tty) send(channel.stdout, first.open.prompt);
	let input: TerminalInput = emptyInput();

	const runInShell = (line: string, quiet = false) => {
		if (!session) return;
		const ran = live.run(line, session);
		lastExit = ran.exitCode;
		if (!quiet) {
			// Without a terminal sh says nothing as it exits; the built-in prints bash's "exit" for the screen.
			send(channel.stdout, !tty && !ran.open ? ran.stdout.replace(/(^|\n)exit\n$/, '$1') : ran.stdout);
			send(channel.stderr, ran.stderr);
		}
		session = ran.open?.session;
		if (!ran.open) {
			onExit?.(ran.exitCode);
			return finish(exitStatus(onExit ? 0 : ran.exitCode));
		}
		prompt = ran.open.prompt;
		if (tty) send(channel.stdout, prompt);
	};
	/** stdin ended (Ctrl-D, or the client closed it): the shell exits with its last command's status, as sh does. */
	const endOfInput = () => {
		if (!tty && input.pending) runInShell(input.pending);
		input = emptyInput();
		if (session) runInShell('exit', !tty);
		else finish(exitStatus(lastExit));
	};

	ws.on('message', (data: Buffer) => {
		if (!session || data.length === 0) return;
		const on = data[0];
		if (on === channel.stdin) {
			input = feedInput(input, data.subarray(1).toString('utf8'), tty);
			if (input.echo) send(channel.stdout, input.echo);
			for (const event of input.events) {
				if (!session) break;
				if ('line' in event) runInShell(event.line);
				else if ('interrupt' in event && tty) send(channel.stdout, prompt);
				else if ('eof' in event) endOfInput();
			}
			input = {...input, echo: '', events: []};
		} else if (on === channel.close && data[1] === channel.stdin) endOfInput();
		// channel 4 (resize): the simulated shell's output does not depend on the terminal's size.
	});
	ws.on('close', () => {
		// The client went away with the shell still open: end it, so no shell process stays behind in the container.
		if (session) live.run('exit', session);
		session = undefined;
	});
}
