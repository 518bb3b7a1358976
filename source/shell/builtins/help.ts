import type {CommandSpec} from '../types.ts';

/** `help` lists what the simulated shell understands, from the session's command table. */
export const helpCommand: CommandSpec = {
	name: 'help',
	summary: 'list the commands this simulated shell understands',
	run(_args, ctx) {
		const specs = [...ctx.runtime.commands.values()].sort((a, b) => a.name.localeCompare(b.name));
		const width = Math.max(...specs.map(s => s.name.length));
		const rows = specs.map(s => `  ${s.name.padEnd(width)}  ${s.summary}`);
		return {stdout: `Commands in this simulated shell:\n${rows.join('\n')}\n`, exitCode: 0};
	},
};
