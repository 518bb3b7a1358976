// The composition root of the learner's shell: which command families exist, the runtime a
// session runs lines in, and the container scripts' tools (ls, ps, wget in a loop) answered by
// the same table. Built by createSimulation() and passed down: commands reach the table through
// their context (ctx.runtime.commands), never through a module-level singleton. The world's own
// behaviour (HTTP responders, DNS, kube-proxy) is listed in engine/world-behaviour.ts.
import type {Locale} from '../i18n/locale.ts';
import {cut, tr, uniq} from './builtins/columns.ts';
import {helpCommand} from './builtins/help.ts';
import {sed} from './builtins/sed.ts';
import {shellBuiltins} from './builtins/shell-builtins.ts';
import {grep, head, sort, tail, wc} from './builtins/text-filters.ts';
import {challengeCommand} from './commands/challenge/challenge-command.ts';
import {registerContainerPrograms} from './commands/docker/container-programs.ts';
import {dockerCommands} from './commands/docker/index.ts';
import {etcdctl} from './commands/etcdctl.ts';
import {kubectl} from './commands/kubectl/index.ts';
import {linuxCommands} from './commands/linux/index.ts';
import {createCommandTable, type CommandTable} from './command-table.ts';
import {suggestCommand} from './did-you-mean.ts';
import {editCommand} from './edit-command.ts';
import {whichCommand} from './command-lookup.ts';
import type {CommandSpec, HostDisk, ShellRuntime} from './types.ts';

/** Every command the learner's shell has, family by family. */
export const learnerCommands: readonly CommandSpec[] = [
	...shellBuiltins,
	grep, head, tail, wc, sort, uniq, cut, tr, sed,
	...linuxCommands,
	kubectl, etcdctl,
	...dockerCommands,
	challengeCommand,
	editCommand,
	whichCommand,
	helpCommand,
];

export type Simulation = {
	commands: CommandTable;
	/** The runtime a shell session runs its lines in: this table, "did you mean" for typos, files from `disk`. */
	runtime(disk: HostDisk, locale?: Locale): ShellRuntime;
};

/**
 * The shell over a command set (the learner's by default; tests add their own commands). Container
 * scripts run their tools through the simulation created last: the engine cannot import the shell,
 * so this is the one place that hands the engine a way back (engine/script/external-programs.ts).
 */
export function createSimulation(options: {commands?: readonly CommandSpec[]} = {}): Simulation {
	const commands = createCommandTable([...(options.commands ?? learnerCommands)]);
	registerContainerPrograms(commands);
	return {
		commands,
		runtime: (disk, locale) => ({commands, disk, suggest: name => suggestCommand(name, commands.keys()), ...(locale ? {locale} : {})}),
	};
}
