// One option spec per command, read the way the real tool reads argv (getopt_long for GNU and
// util-linux, BSD getopt for ssh, iproute2's single-dash words, procps ps's three syntaxes): the
// options a command accepts, what `--help` prints, what Tab completion offers, and the real
// tool's words for an option it does not know. The command then reads what was parsed.

export type OptionsOutcome = {stdout: string; stderr?: string; exitCode: number}; // a CommandOutcome (types.ts), output only

export type OptionDef = {
	short?: string; // "h"
	long?: string; // "human" (iproute2: "netns", matched from "-n" as ip does)
	bsd?: string; // ps: the letter in BSD syntax, without a dash ("x" of `ps aux`)
	value?: 'required' | 'optional'; // --width=N / -w N; optional: --long=VALUE or -wVALUE (getopt's "w::")
	longOnlyValue?: boolean; // the short form takes no value (ls -F, unshare -m: "--mount[=<file>]")
	argName?: string; // for --help: "<N>"
	help: string;
};

/**
 * How the tool reports a bad option:
 * - gnu: coreutils/util-linux, `Try 'X --help'`;  procps: the usage and options follow;
 * - systemd: one line;  usage: the tool's own usage text follows (errorUsage);
 * - curl, bsd (OpenSSH's getopt), iproute2 and ps: each in its own words;
 * - bash: a builtin (cd, pwd, history...): `bash: cd: -Q: invalid option`, then its usage line.
 */
/** One option of a spec: its short and long names, whether it takes a value, and its help line. */
export const flag = (short: string | undefined, long: string | undefined, help: string, value?: OptionDef['value'], argName?: string, extra: Partial<OptionDef> = {}): OptionDef => ({
	...(short ? {short} : {}),
	...(long ? {long} : {}),
	...(value ? {value} : {}),
	...(argName ? {argName} : {}),
	help,
	...extra,
});

export type OptionStyle = 'gnu' | 'procps' | 'systemd' | 'usage' | 'curl' | 'bsd' | 'iproute2' | 'ps' | 'bash';

export type OptionsSpec = {
	usage: string[]; // "free [options]"
	about: string;
	options: OptionDef[];
	style: OptionStyle;
	badOptionExit?: number; // 1 unless the tool says otherwise (ls: 2)
	/** Options end at the first operand (sudo, time, unshare PROGRAM): the rest is another command's. */
	stopAtOperand?: boolean;
	/** style 'usage', 'bsd', 'ps': what the tool prints after the message. */
	errorUsage?: string;
	/** hostname prints its usage on stdout, the message on stderr. */
	errorUsageOnStdout?: boolean;
	/** The tool's own --help text (and the stream and exit it uses), when it is not the generated shape. */
	help?: {text: string; stream?: 'stdout' | 'stderr'; exitCode?: number};
	/** The tool reads short options only (plain getopt): `--bogus` is the option '-'. */
	shortOnly?: boolean;
	/** psmisc killall: a bad option prints the usage alone, without a message line. */
	usageOnly?: boolean;
	/** ps: a bare word of digits is a process list (`ps 1`), not BSD options. */
	numericOperands?: boolean;
	/** What the tool takes out before getopt sees the words: pkill's -SIGNAL, seq's negative numbers. */
	preRead?: (args: string[]) => string[];
};

