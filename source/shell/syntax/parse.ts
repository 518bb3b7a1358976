// Parses a shell line (or a pasted block of lines) into a syntax tree, for the subset learners
// type: quotes and escapes, $VAR ${VAR} $(...) `...` $((...)), globs, pipes, ;, &&, ||, &, !,
// newlines, redirections, here-documents, { ...; }, ( ... ), functions, if, for, while/until.
// Nothing is expanded here: the interpreter expands each word when its command runs. Never
// throws: a malformed line comes back as {error}, and one that needs more lines also says why.
// Longer than ~300 lines because a recursive-descent parser keeps its grammar rules together.
import type {Command, Incomplete, List, ParseResult, Pipeline, Redirect, SimpleCommand, Word, WordPart} from './ast.ts';

type Token = {t: 'word'; word: Word} | {t: 'op'; op: string; fd?: number} | {t: 'nl'} | {t: 'eof'};

class ParseFailure extends Error {
	constructor(
		message: string,
		readonly incomplete?: Incomplete,
	) {
		super(message);
	}
}

const operators = ['&&', '||', ';;', '&>>', '&>', '<<<', '<<-', '<<', '>>', '>&', '<&', '>|', ';', '&', '|', '(', ')', '<', '>'];
const redirectOps = new Set(['&>>', '&>', '<<<', '<<-', '<<', '>>', '>&', '<&', '>|', '<', '>']);
const wordEnd = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const endOfFile = 'syntax error: unexpected end of file';

export type ParseOptions = {
	/** A here-document with no end line ends at the end of the input (bash's warning), instead of asking for more. */
	eofEndsHeredoc?: boolean;
};

export function parse(input: string, options: ParseOptions = {}): ParseResult {
	const parser = new Parser(input, options);
	try {
		const list = parser.program();
		return {list, warnings: parser.warnings};
	} catch (error) {
		if (error instanceof ParseFailure) return error.incomplete ? {error: error.message, incomplete: error.incomplete} : {error: error.message};
		// Only a pathological input (thousands of nested parentheses) gets here.
		return {error: 'syntax error: expression nested too deeply'};
	}
}

/** Why `input` cannot run yet (an open quote, a here-document without its end line, a trailing |), or undefined. */
export function needsMoreInput(input: string): Incomplete | undefined {
	const result = parse(input);
	return 'error' in result ? result.incomplete : undefined;
}

const isPlain = (word: Word, text?: string) =>
	word.parts.length === 1 && word.parts[0]!.kind === 'lit' && !word.parts[0]!.quoted && (text === undefined || word.parts[0]!.text === text);

class Parser {
	readonly warnings: string[] = [];
	private pos = 0;
	private ahead: Token | undefined;
	private heredocs: {redirect: {body: Word}; delimiter: string; strip: boolean; quoted: boolean}[] = [];

	constructor(
		private readonly src: string,
		private readonly options: ParseOptions,
	) {}

	program(): List {
		const list = this.list(new Set(), new Set());
		const token = this.peek();
		if (token.t !== 'eof') throw this.unexpected(token);
		return list;
	}

	// ---- grammar ----

	private list(stopOps: Set<string>, stopWords: Set<string>): List {
		const list: List = {items: []};
		this.skipNewlines();
		for (;;) {
			const token = this.peek();
			if (token.t === 'eof' || (token.t === 'op' && stopOps.has(token.op)) || (token.t === 'word' && stopWords.has(plainText(token.word)))) break;
			this.andOr(list);
			const separator = this.peek();
			if (separator.t === 'op' && (separator.op === ';' || separator.op === '&')) {
				this.next();
				if (separator.op === '&') list.items[list.items.length - 1]!.pipeline.background = true;
				this.skipNewlines();
			} else if (separator.t === 'nl') this.skipNewlines();
			else break;
		}
		return list;
	}

	private andOr(list: List): void {
		list.items.push({op: ';', pipeline: this.pipeline()});
		for (;;) {
			const token = this.peek();
			if (token.t !== 'op' || (token.op !== '&&' && token.op !== '||')) return;
			this.next();
			this.skipNewlines();
			if (this.peek().t === 'eof') throw new ParseFailure(endOfFile, {kind: 'more', awaiting: token.op});
			list.items.push({op: token.op, pipeline: this.pipeline()});
		}
	}

	private pipeline(): Pipeline {
		let negated = false;
		const first = this.peek();
		if (first.t === 'word' && isPlain(first.word, '!')) {
			this.next();
			negated = true;
		}
		const commands = [this.command()];
		for (;;) {
			const token = this.peek();
			if (token.t !== 'op' || token.op !== '|') break;
			this.next();
			this.skipNewlines();
			if (this.peek().t === 'eof') throw new ParseFailure(endOfFile, {kind: 'more', awaiting: '|'});
			commands.push(this.command());
		}
		return {commands, background: false, negated};
	}

