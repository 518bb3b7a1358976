// The shapes the interpreter passes around while a line runs (kept apart so the interpreter's
// modules share them without importing each other in a circle).
import type {Command, List} from './syntax/ast.ts';
import type {OutputChunk} from './output-chunks.ts';
import type {ShellEffect, ShellRuntime, ShellState} from './types.ts';

export type {ShellRuntime};

/** The most commands one line may run, and the most times one loop may go round. */
export const commandBudget = 10_000;
export const loopBound = 1_000;
/** What a loop may print before it is stopped: a loop of `seq 60000` built hundreds of MB first. */
export const loopOutputLimit = 2 * 1024 * 1024;

/** How a command steers the lists around it; `exit`: the shell running them ended, so nothing more of it runs. */
export type Control = {kind: 'break' | 'continue'; levels: number} | {kind: 'return'} | {kind: 'exit'};

export type Outcome = {
	state: ShellState;
	stdout: string;
	stderr: string;
	exitCode: number;
	effects: ShellEffect[];
	spawnedPid?: number;
	control?: Control;
	stderrFirst?: boolean; // see CommandOutcome
	chunks?: OutputChunk[]; // both streams in the order the terminal showed them (output-chunks.ts)
};

/** What a running line carries: its runtime, its text, the shared budget and the function/loop context. */
export type Run = {
	runtime: ShellRuntime;
	line: string;
	shared: {commands: number; stopped: string | undefined};
	positional: string[];
	functionDepth: number;
	loopDepth: number;
	/** Inside ( ), $(...), a pipeline of several commands or a & job: a copy of the shell, so `exit` ends only that copy. */
	subshell?: boolean;
	/** The interpreter's entry points, for $(...) and function calls. */
	exec: {
		list(state: ShellState, list: List, stdin: string, run: Run): Outcome;
		command(state: ShellState, command: Command, stdin: string, run: Run): Outcome;
	};
};
