// The filters learners pipe into: grep, head, tail, wc, sort. Input is the previous command's
// stdout (or the files named). Options come from each one's spec (filter-options.ts).
import type {CommandOutcome} from '../types.ts';
import {filterCommand} from './filter-options.ts';
import {inputOf, joinLines, lines} from './filter-input.ts';
import {compilePosix} from './posix-regex.ts';

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const grep = filterCommand('grep', 'print lines that match a pattern', (given, ctx) => {
	if (given.has('recursive') || given.has('dereference-recursive')) return {stdout: '', stderr: '[simulator] grep -r (searching whole folders) is not modelled; name the files, or pipe into grep\n', exitCode: 2};
	const operands = [...given.operands];
	const patterns = given.values('regexp');
	if (patterns.length === 0) {
		const first = operands.shift();
		if (first === undefined) return {stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2};
		patterns.push(first);
	}
	const context = (key: string): number | CommandOutcome => {
		const value = given.value(key) ?? given.value('context');
		if (value === undefined) return 0;
		return /^\d+$/.test(value) ? Number(value) : {stdout: '', stderr: `grep: ${value}: invalid context length argument\n`, exitCode: 2};
	};
	const after = context('after-context');
	const before = context('before-context');
	if (typeof after !== 'number') return after;
	if (typeof before !== 'number') return before;
	const max = given.value('max-count');
	if (max !== undefined && !/^\d+$/.test(max)) return {stdout: '', stderr: 'grep: invalid max count\n', exitCode: 2};
	const alternatives = patterns.flatMap(p => p.split('\n'));
	const extended = given.has('extended-regexp');
	let source: string;
	if (given.has('fixed-strings')) source = alternatives.map(escapeRegExp).join('|');
	else {
		const parts: string[] = [];
		for (const p of alternatives) {
			const re = compilePosix(p, {extended});
			if ('error' in re) return {stdout: '', stderr: `grep: ${re.error}\n`, exitCode: 2};
			parts.push(re.source);
		}
		source = parts.map(p => `(?:${p})`).join('|');
	}
	if (given.has('word-regexp')) source = `(?<![\\w])(?:${source})(?![\\w])`;
	if (given.has('line-regexp')) source = `^(?:${source})$`;
	const regex = new RegExp(source, given.has('ignore-case') ? 'i' : '');
	const files = operands.length ? operands : ['-'];
	const named = given.has('with-filename') || (files.length > 1 && !given.has('no-filename'));
	const invert = given.has('invert-match');
	const quiet = given.has('quiet') || given.has('silent');
	let stdout = '';
	let stderr = '';
	let anyMatch = false;
	let trouble = false;
	for (const file of files) {
		const input = file === '-' ? {text: ctx.stdin} : inputOf([file], ctx, 'grep');
		if ('error' in input) {
			if (!given.has('no-messages')) stderr += input.error.stderr ?? '';
			trouble = true;
			continue;
		}
		const all = lines(input.text);
		const label = file === '-' ? '(standard input)' : file;
		const prefix = (n: number, sep: string) => `${named ? label + sep : ''}${given.has('line-number') ? `${n + 1}${sep}` : ''}`;
		const picked: number[] = [];
		for (let n = 0; n < all.length && (max === undefined || picked.length < Number(max)); n++) if (regex.test(all[n]!) !== invert) picked.push(n);
		if (picked.length) anyMatch = true;
		if (quiet) continue;
		if (given.has('files-with-matches')) {
			if (picked.length) stdout += label + '\n';
			continue;
		}
		if (given.has('files-without-match')) {
			if (!picked.length) stdout += label + '\n';
			continue;
		}
		if (given.has('count')) {
			stdout += `${named ? label + ':' : ''}${picked.length}\n`;
			continue;
		}
		if (given.has('only-matching') && !invert) {
			const global = new RegExp(regex.source, regex.flags + 'g');
			for (const n of picked) for (const m of all[n]!.matchAll(global)) if (m[0]) stdout += `${prefix(n, ':')}${m[0]}\n`;
			continue;
		}
		const shown = new Set<number>();
		let last = -2;
		for (const n of picked) {
			for (let k = Math.max(0, n - before); k <= Math.min(all.length - 1, n + after); k++) {
				if (shown.has(k)) continue;
				if ((before || after) && last >= 0 && k > last + 1) stdout += '--\n';
				shown.add(k);
				last = k;
				stdout += `${prefix(k, picked.includes(k) ? ':' : '-')}${all[k]}\n`;
			}
		}
	}
	return {stdout, stderr, exitCode: trouble && !(quiet && anyMatch) ? 2 : anyMatch ? 0 : 1};
});

