// test and [ : string, integer and file tests, for `if` and `while` conditions.
import {pathKind, readPath} from '../paths.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../types.ts';

class TestError extends Error {}

function integer(text: string, name: string): number {
	if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new TestError(`${name}: ${text}: integer expression expected`);
	return Number(text);
}

const binaryOps: Record<string, (a: string, b: string, name: string) => boolean> = {
	'=': (a, b) => a === b,
	'==': (a, b) => a === b,
	'!=': (a, b) => a !== b,
	'<': (a, b) => a < b,
	'>': (a, b) => a > b,
	'-eq': (a, b, n) => integer(a, n) === integer(b, n),
	'-ne': (a, b, n) => integer(a, n) !== integer(b, n),
	'-lt': (a, b, n) => integer(a, n) < integer(b, n),
	'-le': (a, b, n) => integer(a, n) <= integer(b, n),
	'-gt': (a, b, n) => integer(a, n) > integer(b, n),
	'-ge': (a, b, n) => integer(a, n) >= integer(b, n),
};

function unary(op: string, arg: string, ctx: CommandContext): boolean | undefined {
	const kind = () => pathKind(ctx.world, ctx.frame, arg);
	switch (op) {
		case '-z':
			return arg === '';
		case '-n':
			return arg !== '';
		case '-e':
		case '-r':
		case '-w':
			return kind() !== undefined;
		case '-f':
			return kind() === 'file';
		case '-d':
			return kind() === 'dir';
		case '-s': {
			const read = readPath(ctx.world, ctx.frame, arg);
			return 'content' in read && read.content.length > 0;
		}
		case '-x':
			return kind() === 'dir' || /\/(s?bin)\//.test(arg);
	}
	return undefined;
}

function evaluate(args: string[], ctx: CommandContext, name: string): boolean {
	if (args[0] === '!' && args.length > 1) return !evaluate(args.slice(1), ctx, name);
	if (args.length === 0) return false;
	if (args.length === 1) return args[0] !== '';
	if (args.length === 2) {
		const result = unary(args[0]!, args[1]!, ctx);
		if (result === undefined) throw new TestError(`${name}: ${args[0]}: unary operator expected`);
		return result;
	}
	if (args.length === 3) {
		const op = binaryOps[args[1]!];
		if (op) return op(args[0]!, args[2]!, name);
		throw new TestError(`${name}: ${args[1]}: binary operator expected`);
	}
	const or = args.indexOf('-o');
	if (or > 0) return evaluate(args.slice(0, or), ctx, name) || evaluate(args.slice(or + 1), ctx, name);
	const and = args.indexOf('-a');
	if (and > 0) return evaluate(args.slice(0, and), ctx, name) && evaluate(args.slice(and + 1), ctx, name);
	throw new TestError(`${name}: too many arguments`);
}

function runTest(name: string, args: string[], ctx: CommandContext): CommandOutcome {
	try {
		return {stdout: '', exitCode: evaluate(args, ctx, name) ? 0 : 1};
	} catch (error) {
		if (error instanceof TestError) return {stdout: '', stderr: `bash: ${error.message}\n`, exitCode: 2};
		throw error;
	}
}

export const testCommand: CommandSpec = {
	name: 'test',
	summary: 'check a condition: test -f FILE, test "$A" = b, test 3 -lt 5',
	run: (args, ctx) => runTest('test', args, ctx),
};

export const bracket: CommandSpec = {
	name: '[',
	summary: 'check a condition: [ -f FILE ], [ "$A" = b ], [ 3 -lt 5 ]',
	run(args, ctx) {
		if (args[args.length - 1] !== ']') return {stdout: '', stderr: "bash: [: missing `]'\n", exitCode: 2};
		return runTest('[', args.slice(0, -1), ctx);
	},
};
