// sed (GNU sed 4.9): the stream editor, on standard input or files of the simulated host, -i
// writing them back. A script that loops without end or grows its buffers without bound is
// stopped with a [simulator] line (the real sed would run until Ctrl-C), so the tutor never hangs.
// Longer than ~300 lines because the execution cycle, the hold space and -i's file handling are one loop.
import type {World} from '../../engine/world.ts';
import {readPath, writePath} from '../paths.ts';
import type {CommandContext, CommandOutcome} from '../types.ts';
import {filterCommand} from './filter-options.ts';
import {compileSed, type Address, type Instruction, type Replacement} from './sed-script.ts';

const maxStepsPerLine = 100_000; // a loop on one line (`:a;ba`) ends here
const maxSteps = 2_000_000; // and a whole run here
const maxBuffer = 1024 * 1024;
const globalForms = new WeakMap<RegExp, RegExp>();

type Input = {lines: string[]; endsWithNewline: boolean};
type Run = {out: string; quit?: number; stopped?: string; writes: Map<string, string>; lastRegex?: RegExp};

function splitLines(text: string, separator: string): Input {
	if (text === '') return {lines: [], endsWithNewline: true};
	const lines = text.split(separator);
	const endsWithNewline = lines[lines.length - 1] === '';
	if (endsWithNewline) lines.pop();
	return {lines, endsWithNewline};
}

function applyCase(text: string, mode: string | undefined): string {
	return mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
}

function expand(replacement: Replacement, match: RegExpExecArray): string {
	let out = '';
	let mode: string | undefined;
	let once: string | undefined;
	for (const part of replacement) {
		if (part.kind === 'case') {
			if (part.mode === 'u' || part.mode === 'l') once = part.mode;
			else mode = part.mode === 'E' ? undefined : part.mode;
			continue;
		}
		let text = applyCase(part.kind === 'text' ? part.text : (match[part.n] ?? ''), mode);
		if (once && text) {
			text = (once === 'u' ? text[0]!.toUpperCase() : text[0]!.toLowerCase()) + text.slice(1);
			once = undefined;
		}
		out += text;
	}
	return out;
}

function substitute(pattern: string, regex: RegExp, i: Instruction): {text: string; changed: boolean} {
	let global = globalForms.get(regex);
	if (!global) globalForms.set(regex, (global = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : regex.flags + 'g')));
	global.lastIndex = 0;
	let count = 0;
	let changed = false;
	let out = '';
	let last = 0;
	for (let m = global.exec(pattern); m; m = global.exec(pattern)) {
		count++;
		if (m[0] === '') global.lastIndex++;
		if (count >= (i.occurrence ?? 1) && (i.global || count === (i.occurrence ?? 1))) {
			out += pattern.slice(last, m.index) + expand(i.replacement!, m);
			last = m.index + m[0].length;
			changed = true;
			if (!i.global) break;
		}
		if (global.lastIndex > pattern.length) break;
	}
	return {text: changed ? out + pattern.slice(last) : pattern, changed};
}

