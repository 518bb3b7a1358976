// `kubectl exec` through the endpoint: kubectl 1.30+ opens a WebSocket (subprotocol
// v5.channel.k8s.io) on pods/NAME/exec; each message starts with its channel (1 stdout, 2 stderr,
// 3 the closing Status). The command runs as the built-in `kubectl exec` runs it, on the live world.

/** The subprotocols understood, best first (v5 adds the client's close signal on channel 255; kubectl 1.30+ offers only v5). */
export const execProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export const channel = {stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255} as const;

function quote(arg: string): string {
	return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The tutor command line an exec request stands for, or the reason it cannot run here. */
export function execCommandLine(namespace: string, pod: string, query: URLSearchParams): {line: string} | {error: string} {
	const command = query.getAll('command');
	if (command.length === 0) return {error: 'you must specify at least one command for the container'};
	const container = query.get('container');
	// With stdin the built-in keeps a shell open for the next lines, as `kubectl exec -it` does on the tutor's own screen.
	const interactive = query.get('stdin') === 'true' ? ['-it'] : [];
	return {line: ['kubectl', 'exec', ...interactive, quote(pod), '-n', quote(namespace), ...(container ? ['-c', quote(container)] : []), '--', ...command.map(quote)].join(' ')};
}

export type ExecAnswer = {stdout: string; stderr: string; status: object};

/** The built-in kubectl's outcome as the API server's streams: output, and the Status kubectl turns into its own messages. */
export function execAnswer(result: {stdout: string; stderr: string; exitCode: number}): ExecAnswer {
	const terminated = result.stderr.match(/(^|\n)command terminated with exit code (\d+)\n?$/);
	if (result.exitCode === 0) return {stdout: result.stdout, stderr: result.stderr, status: {metadata: {}, status: 'Success'}};
	if (terminated) {
		const code = terminated[2]!;
		return {
			stdout: result.stdout,
			stderr: result.stderr.slice(0, terminated.index! + terminated[1]!.length),
			status: {metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: error executing command, exit code ${code}`, reason: 'NonZeroExitCode', details: {causes: [{reason: 'ExitCode', message: code}]}},
		};
	}
	// kubectl's own error lines ("error: ..."): the server's Status, which kubectl prints as "error: ...".
	const message = result.stderr.trim().replace(/^error: /, '');
	return {stdout: result.stdout, stderr: '', status: {metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500}};
}

/** One WebSocket message: the channel byte, then the data. */
export function frame(on: number, data: string | Buffer): Buffer {
	return Buffer.concat([Buffer.from([on]), typeof data === 'string' ? Buffer.from(data, 'utf8') : data]);
}
