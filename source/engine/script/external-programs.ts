// Programs a container script runs that the engine does not implement itself (ls, ps, wget,
// nslookup...) are answered by the shell's own command table, registered here by the composition
// root, so a loop's `wget -qO- web` prints what the learner's `wget` would. They run on a snapshot
// of the world: their output is kept, their changes to it are not.
import type {World} from '../world.ts';
import type {ProgramResult} from './script-io.ts';

export type ExternalProgramCall = {host: string; pid: number; user: string; argv: string[]; stdin: string; env: Record<string, string>; cwd: string};
export type ExternalProgramRunner = (world: World, call: ExternalProgramCall) => ProgramResult;

let registered: ExternalProgramRunner | undefined;

export function registerExternalProgramRunner(runner: ExternalProgramRunner): void {
	registered = runner;
}

export function runExternalProgram(world: World, call: ExternalProgramCall): ProgramResult {
	if (registered) return registered(world, call);
	const program = call.argv[0]!.split('/').pop();
	return {stdout: '', stderr: `[simulator] ${program} ran in the container; its output is not simulated here\n`, status: 0};
}