/** head -5 and tail -5 (the obsolete form) are head -n 5. */
const obsoleteCount = (args: string[]) => (args[0] !== undefined && /^-\d+$/.test(args[0]) ? ['-n', args[0].slice(1), ...args.slice(1)] : args);

function amount(tool: string, value: string | undefined, what: 'lines' | 'bytes'): {n: number; sign: string} | CommandOutcome {
	if (value === undefined) return {n: 10, sign: ''};
	const m = /^([+-]?)(\d+)([kKmMgG]?)$/.exec(value);
	if (!m) return {stdout: '', stderr: `${tool}: invalid number of ${what}: '${value}'\n`, exitCode: 1};
	const unit = m[3] ? 1024 ** ('kmg'.indexOf(m[3].toLowerCase()) + 1) : 1;
	return {n: Math.min(Number(m[2]) * unit, Number.MAX_SAFE_INTEGER), sign: m[1]!};
}

export const head = filterCommand('head', 'print the first lines of the input', (given, ctx) => {
	const bytes = given.has('bytes');
	const count = amount('head', bytes ? given.value('bytes') : given.value('lines'), bytes ? 'bytes' : 'lines');
	if (!('n' in count)) return count;
	const input = inputOf(given.operands, ctx, 'head');
	if ('error' in input) return input.error;
	if (bytes) {
		const buffer = Buffer.from(input.text);
		return {stdout: (count.sign === '-' ? buffer.subarray(0, Math.max(0, buffer.length - count.n)) : buffer.subarray(0, count.n)).toString(), exitCode: 0};
	}
	const all = lines(input.text);
	return {stdout: joinLines(count.sign === '-' ? all.slice(0, Math.max(0, all.length - count.n)) : all.slice(0, count.n)), exitCode: 0};
}, obsoleteCount);

export const tail = filterCommand('tail', 'print the last lines of the input', (given, ctx) => {
	const bytes = given.has('bytes');
	const count = amount('tail', bytes ? given.value('bytes') : given.value('lines'), bytes ? 'bytes' : 'lines');
	if (!('n' in count)) return count;
	const input = inputOf(given.operands, ctx, 'tail');
	if ('error' in input) return input.error;
	const follow = given.has('follow') || given.has('F') ? '[simulator] tail -f: no more lines will be written here; stopped following\n' : '';
	if (bytes) {
		const buffer = Buffer.from(input.text);
		return {stdout: (count.sign === '+' ? buffer.subarray(Math.max(0, count.n - 1)) : buffer.subarray(Math.max(0, buffer.length - count.n))).toString(), stderr: follow, exitCode: 0};
	}
	const all = lines(input.text);
	const kept = count.sign === '+' ? all.slice(Math.max(0, count.n - 1)) : count.n === 0 ? [] : all.slice(-count.n);
	return {stdout: joinLines(kept), stderr: follow, exitCode: 0};
}, obsoleteCount);

export const wc = filterCommand('wc', 'count lines, words and bytes', (given, ctx) => {
	const order = [['lines', 'l'], ['words', 'w'], ['chars', 'm'], ['bytes', 'c'], ['max-line-length', 'L']] as const;
	const chosen = order.filter(([key]) => given.has(key)).map(([, letter]) => letter);
	const columns: string[] = chosen.length ? chosen : ['l', 'w', 'c'];
	const files = given.operands.length ? given.operands : ['-'];
	const rows: {counts: number[]; name: string}[] = [];
	let stderr = '';
	let totalBytes = 0;
	for (const file of files) {
		const input = file === '-' ? {text: ctx.stdin} : inputOf([file], ctx, 'wc');
		if ('error' in input) {
			stderr += input.error.stderr ?? '';
			continue;
		}
		const text = input.text;
		if (file !== '-') totalBytes += Buffer.byteLength(text);
		const value: Record<string, number> = {
			l: (text.match(/\n/g) ?? []).length,
			w: text.split(/\s+/).filter(Boolean).length,
			m: [...text].length,
			c: Buffer.byteLength(text),
			L: Math.max(0, ...lines(text).map(l => l.length)),
		};
		rows.push({counts: columns.map(c => value[c]!), name: given.operands.length ? file : ''});
	}
	if (rows.length > 1) rows.push({counts: columns.map((_, i) => rows.reduce((sum, r) => sum + r.counts[i]!, 0)), name: 'total'});
	// GNU's width: the digits of the files' total size, at least 7 when standard input is read; none for one number.
	const one = columns.length === 1 && files.length === 1;
	const width = one ? 0 : Math.max(files.includes('-') ? 7 : 1, String(totalBytes).length);
	const stdout = rows.map(r => r.counts.map(n => String(n).padStart(width)).join(' ') + (r.name ? ` ${r.name}` : '') + '\n').join('');
	return {stdout, stderr, exitCode: stderr ? 1 : 0};
});