/** What was given: each option by its long name (else its short letter), in order, and the operands. */
export class ParsedOptions {
	readonly given: {key: string; value: string | undefined}[] = [];
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

export type OptionsParse = {kind: 'ok'; parsed: ParsedOptions} | {kind: 'help'; outcome: OptionsOutcome} | {kind: 'bad'; outcome: OptionsOutcome};
export type OptionsCheck = {kind: 'ok'} | {kind: 'help'; outcome: OptionsOutcome} | {kind: 'bad'; outcome: OptionsOutcome};

const helpOption: OptionDef = {long: 'help', help: 'display this help and exit'};
const keyOf = (o: OptionDef): string => o.long ?? o.short ?? o.bsd!;

/** A problem with one option, told in each style's own words by badOption. */
type Problem =
	| {kind: 'unknown-long'; arg: string}
	| {kind: 'ambiguous'; arg: string; possibilities: string[]}
	| {kind: 'no-argument-allowed'; long: string; arg: string}
	| {kind: 'needs-argument-long'; long: string; arg: string}
	| {kind: 'unknown-short'; letter: string}
	| {kind: 'needs-argument-short'; letter: string}
	| {kind: 'unknown-bsd'}
	| {kind: 'needs-list'; flag: string};

function withHelp(spec: OptionsSpec): OptionDef[] {
	if (spec.style === 'iproute2' || spec.style === 'bsd') return spec.options;
	return spec.options.some(o => o.long === 'help') ? spec.options : [...spec.options, helpOption];
}

/** Reads `args` against the spec: `--help` prints the help, an unknown option or a missing value answers as the tool does. */
export function parseOptions(name: string, spec: OptionsSpec, rawArgs: string[]): OptionsParse {
	const args = spec.preRead ? spec.preRead(rawArgs) : rawArgs;
	const options = withHelp(spec);
	const parsed = new ParsedOptions();
	const bad = (problem: Problem): OptionsParse => ({kind: 'bad', outcome: badOption(name, spec, options, problem)});
	const take = (option: OptionDef, value: string | undefined): OptionsParse | undefined => {
		if (option.long === 'help') return {kind: 'help', outcome: helpOutcome(spec, options)};
		parsed.given.push({key: keyOf(option), value});
		return undefined;
	};
	if (spec.style === 'iproute2') return parseIproute2(options, args, parsed, bad, take);
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
					const stop = take(option, value);
					if (stop) return stop;
					break;
				}
				const stop = take(option, undefined);
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
			const stop = take(option, value);
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
				const stop = take(option, value);
				if (stop) return stop;
				break;
			}
			const stop = take(option, undefined);
			if (stop) return stop;
		}
	}
	return {kind: 'ok', parsed};
}

/** iproute2: `-word` options matched by prefix in the order ip tries them (-n is -netns, -b is -batch), up to the object. */
function parseIproute2(options: OptionDef[], args: string[], parsed: ParsedOptions, bad: (p: Problem) => OptionsParse, take: (o: OptionDef, v: string | undefined) => OptionsParse | undefined): OptionsParse {
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
		const stop = take(option, value);
		if (stop) return stop;
	}
	parsed.operands.push(...args.slice(i));
	return {kind: 'ok', parsed};
}

/** The same check without the parsed result (commands whose own code still reads the words). */
export function checkOptions(name: string, spec: OptionsSpec, args: string[]): OptionsCheck {
	const result = parseOptions(name, spec, args);
	return result.kind === 'ok' ? {kind: 'ok'} : result;
}

function problemInGetoptWords(problem: Problem): string {
	switch (problem.kind) {
		case 'unknown-long': return `unrecognized option '${problem.arg}'`;
		case 'ambiguous': return `option '${problem.arg}' is ambiguous; possibilities: ${problem.possibilities.map(p => `'--${p}'`).join(' ')}`;
		case 'no-argument-allowed': return `option '--${problem.long}' doesn't allow an argument`;
		case 'needs-argument-long': return `option '--${problem.long}' requires an argument`;
		case 'unknown-short': return `invalid option -- '${problem.letter}'`;
		case 'needs-argument-short': return `option requires an argument -- '${problem.letter}'`;
		case 'unknown-bsd': return 'unsupported option (BSD syntax)';
		case 'needs-list': return `option requires an argument -- '${problem.flag}'`;
	}
}

const psLists: Record<string, string> = {p: 'process IDs', pid: 'process IDs', o: 'format specifiers', format: 'format specifiers', u: 'users', user: 'users', U: 'users', t: 'terminals', tty: 'terminals', C: 'command names', g: 'groups', G: 'groups', s: 'session IDs', sid: 'session IDs', ppid: 'process IDs'};

function psProblem(problem: Problem): string {
	switch (problem.kind) {
		case 'unknown-long': case 'ambiguous': case 'no-argument-allowed': return 'unknown gnu long option';
		case 'needs-argument-long': return `list of ${psLists[problem.long] ?? 'values'} must follow --${problem.long}`;
		case 'unknown-short': return 'unsupported SysV option';
		case 'needs-argument-short': return `list of ${psLists[problem.letter] ?? 'values'} must follow -${problem.letter}`;
		case 'unknown-bsd': return 'unsupported option (BSD syntax)';
		case 'needs-list': return `list of ${psLists[problem.flag] ?? 'values'} must follow ${problem.flag}`;
	}
}

