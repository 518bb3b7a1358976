// Output helpers shared by the docker subcommands.
import {flagErrorText} from './usage-lines.ts';
import type {CommandOutcome} from '../../types.ts';

/**
 * Columns as docker's tabwriter lays them out (minwidth 10, padding 3): each column as wide as
 * its widest cell plus 3, at least 10; the last column unpadded.
 */
export function table(rows: string[][]): string {
	if (rows.length === 0) return '';
	const columns = Math.max(...rows.map(r => r.length));
	const widths: number[] = [];
	for (let c = 0; c < columns - 1; c++) widths.push(Math.max(10, ...rows.map(r => [...(r[c] ?? '')].length + 3)));
	return rows.map(r => r.map((cell, c) => (c < columns - 1 ? cell + ' '.repeat(Math.max(0, widths[c]! - [...cell].length)) : cell)).join('').replace(/\s+$/, '')).join('\n') + '\n';
}

/** Cuts text to `max` characters with docker's ellipsis. */
export function ellipsis(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export function ok(stdout: string, extra: Partial<CommandOutcome> = {}): CommandOutcome {
	return {stdout, exitCode: 0, ...extra};
}

export function fail(stderr: string, exitCode = 1, extra: Partial<CommandOutcome> = {}): CommandOutcome {
	return {stdout: '', stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode, ...extra};
}

/** `Error response from daemon: ...` as the CLI prints a daemon error (exit 1). */
export function daemonError(message: string, prefix = ''): CommandOutcome {
	return fail(`${prefix}Error response from daemon: ${message}`, prefix ? 125 : 1);
}

/** Usage errors as docker CLI 28 prints them: `unknown flag: --x`, the usage line, `Run 'docker run --help' ...`. */
export function usageError(message: string, subcommand: string): CommandOutcome {
	return fail(flagErrorText(message, subcommand), 125);
}

/** One line per real flag the simulation accepts without modelling it. */
export function notSimulatedNote(flags: string[]): string {
	return flags.map(f => `[simulator] ${f} is accepted, not simulated here\n`).join('');
}
