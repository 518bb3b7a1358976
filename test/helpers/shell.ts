// Plain-function test helpers: build a sandbox, run command lines, read the output.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {realDisk} from '../../source/node/real-disk.ts';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import type {World} from '../../source/engine/world.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {terminalText} from '../../source/shell/output-chunks.ts';
import {runLine, type ShellRuntime} from '../../source/shell/run-line.ts';
import {createShellState} from '../../source/shell/session.ts';
import type {LineResult, ShellState} from '../../source/shell/types.ts';

export function sandboxShell(options: {world?: World; files?: Record<string, string>; host?: string} = {}): {state: ShellState; runtime: ShellRuntime} {
	const world = options.world ?? createSandboxWorld();
	return {state: createShellState(world, options.host ?? learnerHost), runtime: createSimulation().bare(memoryDisk(options.files))};
}

/** Runs each line in turn; returns the final state and every line's result. */
export function runAll(shell: {state: ShellState; runtime: ShellRuntime}, lines: string[]): {state: ShellState; results: LineResult[]} {
	let state = shell.state;
	const results: LineResult[] = [];
	for (const line of lines) {
		const result = runLine(state, line, shell.runtime);
		results.push(result);
		state = result.state;
	}
	shell.state = state;
	return {state, results};
}

/** Runs one line and returns stdout + stderr as the learner would see them. */
export function run(shell: {state: ShellState; runtime: ShellRuntime}, line: string): LineResult & {text: string} {
	const result = runLine(shell.state, line, shell.runtime);
	shell.state = result.state;
	return {...result, text: terminalText(result)};
}

/**
 * Replays a walk-through script from test/scripts/ in the sandbox (files beside it on the disk),
 * asserting every line succeeds without an internal error; returns each line's output.
 */
export function replayScript(name: string): {lines: string[]; outputs: string[]; all(command: string): string[]; at(command: string): string} {
	const scripts = fileURLToPath(new URL('../scripts/', import.meta.url));
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(scripts)};
	const lines = readFileSync(scripts + name, 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'));
	const outputs: string[] = [];
	for (const line of lines) {
		const result = run(shell, line);
		outputs.push(result.text);
		assert.equal(result.exitCode, 0, `${line}\n${result.text}`);
		assert.ok(!result.text.includes('internal error'), `${line}\n${result.text}`);
	}
	const all = (command: string) => lines.flatMap((l, i) => (l === command ? [outputs[i]!] : []));
	return {lines, outputs, all, at: command => all(command)[0]!};
}
