// Programs a container script runs that the engine does not implement itself (ls, ps, wget,
// nslookup...) are answered by the shell's own command table, so a loop's `wget -qO- web` prints
// what the learner's `wget` would. The engine cannot import the shell: the runner is handed in by
// whoever advances the world (the shell's runtime carries the one createSimulation() built) and
// passed down to the script. They run on a snapshot of the world: their output is kept, their
// changes to it are not.
import type {World} from '../world.ts';
import type {ProgramResult} from './script-io.ts';

export type ExternalProgramCall = {host: string; pid: number; user: string; argv: string[]; stdin: string; env: Record<string, string>; cwd: string};
export type ExternalProgramRunner = (world: World, call: ExternalProgramCall) => ProgramResult;

/** Without a shell (a world advanced by the engine alone): a marked line says the output is not simulated. */
export const unsimulatedPrograms: ExternalProgramRunner = (_world, call) => {
	const program = call.argv[0]!.split('/').pop();
	return {stdout: '', stderr: `[simulator] ${program} ran in the container; its output is not simulated here\n`, status: 0};
};
