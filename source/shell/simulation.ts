// The composition root of the learner's shell: which command families exist, the runtime a
// session runs lines in, and the container scripts' tools (ls, ps, wget in a loop) answered by
// the same table. Built by createSimulation() and passed down: commands reach the table through
// their context (ctx.runtime.commands), and whatever advances the world passes the runtime's
// `programs` to the engine (tick(world, ms, programs)), never through a module-level singleton. The world's own
// behaviour (HTTP responders, DNS, kube-proxy) is listed in engine/world-behaviour.ts.
import type {ExternalProgramRunner} from '../engine/script/external-programs.ts';
import type {Locale} from '../i18n/locale.ts';
import {cut, tr, uniq} from './builtins/columns.ts';
import {helpCommand} from './builtins/help.ts';
import {sed} from './builtins/sed.ts';
import {shellBuiltins} from './builtins/shell-builtins.ts';
import {grep, head, sort, tail, wc} from './builtins/text-filters.ts';
import {challengeCommand} from './commands/challenge/challenge-command.ts';
import {containerPrograms} from './commands/docker/container-programs.ts';
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
	/** Container scripts' tools, answered by this table: the engine gets them as tick(world, ms, programs). */
	programs: ExternalProgramRunner;
	/** The runtime a shell session runs its lines in: this table, "did you mean" for typos, files from `disk`. */
	runtime(disk: HostDisk, locale?: Locale): ShellRuntime;
	/** The same without "did you mean" or a language: the tools' own output (outside clients, tests). */
	bare(disk: HostDisk): ShellRuntime;
};

/**
 * The shell over a command set (the learner's by default; tests add their own commands). Container
 * scripts run their tools through this simulation's table: the engine cannot import the shell, so
 * the runtime carries `programs` to every call that advances the world. Two simulations side by
 * side each keep their own.
 */
export function createSimulation(options: {commands?: readonly CommandSpec[]} = {}): Simulation {
	const commands = createCommandTable([...(options.commands ?? learnerCommands)]);
	const programs = containerPrograms(commands);
	return {
		commands,
		programs,
		runtime: (disk, locale) => ({commands, disk, programs, suggest: name => suggestCommand(name, commands.keys()), ...(locale ? {locale} : {})}),
		bare: disk => ({commands, disk, programs}),
	};
}
