import type {Locale} from '../i18n/locale.ts';
import {allCommands} from './all-commands.ts';
import {suggestCommand} from './did-you-mean.ts';
import type {ShellRuntime} from './run-line.ts';
import type {HostDisk} from './types.ts';

/** The learner's shell: every command family, "did you mean" for typos, files from `disk`. */
export function learnerRuntime(disk: HostDisk, locale?: Locale): ShellRuntime {
	return {commands: allCommands(), disk, suggest: name => suggestCommand(name, allCommands().keys()), ...(locale ? {locale} : {})};
}