/** Runs the program over the lines of one stream (all input, or one file with -i/-s). */
function runProgram(program: Instruction[], input: Input, options: {quiet: boolean; separator: string}, ctx: {world: World; frame: CommandContext['frame']}, run: Run): void {
	const active = new Map<number, number | 'regex' | 'plus'>(); // an open range, by instruction: its end line
	let hold = '';
	let steps = 0;
	let lineIndex = 0;
	const matches = (a: Address, line: number, pattern: string, isLast: boolean): boolean => {
		switch (a.kind) {
			case 'line': return line === a.n;
			case 'last': return isLast;
			case 'zero': return false;
			case 'step': return a.step <= 0 ? line === a.first : line >= a.first && (line - a.first) % a.step === 0;
			case 'regex': {
				const re = a.re ?? run.lastRegex;
				if (!re) return false;
				run.lastRegex = re;
				return re.test(pattern);
			}
		}
	};
	const selected = (index: number, i: Instruction, line: number, pattern: string, isLast: boolean): boolean => {
		if (!i.from) return true;
		if (!i.to) return matches(i.from, line, pattern, isLast);
		const end = active.get(index);
		if (end !== undefined) {
			const to = i.to;
			const closes = to.kind === 'line' ? line >= to.n : to.kind === 'plus' ? line >= (end as number) : to.kind === 'multiple' ? to.n <= 0 || line % to.n === 0 : matches(to, line, pattern, isLast);
			if (closes) active.delete(index);
			return true;
		}
		const starts = i.from.kind !== 'zero' && matches(i.from, line, pattern, isLast);
		const zeroStart = i.from.kind === 'zero' && line === 1;
		if (!starts && !zeroStart) return false;
		const to = i.to;
		if (zeroStart && to.kind === 'regex' && matches(to, line, pattern, isLast)) return true;
		if (to.kind === 'line' && to.n <= line) return true;
		if (to.kind === 'plus' && to.n === 0) return true;
		if (to.kind === 'multiple' && (to.n <= 0 || line % to.n === 0)) return true;
		active.set(index, to.kind === 'plus' ? line + to.n : 0);
		return true;
	};
	while (lineIndex < input.lines.length && run.quit === undefined && !run.stopped) {
		let pattern = input.lines[lineIndex++]!;
		let line = lineIndex;
		let substituted = false;
		let deleted = false;
		let appended = '';
		let autoprint = !options.quiet;
		const lineStart = steps;
		for (let pc = 0; pc < program.length; pc++) {
			if (++steps - lineStart > maxStepsPerLine || steps > maxSteps) {
				run.stopped = `[simulator] sed stopped after ${(steps - 1).toLocaleString('en')} commands: the script loops without end (the real sed would run until Ctrl-C)`;
				return;
			}
			if (pattern.length > maxBuffer || hold.length > maxBuffer) {
				run.stopped = '[simulator] sed stopped: its pattern or hold space grew past 1 MiB';
				return;
			}
			const i = program[pc]!;
			const isLast = lineIndex >= input.lines.length;
			const hit = selected(pc, i, line, pattern, isLast) !== i.negate;
			if (i.op === '{') {
				if (!hit) pc = i.jump! - 1;
				continue;
			}
			if (!hit || i.op === '}' || i.op === ':') continue;
			const emit = (text: string) => {
				run.out += text + options.separator;
			};
			switch (i.op) {
				case '=': emit(String(line)); break;
				case 'a': appended += i.text + options.separator; break;
				case 'i': emit(i.text!); break;
				case 'c':
					if (!i.to || !active.has(pc)) emit(i.text!);
					deleted = true;
					break;
				case 'd': deleted = true; break;
				case 'D': {
					const nl = pattern.indexOf('\n');
					if (nl < 0) deleted = true;
					else {
						pattern = pattern.slice(nl + 1);
						pc = -1;
						continue;
					}
					break;
				}
				case 'p': emit(pattern); break;
				case 'P': emit(pattern.split('\n')[0]!); break;
				case 'n':
					if (autoprint) emit(pattern);
					if (lineIndex >= input.lines.length) {
						autoprint = false;
						deleted = true;
						break;
					}
					pattern = input.lines[lineIndex++]!;
					line = lineIndex;
					break;
				case 'N':
					if (lineIndex >= input.lines.length) {
						pc = program.length; // GNU prints the pattern space when N has no next line
						break;
					}
					pattern += '\n' + input.lines[lineIndex++]!;
					line = lineIndex;
					break;
				case 'h': hold = pattern; break;
				case 'H': hold += '\n' + pattern; break;
				case 'g': pattern = hold; break;
				case 'G': pattern += '\n' + hold; break;
				case 'x': [pattern, hold] = [hold, pattern]; break;
				case 'z': pattern = ''; break;
				case 'F': emit('-'); break;
				case 'l': emit(JSON.stringify(pattern).slice(1, -1).replace(/\\"/g, '"') + '$'); break;
				case 'q':
					run.quit = i.exitCode ?? 0;
					pc = program.length;
					break;
				case 'Q':
					run.quit = i.exitCode ?? 0;
					deleted = true;
					pc = program.length;
					break;
				case 'y': pattern = [...pattern].map(ch => (i.from_!.includes(ch) ? [...i.to_!][[...i.from_!].indexOf(ch)]! : ch)).join(''); break;
				case 'r': case 'R': {
					const read = readPath(ctx.world, ctx.frame, i.text!);
					if ('content' in read) appended += read.content;
					break;
				}
				case 'w': case 'W':
					run.writes.set(i.text!, (run.writes.get(i.text!) ?? '') + (i.op === 'W' ? pattern.split('\n')[0] : pattern) + '\n');
					break;
				case 'b': pc = i.jump! - 1; break;
				case 't': case 'T':
					if (substituted === (i.op === 't')) pc = i.jump! - 1;
					substituted = false;
					break;
				case 's': {
					const regex = i.regex ?? run.lastRegex;
					if (!regex) break;
					run.lastRegex = regex;
					const result = substitute(pattern, regex, i);
					if (result.changed) {
						pattern = result.text;
						substituted = true;
						if (i.print) emit(pattern);
						if (i.writeTo) run.writes.set(i.writeTo, (run.writes.get(i.writeTo) ?? '') + pattern + '\n');
					}
					break;
				}
			}
			if (deleted) break;
		}
		if (!deleted && autoprint) run.out += pattern + (lineIndex >= input.lines.length && !input.endsWithNewline ? '' : options.separator);
		run.out += appended;
		if (run.out.length > maxBuffer * 2) {
			run.stopped = '[simulator] sed stopped: it printed more than 2 MiB';
			return;
		}
	}
}

export const sed = filterCommand('sed', 'stream editor: sed s/old/new/g, sed -n 2,4p, sed /re/d', (given, ctx): CommandOutcome => {
	const operands = [...given.operands];
	const expressions = given.given.filter(g => g.key === 'expression' || g.key === 'file').map(g => {
		if (g.key === 'expression') return g.value!;
		const read = readPath(ctx.world, ctx.frame, g.value!);
		return 'content' in read ? read.content.replace(/\n$/, '') : `\u0000${g.value}`;
	});
	const unreadable = expressions.find(e => e.startsWith('\u0000'));
	if (unreadable) return {stdout: '', stderr: `sed: couldn't open file ${unreadable.slice(1)}: No such file or directory\n`, exitCode: 1};
	if (expressions.length === 0) {
		if (operands.length === 0) return {stdout: '', stderr: sedUsageText(), exitCode: 1};
		expressions.push(operands.shift()!);
	}
	const script = compileSed(expressions, given.has('regexp-extended') || given.has('r'));
	if ('error' in script) return {stdout: '', stderr: `sed: ${script.error}\n`, exitCode: script.exitCode};
	const inPlace = given.has('in-place');
	if (inPlace && operands.length === 0) return {stdout: '', stderr: 'sed: no input files\n', exitCode: 1};
	const separator = given.has('null-data') ? '\u0000' : '\n';
	const options = {quiet: given.has('quiet') || given.has('silent'), separator};
	const run: Run = {out: '', writes: new Map()};
	let world = ctx.world;
	let stderr = '';
	let exitCode = 0;
	const read = (file: string): string | undefined => {
		if (file === '-') return ctx.stdin;
		const r = readPath(world, ctx.frame, file);
		if ('content' in r) return r.content;
		stderr += r.error === 'Is a directory' ? `sed: couldn't edit ${file}: not a regular file\n` : `sed: can't read ${file}: ${r.error}\n`;
		exitCode = 2;
		return undefined;
	};
	if (inPlace || given.has('separate')) {
		for (const file of operands.length ? operands : ['-']) {
			const text = read(file);
			if (text === undefined) continue;
			const before = run.out;
			run.out = '';
			runProgram(script.program, splitLines(text, separator), options, {world, frame: ctx.frame}, run);
			if (inPlace && !run.stopped) {
				const suffix = given.value('in-place');
				if (suffix) {
					const backup = writePath(world, ctx.frame, suffix.includes('*') ? suffix.replace(/\*/g, file.split('/').pop()!) : file + suffix, text, false);
					if (backup.ok) world = backup.world;
				}
				const written = writePath(world, ctx.frame, file, run.out, false);
				if (written.ok) world = written.world;
				else stderr += `sed: couldn't open temporary file ${file}: ${written.error}\n`;
				run.out = before;
			} else run.out = before + run.out;
			if (run.quit !== undefined || run.stopped) break;
		}
	} else {
		const texts = operands.length ? operands.map(read).filter((t): t is string => t !== undefined) : [ctx.stdin];
		const joined = texts.map(t => (t === '' || t.endsWith(separator) ? t : t + separator)).join('');
		const last = texts.length ? texts[texts.length - 1]! : '';
		const input = splitLines(joined, separator);
		input.endsWithNewline = last === '' || last.endsWith(separator);
		runProgram(script.program, input, options, {world, frame: ctx.frame}, run);
	}
	for (const [file, content] of run.writes) {
		const written = writePath(world, ctx.frame, file, content, false);
		if (written.ok) world = written.world;
		else stderr += `sed: couldn't open file ${file}: ${written.error}\n`;
	}
	if (run.stopped) return {stdout: run.out, stderr: stderr + run.stopped + '\n', exitCode: 1, ...(world !== ctx.world ? {world} : {})};
	return {stdout: run.out, stderr, exitCode: run.quit ?? exitCode, ...(world !== ctx.world ? {world} : {})};
});

function sedUsageText(): string {
	return sed.options!.errorUsage!;
}
