// seq: numbers from FIRST (1) by INCREMENT (1) up to LAST, one per line, for `for i in $(seq 3)`.
import type {CommandSpec} from '../types.ts';

const longestRun = 100_000;

export const seq: CommandSpec = {
	name: 'seq',
	summary: 'print a sequence of numbers: seq 5, seq 2 10, seq 0 5 100',
	usage: 'seq [FIRST [INCREMENT]] LAST',
	run(args) {
		if (args.length === 0 || args.length > 3) return {stdout: '', stderr: `seq: ${args.length ? `extra operand '${args[3]}'` : 'missing operand'}\nTry 'seq --help' for more information.\n`, exitCode: 1};
		const bad = args.find(a => !/^[+-]?\d+(\.\d+)?$/.test(a));
		if (bad !== undefined) return {stdout: '', stderr: `seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`, exitCode: 1};
		const numbers = args.map(Number);
		const [first, step, last] = numbers.length === 1 ? [1, 1, numbers[0]!] : numbers.length === 2 ? [numbers[0]!, 1, numbers[1]!] : (numbers as [number, number, number]);
		if (step === 0) return {stdout: '', stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", exitCode: 1};
		const lines: string[] = [];
		for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
			if (lines.length >= longestRun) return {stdout: lines.join('\n') + '\n', stderr: `[simulator] seq stopped after ${longestRun} numbers\n`, exitCode: 1};
			lines.push(String(n));
		}
		return {stdout: lines.length ? lines.join('\n') + '\n' : '', exitCode: 0};
	},
};
