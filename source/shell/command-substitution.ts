// $(command) substitution, as learners type it: `kill $(docker inspect -f '{{.State.Pid}}' web)`.
// Runs before the line is tokenized. The inner command runs like a subshell: what it does to the
// world stays (a container it starts keeps running), but the shell's own session (directory,
// frames, history, $?) is the outer one's. Unquoted output is split into words and each word is
// quoted, so characters like ; | > in the output stay text, as bash's word splitting leaves them.
import type {LineResult, ShellState} from './types.ts';

export type RunLine = (state: ShellState, line: string) => LineResult;

export type Substituted = {state: ShellState; line: string; stderr: string} | {error: string};

export function substituteCommands(state: ShellState, line: string, runLine: RunLine, depth = 0): Substituted {
	if (!line.includes('$(') || depth > 8) return {state, line, stderr: ''};
	let out = '';
	let current = state;
	let stderr = '';
	let quote: '' | "'" | '"' = '';
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (c === '\\' && quote !== "'") {
			out += c + (line[i + 1] ?? '');
			i++;
			continue;
		}
		if (quote === "'") {
			if (c === "'") quote = '';
			out += c;
			continue;
		}
		if (c === "'" && quote === '') quote = "'";
		else if (c === '"') quote = quote === '"' ? '' : '"';
		if (c === '$' && line[i + 1] === '(' && line[i + 2] !== '(') {
			const end = closingParen(line, i + 2);
			if (end < 0) return {error: "unexpected EOF while looking for matching `)'"};
			const inner = substituteCommands(current, line.slice(i + 2, end), runLine, depth + 1);
			if ('error' in inner) return inner;
			const result = runLine(inner.state, inner.line);
			current = {...result.state, session: state.session};
			stderr += inner.stderr + result.stderr;
			const text = result.stdout.replace(/\n+$/, '');
			out += quote === '"' ? text.replace(/[\\"$`]/g, m => '\\' + m) : text.split(/\s+/).filter(Boolean).map(singleQuoted).join(' ');
			i = end;
			continue;
		}
		out += c;
	}
	return {state: current, line: out, stderr};
}

/** The index of the `)` closing a `$(` whose body starts at `from`, or -1. */
function closingParen(line: string, from: number): number {
	let depth = 1;
	let quote = '';
	for (let i = from; i < line.length; i++) {
		const c = line[i]!;
		if (c === '\\' && quote !== "'") {
			i++;
			continue;
		}
		if (quote) {
			if (c === quote) quote = '';
			continue;
		}
		if (c === "'" || c === '"') quote = c;
		else if (c === '(') depth++;
		else if (c === ')' && --depth === 0) return i;
	}
	return -1;
}

function singleQuoted(word: string): string {
	return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
