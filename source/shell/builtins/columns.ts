// uniq, cut and tr (GNU coreutils 9.4): the column and character filters of a pipeline, with
// coreutils' messages. Ranges stay ranges (cut -f 1-1000000000 costs nothing).
import type {ParsedOptions} from '../options.ts';
import type {CommandContext, CommandOutcome} from '../types.ts';
import {filterCommand} from './filter-options.ts';
import {inputOf, joinLines, lines} from './filter-input.ts';

const usageError = (tool: string, message: string): CommandOutcome => ({stdout: '', stderr: `${tool}: ${message}\nTry '${tool} --help' for more information.\n`, exitCode: 1});

function count(tool: string, value: string | undefined, what: string): number | CommandOutcome {
	if (value === undefined) return 0;
	if (!/^\d+$/.test(value)) return {stdout: '', stderr: `${tool}: ${value}: ${what}\n`, exitCode: 1};
	return Math.min(Number(value), Number.MAX_SAFE_INTEGER);
}

export const uniq = filterCommand('uniq', 'drop repeated adjacent lines (-c counts, -d repeated, -u unique)', (given, ctx) => {
	const [input, output, extra] = given.operands;
	if (extra !== undefined) return usageError('uniq', `extra operand '${extra}'`);
	const fields = count('uniq', given.value('skip-fields'), 'invalid number of fields to skip');
	const chars = count('uniq', given.value('skip-chars'), 'invalid number of bytes to skip');
	const width = given.has('check-chars') ? count('uniq', given.value('check-chars'), 'invalid number of bytes to compare') : Infinity;
	for (const n of [fields, chars, width]) if (typeof n !== 'number') return n;
	const text = inputOf(input === undefined || input === '-' ? [] : [input], ctx, 'uniq');
	if ('error' in text) return text.error;
	const key = (line: string) => {
		let rest = line;
		for (let f = 0; f < (fields as number); f++) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
		rest = rest.slice(chars as number, (width as number) === Infinity ? undefined : (chars as number) + (width as number));
		return given.has('ignore-case') ? rest.toLowerCase() : rest;
	};
	const groups: {line: string; count: number; all: string[]}[] = [];
	for (const line of lines(text.text)) {
		const last = groups[groups.length - 1];
		if (last && key(last.line) === key(line)) {
			last.count++;
			last.all.push(line);
		} else groups.push({line, count: 1, all: [line]});
	}
	const all = given.has('D');
	const kept = groups.filter(g => (given.has('repeated') || all ? g.count > 1 : true) && (given.has('unique') ? g.count === 1 : true));
	const out = kept.flatMap(g => (all ? g.all : [given.has('count') ? `${String(g.count).padStart(7)} ${g.line}` : g.line]));
	if (output !== undefined) return {stdout: '', stderr: `[simulator] uniq writes to standard output only here; use uniq ${input} > ${output}\n`, exitCode: 1};
	return {stdout: joinLines(out), exitCode: 0};
});

type Range = {from: number; to: number};

function parseList(list: string): Range[] | string {
	const ranges: Range[] = [];
	for (const part of list.split(',')) {
		const m = /^(\d*)(-?)(\d*)$/.exec(part);
		if (!m || (!m[1] && !m[3] && m[2]) || part === '') return `invalid field value '${part}'`;
		const from = m[1] ? Number(m[1]) : 1;
		const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
		if (from === 0 || to === 0) return 'fields are numbered from 1';
		if (to < from) return 'invalid decreasing range';
		ranges.push({from, to});
	}
	return ranges;
}

const inRanges = (ranges: Range[], n: number) => ranges.some(r => n >= r.from && n <= r.to);

export const cut = filterCommand('cut', 'print selected fields (-d, -f 1,3) or characters (-c 1-5) of each line', (given, ctx) => {
	const lists = (['bytes', 'characters', 'fields'] as const).filter(k => given.has(k));
	if (lists.length === 0) return usageError('cut', 'you must specify a list of bytes, characters, or fields');
	if (lists.length > 1 || given.values(lists[0]).length > 1) return usageError('cut', 'only one list may be specified');
	const mode = lists[0];
	const delimiter = given.value('delimiter');
	if (delimiter !== undefined && mode !== 'fields') return usageError('cut', 'an input delimiter may be specified only when operating on fields');
	if (given.has('only-delimited') && mode !== 'fields') return usageError('cut', 'suppressing non-delimited lines makes sense\n\tonly when operating on fields');
	if (delimiter !== undefined && [...delimiter].length > 1) return usageError('cut', 'the delimiter must be a single character');
	const ranges = parseList(given.value(mode)!);
	if (typeof ranges === 'string') return usageError('cut', ranges);
	const text = inputOf(given.operands.filter(f => f !== '-'), ctx, 'cut');
	if ('error' in text) return text.error;
	const complement = given.has('complement');
	const pick = (n: number) => inRanges(ranges, n) !== complement;
	const sep = delimiter === undefined ? '\t' : delimiter === '' ? '\n' : delimiter;
	const outSep = given.value('output-delimiter') ?? sep;
	const out: string[] = [];
	for (const line of lines(text.text)) {
		if (mode !== 'fields') {
			const units = mode === 'bytes' ? [...Buffer.from(line)].map(b => String.fromCharCode(b)) : [...line];
			const picked = units.filter((_, i) => pick(i + 1));
			out.push(mode === 'bytes' ? Buffer.from(picked.map(c => c.charCodeAt(0))).toString() : picked.join(''));
			continue;
		}
		if (!line.includes(sep)) {
			if (!given.has('only-delimited')) out.push(line);
			continue;
		}
		out.push(line.split(sep).filter((_, i) => pick(i + 1)).join(outSep));
	}
	return {stdout: joinLines(out), exitCode: 0};
});

