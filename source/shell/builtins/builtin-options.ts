// The options of the shell's builtins as bash 5.2 takes them (no long options; a bad one is
// `bash: cd: -Q: invalid option` and the usage line, exit 2), and of coreutils' sleep and seq.
import type {OptionDef, OptionsSpec} from '../options.ts';

/** A bash builtin's spec from getopt-like letters ("d:" takes a value). */
function builtin(name: string, usage: string, optstring: string): OptionsSpec {
	const options: OptionDef[] = [];
	for (let i = 0; i < optstring.length; i++) {
		const letter = optstring[i]!;
		if (letter === ':') continue;
		options.push({short: letter, help: `see help ${name}`, ...(optstring[i + 1] === ':' ? {value: 'required' as const, argName: 'ARG'} : {})});
	}
	return {usage: [usage], about: `bash builtin ${name}`, options, style: 'bash', stopAtOperand: true, help: {text: `${name}: ${usage}\n`}};
}

export const builtinOptions: Record<string, OptionsSpec> = {
	cd: builtin('cd', 'cd [-L|[-P [-e]] [-@]] [dir]', 'LPe@'),
	pwd: builtin('pwd', 'pwd [-LP]', 'LP'),
	history: builtin('history', 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]', 'cd:anrwps'),
	export: builtin('export', 'export [-fn] [name[=value] ...] or export -p', 'fnp'),
	printf: builtin('printf', 'printf [-v var] format [arguments]', 'v:'),
	help: builtin('help', 'help [-dms] [pattern ...]', 'dms'),
	// ncurses clear: short options only, so `clear --bogus` is the option '-'.
	clear: {
		usage: ['clear [options]'],
		about: 'Clear the terminal screen.',
		style: 'usage',
		shortOnly: true,
		errorUsage: 'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n',
		options: [{short: 'T', value: 'required', argName: 'TERM', help: 'use this instead of $TERM'}, {short: 'V', help: 'print curses-version'}, {short: 'x', help: 'do not try to clear scrollback'}],
	},
	sleep: {usage: ['sleep NUMBER[SUFFIX]...'], about: 'Pause for NUMBER seconds.', style: 'gnu', options: [{long: 'version', help: 'output version information and exit'}]},
	seq: {
		usage: ['seq [OPTION]... LAST', 'seq [OPTION]... FIRST LAST', 'seq [OPTION]... FIRST INCREMENT LAST'],
		about: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
		style: 'gnu',
		preRead: seqNegativeNumbers,
		options: [
			{short: 'f', long: 'format', value: 'required', argName: 'FORMAT', help: 'use printf style floating-point FORMAT'},
			{short: 's', long: 'separator', value: 'required', argName: 'STRING', help: 'use STRING to separate numbers (default: \\n)'},
			{short: 'w', long: 'equal-width', help: 'equalize width by padding with leading zeroes'},
			{long: 'version', help: 'output version information and exit'},
		],
	},
};

/** seq reads `-1` as a number, not an option: what follows the first negative number is operands. */
export function seqNegativeNumbers(args: string[]): string[] {
	const at = args.findIndex(a => /^-(\d|\.\d)/.test(a));
	return at < 0 ? args : [...args.slice(0, at), '--', ...args.slice(at)];
}
