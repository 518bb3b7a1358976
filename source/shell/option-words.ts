// What a tool prints for a bad option, in its own words: getopt's (glibc, or musl's in alpine's
// busybox), procps ps's, curl's, OpenSSH's, iproute2's and bash's builtins'; and the option lines
// that a generated usage lists (procps prints them after the message, --help prints them too).
import type {OptionDef, OptionsOutcome, OptionsSpec, Problem} from './option-types.ts';

/** musl's getopt and getopt_long (alpine): "unrecognized option: z", the long name without its dashes. */
function problemInMuslWords(problem: Problem): string {
	switch (problem.kind) {
		case 'unknown-long': return `unrecognized option: ${problem.arg.slice(2)}`;
		case 'ambiguous': return `option is ambiguous: ${problem.arg.slice(2)}`;
		case 'no-argument-allowed': return `option does not take an argument: ${problem.long}`;
		case 'needs-argument-long': return `option requires an argument: ${problem.long}`;
		case 'unknown-short': return `unrecognized option: ${problem.letter}`;
		case 'needs-argument-short': return `option requires an argument: ${problem.letter}`;
		case 'unknown-bsd': return 'unrecognized option';
		case 'needs-list': return `option requires an argument: ${problem.flag}`;
	}
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

/** What procps ps says is missing after an option that takes a list, by the option as typed (procps-ng 4.0.2). */
const psMissing: Record<string, string> = {
	...Object.fromEntries(['-o', 'o', '--format'].map(f => [f, 'format specification'])),
	...Object.fromEntries(['-O', 'O'].map(f => [f, 'format or sort specification'])),
	...Object.fromEntries(['-p', 'p', '--pid', '--ppid'].map(f => [f, 'list of process IDs'])),
	...Object.fromEntries(['-t', 't', '--tty'].map(f => [f, 'list of terminals'])),
	...Object.fromEntries(['-s', '--sid'].map(f => [f, 'list of session IDs'])),
	...Object.fromEntries(['-G', '--Group'].map(f => [f, 'list of real groups'])),
	...Object.fromEntries(['-g', '--group'].map(f => [f, 'list of session leaders OR effective group names'])),
	...Object.fromEntries(['-u', '--user'].map(f => [f, 'list of effective users'])),
	...Object.fromEntries(['-U', '--User'].map(f => [f, 'list of real users'])),
	U: 'list of users',
	'-C': 'list of command names',
	'--sort': 'long sort specification',
};

function psMissingWords(typed: string): string {
	if (typed === 'k') return "long sort specification must follow 'k'";
	if (['-q', 'q', '--quick-pid'].includes(typed)) return `List of process IDs must follow ${typed}.`;
	if (['--cols', '--columns', '--width'].includes(typed)) return 'number of columns must follow --cols, --width, or --columns';
	if (['--rows', '--lines'].includes(typed)) return 'number of rows must follow --rows or --lines';
	return `${psMissing[typed] ?? 'list'} must follow ${typed}`;
}

function psProblem(problem: Problem): string {
	switch (problem.kind) {
		case 'unknown-long': case 'ambiguous': case 'no-argument-allowed': return 'unknown gnu long option';
		case 'needs-argument-long': return psMissingWords(`--${problem.long}`);
		case 'unknown-short': return 'unsupported SysV option';
		case 'needs-argument-short': return psMissingWords(`-${problem.letter}`);
		case 'unknown-bsd': return 'unsupported option (BSD syntax)';
		case 'needs-list': return psMissingWords(problem.flag);
	}
}

export function badOption(name: string, spec: OptionsSpec, options: OptionDef[], problem: Problem): OptionsOutcome {
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
		case 'busybox':
			// libbb's bb_show_usage(): the applet's usage block on stderr after getopt's own line.
			return {stdout: '', stderr: `${name}: ${spec.musl ? problemInMuslWords(problem) : problemInGetoptWords(problem)}\n${spec.errorUsage ?? ''}`, exitCode};
		case 'own': // the command answers (external() leaves it to the command)
		case 'gnu':
			return {stdout: '', stderr: `${first}Try '${name} --help' for more information.\n`, exitCode};
	}
}

export function optionLine(o: OptionDef): string {
	const value = o.value === 'required' ? ` ${o.argName ?? '<arg>'}` : o.value === 'optional' ? `[=${o.argName ?? '<arg>'}]` : '';
	const names = [o.short ? `-${o.short}` : '    ', o.long ? `--${o.long}${value}` : ''].filter(Boolean).join(o.short && o.long ? ', ' : ' ');
	return ` ${names.padEnd(30)} ${o.help}`;
}

export function usageAndOptions(spec: OptionsSpec, options: OptionDef[], indent: string): string {
	const usage = spec.usage.map(u => `${indent}${u}`).join('\n');
	return `Usage:\n${usage}\n\nOptions:\n${options.map(optionLine).join('\n')}\n`;
}