	private command(): Command {
		const token = this.peek();
		if (token.t === 'op' && token.op === '(') {
			this.next();
			const list = this.nonEmpty(this.list(new Set([')']), new Set()));
			this.expectOp(')');
			return {kind: 'subshell', list, redirects: this.redirects()};
		}
		if (token.t === 'word' && isPlain(token.word)) {
			const text = plainText(token.word);
			switch (text) {
				case '{': {
					this.next();
					const list = this.nonEmpty(this.list(new Set(), new Set(['}'])));
					this.expectWord('}');
					return {kind: 'group', list, redirects: this.redirects()};
				}
				case 'if':
					return this.ifClause();
				case 'for':
					return this.forLoop();
				case 'while':
				case 'until':
					return this.whileLoop(text === 'until');
				case 'function':
					return this.functionKeyword();
				case '}':
				case 'fi':
				case 'then':
				case 'elif':
				case 'else':
				case 'do':
				case 'done':
				case 'esac':
					throw this.unexpected(token);
			}
			const definition = this.src.slice(this.pos).match(/^[ \t]*\([ \t]*\)/);
			if (definition) {
				const start = this.pos - token.word.raw.length;
				this.next();
				this.pos += definition[0].length;
				return this.functionBody(text, start);
			}
		}
		if (token.t === 'word' || (token.t === 'op' && redirectOps.has(token.op))) return this.simple();
		throw this.unexpected(token);
	}

	private simple(): SimpleCommand {
		const command: SimpleCommand = {kind: 'simple', assigns: [], words: [], redirects: []};
		for (;;) {
			const token = this.peek();
			if (token.t === 'op' && redirectOps.has(token.op)) command.redirects.push(this.redirect());
			else if (token.t === 'word') {
				this.next();
				const assignment = command.words.length === 0 ? asAssignment(token.word) : undefined;
				if (assignment) command.assigns.push(assignment);
				else command.words.push(token.word);
			} else break;
		}
		return command;
	}

	private redirect(): Redirect {
		const token = this.next() as {t: 'op'; op: string; fd?: number};
		const op = token.op === '>|' ? '>' : token.op;
		const fd = token.fd ?? (op.startsWith('<') ? 0 : op.startsWith('&') ? -1 : 1);
		const target = this.next();
		if (target.t !== 'word') throw this.unexpected(target);
		if (op === '<<' || op === '<<-') {
			const redirect = {fd, op: '<<' as const, body: {parts: [], raw: ''} as Word};
			const quoted = target.word.parts.some(p => p.kind === 'sq' || p.kind === 'dq' || (p.kind === 'lit' && p.quoted));
			this.heredocs.push({redirect, delimiter: literalText(target.word.parts), strip: op === '<<-', quoted});
			return redirect;
		}
		if (op === '<<<') return {fd, op: '<<<', body: target.word};
		return {fd, op: op as '>' | '>>' | '<' | '&>' | '&>>' | '>&' | '<&', target: target.word};
	}

	private redirects(): Redirect[] {
		const redirects: Redirect[] = [];
		for (let token = this.peek(); token.t === 'op' && redirectOps.has(token.op); token = this.peek()) redirects.push(this.redirect());
		return redirects;
	}

	private ifClause(): Command {
		this.next();
		const branches: {condition: List; body: List}[] = [];
		let otherwise: List | undefined;
		for (;;) {
			const condition = this.nonEmpty(this.list(new Set(), new Set(['then'])));
			this.expectWord('then');
			const body = this.nonEmpty(this.list(new Set(), new Set(['elif', 'else', 'fi'])));
			branches.push({condition, body});
			const end = this.expectWord('elif', 'else', 'fi');
			if (end === 'elif') continue;
			if (end === 'else') {
				otherwise = this.nonEmpty(this.list(new Set(), new Set(['fi'])));
				this.expectWord('fi');
			}
			break;
		}
		return {kind: 'if', branches, otherwise, redirects: this.redirects()};
	}

