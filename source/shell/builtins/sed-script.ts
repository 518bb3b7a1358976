// A sed script read as GNU sed 4.9 reads it: addresses, commands, blocks and labels compiled to a
// flat program (a block is a jump past its end when its address does not match), with GNU's
// messages and character positions when something is wrong.
// Longer than ~300 lines because a recursive-descent parser keeps its grammar rules together.
import {compilePosix} from './posix-regex.ts';

export type Address = {kind: 'line'; n: number} | {kind: 'last'} | {kind: 'regex'; re: RegExp | undefined} | {kind: 'step'; first: number; step: number} | {kind: 'zero'};
export type EndAddress = Address | {kind: 'plus'; n: number} | {kind: 'multiple'; n: number};

export type Replacement = ({kind: 'text'; text: string} | {kind: 'group'; n: number} | {kind: 'case'; mode: 'U' | 'L' | 'E' | 'u' | 'l'})[];

export type Instruction = {
	from?: Address;
	to?: EndAddress;
	negate: boolean;
	op: string; // the command letter; '{' jumps to `jump` when the address does not match
	text?: string; // a/i/c text, r/w file name, label of b/t/T/:
	jump?: number;
	exitCode?: number;
	regex?: RegExp; // s: undefined means the last regex used
	replacement?: Replacement;
	occurrence?: number; // s///N
	global?: boolean;
	print?: boolean;
	writeTo?: string;
	from_?: string; // y
	to_?: string;
};

export type Script = {program: Instruction[]; usesEmptyRegex: boolean};

class SedError extends Error {
	constructor(message: string, readonly exitCode = 1) {
		super(message);
	}
}

/** Compiles the expressions (-e ones, in order) into one program, or GNU's message for the first problem. */
export function compileSed(expressions: string[], extended: boolean): Script | {error: string; exitCode: number} {
	try {
		return compileExpressions(expressions, extended);
	} catch (error) {
		if (error instanceof SedError) return {error: error.message, exitCode: error.exitCode};
		throw error;
	}
}

