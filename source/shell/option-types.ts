// The shapes of an option spec (options.ts reads argv by it, option-words.ts words its errors):
// one place, so the parser and the error wording import the same types without a cycle.

export type OptionsOutcome = {stdout: string; stderr?: string; exitCode: number}; // a CommandOutcome (types.ts), output only

export type OptionDef = {
	short?: string; // "h"
	long?: string; // "human" (iproute2: "netns", matched from "-n" as ip does)
	bsd?: string; // ps: the letter in BSD syntax, without a dash ("x" of `ps aux`)
	key?: string; // what the command reads it by, when its names do not say (ps: BSD `u` is not SysV `-u`)
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
 * - bash: a builtin (cd, pwd, history...): `bash: cd: -Q: invalid option`, then its usage line;
 * - busybox: the C library's getopt words (glibc's, or musl's in alpine), then the applet's usage block;
 * - own: the command words a bad option itself, from the parse's problem (stress names its own pid).
 */
export type OptionStyle = 'gnu' | 'procps' | 'systemd' | 'usage' | 'curl' | 'bsd' | 'iproute2' | 'ps' | 'bash' | 'busybox' | 'own';

export type OptionsSpec = {
	usage: string[]; // "free [options]"
	about: string;
	options: OptionDef[];
	style: OptionStyle;
	badOptionExit?: number; // 1 unless the tool says otherwise (ls: 2)
	/** Options end at the first operand (sudo, time, unshare PROGRAM): the rest is another command's. */
	stopAtOperand?: boolean;
	/** style 'usage', 'bsd', 'ps', 'busybox': what the tool prints after the message. */
	errorUsage?: string;
	/** hostname prints its usage on stdout, the message on stderr. */
	errorUsageOnStdout?: boolean;
	/** The tool's own --help text (and the stream and exit it uses), when it is not the generated shape. */
	help?: {text: string; stream?: 'stdout' | 'stderr'; exitCode?: number; sections?: Record<string, string>}; // sections: `ps --help all`
	/** The tool reads short options only (plain getopt): `--bogus` is the option '-'. */
	shortOnly?: boolean;
	/** psmisc killall: a bad option prints the usage alone, without a message line. */
	usageOnly?: boolean;
	/** ps: a bare word of digits is a process list (`ps 1`), not BSD options. */
	numericOperands?: boolean;
	/** What the tool takes out before getopt sees the words: pkill's -SIGNAL, seq's negative numbers. */
	preRead?: (args: string[]) => string[];
	/** Each option is a whole word compared exactly, its value the next word (stress's own loop): no clusters, prefixes or =VALUE; every word is an option. */
	wholeWords?: boolean;
	/** style 'busybox': the binary is linked with musl (alpine), whose getopt words differ from glibc's. */
	musl?: boolean;
};

/** A problem with one option, told in each style's own words (option-words.ts). */
export type Problem =
	| {kind: 'unknown-long'; arg: string}
	| {kind: 'ambiguous'; arg: string; possibilities: string[]}
	| {kind: 'no-argument-allowed'; long: string; arg: string}
	| {kind: 'needs-argument-long'; long: string; arg: string}
	| {kind: 'unknown-short'; letter: string}
	| {kind: 'needs-argument-short'; letter: string}
	| {kind: 'unknown-bsd'}
	| {kind: 'needs-list'; flag: string};