	private forLoop(): Command {
		this.next();
		const name = this.next();
		if (name.t !== 'word') throw this.unexpected(name);
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.word.raw)) throw new ParseFailure(`\`${name.word.raw}': not a valid identifier`);
		let items: Word[] | undefined;
		let token = this.peek();
		if (token.t === 'word' && isPlain(token.word, 'in')) {
			this.next();
			items = [];
			for (token = this.peek(); token.t === 'word'; token = this.peek()) items.push((this.next() as {word: Word}).word);
		}
		token = this.peek();
		if (token.t === 'op' && token.op === ';') this.next();
		else if (token.t !== 'nl' && token.t !== 'eof' && !(token.t === 'word' && isPlain(token.word, 'do'))) throw this.unexpected(token);
		this.skipNewlines();
		this.expectWord('do');
		const body = this.nonEmpty(this.list(new Set(), new Set(['done'])));
		this.expectWord('done');
		return {kind: 'for', variable: name.word.raw, items, body, redirects: this.redirects()};
	}

	private whileLoop(until: boolean): Command {
		this.next();
		const condition = this.nonEmpty(this.list(new Set(), new Set(['do'])));
		this.expectWord('do');
		const body = this.nonEmpty(this.list(new Set(), new Set(['done'])));
		this.expectWord('done');
		return {kind: 'while', until, condition, body, redirects: this.redirects()};
	}

	private functionKeyword(): Command {
		const start = this.pos - 'function'.length;
		this.next();
		const name = this.next();
		if (name.t !== 'word') throw this.unexpected(name);
		const parens = this.src.slice(this.pos).match(/^[ \t]*\([ \t]*\)/);
		if (parens) this.pos += parens[0].length;
		return this.functionBody(name.word.raw, start);
	}

	private functionBody(name: string, start: number): Command {
		this.skipNewlines();
		const token = this.peek();
		if (token.t === 'eof') throw new ParseFailure(endOfFile, {kind: 'more', awaiting: '{'});
		const body = this.command();
		if (body.kind === 'simple' || body.kind === 'function') throw new ParseFailure(`syntax error near unexpected token \`${body.kind === 'simple' ? (body.words[0]?.raw ?? 'newline') : name}'`);
		return {kind: 'function', name, body, text: this.src.slice(start, this.pos).trim()};
	}

	private nonEmpty(list: List): List {
		if (list.items.length > 0) return list;
		const token = this.peek();
		if (token.t === 'eof') throw new ParseFailure(endOfFile, {kind: 'more', awaiting: 'a command'});
		throw this.unexpected(token);
	}

	private expectOp(op: string): void {
		const token = this.next();
		if (token.t === 'op' && token.op === op) return;
		if (token.t === 'eof') throw new ParseFailure(`unexpected EOF while looking for matching \`${op}'`, {kind: 'more', awaiting: op});
		throw this.unexpected(token);
	}

	private expectWord(...words: string[]): string {
		const token = this.next();
		if (token.t === 'word' && isPlain(token.word) && words.includes(plainText(token.word))) return plainText(token.word);
		if (token.t === 'eof') throw new ParseFailure(endOfFile, {kind: 'more', awaiting: words[words.length - 1]!});
		throw this.unexpected(token);
	}

	private unexpected(token: Token): ParseFailure {
		if (token.t === 'eof') return new ParseFailure(endOfFile, {kind: 'more', awaiting: 'a command'});
		const near = token.t === 'nl' ? 'newline' : token.t === 'op' ? token.op : token.word.raw;
		return new ParseFailure(`syntax error near unexpected token \`${near}'`);
	}

	private skipNewlines(): void {
		while (this.peek().t === 'nl') this.next();
	}

	// ---- tokens ----

	private peek(): Token {
		this.ahead ??= this.readToken();
		return this.ahead;
	}

	private next(): Token {
		const token = this.peek();
		this.ahead = undefined;
		return token;
	}

	private readToken(): Token {
		const src = this.src;
		for (;;) {
			const c = src[this.pos];
			if (c === ' ' || c === '\t' || c === '\r') this.pos++;
			else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
			else if (c === '#') while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
			else break;
		}
		if (this.pos >= src.length) {
			if (this.heredocs.length) this.heredocBodies();
			return {t: 'eof'};
		}
		if (src[this.pos] === '\n') {
			this.pos++;
			this.heredocBodies();
			return {t: 'nl'};
		}
		const io = src.slice(this.pos).match(/^(\d+)(?=[<>])/);
		if (io) this.pos += io[1]!.length;
		const op = operators.find(o => src.startsWith(o, this.pos));
		if (op) {
			this.pos += op.length;
			return io ? {t: 'op', op, fd: Number(io[1])} : {t: 'op', op};
		}
		return {t: 'word', word: this.word()};
	}

	private heredocBodies(): void {
		const pending = this.heredocs;
		this.heredocs = [];
		for (const doc of pending) {
			const lines: string[] = [];
			let found = false;
			while (this.pos < this.src.length) {
				const end = this.src.indexOf('\n', this.pos);
				const line = this.src.slice(this.pos, end < 0 ? undefined : end);
				this.pos = end < 0 ? this.src.length : end + 1;
				const text = doc.strip ? line.replace(/^\t+/, '') : line;
				if (text.trim() === doc.delimiter) {
					found = true;
					break;
				}
				lines.push(text);
			}
			if (!found) {
				const warning = `warning: here-document delimited by end-of-file (wanted \`${doc.delimiter}')`;
				if (!this.options.eofEndsHeredoc) throw new ParseFailure(warning, {kind: 'heredoc', delimiter: doc.delimiter});
				this.warnings.push(warning);
			}
			const body = lines.length ? lines.join('\n') + '\n' : '';
			doc.redirect.body = doc.quoted ? {parts: [{kind: 'sq', text: body}], raw: body} : new Parser(body, this.options).template('heredoc');
		}
	}

	/** An unquoted word: literals, quotes, escapes, expansions and globs up to a blank or an operator. */
	private word(): Word {
		const src = this.src;
		const start = this.pos;
		const parts: WordPart[] = [];
		let lit = '';
		const flush = () => {
			if (lit) parts.push({kind: 'lit', text: lit});
			lit = '';
		};
		const push = (part: WordPart) => {
			flush();
			parts.push(part);
		};
		if (src[this.pos] === '~' && (this.pos + 1 >= src.length || src[this.pos + 1] === '/' || wordEnd.has(src[this.pos + 1]!))) {
			parts.push({kind: 'tilde'});
			this.pos++;
		}
		while (this.pos < src.length && !wordEnd.has(src[this.pos]!)) {
			const c = src[this.pos]!;
			if (c === '\\') {
				const escaped = src[this.pos + 1];
				if (escaped === undefined) throw new ParseFailure(endOfFile, {kind: 'more', awaiting: '\\'});
				if (escaped !== '\n') push({kind: 'lit', text: escaped, quoted: true});
				this.pos += 2;
			} else if (c === "'") {
				const end = src.indexOf("'", this.pos + 1);
				if (end < 0) throw new ParseFailure("unexpected EOF while looking for matching `''", {kind: 'quote', quote: "'"});
				push({kind: 'sq', text: src.slice(this.pos + 1, end)});
				this.pos = end + 1;
			} else if (c === '"') {
				this.pos++;
				push({kind: 'dq', parts: this.quotedParts('"')});
			} else if (c === '$' || c === '`') {
				const part = this.dollar();
				if (part) push(part);
				else {
					lit += c;
					this.pos++;
				}
			} else if (c === '*' || c === '?') {
				push({kind: 'glob', text: c});
				this.pos++;
			} else if (c === '[') {
				const close = bracketEnd(src, this.pos);
				if (close < 0) {
					lit += c;
					this.pos++;
				} else {
					push({kind: 'glob', text: src.slice(this.pos, close + 1)});
					this.pos = close + 1;
				}
			} else {
				lit += c;
				this.pos++;
			}
		}
		flush();
		return {parts, raw: src.slice(start, this.pos)};
	}

	/** The inside of "...", up to the closing quote; or a whole here-document body / expression (terminator 'heredoc'). */
	private quotedParts(terminator: '"' | 'heredoc'): Extract<WordPart, {kind: 'dq'}>['parts'] {
		const src = this.src;
		const parts: Extract<WordPart, {kind: 'dq'}>['parts'] = [];
		let lit = '';
		const escapable = terminator === '"' ? '$`"\\' : '$`\\';
		for (;;) {
			if (this.pos >= src.length) {
				if (terminator === '"') throw new ParseFailure('unexpected EOF while looking for matching `"\'', {kind: 'quote', quote: '"'});
				break;
			}
			const c = src[this.pos]!;
			if (c === terminator) {
				this.pos++;
				break;
			}
			if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
			else if (c === '\\' && escapable.includes(src[this.pos + 1] ?? '')) {
				lit += src[this.pos + 1];
				this.pos += 2;
			} else if (c === '$' || c === '`') {
				const part = this.dollar();
				if (part) {
					if (lit) parts.push({kind: 'lit', text: lit});
					lit = '';
					parts.push(part);
				} else {
					lit += c;
					this.pos++;
				}
			} else {
				lit += c;
				this.pos++;
			}
		}
		if (lit) parts.push({kind: 'lit', text: lit});
		return parts;
	}

	/** A here-document body or an arithmetic expression: expansions in literal text, no quotes. */
	template(_mode: 'heredoc'): Word {
		const parts = this.quotedParts('heredoc');
		return {parts: parts.length ? [{kind: 'dq', parts}] : [], raw: this.src};
	}

	/** $name, ${...}, $(...), $((...)) or `...` at pos; undefined when the $ is just a character. */
	private dollar(): Extract<WordPart, {kind: 'var' | 'cmdsub' | 'arith'}> | undefined {
		const src = this.src;
		const start = this.pos;
		if (src[start] === '`') {
			let inner = '';
			let i = start + 1;
			for (; i < src.length && src[i] !== '`'; i++) {
				if (src[i] === '\\' && '$`\\'.includes(src[i + 1] ?? '')) inner += src[++i];
				else inner += src[i];
			}
			if (i >= src.length) throw new ParseFailure('unexpected EOF while looking for matching ``\'', {kind: 'quote', quote: '`'});
			this.pos = i + 1;
			return {kind: 'cmdsub', list: new Parser(inner, this.options).program(), text: inner};
		}
		const next = src[start + 1];
		if (next === '(' && src[start + 2] === '(') {
			const end = arithmeticEnd(src, start + 3);
			if (end < 0) throw new ParseFailure("unexpected EOF while looking for matching `)'", {kind: 'more', awaiting: '))'});
			this.pos = end + 2;
			return {kind: 'arith', expression: new Parser(src.slice(start + 3, end), this.options).template('heredoc')};
		}
		if (next === '(') {
			this.pos = start + 2;
			const saved = this.ahead;
			this.ahead = undefined;
			const list = this.list(new Set([')']), new Set());
			this.expectOp(')');
			this.ahead = saved;
			return {kind: 'cmdsub', list, text: src.slice(start + 2, this.pos - 1)};
		}
		if (next === '{') {
			const end = src.indexOf('}', start + 2);
			if (end < 0) throw new ParseFailure("unexpected EOF while looking for matching `}'", {kind: 'more', awaiting: '}'});
			const body = src.slice(start + 2, end);
			this.pos = end + 1;
			const m = body.match(/^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])(?:(:-|-|:=|:\+)([^]*))?$/);
			if (!m || (m[1] && m[3])) throw new ParseFailure(`\${${body}}: bad substitution`);
			if (m[1]) return {kind: 'var', name: m[2]!, length: true};
			if (m[3]) return {kind: 'var', name: m[2]!, fallback: {op: m[3] as ':-' | '-' | ':=' | ':+', word: new Parser(m[4]!, this.options).template('heredoc')}};
			return {kind: 'var', name: m[2]!};
		}
		const name = src.slice(start + 1).match(/^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/);
		if (!name) return undefined;
		this.pos = start + 1 + name[1]!.length;
		return {kind: 'var', name: name[1]!};
	}
}

