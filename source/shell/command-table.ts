import type {CommandSpec, CommandTable} from './types.ts';

export type {CommandTable} from './types.ts';

export function createCommandTable(specs: CommandSpec[]): CommandTable {
	const table: CommandTable = new Map();
	for (const spec of specs) table.set(spec.name, spec);
	return table;
}
