// jobs, wait and fg over the shell's job table (jobs.ts). A background job here is a process
// with a known end (sleep N &), so waiting for it moves the simulated clock to that end.
import type {ExternalProgramRunner} from '../../engine/script/external-programs.ts';
import {tick} from '../../engine/tick.ts';
import {currentJobs, jobBySpec, jobsBuiltin} from '../jobs.ts';
import type {Outcome} from '../run-types.ts';
import type {BackgroundJob, ShellState} from '../types.ts';
import {longestSleepMs} from './shell-builtins.ts';

const done = (state: ShellState, stdout: string, stderr = '', exitCode = 0): Outcome => ({state, stdout, stderr, exitCode, effects: []});

/** Moves the clock until these jobs' processes have ended; a process with no end of its own cannot be waited for here. */
function waitFor(state: ShellState, jobs: BackgroundJob[], builtin: string, programs: ExternalProgramRunner): Outcome {
	let until = state.world.time;
	for (const job of jobs) {
		const process = job.pid === undefined ? undefined : state.world.hosts.get(job.host)?.processes.get(job.pid);
		if (!process) continue;
		if (process.endsAt === undefined) return done(state, '', `[simulator] ${builtin}: ${job.command} does not end by itself here; stop it with kill %${job.id}\n`, 1);
		until = Math.max(until, process.endsAt);
	}
	if (until - state.world.time > longestSleepMs) return done(state, '', `[simulator] ${builtin}: the simulator advances at most 1h at a time\n`, 1);
	return done(until > state.world.time ? {...state, world: tick(state.world, until - state.world.time, programs)} : state, '');
}

/** `jobs --help` and the others: the synopsis line, as `cd --help` gives it. */
const synopsis: Record<string, string> = {jobs: 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]', wait: 'wait [-fn] [-p var] [id ...]', fg: 'fg [job_spec]'};

type JobBuiltin = (state: ShellState, args: string[], programs: ExternalProgramRunner) => Outcome;
const withHelp = (name: string, builtin: JobBuiltin): JobBuiltin => (state, args, programs) => (args[0] === '--help' ? done(state, `${name}: ${synopsis[name]}\n`) : builtin(state, args, programs));

const builtins: Record<string, JobBuiltin> = {
	jobs: (state, args) => ({...jobsBuiltin(state, args), effects: []}),
	wait(state, args, programs) {
		if (args.length === 0) return waitFor(state, currentJobs(state), 'wait', programs);
		const jobs: BackgroundJob[] = [];
		for (const spec of args) {
			const job = spec.startsWith('%') ? jobBySpec(state, spec) : currentJobs(state).find(j => String(j.pid) === spec);
			if (!job) return done(state, '', spec.startsWith('%') ? `bash: wait: ${spec}: no such job\n` : `bash: wait: pid ${spec} is not a child of this shell\n`, 127);
			jobs.push(job);
		}
		return waitFor(state, jobs, 'wait', programs);
	},
	fg(state, args, programs) {
		const spec = args[0] ?? '%%';
		const job = jobBySpec(state, spec.startsWith('%') ? spec : `%${spec}`);
		if (!job) return done(state, '', `bash: fg: ${args[0] ?? 'current'}: no such job\n`, 1);
		const waited = waitFor(state, [job], 'fg', programs);
		if (waited.exitCode !== 0) return {...waited, stdout: `${job.command}\n`};
		// A job that ended in the foreground is not reported as Done.
		const session = waited.state.session;
		return {...waited, stdout: `${job.command}\n`, state: {...waited.state, session: {...session, jobs: session.jobs?.filter(j => j !== job)}}};
	},
};

export const jobBuiltins: Record<string, JobBuiltin> = Object.fromEntries(Object.entries(builtins).map(([name, builtin]) => [name, withHelp(name, builtin)]));
