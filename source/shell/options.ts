// One option spec per command, read the way the real tool reads argv (getopt_long for GNU and
// util-linux, BSD getopt for ssh, iproute2's single-dash words, procps ps's three syntaxes): the
// options a command accepts, what `--help` prints, what Tab completion offers, and the real
// tool's words for an option it does not know. The command then reads what was parsed.
import {badOption, optionLine} from './option-words.ts';
import type {OptionDef, OptionsOutcome, OptionsSpec, Problem} from './option-types.ts';

export type {OptionDef, OptionsOutcome, OptionsSpec, OptionStyle, Problem} from './option-types.ts';

/** One option of a spec: its short and long names, whether it takes a value, and its help line. */
export const flag = (short: string | undefined, long: string | undefined, help: string, value?: OptionDef['value'], argName?: string, extra: Partial<OptionDef> = {}): OptionDef => ({
	...(short ? {short} : {}),
	...(long ? {long} : {}),
	...(value ? {value} : {}),
	...(argName ? {argName} : {}),
	help,
	...extra,
});

/** What was given: each option by its long name (else its short letter), in order, and the operands. */
export class ParsedOptions {
	readonly given: {key: string; value: string | undefined; as: string}[] = []; // as: the option as typed ("-l", "l", "--forest")
	readonly operands: string[] = [];
	has(key: string): boolean {
		return this.given.some(g => g.key === key);
	}
	/** The last value given for `key` (the one getopt users keep). */
	value(key: string): string | undefined {
		for (let i = this.given.length - 1; i >= 0; i--) if (this.given[i]!.key === key) return this.given[i]!.value;
		return undefined;
	}
	values(key: string): string[] {
		return this.given.filter(g => g.key === key && g.value !== undefined).map(g => g.value!);
	}
}

export type OptionsParse = {kind: 'ok'; parsed: ParsedOptions} | {kind: 'help'; outcome: OptionsOutcome} | {kind: 'bad'; outcome: OptionsOutcome; problem: Problem};
export type OptionsCheck = {kind: 'ok'} | {kind: 'help'; outcome: OptionsOutcome} | {kind: 'bad'; outcome: OptionsOutcome};

const helpOption: OptionDef = {long: 'help', help: 'display this help and exit'};
const keyOf = (o: OptionDef): string => o.key ?? o.long ?? o.short ?? o.bsd!;

function withHelp(spec: OptionsSpec): OptionDef[] {
	if (spec.style === 'iproute2' || spec.style === 'bsd') return spec.options;
	return spec.options.some(o => o.long === 'help') ? spec.options : [...spec.options, helpOption];
}

/** Reads `args` against the spec: `--help` prints the help, an unknown option or a missing value answers as the tool does. */
export function parseOptions(name: string, spec: OptionsSpec, rawArgs: string[]): OptionsParse {
	const args = spec.preRead ? spec.preRead(rawArgs) : rawArgs;
	const options = withHelp(spec);
	const parsed = new ParsedOptions();
	const bad = (problem: Problem): OptionsParse => ({kind: 'bad', outcome: badOption(name, spec, options, problem), problem});
	const take = (option: OptionDef, value: string | undefined, as: string): OptionsParse | undefined => {
		if (option.long === 'help') return {kind: 'help', outcome: helpOutcome(spec, options, value)};
		parsed.given.push({key: keyOf(option), value, as});
		return undefined;
	};
	if (spec.style === 'iproute2') return parseIproute2(options, args, parsed, bad, take);
	if (spec.wholeWords) return parseWholeWords(options, args, parsed, bad, take);
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			parsed.operands.push(...args.slice(i + 1));
			break;
		}
		const isOperand = !arg.startsWith('-') || arg === '-';
		if (isOperand && spec.style === 'ps' && !(spec.numericOperands && /^\d[\d,]*$/.test(arg))) {
			// ps: a bare word is BSD options (`ps aux`); letters that take a value end the word.
			for (let j = 0; j < arg.length; j++) {
				const option = options.find(o => o.bsd === arg[j]);
				if (!option) return bad({kind: 'unknown-bsd'});
				if (option.value === 'required') {
					const value = arg.slice(j + 1) || args[++i];
					if (value === undefined) return bad({kind: 'needs-list', flag: option.bsd!});
					const stop = take(option, value, option.bsd!);
					if (stop) return stop;
					break;
				}
				const stop = take(option, undefined, option.bsd!);
				if (stop) return stop;
			}
			continue;
		}
		if (isOperand) {
			if (spec.stopAtOperand) {
				parsed.operands.push(...args.slice(i));
				break;
			}
			parsed.operands.push(arg);
			continue;
		}
		if (arg.startsWith('--') && (spec.style === 'bsd' || spec.shortOnly)) return bad({kind: 'unknown-short', letter: '-'});
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const typed = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
			const exact = options.find(o => o.long === typed);
			const prefixed = options.filter(o => o.long?.startsWith(typed));
			const option = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
			if (!option) return bad(prefixed.length > 1 ? {kind: 'ambiguous', arg: eq >= 0 ? arg.slice(0, eq) : arg, possibilities: prefixed.map(o => o.long!)} : {kind: 'unknown-long', arg: eq >= 0 && spec.style === 'curl' ? arg.slice(0, eq) : arg});
			if (!option.value && eq >= 0) return bad({kind: 'no-argument-allowed', long: option.long!, arg});
			let value = eq >= 0 ? arg.slice(eq + 1) : undefined;
			if (option.value === 'required' && eq < 0) {
				if (i + 1 >= args.length) return bad({kind: 'needs-argument-long', long: option.long!, arg});
				value = args[++i]!;
			}
			const stop = take(option, value, `--${option.long}`);
			if (stop) return stop;
			continue;
		}
		for (let j = 1; j < arg.length; j++) {
			const option = options.find(o => o.short === arg[j]);
			if (!option) return bad({kind: 'unknown-short', letter: arg[j]!});
			if (option.value && !option.longOnlyValue) {
				let value: string | undefined = arg.slice(j + 1) || undefined;
				if (value === undefined && option.value === 'required') {
					if (i + 1 >= args.length) return bad({kind: 'needs-argument-short', letter: arg[j]!});
					value = args[++i]!;
				}
				const stop = take(option, value, `-${option.short}`);
				if (stop) return stop;
				break;
			}
			const stop = take(option, undefined, `-${option.short}`);
			if (stop) return stop;
		}
	}
	return {kind: 'ok', parsed};
}

