// A small POSIX sh parser for the scripts people give containers (`sh -c 'while true; do date;
// sleep 5; done'`, `echo hi && sleep 3600`, `for i in 1 2 3; do ...; done`). It is deliberately
// self-contained and bounded: words with quotes, $VAR, ${VAR}, $(...), `...`, $((...)); the
// operators ; & && || | ! and newlines; redirections > >> < 2> 2>&1 >&2; and the compound
// commands while/until/for/if and { ...; } / ( ... ). Anything else (case, functions, here-docs)
// is reported as not simulated rather than misread.
// Longer than ~300 lines because a recursive-descent parser keeps its grammar rules together.

export type WordPart =
	| {kind: 'text'; text: string; quoted: boolean}
	| {kind: 'var'; name: string; quoted: boolean}
	| {kind: 'command'; script: ScriptList; quoted: boolean}
	| {kind: 'arith'; expression: string; quoted: boolean};
export type Word = WordPart[];

export type Redirect = {fd: number; op: '>' | '>>' | '<'; target: Word} | {fd: number; op: 'dup'; toFd: number};
export type SimpleCommand = {kind: 'simple'; assigns: {name: string; value: Word}[]; words: Word[]; redirects: Redirect[]};
export type Command =
	| SimpleCommand
	| {kind: 'loop'; until: boolean; condition: ScriptList; body: ScriptList}
	| {kind: 'for'; name: string; items: Word[] | undefined; body: ScriptList}
	| {kind: 'if'; branches: {condition: ScriptList; body: ScriptList}[]; otherwise?: ScriptList}
	| {kind: 'group'; body: ScriptList};
export type Pipeline = {negate: boolean; commands: Command[]};
export type AndOr = {first: Pipeline; rest: {op: '&&' | '||'; pipeline: Pipeline}[]; background: boolean};
export type ScriptList = AndOr[];

export type ParseResult = {ok: true; script: ScriptList} | {ok: false; error: string; notSimulated?: boolean};

type Token = {kind: 'word'; parts: Word; raw: string} | {kind: 'op'; op: string};

const unsupportedWords = new Set(['case', 'esac', 'function', 'select']);

/** Parses a script; errors use the shell's own words ("syntax error: unexpected ...") or say what is not simulated. */
export function parseScript(source: string): ParseResult {
	const tokens = tokenize(source);
	if ('error' in tokens) return {ok: false, error: tokens.error, notSimulated: tokens.notSimulated};
	const parser = new Parser(tokens);
	try {
		const script = parser.list(new Set());
		if (!parser.atEnd()) throw new SyntaxProblem(`syntax error: unexpected "${parser.peekText()}"`);
		return {ok: true, script};
	} catch (error) {
		if (error instanceof SyntaxProblem) return {ok: false, error: error.message, notSimulated: error.notSimulated};
		throw error;
	}
}

class SyntaxProblem extends Error {
	constructor(message: string, readonly notSimulated = false) {
		super(message);
	}
}

function tokenize(source: string): Token[] | {error: string; notSimulated?: boolean} {
	const tokens: Token[] = [];
	let i = 0;
	const operators = ['&&', '||', ';;', '>>', '2>&1', '1>&2', '>&2', '2>>', '2>', '&>', '<<', ';', '&', '|', '(', ')', '<', '>', '\n'];
	while (i < source.length) {
		const c = source[i]!;
		if (c === ' ' || c === '\t' || c === '\r') {
			i++;
			continue;
		}
		if (c === '\\' && source[i + 1] === '\n') {
			i += 2;
			continue;
		}
		if (c === '#' && (tokens.length === 0 || i === 0 || /\s/.test(source[i - 1]!))) {
			while (i < source.length && source[i] !== '\n') i++;
			continue;
		}
		const op = operators.find(o => source.startsWith(o, i) && (!/^\d/.test(o) || i === 0 || /[\s;&|]/.test(source[i - 1]!)));
		if (op) {
			if (op === '<<') return {error: 'here-documents are not simulated in container scripts', notSimulated: true};
			if (op === ';;') return {error: 'case statements are not simulated in container scripts', notSimulated: true};
			tokens.push({kind: 'op', op});
			i += op.length;
			continue;
		}
		const word = readWord(source, i);
		if ('error' in word) return word;
		tokens.push({kind: 'word', parts: word.parts, raw: source.slice(i, word.end)});
		i = word.end;
	}
	return tokens;
}

