// The tools a container script runs in virtual time (ls, ps, wget, nslookup, uname, grep...)
// answer through the shell's own command table, inside the script's process, so a loop's output
// matches what the learner sees running the same command with `docker exec`. createSimulation()
// builds one per command table; the runtime carries it to whatever advances the world.
import type {ExternalProgramRunner} from '../../../engine/script/external-programs.ts';
import type {CommandTable} from '../../command-table.ts';
import {memoryDisk} from '../../memory-disk.ts';
import type {ShellSession} from '../../types.ts';
import {containerFrame} from './inside.ts';

export function containerPrograms(commands: CommandTable): ExternalProgramRunner {
	const programs: ExternalProgramRunner = (world, call) => {
		const program = call.argv[0]!.split('/').pop()!;
		const spec = commands.get(program);
		if (!spec) return {stdout: '', stderr: `[simulator] ${program} ran in the container; its output is not simulated here\n`, status: 0};
		const frame = containerFrame(call.host, call.pid, call.user, call.cwd);
		const session: ShellSession = {frames: [frame], env: call.env, lastExit: 0, history: [], namespace: 'default'};
		try {
			const disk = memoryDisk();
			const outcome = spec.run(call.argv.slice(1), {world, session, frame, stdin: call.stdin, disk, commandLine: call.argv.join(' '), runtime: {commands, disk, programs}});
			return {stdout: outcome.stdout, stderr: outcome.stderr ?? '', status: outcome.exitCode};
		} catch (error) {
			return {stdout: '', stderr: `${program}: internal error in the simulator: ${error instanceof Error ? error.message : String(error)}\n`, status: 70};
		}
	};
	return programs;
}