function plainText(word: Word): string {
	return isPlain(word) ? (word.parts[0] as {text: string}).text : '';
}

/** `NAME=value` at the start of a command: the name must be plain text. */
function asAssignment(word: Word): {name: string; value: Word} | undefined {
	const first = word.parts[0];
	if (first?.kind !== 'lit' || first.quoted) return undefined;
	const m = first.text.match(/^([A-Za-z_][A-Za-z0-9_]*)=/);
	if (!m) return undefined;
	const rest = first.text.slice(m[0].length);
	const parts: WordPart[] = [...(rest ? [{kind: 'lit' as const, text: rest}] : []), ...word.parts.slice(1)];
	return {name: m[1]!, value: {parts, raw: word.raw.slice(m[0].length)}};
}

/** The text of a here-document delimiter, its quotes removed. */
function literalText(parts: WordPart[]): string {
	return parts
		.map(p => {
			if (p.kind === 'lit' || p.kind === 'sq' || p.kind === 'glob') return p.text;
			if (p.kind === 'dq') return literalText(p.parts);
			if (p.kind === 'var') return '$' + p.name;
			return p.kind === 'tilde' ? '~' : '';
		})
		.join('');
}

/** The index of the `]` closing a bracket expression at `from`, or -1 (then `[` is a plain character). */
function bracketEnd(src: string, from: number): number {
	let i = from + 1;
	if (src[i] === '!' || src[i] === '^') i++;
	if (src[i] === ']') i++;
	for (; i < src.length && !wordEnd.has(src[i]!) && !'"\'$`\\'.includes(src[i]!); i++) if (src[i] === ']') return i;
	return -1;
}

/** The index of the `))` closing `$((` whose expression starts at `from`, or -1. */
function arithmeticEnd(src: string, from: number): number {
	let depth = 0;
	for (let i = from; i < src.length; i++) {
		if (src[i] === '(') depth++;
		else if (src[i] === ')') {
			if (depth === 0) return src[i + 1] === ')' ? i : -1;
			depth--;
		}
	}
	return -1;
}
