import {withOptions} from '../checked-command.ts';
import {parseOptions} from '../options.ts';
import type {CommandSpec} from '../types.ts';
import {builtinOptions} from './builtin-options.ts';
import {bashBuiltinOrder, bashHelpTexts} from './bash-help-texts.ts';

/**
 * `help PATTERN...` is bash's: the help of each builtin whose name starts with a pattern (its own
 * texts, bash-help-texts.ts), -d a short description, -s the synopsis. `help` alone lists what
 * the simulated shell understands, from the session's command table (the tutor's own list).
 */
const helpOptions = builtinOptions['help']!;

export const helpCommand: CommandSpec = withOptions({
	name: 'help',
	summary: 'list the commands this simulated shell understands; help BUILTIN shows bash\'s help for it',
	run(args, ctx) {
		const read = parseOptions('help', helpOptions, args);
		const given = read.kind === 'ok' ? read.parsed.given : [];
		if (given.some(g => g.key === 'm')) return {stdout: '', stderr: '[simulator] help -m (the pseudo-manpage format) is not simulated here\n', exitCode: 0};
		// The last of -d and -s given decides, as bash's loop over them does.
		const last = given.at(-1)?.key;
		const mode = last === 'd' ? 'short' : last === 's' ? 'synopsis' : 'full';
		const patterns = read.kind === 'ok' ? read.parsed.operands : [];
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
}, helpOptions);
