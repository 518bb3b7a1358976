// One option spec per command, read the way getopt_long reads argv: the options a command
// accepts, what `--help` prints, what Tab completion offers, and the real tool's words for an
// option it does not know. The command's own code then reads the arguments it was given.
import type {CommandOutcome} from './types.ts';

export type OptionDef = {
	short?: string; // "h"
	long?: string; // "human"
	value?: 'required' | 'optional'; // --width=N / -w N; optional: only as --long=VALUE
	argName?: string; // for --help: "<N>"
	help: string;
};

/** How the tool reports a bad option: GNU coreutils/util-linux, procps (usage follows), or systemd (one line). */
export type OptionStyle = 'gnu' | 'procps' | 'systemd';

export type OptionsSpec = {
	usage: string[]; // "free [options]"
	about: string;
	options: OptionDef[];
	style: OptionStyle;
	badOptionExit?: number; // 1 unless the tool says otherwise (ls: 2)
	/** Options end at the first operand (sudo, time): the rest is another command's. */
	stopAtOperand?: boolean;
};

export type OptionsCheck = {kind: 'ok'} | {kind: 'help'; outcome: CommandOutcome} | {kind: 'bad'; outcome: CommandOutcome};

const helpOption: OptionDef = {long: 'help', help: 'display this help and exit'};

/** Checks `args` against the spec: `--help` prints the help, an unknown option or a missing value answers as the tool does. */
export function checkOptions(name: string, spec: OptionsSpec, args: string[]): OptionsCheck {
	const options = [...spec.options, ...(spec.options.some(o => o.long === 'help') ? [] : [helpOption])];
	const bad = (message: string): OptionsCheck => ({kind: 'bad', outcome: badOption(name, spec, options, message)});
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') break;
		if (!arg.startsWith('-') || arg === '-') {
			if (spec.stopAtOperand) break;
			continue;
		}
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const typed = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
			const exact = options.find(o => o.long === typed);
			const prefixed = options.filter(o => o.long?.startsWith(typed));
			const option = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
			if (!option) return bad(prefixed.length > 1 ? `option '${arg}' is ambiguous; possibilities: ${prefixed.map(o => `'--${o.long}'`).join(' ')}` : `unrecognized option '${arg}'`);
			if (option.long === 'help') return {kind: 'help', outcome: {stdout: helpText(spec, options), exitCode: 0}};
			if (!option.value && eq >= 0) return bad(`option '--${option.long}' doesn't allow an argument`);
			if (option.value === 'required' && eq < 0) {
				if (i + 1 >= args.length) return bad(`option '--${option.long}' requires an argument`);
				i++;
			}
			continue;
		}
		for (let j = 1; j < arg.length; j++) {
			const option = options.find(o => o.short === arg[j]);
			if (!option) return bad(`invalid option -- '${arg[j]}'`);
			if (option.value === 'required') {
				if (j === arg.length - 1) {
					if (i + 1 >= args.length) return bad(`option requires an argument -- '${arg[j]}'`);
					i++;
				}
				break;
			}
		}
	}
	return {kind: 'ok'};
}

function badOption(name: string, spec: OptionsSpec, options: OptionDef[], message: string): CommandOutcome {
	const exitCode = spec.badOptionExit ?? 1;
	const first = `${name}: ${message}\n`;
	if (spec.style === 'systemd') return {stdout: '', stderr: first, exitCode};
	if (spec.style === 'procps') return {stdout: '', stderr: first + '\n' + usageAndOptions(spec, options, ' '), exitCode};
	return {stdout: '', stderr: `${first}Try '${name} --help' for more information.\n`, exitCode};
}

function optionLine(o: OptionDef): string {
	const value = o.value === 'required' ? ` ${o.argName ?? '<arg>'}` : o.value === 'optional' ? `[=${o.argName ?? '<arg>'}]` : '';
	const names = [o.short ? `-${o.short}` : '    ', o.long ? `--${o.long}${value}` : ''].filter(Boolean).join(o.short && o.long ? ', ' : ' ');
	return ` ${names.padEnd(30)} ${o.help}`;
}

function usageAndOptions(spec: OptionsSpec, options: OptionDef[], indent: string): string {
	const usage = spec.usage.map(u => `${indent}${u}`).join('\n');
	return `Usage:\n${usage}\n\nOptions:\n${options.map(optionLine).join('\n')}\n`;
}

/** `--help` in the shape util-linux and procps print it (usage, what it does, the options). */
export function helpText(spec: OptionsSpec, options: OptionDef[] = [...spec.options, helpOption]): string {
	const usage = spec.usage.map(u => ` ${u}`).join('\n');
	return `\nUsage:\n${usage}\n\n${spec.about}\n\nOptions:\n${options.map(optionLine).join('\n')}\n`;
}

/** What Tab completion offers for a spec. */
export function optionNames(spec: OptionsSpec): string[] {
	return spec.options.flatMap(o => [...(o.short ? [`-${o.short}`] : []), ...(o.long ? [`--${o.long}`] : [])]);
}
