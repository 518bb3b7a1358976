// The filters learners pipe into: grep, head, tail, wc, sort. Input is the previous command's stdout.
import type {CommandContext, CommandOutcome, CommandSpec} from '../types.ts';
import {readPath} from '../paths.ts';

function inputOf(files: string[], ctx: CommandContext, tool: string): {text: string} | {error: CommandOutcome} {
	if (files.length === 0) return {text: ctx.stdin};
	let text = '';
	for (const file of files) {
		const read = readPath(ctx.world, ctx.frame, file);
		if ('error' in read) return {error: {stdout: '', stderr: `${tool}: ${file}: ${read.error}\n`, exitCode: tool === 'grep' ? 2 : 1}};
		text += read.content;
	}
	return {text};
}

function lines(text: string): string[] {
	if (!text) return [];
	const out = text.split('\n');
	if (out[out.length - 1] === '') out.pop();
	return out;
}

const joinLines = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Translates a basic regular expression (grep's default) into a JavaScript one. */
function basicToExtended(pattern: string): string {
	return pattern.replace(/\\([|(){}+?])|([|(){}+?])/g, (_m, escaped: string | undefined, plain: string | undefined) => (escaped ? escaped : `\\${plain}`));
}

export const grep: CommandSpec = {
	name: 'grep',
	summary: 'print lines that match a pattern',
	flags: ['-i', '-v', '-c', '-E', '-F', '-w', '-n', '-o'],
	run(args, ctx) {
		const flags = new Set<string>();
		const rest: string[] = [];
		let pattern: string | undefined;
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (a === '-e') pattern = args[++i];
			else if (/^-[ivcEFwno]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
			else if (a.startsWith('-') && a.length > 1) return {stdout: '', stderr: `grep: invalid option -- '${a.slice(1)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n`, exitCode: 2};
			else rest.push(a);
		}
		if (pattern === undefined) pattern = rest.shift();
		if (pattern === undefined) return {stdout: '', stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", exitCode: 2};
		const input = inputOf(rest, ctx, 'grep');
		if ('error' in input) return input.error;
		let source = flags.has('F') ? escapeRegExp(pattern) : flags.has('E') ? pattern : basicToExtended(pattern);
		if (flags.has('w')) source = `\\b(?:${source})\\b`;
		let regex: RegExp;
		try {
			regex = new RegExp(source, flags.has('i') ? 'i' : '');
		} catch {
			return {stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2};
		}
		const all = lines(input.text);
		const matched: string[] = [];
		all.forEach((line, index) => {
			if (regex.test(line) !== flags.has('v')) matched.push(flags.has('n') ? `${index + 1}:${line}` : line);
		});
		if (flags.has('c')) return {stdout: `${matched.length}\n`, exitCode: matched.length ? 0 : 1};
		if (flags.has('o') && !flags.has('v')) {
			const global = new RegExp(regex.source, regex.flags + 'g');
			const parts = matched.flatMap(line => [...line.matchAll(global)].map(m => m[0]));
			return {stdout: joinLines(parts), exitCode: parts.length ? 0 : 1};
		}
		return {stdout: joinLines(matched), exitCode: matched.length ? 0 : 1};
	},
};

function countOption(args: string[], tool: string): {count: number; files: string[]} | {error: CommandOutcome} {
	let count = 10;
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		let value: string | undefined;
		if (a === '-n') value = args[++i];
		else if (a.startsWith('-n')) value = a.slice(2);
		else if (/^-\d+$/.test(a)) value = a.slice(1);
		else if (a.startsWith('-') && a.length > 1) return {error: {stdout: '', stderr: `${tool}: invalid option -- '${a.slice(1)}'\n`, exitCode: 1}};
		else files.push(a);
		if (value !== undefined) {
			const n = Number(value.replace(/^\+/, ''));
			if (!Number.isInteger(n) || n < 0) return {error: {stdout: '', stderr: `${tool}: invalid number of lines: '${value}'\n`, exitCode: 1}};
			count = n;
		}
	}
	return {count, files};
}

export const head: CommandSpec = {
	name: 'head',
	summary: 'print the first lines of the input',
	flags: ['-n'],
	run(args, ctx) {
		const options = countOption(args, 'head');
		if ('error' in options) return options.error;
		const input = inputOf(options.files, ctx, 'head');
		if ('error' in input) return input.error;
		return {stdout: joinLines(lines(input.text).slice(0, options.count)), exitCode: 0};
	},
};

export const tail: CommandSpec = {
	name: 'tail',
	summary: 'print the last lines of the input',
	flags: ['-n'],
	run(args, ctx) {
		const options = countOption(args, 'tail');
		if ('error' in options) return options.error;
		const input = inputOf(options.files, ctx, 'tail');
		if ('error' in input) return input.error;
		const all = lines(input.text);
		return {stdout: joinLines(options.count === 0 ? [] : all.slice(-options.count)), exitCode: 0};
	},
};

export const wc: CommandSpec = {
	name: 'wc',
	summary: 'count lines, words and bytes',
	flags: ['-l', '-w', '-c'],
	run(args, ctx) {
		const flags = new Set<string>();
		const files: string[] = [];
		for (const a of args) {
			if (/^-[lwc]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
			else if (a.startsWith('-') && a.length > 1) return {stdout: '', stderr: `wc: invalid option -- '${a.slice(1)}'\n`, exitCode: 1};
			else files.push(a);
		}
		const input = inputOf(files, ctx, 'wc');
		if ('error' in input) return input.error;
		const text = input.text;
		const counts: Record<string, number> = {
			l: (text.match(/\n/g) ?? []).length,
			w: text.split(/\s+/).filter(Boolean).length,
			c: Buffer.byteLength(text),
		};
		const chosen = flags.size ? ['l', 'w', 'c'].filter(f => flags.has(f)) : ['l', 'w', 'c'];
		const cells = chosen.map(f => String(counts[f]));
		const width = chosen.length === 1 ? 0 : Math.max(...cells.map(c => c.length));
		return {stdout: cells.map(c => c.padStart(width)).join(' ') + (files.length ? ` ${files.join(' ')}` : '') + '\n', exitCode: 0};
	},
};

export const sort: CommandSpec = {
	name: 'sort',
	summary: 'sort lines',
	flags: ['-r', '-n', '-u'],
	run(args, ctx) {
		const flags = new Set(args.filter(a => /^-[rnu]+$/.test(a)).flatMap(a => [...a.slice(1)]));
		const input = inputOf(args.filter(a => !a.startsWith('-')), ctx, 'sort');
		if ('error' in input) return input.error;
		let out = lines(input.text);
		out.sort(flags.has('n') ? (a, b) => parseFloat(a) - parseFloat(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
		if (flags.has('r')) out.reverse();
		if (flags.has('u')) out = [...new Set(out)];
		return {stdout: joinLines(out), exitCode: 0};
	},
};
