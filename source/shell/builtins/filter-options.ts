// The options of the text filters learners pipe into (GNU coreutils 9.4, grep 3.11, sed 4.9), one
// spec each: checked by options.ts before the filter runs, printed by --help, offered by Tab.
import {flag, optionNames, parseOptions, type OptionDef, type OptionsSpec, type ParsedOptions} from '../options.ts';
import type {CommandContext, CommandOutcome, CommandSpec} from '../types.ts';
import {sedUsage} from './sed-usage.ts';

const version = flag(undefined, 'version', 'output version information and exit');

/** --help in coreutils' shape: "Usage: X ...", what it does, then the options. */
function coreutilsHelp(name: string, usage: string, about: string, options: OptionDef[]): string {
	const line = (o: OptionDef) => {
		const value = o.value === 'required' ? `=${o.argName ?? 'ARG'}` : o.value === 'optional' ? `[=${o.argName ?? 'ARG'}]` : '';
		const names = o.short && o.long ? `-${o.short}, --${o.long}${value}` : o.short ? `-${o.short}${o.value === 'required' ? ` ${o.argName ?? 'ARG'}` : ''}` : `    --${o.long}${value}`;
		return `  ${names.padEnd(24)}${names.length >= 24 ? '\n' + ' '.repeat(26) : '  '}${o.help}`;
	};
	return `Usage: ${name} ${usage}\n${about}\n\n${[...options.map(line), '      --help        display this help and exit', '      --version     output version information and exit'].join('\n')}\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n`;
}

function coreutils(name: string, usage: string, about: string, options: OptionDef[], extra: Partial<OptionsSpec> = {}): OptionsSpec {
	return {usage: [`${name} ${usage}`], about, options: [...options, version], style: 'gnu', help: {text: coreutilsHelp(name, usage, about, options)}, ...extra};
}