const humanUnits = 'KMGTPEZY';
function sortValue(text: string, kind: 'n' | 'h' | 'g'): number {
	const m = /^\s*([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)([KMGTPEZY]?)/.exec(text);
	if (!m) return kind === 'g' ? Number.NEGATIVE_INFINITY : 0;
	return Number(m[1]) * (kind === 'h' && m[2] ? 1024 ** (humanUnits.indexOf(m[2]) + 1) : 1);
}

type Key = {field: number; char: number; endField?: number; endChar?: number; flags: string};

function parseKey(def: string): Key | string {
	const m = /^(\d+)(?:\.(\d+))?([bdfghinrMRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrMRV]*))?$/.exec(def);
	if (!m) return `invalid number at field start: invalid count at start of '${def}'`;
	if (Number(m[1]) === 0) return `field number is zero: invalid field specification '${def}'`;
	return {field: Number(m[1]), char: Number(m[2] ?? 1), ...(m[4] ? {endField: Number(m[4])} : {}), ...(m[5] ? {endChar: Number(m[5])} : {}), flags: (m[3] ?? '') + (m[6] ?? '')};
}

export const sort = filterCommand('sort', 'sort lines (-n numbers, -r reverse, -u unique, -k field, -t separator)', (given, ctx) => {
	const separator = given.value('field-separator');
	if (separator !== undefined && [...separator].length !== 1) return {stdout: '', stderr: `sort: multi-character tab '${separator}'\n`, exitCode: 2};
	const keys: Key[] = [];
	for (const def of given.values('key')) {
		const key = parseKey(def);
		if (typeof key === 'string') return {stdout: '', stderr: `sort: ${key}\n`, exitCode: 2};
		keys.push(key);
	}
	let text = '';
	for (const file of given.operands.length ? given.operands : ['-']) {
		const input = file === '-' ? {text: ctx.stdin} : inputOf([file], ctx, 'sort');
		if ('error' in input) return {stdout: '', stderr: `sort: cannot read: ${file}: No such file or directory\n`, exitCode: 2};
		text += input.text && !input.text.endsWith('\n') ? input.text + '\n' : input.text;
	}
	const global = ['ignore-leading-blanks', 'ignore-case', 'general-numeric-sort', 'human-numeric-sort', 'numeric-sort', 'reverse', 'version-sort'].filter(k => given.has(k)).map(k => ({'ignore-leading-blanks': 'b', 'ignore-case': 'f', 'general-numeric-sort': 'g', 'human-numeric-sort': 'h', 'numeric-sort': 'n', reverse: 'r', 'version-sort': 'V'})[k]).join('');
	const fieldsOf = (line: string): string[] => (separator !== undefined ? line.split(separator) : line.match(/\s*\S+/g) ?? ['']);
	const extract = (line: string, key: Key): string => {
		const fields = fieldsOf(line);
		const end = key.endField ?? fields.length;
		const picked = fields.slice(key.field - 1, end).join(separator ?? '');
		return picked.slice(key.char - 1);
	};
	const compare = (a: string, b: string, flags: string): number => {
		let x = flags.includes('b') ? a.trimStart() : a;
		let y = flags.includes('b') ? b.trimStart() : b;
		if (flags.includes('f')) [x, y] = [x.toUpperCase(), y.toUpperCase()];
		const numeric = flags.match(/[nhg]/)?.[0] as 'n' | 'h' | 'g' | undefined;
		let result = numeric ? sortValue(x, numeric) - sortValue(y, numeric) : flags.includes('V') ? x.localeCompare(y, 'en', {numeric: true}) : x < y ? -1 : x > y ? 1 : 0;
		if (flags.includes('r')) result = -result;
		return result;
	};
	const compareLines = (a: string, b: string): number => {
		for (const key of keys) {
			const result = compare(extract(a, key), extract(b, key), key.flags.replace(/[^bfghnrV]/g, '') || global);
			if (result) return result;
		}
		if (keys.length === 0) {
			const result = compare(a, b, global);
			if (result) return result;
		}
		if (given.has('unique') || given.has('stable')) return 0;
		const last = a < b ? -1 : a > b ? 1 : 0;
		return global.includes('r') ? -last : last;
	};
	let out = lines(text).sort(compareLines);
	if (given.has('unique')) out = out.filter((line, i) => i === 0 || compareLines(out[i - 1]!, line) !== 0);
	const output = given.value('output');
	if (output !== undefined) return {stdout: '', stderr: `[simulator] sort writes to standard output only here; use sort ... > ${output}\n`, exitCode: 2};
	return {stdout: joinLines(out), exitCode: 0};
});
