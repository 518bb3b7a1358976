// time (the bash keyword): run a command and report how long it took in simulated time, so a
// container's start (milliseconds) and a VM's boot (tens of seconds) can be compared.
import type {CommandSpec} from '../../types.ts';
import {findCommand} from './nested.ts';

function duration(ms: number): string {
	const minutes = Math.floor(ms / 60_000);
	return `${minutes}m${((ms % 60_000) / 1000).toFixed(3)}s`;
}

export const time: CommandSpec = {
	name: 'time',
	summary: 'time COMMAND: how long it took (in simulated time)',
	run(args, ctx) {
		const start = ctx.world.time;
		if (args.length === 0) return {stdout: '', stderr: `\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n`, exitCode: 0};
		const spec = findCommand(ctx, args[0]!);
		if (!spec) return {stdout: '', stderr: `bash: ${args[0]}: command not found\n\nreal\t0m0.001s\nuser\t0m0.000s\nsys\t0m0.001s\n`, exitCode: 127};
		const outcome = spec.run(args.slice(1), ctx);
		// A few milliseconds for the process itself, on top of the simulated time the command let pass.
		const elapsed = (outcome.world?.time ?? start) - start + 3 + (args.join(' ').length % 9);
		const report = `\nreal\t${duration(elapsed)}\nuser\t${duration(Math.min(elapsed, 2 + (args[0]!.length % 5)))}\nsys\t${duration(1 + (args.length % 4))}\n`;
		return {...outcome, stderr: (outcome.stderr ?? '') + report};
	},
};
