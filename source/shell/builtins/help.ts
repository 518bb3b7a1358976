import type {CommandTable} from '../command-table.ts';
import type {CommandSpec} from '../types.ts';

/** `help` lists what the simulated shell understands, from the live command table. */
export function helpCommand(table: () => CommandTable): CommandSpec {
	return {
		name: 'help',
		summary: 'list the commands this simulated shell understands',
		run() {
			const specs = [...table().values()].sort((a, b) => a.name.localeCompare(b.name));
			const width = Math.max(...specs.map(s => s.name.length));
			const rows = specs.map(s => `  ${s.name.padEnd(width)}  ${s.summary}`);
			return {stdout: `Commands in this simulated shell:\n${rows.join('\n')}\n`, exitCode: 0};
		},
	};
}