function readWord(source: string, start: number): {parts: Word; end: number} | {error: string} {
	const parts: Word = [];
	let text = '';
	const flush = (quoted: boolean) => {
		if (text) parts.push({kind: 'text', text, quoted});
		text = '';
	};
	let i = start;
	while (i < source.length) {
		const c = source[i]!;
		if (/[\s;&|()<>]/.test(c)) break;
		if (c === '\\') {
			flush(false);
			text = source[i + 1] ?? '';
			flush(true);
			i += 2;
		} else if (c === "'") {
			const close = source.indexOf("'", i + 1);
			if (close < 0) return {error: 'syntax error: unterminated quoted string'};
			flush(false);
			text = source.slice(i + 1, close);
			parts.push({kind: 'text', text, quoted: true});
			text = '';
			i = close + 1;
		} else if (c === '"') {
			flush(false);
			const inner = readDoubleQuoted(source, i + 1);
			if ('error' in inner) return inner;
			parts.push(...inner.parts);
			if (inner.parts.length === 0) parts.push({kind: 'text', text: '', quoted: true});
			i = inner.end;
		} else if (c === '$' || c === '`') {
			const expansion = readExpansion(source, i, false);
			if ('error' in expansion) return expansion;
			if (!expansion.part) {
				text += c;
				i++;
				continue;
			}
			flush(false);
			parts.push(expansion.part);
			i = expansion.end;
		} else {
			text += c;
			i++;
		}
	}
	flush(false);
	return {parts, end: i};
}

