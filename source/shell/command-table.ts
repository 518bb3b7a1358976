import type {CommandSpec} from './types.ts';

/** Every command the simulated shell knows, by name. Command families register themselves here. */
export type CommandTable = Map<string, CommandSpec>;

export function createCommandTable(specs: CommandSpec[]): CommandTable {
	const table: CommandTable = new Map();
	for (const spec of specs) table.set(spec.name, spec);
	return table;
}
