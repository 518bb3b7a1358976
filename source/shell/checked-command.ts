// A command whose options are checked against its spec (options.ts) before it runs, for the
// commands that are not host programs (the shell's builtins, seq, sleep): bad options answer in
// the real words, --help prints the spec's help, Tab offers the spec's names.
import {checkOptions, optionNames, type OptionsSpec} from './options.ts';
import type {CommandSpec} from './types.ts';

export function withOptions(spec: CommandSpec, options: OptionsSpec): CommandSpec {
	return {
		...spec,
		options,
		flags: spec.flags ?? optionNames(options),
		run(args, ctx) {
			const checked = checkOptions(spec.name, options, args);
			return checked.kind === 'ok' ? spec.run(args, ctx) : checked.outcome;
		},
	};
}