function readDoubleQuoted(source: string, start: number): {parts: Word; end: number} | {error: string} {
	const parts: Word = [];
	let text = '';
	let i = start;
	while (i < source.length && source[i] !== '"') {
		const c = source[i]!;
		if (c === '\\' && /[$`"\\\n]/.test(source[i + 1] ?? '')) {
			text += source[i + 1];
			i += 2;
		} else if (c === '$' || c === '`') {
			const expansion = readExpansion(source, i, true);
			if ('error' in expansion) return expansion;
			if (!expansion.part) {
				text += c;
				i++;
				continue;
			}
			if (text) parts.push({kind: 'text', text, quoted: true});
			text = '';
			parts.push(expansion.part);
			i = expansion.end;
		} else {
			text += c;
			i++;
		}
	}
	if (i >= source.length) return {error: 'syntax error: unterminated quoted string'};
	if (text) parts.push({kind: 'text', text, quoted: true});
	return {parts, end: i + 1};
}

function readExpansion(source: string, i: number, quoted: boolean): {part?: WordPart; end: number} | {error: string} {
	if (source[i] === '`') {
		const close = source.indexOf('`', i + 1);
		if (close < 0) return {error: 'syntax error: unterminated quoted string'};
		const inner = parseScript(source.slice(i + 1, close));
		if (!inner.ok) return {error: inner.error};
		return {part: {kind: 'command', script: inner.script, quoted}, end: close + 1};
	}
	const next = source[i + 1] ?? '';
	if (source.startsWith('$((', i)) {
		const close = matchingClose(source, i + 1);
		if (close < 0 || source[close - 1] !== ')') return {error: 'syntax error: missing ))'};
		return {part: {kind: 'arith', expression: source.slice(i + 3, close - 1), quoted}, end: close + 1};
	}
	if (next === '(') {
		const close = matchingClose(source, i + 1);
		if (close < 0) return {error: 'syntax error: unterminated $('};
		const inner = parseScript(source.slice(i + 2, close));
		if (!inner.ok) return {error: inner.error};
		return {part: {kind: 'command', script: inner.script, quoted}, end: close + 1};
	}
	if (next === '{') {
		const close = source.indexOf('}', i + 2);
		if (close < 0) return {error: 'syntax error: bad substitution'};
		const name = source.slice(i + 2, close);
		if (!/^([A-Za-z_]\w*|[0-9?#$!@*])$/.test(name)) return {error: `syntax error: bad substitution`};
		return {part: {kind: 'var', name, quoted}, end: close + 1};
	}
	const name = source.slice(i + 1).match(/^([A-Za-z_]\w*|[0-9?#$!@*])/)?.[1];
	if (!name) return {end: i + 1};
	return {part: {kind: 'var', name, quoted}, end: i + 1 + name.length};
}

/** The index of the ')' closing the '(' at `open`, skipping quotes. */
function matchingClose(source: string, open: number): number {
	let depth = 0;
	for (let i = open; i < source.length; i++) {
		const c = source[i]!;
		if (c === "'") {
			i = source.indexOf("'", i + 1);
			if (i < 0) return -1;
		} else if (c === '\\') i++;
		else if (c === '(') depth++;
		else if (c === ')') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

class Parser {
	private index = 0;
	constructor(private readonly tokens: Token[]) {}

	atEnd(): boolean {
		return this.index >= this.tokens.length;
	}

	peekText(): string {
		const t = this.tokens[this.index];
		return !t ? 'end of file' : t.kind === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.raw;
	}

	private peekWord(): string | undefined {
		const t = this.tokens[this.index];
		return t?.kind === 'word' ? t.raw : undefined;
	}

	private peekOp(): string | undefined {
		const t = this.tokens[this.index];
		return t?.kind === 'op' ? t.op : undefined;
	}

	private skipNewlines(): void {
		while (this.peekOp() === '\n') this.index++;
	}

	private expectWord(word: string): void {
		this.skipNewlines();
		if (this.peekWord() !== word) throw new SyntaxProblem(`syntax error: unexpected ${this.atEnd() ? 'end of file' : `"${this.peekText()}"`} (expecting "${word}")`);
		this.index++;
	}

	/** A list of and-or commands up to one of the reserved `terminators` (not consumed) or a ')'. */
	list(terminators: Set<string>): ScriptList {
		const items: ScriptList = [];
		for (;;) {
			this.skipNewlines();
			while (this.peekOp() === ';') {
				if (items.length === 0) throw new SyntaxProblem('syntax error: unexpected ";"');
				this.index++;
				this.skipNewlines();
			}
			if (this.atEnd() || this.peekOp() === ')') break;
			const word = this.peekWord();
			if (word !== undefined && terminators.has(word)) break;
			const item = this.andOr();
			items.push(item);
			const op = this.peekOp();
			if (op === '&') {
				item.background = true;
				this.index++;
			} else if (op === ';' || op === '\n') this.index++;
			else if (!this.atEnd() && op !== ')' && !(this.peekWord() !== undefined && terminators.has(this.peekWord()!))) {
				throw new SyntaxProblem(`syntax error: unexpected "${this.peekText()}"`);
			}
		}
		return items;
	}

	private andOr(): AndOr {
		const first = this.pipeline();
		const rest: AndOr['rest'] = [];
		for (let op = this.peekOp(); op === '&&' || op === '||'; op = this.peekOp()) {
			this.index++;
			this.skipNewlines();
			rest.push({op, pipeline: this.pipeline()});
		}
		return {first, rest, background: false};
	}

	private pipeline(): Pipeline {
		let negate = false;
		if (this.peekWord() === '!') {
			negate = true;
			this.index++;
		}
		const commands = [this.command()];
		while (this.peekOp() === '|') {
			this.index++;
			this.skipNewlines();
			commands.push(this.command());
		}
		return {negate, commands};
	}

	private command(): Command {
		const word = this.peekWord();
		if (this.peekOp() === '(') {
			this.index++;
			const body = this.list(new Set());
			if (this.peekOp() !== ')') throw new SyntaxProblem('syntax error: unexpected end of file (expecting ")")');
			this.index++;
			return {kind: 'group', body};
		}
		if (word !== undefined && unsupportedWords.has(word)) throw new SyntaxProblem(`${word} is not simulated in container scripts`, true);
		if (word === '{') {
			this.index++;
			const body = this.list(new Set(['}']));
			this.expectWord('}');
			return {kind: 'group', body};
		}
		if (word === 'while' || word === 'until') {
			this.index++;
			const condition = this.list(new Set(['do']));
			this.expectWord('do');
			const body = this.list(new Set(['done']));
			this.expectWord('done');
			return {kind: 'loop', until: word === 'until', condition, body};
		}
		if (word === 'for') {
			this.index++;
			const name = this.peekWord();
			if (!name || !/^[A-Za-z_]\w*$/.test(name)) throw new SyntaxProblem(`syntax error: bad for loop variable`);
			this.index++;
			let items: Word[] | undefined;
			this.skipNewlines();
			if (this.peekWord() === 'in') {
				this.index++;
				items = [];
				for (let t = this.tokens[this.index]; t?.kind === 'word'; t = this.tokens[this.index]) {
					if (t.raw === 'do') break;
					items.push(t.parts);
					this.index++;
				}
			}
			if (this.peekOp() === ';') this.index++;
			this.expectWord('do');
			const body = this.list(new Set(['done']));
			this.expectWord('done');
			return {kind: 'for', name, items, body};
		}
		if (word === 'if') {
			this.index++;
			const branches: {condition: ScriptList; body: ScriptList}[] = [];
			let otherwise: ScriptList | undefined;
			for (;;) {
				const condition = this.list(new Set(['then']));
				this.expectWord('then');
				const body = this.list(new Set(['elif', 'else', 'fi']));
				branches.push({condition, body});
				this.skipNewlines();
				const next = this.peekWord();
				this.index++;
				if (next === 'elif') continue;
				if (next === 'else') {
					otherwise = this.list(new Set(['fi']));
					this.expectWord('fi');
				} else if (next !== 'fi') throw new SyntaxProblem(`syntax error: unexpected ${next === undefined ? 'end of file' : `"${next}"`} (expecting "fi")`);
				break;
			}
			return {kind: 'if', branches, otherwise};
		}
		if (word !== undefined && ['do', 'done', 'then', 'fi', 'elif', 'else', '}', 'in'].includes(word)) throw new SyntaxProblem(`syntax error: unexpected "${word}"`);
		return this.simple();
	}

	private simple(): SimpleCommand {
		const command: SimpleCommand = {kind: 'simple', assigns: [], words: [], redirects: []};
		for (;;) {
			const t = this.tokens[this.index];
			if (!t) break;
			if (t.kind === 'word') {
				const assign = t.raw.match(/^([A-Za-z_]\w*)=/);
				if (assign && command.words.length === 0) {
					command.assigns.push({name: assign[1]!, value: dropPrefix(t.parts, assign[0].length)});
				} else command.words.push(t.parts);
				this.index++;
				continue;
			}
			const redirect = this.redirect(t.op);
			if (!redirect) break;
			command.redirects.push(redirect);
		}
		if (command.words.length === 0 && command.assigns.length === 0 && command.redirects.length === 0) {
			throw new SyntaxProblem(`syntax error: unexpected ${this.atEnd() ? 'end of file' : `"${this.peekText()}"`}`);
		}
		return command;
	}

	private redirect(op: string): Redirect | undefined {
		if (op === '2>&1') return this.index++, {fd: 2, op: 'dup', toFd: 1};
		if (op === '>&2' || op === '1>&2') return this.index++, {fd: 1, op: 'dup', toFd: 2};
		const kinds: Record<string, {fd: number; op: '>' | '>>' | '<'}> = {'>': {fd: 1, op: '>'}, '>>': {fd: 1, op: '>>'}, '<': {fd: 0, op: '<'}, '2>': {fd: 2, op: '>'}, '2>>': {fd: 2, op: '>>'}, '&>': {fd: 3, op: '>'}};
		const kind = kinds[op];
		if (!kind) return undefined;
		this.index++;
		const target = this.tokens[this.index];
		if (target?.kind !== 'word') throw new SyntaxProblem(`syntax error: unexpected ${target ? `"${this.peekText()}"` : 'end of file'}`);
		this.index++;
		return {...kind, target: target.parts};
	}
}

/** The word without its first `count` source characters (the `NAME=` of an assignment). */
function dropPrefix(parts: Word, count: number): Word {
	const out: Word = [];
	let left = count;
	for (const part of parts) {
		if (left > 0 && part.kind === 'text' && !part.quoted) {
			const cut = Math.min(left, part.text.length);
			left -= cut;
			if (part.text.length > cut) out.push({...part, text: part.text.slice(cut)});
			continue;
		}
		out.push(part);
	}
	return out;
}