export const filterOptions: Record<string, OptionsSpec> = {
	grep: {
		usage: ['grep [OPTION]... PATTERNS [FILE]...'],
		about: 'Search for PATTERNS in each FILE.',
		style: 'usage',
		badOptionExit: 2,
		errorUsage: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
		options: [
			flag('E', 'extended-regexp', 'PATTERNS are extended regular expressions'),
			flag('F', 'fixed-strings', 'PATTERNS are strings'),
			flag('G', 'basic-regexp', 'PATTERNS are basic regular expressions'),
			flag('e', 'regexp', 'use PATTERNS for matching', 'required', 'PATTERNS'),
			flag('i', 'ignore-case', 'ignore case distinctions in patterns and data'),
			flag('w', 'word-regexp', 'match only whole words'),
			flag('x', 'line-regexp', 'match only whole lines'),
			flag('s', 'no-messages', 'suppress error messages'),
			flag('v', 'invert-match', 'select non-matching lines'),
			flag('m', 'max-count', 'stop after NUM selected lines', 'required', 'NUM'),
			flag('n', 'line-number', 'print line number with output lines'),
			flag('H', 'with-filename', 'print file name with output lines'),
			flag('h', 'no-filename', 'suppress the file name prefix on output'),
			flag('o', 'only-matching', 'show only nonempty parts of lines that match'),
			flag('q', 'quiet', 'suppress all normal output'),
			flag(undefined, 'silent', 'suppress all normal output'),
			flag('l', 'files-with-matches', 'print only names of FILEs with selected lines'),
			flag('L', 'files-without-match', 'print only names of FILEs with no selected lines'),
			flag('c', 'count', 'print only a count of selected lines per FILE'),
			flag('r', 'recursive', 'search each directory recursively'),
			flag('R', 'dereference-recursive', 'likewise, but follow all symlinks'),
			flag(undefined, 'color', 'use markers to highlight the matching strings', 'optional', 'WHEN'),
			flag(undefined, 'colour', 'use markers to highlight the matching strings', 'optional', 'WHEN'),
			flag('A', 'after-context', 'print NUM lines of trailing context', 'required', 'NUM'),
			flag('B', 'before-context', 'print NUM lines of leading context', 'required', 'NUM'),
			flag('C', 'context', 'print NUM lines of output context', 'required', 'NUM'),
			flag('V', 'version', 'display version information and exit'),
		],
	},
	head: coreutils('head', '[OPTION]... [FILE]...', 'Print the first 10 lines of each FILE to standard output.', [
		flag('c', 'bytes', 'print the first NUM bytes of each file', 'required', '[-]NUM'),
		flag('n', 'lines', 'print the first NUM lines instead of the first 10', 'required', '[-]NUM'),
		flag('q', 'quiet', 'never print headers giving file names'),
		flag('v', 'verbose', 'always print headers giving file names'),
		flag('z', 'zero-terminated', 'line delimiter is NUL, not newline'),
	]),
	tail: coreutils('tail', '[OPTION]... [FILE]...', 'Print the last 10 lines of each FILE to standard output.', [
		flag('c', 'bytes', 'output the last NUM bytes', 'required', '[+]NUM'),
		flag('f', 'follow', 'output appended data as the file grows', 'optional', '{name|descriptor}'),
		flag('F', undefined, 'same as --follow=name --retry'),
		flag('n', 'lines', 'output the last NUM lines, instead of the last 10', 'required', '[+]NUM'),
		flag('q', 'quiet', 'never output headers giving file names'),
		flag('s', 'sleep-interval', 'with -f, sleep for approximately N seconds', 'required', 'N'),
		flag('v', 'verbose', 'always output headers giving file names'),
		flag('z', 'zero-terminated', 'line delimiter is NUL, not newline'),
	]),
	wc: coreutils('wc', '[OPTION]... [FILE]...', 'Print newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.', [
		flag('c', 'bytes', 'print the byte counts'),
		flag('m', 'chars', 'print the character counts'),
		flag('l', 'lines', 'print the newline counts'),
		flag('L', 'max-line-length', 'print the maximum display width'),
		flag('w', 'words', 'print the word counts'),
	]),
	sort: coreutils('sort', '[OPTION]... [FILE]...', 'Write sorted concatenation of all FILE(s) to standard output.', [
		flag('b', 'ignore-leading-blanks', 'ignore leading blanks'),
		flag('f', 'ignore-case', 'fold lower case to upper case characters'),
		flag('g', 'general-numeric-sort', 'compare according to general numerical value'),
		flag('h', 'human-numeric-sort', 'compare human readable numbers (e.g., 2K 1G)'),
		flag('n', 'numeric-sort', 'compare according to string numerical value'),
		flag('r', 'reverse', 'reverse the result of comparisons'),
		flag('V', 'version-sort', 'natural sort of (version) numbers within text'),
		flag('k', 'key', 'sort via a key; KEYDEF gives location and type', 'required', 'KEYDEF'),
		flag('o', 'output', 'write result to FILE instead of standard output', 'required', 'FILE'),
		flag('s', 'stable', 'stabilize sort by disabling last-resort comparison'),
		flag('t', 'field-separator', 'use SEP instead of non-blank to blank transition', 'required', 'SEP'),
		flag('u', 'unique', 'output only the first of lines with equal keys'),
		flag('z', 'zero-terminated', 'line delimiter is NUL, not newline'),
	], {badOptionExit: 2}),
	uniq: coreutils('uniq', '[OPTION]... [INPUT [OUTPUT]]', 'Filter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).', [
		flag('c', 'count', 'prefix lines by the number of occurrences'),
		flag('d', 'repeated', 'only print duplicate lines, one for each group'),
		flag('D', undefined, 'print all duplicate lines'),
		flag('f', 'skip-fields', 'avoid comparing the first N fields', 'required', 'N'),
		flag('i', 'ignore-case', 'ignore differences in case when comparing'),
		flag('s', 'skip-chars', 'avoid comparing the first N characters', 'required', 'N'),
		flag('u', 'unique', 'only print unique lines'),
		flag('z', 'zero-terminated', 'line delimiter is NUL, not newline'),
		flag('w', 'check-chars', 'compare no more than N characters in lines', 'required', 'N'),
	]),
	cut: coreutils('cut', 'OPTION... [FILE]...', 'Print selected parts of lines from each FILE to standard output.', [
		flag('b', 'bytes', 'select only these bytes', 'required', 'LIST'),
		flag('c', 'characters', 'select only these characters', 'required', 'LIST'),
		flag('d', 'delimiter', 'use DELIM instead of TAB for field delimiter', 'required', 'DELIM'),
		flag('f', 'fields', 'select only these fields', 'required', 'LIST'),
		flag('n', undefined, '(ignored)'),
		flag(undefined, 'complement', 'complement the set of selected bytes, characters or fields'),
		flag('s', 'only-delimited', 'do not print lines not containing delimiters'),
		flag(undefined, 'output-delimiter', 'use STRING as the output delimiter', 'required', 'STRING'),
		flag('z', 'zero-terminated', 'line delimiter is NUL, not newline'),
	]),
	tr: coreutils('tr', '[OPTION]... STRING1 [STRING2]', 'Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.', [
		flag('c', 'complement', 'use the complement of STRING1'),
		flag('C', undefined, 'use the complement of STRING1'),
		flag('d', 'delete', 'delete characters in STRING1, do not translate'),
		flag('s', 'squeeze-repeats', 'replace each sequence of a repeated character with a single occurrence'),
		flag('t', 'truncate-set1', 'first truncate STRING1 to length of STRING2'),
	]),
	sed: {
		usage: ['sed [OPTION]... {script-only-if-no-other-script} [input-file]...'],
		about: 'Stream editor for filtering and transforming text.',
		style: 'usage',
		errorUsage: sedUsage.replace(/E-mail bug reports to: .*\n$/, ''),
		help: {text: sedUsage},
		options: [
			flag('n', 'quiet', 'suppress automatic printing of pattern space'),
			flag(undefined, 'silent', 'suppress automatic printing of pattern space'),
			flag(undefined, 'debug', 'annotate program execution'),
			flag('e', 'expression', 'add the script to the commands to be executed', 'required', 'script'),
			flag('f', 'file', 'add the contents of script-file to the commands to be executed', 'required', 'script-file'),
			flag(undefined, 'follow-symlinks', 'follow symlinks when processing in place'),
			flag('i', 'in-place', 'edit files in place (makes backup if SUFFIX supplied)', 'optional', 'SUFFIX'),
			flag('l', 'line-length', "specify the desired line-wrap length for the `l' command", 'required', 'N'),
			flag(undefined, 'posix', 'disable all GNU extensions.'),
			flag('E', 'regexp-extended', 'use extended regular expressions in the script'),
			flag('r', undefined, 'use extended regular expressions in the script'),
			flag('s', 'separate', 'consider files as separate rather than as a single continuous long stream.'),
			flag(undefined, 'sandbox', 'operate in sandbox mode (disable e/r/w commands).'),
			flag('u', 'unbuffered', 'load minimal amounts of data from the input files and flush the output buffers more often'),
			flag('z', 'null-data', 'separate lines by NUL characters'),
			version,
		],
	},
};

/** A filter whose options are read by its spec before `run` sees them. `rewrite` turns obsolete forms (head -5) into getopt ones first. */
export function filterCommand(name: string, summary: string, run: (given: ParsedOptions, ctx: CommandContext) => CommandOutcome, rewrite?: (args: string[]) => string[]): CommandSpec {
	const spec = rewrite ? {...filterOptions[name]!, preRead: rewrite} : filterOptions[name]!;
	return {
		name,
		summary,
		options: spec,
		flags: optionNames(spec),
		run(args, ctx) {
			const parsed = parseOptions(name, spec, args);
			if (parsed.kind !== 'ok') return parsed.outcome;
			if (parsed.parsed.has('version')) return {stdout: `${name} (GNU ${name === 'grep' || name === 'sed' ? name : 'coreutils'}) ${name === 'grep' ? '3.11' : name === 'sed' ? '4.9' : '9.4'}\n`, exitCode: 0};
			return run(parsed.parsed, ctx);
		},
	};
}