function badOption(name: string, spec: OptionsSpec, options: OptionDef[], problem: Problem): OptionsOutcome {
	const exitCode = spec.badOptionExit ?? 1;
	const first = `${name}: ${problemInGetoptWords(problem)}\n`;
	switch (spec.style) {
		case 'systemd':
			return {stdout: '', stderr: first, exitCode};
		case 'procps':
			return {stdout: '', stderr: first + '\n' + usageAndOptions(spec, options, ' '), exitCode};
		case 'usage':
			if (spec.usageOnly) return {stdout: '', stderr: spec.errorUsage ?? '', exitCode};
			return spec.errorUsageOnStdout ? {stdout: spec.errorUsage ?? '', stderr: first, exitCode} : {stdout: '', stderr: first + (spec.errorUsage ?? ''), exitCode};
		case 'curl': {
			const arg = problem.kind === 'unknown-short' || problem.kind === 'needs-argument-short' ? `-${problem.letter}` : 'arg' in problem ? problem.arg : '';
			const why = problem.kind === 'ambiguous' ? 'is ambiguous' : problem.kind.startsWith('needs-argument') ? 'requires parameter' : problem.kind === 'no-argument-allowed' ? 'is unknown' : 'is unknown';
			return {stdout: '', stderr: `${name}: option ${problem.kind === 'no-argument-allowed' ? problem.arg.split('=')[0] : arg}: ${why}\n${name}: try '${name} --help' or '${name} --manual' for more information\n`, exitCode};
		}
		case 'bsd': {
			const letter = 'letter' in problem ? problem.letter : '-';
			const message = problem.kind === 'needs-argument-short' ? `option requires an argument -- ${letter}` : `unknown option -- ${letter}`;
			return {stdout: '', stderr: `${message}\n${spec.errorUsage ?? ''}`, exitCode};
		}
		case 'iproute2':
			return {stdout: '', stderr: `Option "${'arg' in problem ? problem.arg : ''}" is unknown, try "${name} -help".\n`, exitCode};
		case 'ps':
			return {stdout: '', stderr: `error: ${psProblem(problem)}\n${spec.errorUsage ?? ''}`, exitCode};
		case 'bash': {
			// bash's internal_getopt knows no long options: `cd --bogus` is reported as `--`.
			const arg = problem.kind === 'unknown-short' || problem.kind === 'needs-argument-short' ? `-${problem.letter}` : '--';
			const why = problem.kind === 'needs-argument-short' ? 'option requires an argument' : 'invalid option';
			return {stdout: '', stderr: `bash: ${name}: ${arg}: ${why}\n${name}: usage: ${spec.usage[0]}\n`, exitCode: spec.badOptionExit ?? 2};
		}
		case 'gnu':
			return {stdout: '', stderr: `${first}Try '${name} --help' for more information.\n`, exitCode};
	}
}

function helpOutcome(spec: OptionsSpec, options: OptionDef[]): OptionsOutcome {
	if (!spec.help) return {stdout: helpText(spec, options), exitCode: 0};
	const {text, stream = 'stdout', exitCode = 0} = spec.help;
	return stream === 'stdout' ? {stdout: text, exitCode} : {stdout: '', stderr: text, exitCode};
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
export function helpText(spec: OptionsSpec, options: OptionDef[] = withHelp(spec)): string {
	const usage = spec.usage.map(u => ` ${u}`).join('\n');
	return `\nUsage:\n${usage}\n\n${spec.about}\n\nOptions:\n${options.map(optionLine).join('\n')}\n`;
}

/** What Tab completion offers for a spec. */
export function optionNames(spec: OptionsSpec): string[] {
	if (spec.style === 'iproute2') return spec.options.flatMap(o => (o.long ? [`-${o.long}`] : []));
	return spec.options.flatMap(o => [...(o.short ? [`-${o.short}`] : []), ...(o.long ? [`--${o.long}`] : [])]);
}
