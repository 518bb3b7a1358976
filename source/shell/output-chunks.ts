// The order in which a line's output reached the terminal. The shell keeps stdout and stderr
// apart (a pipe or a redirect takes one of them) and also how the two interleave, so that
// `ps --bogus; echo rc=$?` shows ps's error before `rc=1`, as a terminal does.

export type OutputChunk = {stream: 'stdout' | 'stderr'; text: string};

type Streams = {stdout: string; stderr: string; chunks?: OutputChunk[]; stderrFirst?: boolean};

/**
 * The chunks of an outcome, in terminal order: its own when they still add up to its two streams
 * (an outcome copied with a changed stream keeps stale chunks), else the two streams in the order
 * the outcome declared.
 */
export function chunksOf(output: Streams): OutputChunk[] {
	if (output.chunks && agrees(output.chunks, output)) return output.chunks;
	const out: OutputChunk = {stream: 'stdout', text: output.stdout};
	const err: OutputChunk = {stream: 'stderr', text: output.stderr};
	return (output.stderrFirst ? [err, out] : [out, err]).filter(c => c.text);
}

/** Appends `more` to `chunks`, joining neighbours of the same stream. */
export function pushChunks(chunks: OutputChunk[], more: OutputChunk[]): OutputChunk[] {
	for (const chunk of more) {
		if (!chunk.text) continue;
		const last = chunks[chunks.length - 1];
		if (last?.stream === chunk.stream) chunks[chunks.length - 1] = {stream: last.stream, text: last.text + chunk.text};
		else chunks.push(chunk);
	}
	return chunks;
}

export const stderrChunk = (text: string): OutputChunk[] => (text ? [{stream: 'stderr', text}] : []);

/** Everything the terminal showed, in order. */
export function terminalText(output: Streams): string {
	return chunksOf(output)
		.map(c => c.text)
		.join('');
}

function agrees(chunks: OutputChunk[], output: Streams): boolean {
	let stdout = '';
	let stderr = '';
	for (const chunk of chunks) {
		if (chunk.stream === 'stdout') stdout += chunk.text;
		else stderr += chunk.text;
	}
	return stdout === output.stdout && stderr === output.stderr;
}
