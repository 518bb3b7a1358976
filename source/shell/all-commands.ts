// The command set of the simulated shell. Each command family adds its list here.
import {helpCommand} from './builtins/help.ts';
import {shellBuiltins} from './builtins/shell-builtins.ts';
import {cut, tr, uniq} from './builtins/columns.ts';
import {sed} from './builtins/sed.ts';
import {grep, head, sort, tail, wc} from './builtins/text-filters.ts';
import {challengeCommand} from './commands/challenge/challenge-command.ts';
import {registerContainerPrograms} from './commands/docker/container-programs.ts';
import {dockerCommands} from './commands/docker/index.ts';
import {etcdctl} from './commands/etcdctl.ts';
import {kubectl} from './commands/kubectl/index.ts';
import {linuxCommands} from './commands/linux/index.ts';
import {createCommandTable, type CommandTable} from './command-table.ts';
import {editCommand} from './edit-command.ts';
import type {CommandSpec} from './types.ts';

const families: CommandSpec[][] = [
	shellBuiltins,
	[grep, head, tail, wc, sort, uniq, cut, tr, sed],
	linuxCommands,
	[kubectl, etcdctl],
	dockerCommands,
	[challengeCommand],
	[editCommand],
];

let table: CommandTable | undefined;

export function allCommands(): CommandTable {
	if (!table) {
		table = createCommandTable([...families.flat(), helpCommand(() => table!)]);
		// Container scripts running in virtual time reach the same tools (ls, ps, wget) through it.
		registerContainerPrograms(() => table!);
	}
	return table;
}
