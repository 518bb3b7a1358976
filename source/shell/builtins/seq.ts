// seq: numbers from FIRST (1) by INCREMENT (1) up to LAST, one per line, for `for i in $(seq 3)`;
// -s, -w and -f as coreutils has them.
import {parseOptions} from '../options.ts';
import type {CommandSpec} from '../types.ts';
import {builtinOptions} from './builtin-options.ts';
import {formatPrintf} from './printf.ts';

const longestRun = 100_000;

export const seq: CommandSpec = {
	name: 'seq',
	summary: 'print a sequence of numbers: seq 5, seq 2 10, seq 0 5 100',
	usage: 'seq [FIRST [INCREMENT]] LAST',
	run(rawArgs) {
		const parsed = parseOptions('seq', builtinOptions['seq']!, rawArgs);
		if (parsed.kind !== 'ok') return parsed.outcome;
		const given = parsed.parsed;
		if (given.has('version')) return {stdout: 'seq (GNU coreutils) 9.4\n', exitCode: 0};
		const args = given.operands;
		if (args.length === 0 || args.length > 3) return {stdout: '', stderr: `seq: ${args.length ? `extra operand '${args[3]}'` : 'missing operand'}\nTry 'seq --help' for more information.\n`, exitCode: 1};
		const bad = args.find(a => !/^[+-]?\d+(\.\d+)?$/.test(a));
		if (bad !== undefined) return {stdout: '', stderr: `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`, exitCode: 1};
		const format = given.value('format');
		if (format !== undefined && given.has('equal-width')) return {stdout: '', stderr: "seq: format string may not be specified when printing equal width strings\nTry 'seq --help' for more information.\n", exitCode: 1};
		const numbers = args.map(Number);
		const [first, step, last] = numbers.length === 1 ? [1, 1, numbers[0]!] : numbers.length === 2 ? [numbers[0]!, 1, numbers[1]!] : (numbers as [number, number, number]);
		if (step === 0) return {stdout: '', stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", exitCode: 1};
		const decimals = Math.max(...args.map(a => a.split('.')[1]?.length ?? 0));
		const lines: string[] = [];
		for (let i = 0, n = first; step > 0 ? n <= last + 1e-9 : n >= last - 1e-9; i++, n = first + i * step) {
			if (lines.length >= longestRun) return {stdout: lines.join(given.value('separator') ?? '\n') + '\n', stderr: `[simulator] seq stopped after ${longestRun} numbers\n`, exitCode: 1};
			lines.push(format !== undefined ? formatPrintf(format, [String(n)]).text : decimals ? n.toFixed(decimals) : String(n));
		}
		if (given.has('equal-width')) {
			const width = Math.max(...lines.map(l => l.replace('-', '').length));
			for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.startsWith('-') ? '-' + lines[i]!.slice(1).padStart(width, '0') : lines[i]!.padStart(width, '0');
		}
		return {stdout: lines.length ? lines.join(given.value('separator') ?? '\n') + '\n' : '', exitCode: 0};
	},
};
