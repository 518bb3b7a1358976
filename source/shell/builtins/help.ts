import type {CommandSpec} from '../types.ts';
import {bashBuiltinOrder, bashHelpTexts} from './bash-help-texts.ts';

/**
 * `help PATTERN...` is bash's: the help of each builtin whose name starts with a pattern (its own
 * texts, bash-help-texts.ts), -d a short description, -s the synopsis. `help` alone lists what
 * the simulated shell understands, from the session's command table (the tutor's own list).
 */
export const helpCommand: CommandSpec = {
	name: 'help',
	summary: 'list the commands this simulated shell understands; help BUILTIN shows bash\'s help for it',
	run(args, ctx) {
		let mode: 'full' | 'short' | 'synopsis' = 'full';
		let i = 0;
		for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
			const a = args[i]!;
			if (a === '--') {
				i++;
				break;
			}
			for (const letter of a.slice(1)) {
				if (letter === 'd') mode = 'short';
				else if (letter === 's') mode = 'synopsis';
				else if (letter === 'm') return {stdout: '', stderr: '[simulator] help -m (the pseudo-manpage format) is not simulated here\n', exitCode: 0};
				else return {stdout: '', stderr: `bash: help: -${letter}: invalid option\nhelp: usage: help [-dms] [pattern ...]\n`, exitCode: 2};
			}
		}
		const patterns = args.slice(i);
		if (patterns.length === 0) {
			const specs = [...ctx.runtime.commands.values()].sort((a, b) => a.name.localeCompare(b.name));
			const width = Math.max(...specs.map(s => s.name.length));
			const rows = specs.map(s => `  ${s.name.padEnd(width)}  ${s.summary}`);
			return {stdout: `Commands in this simulated shell:\n${rows.join('\n')}\n`, exitCode: 0};
		}
		let stdout = '';
		let stderr = '';
		let matched = false;
		for (const pattern of patterns) {
			if (/[*?[]/.test(pattern)) {
				stderr += `[simulator] help with a glob pattern ('${pattern}') is not simulated here; give the start of a builtin's name\n`;
				continue;
			}
			for (const name of bashBuiltinOrder.filter(n => n.startsWith(pattern))) {
				matched = true;
				const text = bashHelpTexts[name];
				if (!text) {
					stderr += `[simulator] bash's help text for '${name}' is not included here; see man bash\n`;
					continue;
				}
				const [synopsis = '', description = ''] = text.split('\n');
				stdout += mode === 'full' ? text : mode === 'synopsis' ? `${synopsis}\n` : `${name} - ${description.trim()}\n`;
			}
		}
		if (!matched && !stderr) {
			const last = patterns[patterns.length - 1]!;
			return {stdout: '', stderr: `bash: help: no help topics match \`${last}'.  Try \`help help' or \`man -k ${last}' or \`info ${last}'.\n`, exitCode: 1};
		}
		return {stdout, stderr, exitCode: 0};
	},
};