/** iproute2: `-word` options matched by prefix in the order ip tries them (-n is -netns, -b is -batch), up to the object. */
function parseIproute2(options: OptionDef[], args: string[], parsed: ParsedOptions, bad: (p: Problem) => OptionsParse, take: (o: OptionDef, v: string | undefined, as: string) => OptionsParse | undefined): OptionsParse {
	let i = 0;
	for (; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '--') {
			i++;
			break;
		}
		if (!arg.startsWith('-')) break;
		const opt = arg.startsWith('--') ? arg.slice(1) : arg;
		const word = opt.slice(1);
		const option = word ? options.find(o => o.long?.startsWith(word)) : undefined;
		if (!option) return bad({kind: 'unknown-long', arg: opt});
		let value: string | undefined;
		if (option.value === 'required') value = args[++i];
		const stop = take(option, value, `-${option.long}`);
		if (stop) return stop;
	}
	parsed.operands.push(...args.slice(i));
	return {kind: 'ok', parsed};
}

/** stress's loop: `-c` or `--cpu` exactly, the value the next word; any other word is unknown. */
function parseWholeWords(options: OptionDef[], args: string[], parsed: ParsedOptions, bad: (p: Problem) => OptionsParse, take: (o: OptionDef, v: string | undefined, as: string) => OptionsParse | undefined): OptionsParse {
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		const option = options.find(o => (o.short && arg === `-${o.short}`) || (o.long && arg === `--${o.long}`));
		if (!option) return bad({kind: 'unknown-long', arg});
		if (option.value === 'required' && i + 1 >= args.length) return bad({kind: 'needs-argument-long', long: option.long ?? option.short!, arg});
		const stop = take(option, option.value === 'required' ? args[++i] : undefined, arg);
		if (stop) return stop;
	}
	return {kind: 'ok', parsed};
}

/** The same check without the parsed result (commands whose own code still reads the words). */
export function checkOptions(name: string, spec: OptionsSpec, args: string[]): OptionsCheck {
	const result = parseOptions(name, spec, args);
	return result.kind === 'ok' ? {kind: 'ok'} : result;
}

function helpOutcome(spec: OptionsSpec, options: OptionDef[], section?: string): OptionsOutcome {
	if (!spec.help) return {stdout: helpText(spec, options), exitCode: 0};
	const {stream = 'stdout', exitCode = 0} = spec.help;
	const text = (section !== undefined && spec.help.sections?.[section]) || spec.help.text;
	return stream === 'stdout' ? {stdout: text, exitCode} : {stdout: '', stderr: text, exitCode};
}

/** `--help` in the shape util-linux and procps print it (usage, what it does, the options). */
export function helpText(spec: OptionsSpec, options: OptionDef[] = withHelp(spec)): string {
	const usage = spec.usage.map(u => ` ${u}`).join('\n');
	return `\nUsage:\n${usage}\n\n${spec.about}\n\nOptions:\n${options.map(optionLine).join('\n')}\n`;
}

/** What Tab completion offers for a spec. */
export function optionNames(spec: OptionsSpec): string[] {
	if (spec.style === 'iproute2') return spec.options.flatMap(o => (o.long ? [`-${o.long}`] : []));
	return spec.options.flatMap(o => [...(o.short ? [`-${o.short}`] : []), ...(o.long ? [`--${o.long}`] : [])]);
}
