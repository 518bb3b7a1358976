// bash's job table: what `cmd &` started, numbered from 1 again once all are done; `jobs` lists
// them, `kill %N` names them, and a job that ended is reported once, before the next prompt:
// `[1]+  Done                    sleep 5` (Exit N, Terminated, Killed), as bash's jobs.c prints it.
import type {Command, Pipeline, Redirect, Word} from './syntax/ast.ts';
import type {BackgroundJob, ShellSession, ShellState} from './types.ts';

const jobsOf = (session: ShellSession): BackgroundJob[] => session.jobs ?? [];

/** Records a job started in the current shell; returns its number (bash's next free: one above the highest). */
export function startJob(state: ShellState, job: Omit<BackgroundJob, 'id' | 'host' | 'shell'>): {state: ShellState; id: number} {
	const frame = state.session.frames[state.session.frames.length - 1]!;
	const mine = jobsOf(state.session).filter(j => j.host === frame.host && j.shell === frame.pid);
	const id = Math.max(0, ...mine.map(j => j.id)) + 1;
	const jobs = [...jobsOf(state.session), {id, host: frame.host, shell: frame.pid, ...job}];
	return {state: {...state, session: {...state.session, jobs}}, id};
}

/** The current shell's jobs, oldest first. */
export function currentJobs(state: ShellState): BackgroundJob[] {
	const frame = state.session.frames[state.session.frames.length - 1]!;
	return jobsOf(state.session).filter(j => j.host === frame.host && j.shell === frame.pid);
}

/** `%N`, `%%`, `%+`, `%-`: the job it names in the current shell. */
export function jobBySpec(state: ShellState, spec: string): BackgroundJob | undefined {
	const jobs = currentJobs(state);
	if (spec === '%%' || spec === '%+' || spec === '%') return jobs.at(-1);
	if (spec === '%-') return jobs.at(-2);
	const m = spec.match(/^%(\d+)$/);
	return m ? jobs.find(j => j.id === Number(m[1])) : undefined;
}

/** Notes the signal that ended a job's process (kill %1, kill PID), so its report says Terminated or Killed. */
export function noteJobSignal(session: ShellSession, host: string, pid: number, signal: number): ShellSession {
	if (!jobsOf(session).some(j => j.host === host && j.pid === pid)) return session;
	return {...session, jobs: jobsOf(session).map(j => (j.host === host && j.pid === pid && j.exit === undefined ? {...j, signal} : j))};
}

const signalNames: Record<number, string> = {1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 6: 'Aborted', 9: 'Killed', 10: 'User defined signal 1', 12: 'User defined signal 2', 13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated'};

function ended(state: ShellState, job: BackgroundJob): boolean {
	if (job.remote) return job.signal !== undefined;
	if (job.pid === undefined) return true;
	return !state.world.hosts.get(job.host)?.processes.has(job.pid);
}

/** Ended by a signal rather than by itself: the shell notices only at the prompt after. */
function killed(state: ShellState, job: BackgroundJob): boolean {
	return job.signal !== undefined || (job.pid !== undefined && (job.endsAt === undefined || state.world.time < job.endsAt));
}

function statusWord(job: BackgroundJob, running: boolean): string {
	if (running) return 'Running';
	if (job.signal !== undefined) return signalNames[job.signal] ?? 'Terminated';
	return job.exit ? `Exit ${job.exit}` : 'Done';
}

/** One line of `jobs` or of a report: `[1]+  Done                    sleep 5`. */
function jobLine(job: BackgroundJob, mark: string, running: boolean, pid?: boolean): string {
	const status = statusWord(job, running).padEnd(24);
	return `[${job.id}]${mark}  ${pid && job.pid !== undefined ? `${job.pid} ` : ''}${status}${job.command}${running ? ' &' : ''}\n`;
}

const markOf = (jobs: BackgroundJob[], job: BackgroundJob) => (job === jobs.at(-1) ? '+' : job === jobs.at(-2) ? '-' : ' ');

/**
 * Before the next prompt: a line for each of this shell's jobs that ended, which then leave the
 * table. Jobs of shells that are gone (an ssh session that was left) go silently.
 */
export function reportEndedJobs(state: ShellState): {state: ShellState; text: string} {
	const all = jobsOf(state.session);
	if (all.length === 0) return {state, text: ''};
	const alive = all.filter(j => state.world.hosts.get(j.host)?.processes.has(j.shell));
	const mine = currentJobs(state).filter(j => alive.includes(j));
	const over = mine.filter(j => ended(state, j));
	const later = over.filter(j => !j.deferred && killed(state, j));
	const done = over.filter(j => !later.includes(j));
	if (done.length === 0 && later.length === 0 && alive.length === all.length) return {state, text: ''};
	const text = done.map(j => jobLine(j, markOf(mine, j), false)).join('');
	const jobs = alive.filter(j => !done.includes(j)).map(j => (later.includes(j) ? {...j, deferred: true} : j));
	return {state: {...state, session: {...state.session, jobs}}, text};
}

/** The `jobs` builtin: the current shell's jobs, running or just ended (those it reports leave the table). */
export function jobsBuiltin(state: ShellState, args: string[]): {state: ShellState; stdout: string; stderr: string; exitCode: number} {
	const bad = args.find(a => a.startsWith('-') && !/^-[lnprs]+$/.test(a));
	if (bad) return {state, stdout: '', stderr: `bash: jobs: ${bad.slice(0, 2)}: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n`, exitCode: 2};
	const withPids = args.some(a => /^-\w*l/.test(a));
	const mine = currentJobs(state);
	const stdout = mine.map(j => jobLine(j, markOf(mine, j), !ended(state, j), withPids)).join('');
	const done = mine.filter(j => ended(state, j));
	return {state: {...state, session: {...state.session, jobs: jobsOf(state.session).filter(j => !done.includes(j))}}, stdout, stderr: '', exitCode: 0};
}

/** A background pipeline as bash prints it in a job line: `sleep 10 > /dev/null 2>&1`, `echo a | sleep 1`. */
export function pipelineText(pipeline: Pipeline): string {
	return pipeline.commands.map(commandText).join(' | ');
}

function commandText(command: Command): string {
	switch (command.kind) {
		case 'simple':
			return [...command.assigns.map(a => `${a.name}=${a.value.raw}`), ...command.words.map(w => w.raw), ...command.redirects.map(redirectText)].join(' ');
		case 'subshell':
			return `( ${command.list.items.map(i => pipelineText(i.pipeline)).join('; ')} )`;
		case 'group':
			return `{ ${command.list.items.map(i => pipelineText(i.pipeline)).join('; ')}; }`;
		case 'function':
			return command.text;
		default:
			return command.kind;
	}
}

function redirectText(r: Redirect): string {
	const fd = (r.fd === 1 && r.op.startsWith('>')) || (r.fd === 0 && r.op.startsWith('<')) || r.op.startsWith('&') ? '' : String(r.fd);
	const word: Word = 'target' in r ? r.target : r.body;
	return r.op === '>&' || r.op === '<&' ? `${fd}${r.op}${word.raw}` : `${fd}${r.op} ${word.raw}`;
}
