// Splits a command line the way a POSIX shell does, for the subset learners type: quotes,
// backslash escapes, $VAR / $$ / $? expansion, pipes, ;, &&, ||, a trailing &, redirections
// and here-documents. Never throws: a malformed line comes back as {error}.

export type Redirect = {fd: 1 | 2; op: '>' | '>>'; target: string} | {fd: 0; op: '<'; target: string} | {fd: 2; op: '>&1'};

export type SimpleCommand = {
	words: string[];
	redirects: Redirect[];
	heredoc?: string; // body of a <<WORD here-document, fed as stdin
};

export type Pipeline = {commands: SimpleCommand[]; background: boolean};

/** A list of pipelines joined by ;, && or || (the operator BEFORE each pipeline, `;` for the first). */
export type CommandList = {pipelines: {op: ';' | '&&' | '||'; pipeline: Pipeline}[]};

export type ParseResult = {list: CommandList} | {error: string};

export type Expander = (name: string) => string;

type Token = {kind: 'word'; text: string} | {kind: 'op'; text: string};

const operators = ['&&', '||', '>>', '2>&1', '2>>', '2>', '<<', '|', ';', '&', '>', '<'];

function lex(input: string, expand: Expander): Token[] | {error: string} {
	const tokens: Token[] = [];
	let i = 0;
	let word: string | null = null;
	const flush = () => {
		if (word !== null) tokens.push({kind: 'word', text: word});
		word = null;
	};
	const expandAt = (): string => {
		// input[i] === '$'
		const rest = input.slice(i + 1);
		let m: RegExpMatchArray | null;
		if ((m = rest.match(/^\{([A-Za-z_][A-Za-z0-9_]*)\}/))) {
			i += m[0].length + 1;
			return expand(m[1]!);
		}
		if ((m = rest.match(/^([A-Za-z_][A-Za-z0-9_]*|[$?#0-9])/))) {
			i += m[0].length + 1;
			return expand(m[1]!);
		}
		i++;
		return '$';
	};
	while (i < input.length) {
		const c = input[i]!;
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
			flush();
			i++;
			continue;
		}
		if (c === '#' && word === null) break; // a comment runs to the end of the line
		const op = word === null || c !== '2' ? operators.find(o => input.startsWith(o, i)) : undefined;
		if (op && !(op.startsWith('2') && word !== null)) {
			flush();
			tokens.push({kind: 'op', text: op});
			i += op.length;
			continue;
		}
		if (c === "'") {
			const end = input.indexOf("'", i + 1);
			if (end < 0) return {error: "unexpected EOF while looking for matching `''"};
			word = (word ?? '') + input.slice(i + 1, end);
			i = end + 1;
			continue;
		}
		if (c === '"') {
			let text = '';
			i++;
			for (;;) {
				if (i >= input.length) return {error: 'unexpected EOF while looking for matching `"\''};
				const d = input[i]!;
				if (d === '"') break;
				if (d === '\\' && i + 1 < input.length && '"\\$`'.includes(input[i + 1]!)) {
					text += input[i + 1];
					i += 2;
				} else if (d === '$') text += expandAt();
				else {
					text += d;
					i++;
				}
			}
			i++;
			word = (word ?? '') + text;
			continue;
		}
		if (c === '\\') {
			if (i + 1 < input.length) {
				if (input[i + 1] !== '\n') word = (word ?? '') + input[i + 1];
				i += 2;
			} else i++;
			continue;
		}
		if (c === '$') {
			word = (word ?? '') + expandAt();
			continue;
		}
		word = (word ?? '') + c;
		i++;
	}
	flush();
	return tokens;
}

/** Cuts here-document bodies out of a multi-line input: `cmd <<EOF\n...\nEOF`. */
function extractHeredocs(input: string): {line: string; bodies: string[]} | {error: string} {
	const lines = input.split('\n');
	const first = lines[0] ?? '';
	const markers = [...first.matchAll(/<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map(m => m[2]!);
	if (markers.length === 0) return {line: input.includes('\n') ? lines.join(' ; ') : input, bodies: []};
	const bodies: string[] = [];
	let cursor = 1;
	for (const marker of markers) {
		const body: string[] = [];
		while (cursor < lines.length && lines[cursor]!.trim() !== marker) body.push(lines[cursor++]!);
		if (cursor >= lines.length) return {error: `warning: here-document delimited by end-of-file (wanted \`${marker}')`};
		cursor++;
		bodies.push(body.join('\n') + '\n');
	}
	const remainder = lines.slice(cursor).filter(l => l.trim());
	const line = first.replace(/<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g, '<<HEREDOC');
	return {line: [line, ...remainder].join(' ; '), bodies};
}

export function parseCommandLine(input: string, expand: Expander = () => ''): ParseResult {
	const cut = extractHeredocs(input);
	if ('error' in cut) return cut;
	const tokens = lex(cut.line, expand);
	if ('error' in tokens) return tokens;
	const list: CommandList = {pipelines: []};
	let pipeline: Pipeline = {commands: [], background: false};
	let command: SimpleCommand = {words: [], redirects: []};
	let pendingOp: ';' | '&&' | '||' = ';';
	let heredocIndex = 0;
	const syntaxError = (near: string) => ({error: `syntax error near unexpected token \`${near}'`});
	const endCommand = (): boolean => {
		if (command.words.length === 0) return false;
		pipeline.commands.push(command);
		command = {words: [], redirects: []};
		return true;
	};
	const endPipeline = (near: string): true | {error: string} => {
		if (!endCommand()) return pipeline.commands.length === 0 && near === ';' ? true : syntaxError(near);
		list.pipelines.push({op: pendingOp, pipeline});
		pipeline = {commands: [], background: false};
		return true;
	};
	for (let t = 0; t < tokens.length; t++) {
		const token = tokens[t]!;
		if (token.kind === 'word') {
			command.words.push(token.text);
			continue;
		}
		switch (token.text) {
			case '|':
				if (!endCommand()) return syntaxError('|');
				break;
			case ';':
			case '&&':
			case '||':
			case '&': {
				if (token.text === '&') pipeline.background = true;
				if (command.words.length === 0 && pipeline.commands.length === 0) {
					if (token.text === ';' && list.pipelines.length === 0 && t === tokens.length - 1) break;
					return syntaxError(token.text);
				}
				const ended = endPipeline(token.text);
				if (ended !== true) return ended;
				pendingOp = token.text === '&&' || token.text === '||' ? token.text : ';';
				break;
			}
			case '2>&1':
				command.redirects.push({fd: 2, op: '>&1'});
				break;
			case '<<':
				// the lexer sees the placeholder word HEREDOC next
				if (tokens[t + 1]?.kind !== 'word') return syntaxError('newline');
				t++;
				command.heredoc = cut.bodies[heredocIndex++] ?? '';
				break;
			default: {
				const target = tokens[t + 1];
				if (target?.kind !== 'word') return syntaxError(target?.text ?? 'newline');
				t++;
				if (token.text === '<') command.redirects.push({fd: 0, op: '<', target: target.text});
				else if (token.text === '>' || token.text === '>>') command.redirects.push({fd: 1, op: token.text, target: target.text});
				else command.redirects.push({fd: 2, op: token.text === '2>>' ? '>>' : '>', target: target.text});
			}
		}
	}
	if (command.words.length > 0 || pipeline.commands.length > 0) {
		if (command.words.length === 0) return syntaxError('newline');
		const ended = endPipeline('newline');
		if (ended !== true) return ended;
	} else if (pendingOp !== ';') return syntaxError('newline');
	return {list};
}