const trClasses: Record<string, string> = {
	alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\f\v', blank: ' \t', punct: '!-/:-@[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\u0000-\u001f\u007f', print: ' -~', graph: '!-~',
};

/** tr's SET notation (ranges, [:class:], backslash escapes) expanded to characters, or its message. */
function expandSet(set: string): string[] | string {
	const escaped: string[] = [];
	for (let i = 0; i < set.length; i++) {
		const c = set[i]!;
		if (c === '[' && set[i + 1] === ':') {
			const close = set.indexOf(':]', i + 2);
			const name = close > 0 ? set.slice(i + 2, close) : '';
			if (close > 0 && trClasses[name] !== undefined) {
				const inner = expandSet(trClasses[name]!);
				if (typeof inner === 'string') return inner;
				escaped.push(...inner.map(ch => `\u0001${ch}`));
				i = close + 1;
				continue;
			}
			if (close > 0) return `invalid character class '${name}'`;
		}
		if (c === '\\' && i + 1 < set.length) {
			const next = set[++i]!;
			const octal = /^[0-7]{1,3}/.exec(set.slice(i))?.[0];
			if (octal) {
				escaped.push(`\u0001${String.fromCharCode(parseInt(octal, 8))}`);
				i += octal.length - 1;
			} else escaped.push(`\u0001${({n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\u0007', b: '\b', '\\': '\\'} as Record<string, string>)[next] ?? next}`);
			continue;
		}
		escaped.push(`\u0001${c}`);
	}
	const out: string[] = [];
	for (let i = 0; i < escaped.length; i++) {
		const c = escaped[i]!.slice(1);
		if (escaped[i + 1] === '\u0001-' && i + 2 < escaped.length) {
			const end = escaped[i + 2]!.slice(1);
			if (end.codePointAt(0)! < c.codePointAt(0)!) return `range-endpoints of '${c}-${end}' are in reverse collating sequence order`;
			for (let code = c.codePointAt(0)!; code <= end.codePointAt(0)!; code++) out.push(String.fromCodePoint(code));
			i += 2;
		} else out.push(c);
	}
	return out;
}

function trRun(given: ParsedOptions, ctx: CommandContext): CommandOutcome {
	const [set1, set2, extra] = given.operands;
	const deleting = given.has('delete');
	const squeezing = given.has('squeeze-repeats');
	if (set1 === undefined) return usageError('tr', 'missing operand');
	if (deleting && !squeezing && set2 !== undefined) return {stdout: '', stderr: `tr: extra operand '${set2}'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n`, exitCode: 1};
	if (!deleting && !squeezing && set2 === undefined) return {stdout: '', stderr: `tr: missing operand after '${set1}'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`, exitCode: 1};
	if (extra !== undefined) return usageError('tr', `extra operand '${extra}'`);
	const expanded = expandSet(set1);
	if (typeof expanded === 'string') return {stdout: '', stderr: `tr: ${expanded}\n`, exitCode: 1};
	const b = set2 === undefined ? [] : expandSet(set2);
	if (typeof b === 'string') return {stdout: '', stderr: `tr: ${b}\n`, exitCode: 1};
	const a = given.has('truncate-set1') ? expanded.slice(0, b.length) : expanded;
	const complement = given.has('complement') || given.has('C');
	const inA = new Set(a);
	const inSet1 = (ch: string) => inA.has(ch) !== complement;
	const map = new Map<string, string>();
	if (!deleting && set2 !== undefined && !complement) a.forEach((ch, i) => map.set(ch, b[Math.min(i, b.length - 1)] ?? ch));
	const squeezeSet = new Set(deleting || set2 === undefined ? (complement ? [] : a) : b);
	let out = '';
	let previous: string | undefined;
	for (const ch of ctx.stdin) {
		if (deleting && inSet1(ch)) continue;
		let next = ch;
		if (!deleting && set2 !== undefined && inSet1(ch)) next = complement ? b[b.length - 1] ?? ch : (map.get(ch) ?? ch);
		const squeezable = squeezing && (complement && (deleting || set2 === undefined) ? !inA.has(next) : squeezeSet.has(next));
		if (squeezable && next === previous) continue;
		out += next;
		previous = next;
	}
	return {stdout: out, exitCode: 0};
}

export const tr = filterCommand('tr', "translate or delete characters of the input (tr a-z A-Z, tr -d '\\r')", trRun);
