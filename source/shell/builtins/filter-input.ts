// What a filter reads: the files it was given (on the simulated host), else its standard input.
import {readPath} from '../paths.ts';
import type {CommandContext, CommandOutcome} from '../types.ts';

export function inputOf(files: string[], ctx: CommandContext, tool: string): {text: string} | {error: CommandOutcome} {
	if (files.length === 0) return {text: ctx.stdin};
	let text = '';
	for (const file of files) {
		if (file === '-') {
			text += ctx.stdin;
			continue;
		}
		const read = readPath(ctx.world, ctx.frame, file);
		if ('error' in read) return {error: {stdout: '', stderr: `${tool}: ${file}: ${read.error}\n`, exitCode: tool === 'grep' || tool === 'sort' ? 2 : 1}};
		text += read.content;
	}
	return {text};
}

export function lines(text: string): string[] {
	if (!text) return [];
	const out = text.split('\n');
	if (out[out.length - 1] === '') out.pop();
	return out;
}

export const joinLines = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');