function compileExpressions(expressions: string[], extended: boolean): Script {
	const program: Instruction[] = [];
	const blocks: number[] = [];
	let usesEmptyRegex = false;
	for (const [index, source] of expressions.entries()) {
		let pos = 0;
		const fail = (message: string, at = pos): never => {
			throw new SedError(`-e expression #${index + 1}, char ${at}: ${message}`);
		};
		const peek = () => source[pos];
		const skipSpace = () => {
			while (pos < source.length && /[ \t]/.test(source[pos]!)) pos++;
		};
		const regexUntil = (delim: string, what: 'address' | 's'): string => {
			let text = '';
			while (true) {
				if (pos >= source.length) fail(what === 'address' ? 'unterminated address regex' : "unterminated `s' command");
				const c = source[pos++]!;
				if (c === delim) return text;
				if (c === '\\') {
					const next = source[pos++];
					if (next === undefined) fail(what === 'address' ? 'unterminated address regex' : "unterminated `s' command");
					text += next === delim ? (/[.*[\]^$\\+?(){}|]/.test(delim) ? `\\${delim}` : delim) : next === 'n' ? '\\n' : `\\${next}`;
				} else if (c === '\n' && what === 's') fail("unterminated `s' command");
				else text += c;
			}
		};
		const compile = (pattern: string, flags: {ignoreCase?: boolean; multiline?: boolean}): RegExp | undefined => {
			if (pattern === '') {
				usesEmptyRegex = true;
				return undefined;
			}
			const re = compilePosix(pattern, {extended, ...flags});
			if ('error' in re) fail(re.error);
			return re as RegExp;
		};
		const number = (): number => {
			const m = /^\d+/.exec(source.slice(pos))!;
			pos += m[0].length;
			return Number(m[0]);
		};
		const address = (): Address | undefined => {
			const c = peek();
			if (c !== undefined && /\d/.test(c)) {
				const n = number();
				if (peek() === '~') {
					pos++;
					const step = /\d/.test(peek() ?? '') ? number() : 0;
					return {kind: 'step', first: n, step};
				}
				return n === 0 ? {kind: 'zero'} : {kind: 'line', n};
			}
			if (c === '$') {
				pos++;
				return {kind: 'last'};
			}
			if (c === '/' || c === '\\') {
				pos++;
				const delim = c === '/' ? '/' : source[pos++] ?? fail('unterminated address regex');
				const pattern = regexUntil(delim, 'address');
				let ignoreCase = false;
				let multiline = false;
				while (peek() === 'I' || peek() === 'M') (source[pos++] === 'I' ? (ignoreCase = true) : (multiline = true));
				return {kind: 'regex', re: compile(pattern, {ignoreCase, multiline})};
			}
			return undefined;
		};
		const endOfCommand = () => {
			skipSpace();
			const c = peek();
			if (c === undefined || c === '\n' || c === ';') {
				if (c !== undefined) pos++;
				return;
			}
			if (c === '}' || c === '#') return;
			pos++;
			fail('extra characters after command');
		};
		const restOfLine = (): string => {
			const end = source.indexOf('\n', pos);
			const text = source.slice(pos, end < 0 ? source.length : end);
			pos = end < 0 ? source.length : end + 1;
			return text;
		};
		const label = (): string => {
			skipSpace();
			let text = '';
			while (pos < source.length && !/[;\n]/.test(source[pos]!)) text += source[pos++];
			if (source[pos] === ';' || source[pos] === '\n') pos++;
			return text.trim();
		};
		while (pos < source.length) {
			while (pos < source.length && /[ \t\n;]/.test(source[pos]!)) pos++;
			if (pos >= source.length) break;
			const from = address();
			let to: EndAddress | undefined;
			if (from && peek() === ',') {
				pos++;
				skipSpace();
				if (peek() === '+' || peek() === '~') {
					const kind = source[pos++] === '+' ? 'plus' : 'multiple';
					if (!/\d/.test(peek() ?? '')) fail('unexpected `,\'');
					to = {kind, n: number()};
				} else {
					to = address() ?? fail("unexpected `,'");
					if (to.kind === 'zero') fail('invalid usage of line address 0');
				}
			}
			skipSpace();
			let negate = false;
			while (peek() === '!') {
				negate = true;
				pos++;
				skipSpace();
			}
			const op = source[pos++];
			if (op === undefined) fail('missing command', pos - 1);
			if (op === '\n') fail('missing command');
			if (from?.kind === 'zero' && !(to?.kind === 'regex')) fail('invalid usage of line address 0');
			const instruction: Instruction = {negate, op: op!, ...(from ? {from} : {}), ...(to ? {to} : {})};
			switch (op) {
				case '{':
					blocks.push(program.length);
					program.push(instruction);
					continue;
				case '}':
					if (from || negate) fail('} doesn\'t want any addresses');
					if (blocks.length === 0) fail("unexpected `}'");
					program[blocks.pop()!]!.jump = program.length + 1;
					program.push(instruction);
					endOfCommand();
					continue;
				case '#':
					restOfLine();
					continue;
				case ':':
					if (from) fail(": doesn't want any addresses");
					instruction.text = label();
					if (!instruction.text) fail('":" lacks a label');
					program.push(instruction);
					continue;
				case 'b': case 't': case 'T':
					instruction.text = label();
					program.push(instruction);
					continue;
				case 'a': case 'i': case 'c': {
					skipSpace();
					if (peek() === '\\') {
						pos++;
						if (peek() === '\n') pos++;
					}
					if (pos >= source.length && source[pos - 1] !== '\\') fail("expected \\ after `a', `c' or `i'");
					instruction.text = restOfLine().replace(/\\(.)/g, '$1');
					program.push(instruction);
					continue;
				}
				case 'r': case 'R': case 'w': case 'W': {
					skipSpace();
					instruction.text = restOfLine();
					if (!instruction.text) fail('missing filename in r/R/w/W commands');
					program.push(instruction);
					continue;
				}
				case 'q': case 'Q': case 'l': case 'L':
					skipSpace();
					if (/\d/.test(peek() ?? '')) instruction.exitCode = number();
					program.push(instruction);
					endOfCommand();
					continue;
				case '=': case 'd': case 'D': case 'p': case 'P': case 'n': case 'N': case 'h': case 'H': case 'g': case 'G': case 'x': case 'z': case 'F':
					program.push(instruction);
					endOfCommand();
					continue;
				case 's': {
					const delim = source[pos++];
					if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
					const pattern = regexUntil(delim!, 's');
					const replacement = replacementUntil(source, pos, delim!, fail);
					pos = replacement.end;
					let ignoreCase = false;
					let multiline = false;
					while (pos < source.length && !/[;\n}#]/.test(source[pos]!)) {
						const f = source[pos++]!;
						if (f === 'g') instruction.global = true;
						else if (f === 'p') instruction.print = true;
						else if (f === 'i' || f === 'I') ignoreCase = true;
						else if (f === 'm' || f === 'M') multiline = true;
						else if (/\d/.test(f)) {
							pos--;
							instruction.occurrence = number();
							if (instruction.occurrence === 0) fail("number option to `s' command may not be zero");
						} else if (f === 'w') {
							skipSpace();
							instruction.writeTo = restOfLine();
							if (!instruction.writeTo) fail('missing filename in r/R/w/W commands');
							break;
						} else if (f === ' ' || f === '\t') continue;
						else fail("unknown option to `s'");
					}
					instruction.regex = compile(pattern, {ignoreCase, multiline});
					const groups = instruction.regex ? new RegExp(`${instruction.regex.source}|`).exec('')!.length - 1 : 9;
					const highest = Math.max(0, ...replacement.parts.map(p => (p.kind === 'group' ? p.n : 0)));
					if (highest > groups) fail(`invalid reference \\${highest} on \`s' command's RHS`);
					instruction.replacement = replacement.parts;
					program.push(instruction);
					endOfCommand();
					continue;
				}
				case 'y': {
					const delim = source[pos++] ?? fail("unterminated `y' command");
					const part = () => {
						let text = '';
						while (true) {
							if (pos >= source.length) fail("unterminated `y' command");
							const c = source[pos++]!;
							if (c === delim) return text;
							if (c === '\\') {
								const next = source[pos++];
								text += next === 'n' ? '\n' : next === 't' ? '\t' : (next ?? '');
							} else text += c;
						}
					};
					const a = [...part()];
					const b = [...part()];
					if (a.length !== b.length) fail("strings for `y' command are different lengths");
					instruction.from_ = a.join('');
					instruction.to_ = b.join('');
					program.push(instruction);
					endOfCommand();
					continue;
				}
				default:
					fail(`unknown command: \`${op}'`);
			}
		}
		if (blocks.length) {
			pos = 0;
			fail("unmatched `{'", 0);
		}
	}
	for (const instruction of program) {
		if (!['b', 't', 'T'].includes(instruction.op)) continue;
		if (!instruction.text) instruction.jump = program.length;
		else {
			const at = program.findIndex(i => i.op === ':' && i.text === instruction.text);
			if (at < 0) throw new SedError(`can't find label for jump to \`${instruction.text}'`, 4);
			instruction.jump = at;
		}
	}
	return {program, usesEmptyRegex};
}

/** The replacement of s, up to the closing delimiter: text, \1-\9 and & groups, \U \L \E \u \l case changes. */
function replacementUntil(source: string, start: number, delim: string, fail: (message: string, at?: number) => never): {parts: Replacement; end: number} {
	const parts: Replacement = [];
	let text = '';
	const flush = () => {
		if (text) parts.push({kind: 'text', text});
		text = '';
	};
	let pos = start;
	while (true) {
		if (pos >= source.length) fail("unterminated `s' command", pos);
		const c = source[pos++]!;
		if (c === delim) break;
		if (c === '&') {
			flush();
			parts.push({kind: 'group', n: 0});
		} else if (c === '\\') {
			const next = source[pos++];
			if (next === undefined) fail("unterminated `s' command", pos - 1);
			if (/\d/.test(next!)) {
				flush();
				parts.push({kind: 'group', n: Number(next)});
			} else if ('ULEul'.includes(next!)) {
				flush();
				parts.push({kind: 'case', mode: next as 'U'});
			} else text += next === 'n' ? '\n' : next === 't' ? '\t' : next === '\n' ? '\n' : next;
		} else if (c === '\n') fail("unterminated `s' command", pos);
		else text += c;
	}
	flush();
	return {parts, end: pos};
}

