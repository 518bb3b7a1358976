// kill (the bash builtin): send a signal to processes by the pids the caller sees.
import {produce} from 'immer';
import {appProfileOf} from '../../../engine/docker/programs.ts';
import {reconcileContainers} from '../../../engine/docker/runtime.ts';
import {recordEvent} from '../../../engine/events.ts';
import {killAlone} from '../../../engine/host/processes.ts';
import {handOverForkBomb} from '../../../engine/host/workloads.ts';
import {noteServiceProcessDied, serviceOf} from '../../../engine/host/services.ts';
import type {Process} from '../../../engine/host/types.ts';
import type {World} from '../../../engine/world.ts';
import {flag} from '../../options.ts';
import type {CommandOutcome, CommandSpec} from '../../types.ts';
import {jobBySpec, noteJobSignal} from '../../jobs.ts';
import {signalWordAt} from './option-specs-tools.ts';
import {callerOf, comm, external, fail, findVisible, lostShell, ok, optionsOf, visiblePid} from './context.ts';

const signals = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'POLL', 'PWR', 'SYS'];

function signalNumber(text: string): number | undefined {
	if (/^\d+$/.test(text)) return Number(text) >= 0 && Number(text) <= 64 ? Number(text) : undefined;
	const name = text.toUpperCase().replace(/^SIG/, '');
	const i = signals.indexOf(name);
	return i < 0 ? undefined : i + 1;
}

/** bash's kill: `--help` first, -l/-L [SIGSPEC...], -s SIG / -sSIG, -n NUM / -nNUM, one -SIGSPEC, `--`; the rest are pids and jobspecs. */
function readKillArgs(args: string[]): {outcome: CommandOutcome} | {listing: string[]} | {signal: number; targets: string[]} {
	if (args[0] === '--help') return {outcome: {stdout: killHelp, exitCode: 2}};
	const invalid = (spec: string) => ({outcome: fail(`bash: kill: ${spec}: invalid signal specification`)});
	let signal = 15;
	let sawSignal = false;
	let listing = false;
	let i = 0;
	for (; i < args.length; i++) {
		const word = args[i]!;
		const attached = /^-(s[A-Za-z]|n\d)/.test(word) ? word.slice(2) : undefined;
		if (word === '-l' || word === '-L') listing = true;
		else if (word === '-s' || word === '-n' || attached !== undefined) {
			const spec = attached ?? args[++i];
			if (spec === undefined) return {outcome: fail(`bash: kill: ${word}: option requires an argument`)};
			const number = signalNumber(spec);
			if (number === undefined) return invalid(spec);
			signal = number;
			sawSignal = true;
		} else if (word === '--') {
			i++;
			break;
		} else if (word.startsWith('-') && word.length > 1 && !sawSignal) {
			const number = signalNumber(word.slice(1));
			if (number === undefined) return invalid(word.slice(1));
			signal = number;
			sawSignal = true;
		} else break;
	}
	if (listing) return {listing: args.slice(i)};
	const targets = args.slice(i);
	if (targets.length === 0) return {outcome: fail('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2)};
	return {signal, targets};
}

/** kill -l: the table; kill -l 9 137 KILL: each number's name (an exit status above 128 is 128 + the signal), each name's number. */
function listSignals(words: string[]): CommandOutcome {
	if (words.length === 0) return ok(signals.map((s, i) => `${String(i + 1).padStart(2)}) SIG${s}`).join('\t').replace(/((?:[^\t]*\t){4}[^\t]*)\t/g, '$1\n') + '\n');
	let stdout = '';
	let stderr = '';
	for (const word of words) {
		const number = /^\d+$/.test(word) ? (Number(word) > 128 ? Number(word) - 128 : Number(word)) : signalNumber(word);
		const name = number === undefined ? undefined : signals[number - 1];
		if (number === undefined || (/^\d+$/.test(word) && !name)) stderr += `bash: kill: ${word}: invalid signal specification\n`;
		else stdout += /^\d+$/.test(word) ? `${name}\n` : `${number}\n`;
	}
	return {stdout, ...(stderr ? {stderr} : {}), exitCode: stderr ? 1 : 0};
}

const killHelp = `kill: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]
    Send a signal to a job.
    
    Send the processes identified by PID or JOBSPEC the signal named by
    SIGSPEC or SIGNUM.  If neither SIGSPEC nor SIGNUM is present, then
    SIGTERM is assumed.
    
    Options:
      -s sig	SIG is a signal name
      -n sig	SIG is a signal number
      -l	list the signal names; if arguments follow \`-l' they are
    		assumed to be signal numbers for which names should be listed
      -L	synonym for -l
    
    Kill is a shell builtin for two reasons: it allows job IDs to be used
    instead of process IDs, and allows processes to be killed if the limit
    on processes that you can create is reached.
    
    Exit Status:
    Returns success unless an invalid option is given or an error occurs.
`;

export const kill: CommandSpec = {
	name: 'kill',
	options: {usage: ['kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]'], about: 'Send a signal to a job.', style: 'bash', help: {text: killHelp, exitCode: 2}, options: [flag('s', undefined, 'SIG is a signal name', 'required', 'sig'), flag('n', undefined, 'SIG is a signal number', 'required', 'sig'), flag('l', undefined, 'list the signal names'), flag('L', undefined, 'synonym for -l')]},
	flags: ['-s', '-n', '-l', '-L'],
	summary: 'send a signal to a process (kill [-9] PID)',
	usage: 'kill [-s SIGNAL | -SIGNAL] PID...',
	run(args, ctx) {
		const caller = callerOf(ctx.world, ctx.frame);
		if (!caller) return lostShell(ctx);
		const read = readKillArgs(args);
		if ('outcome' in read) return read.outcome;
		if ('listing' in read) return listSignals(read.listing);
		const {signal, targets} = read;
		const {host, process: me, viewPidNs} = caller;
		let stderr = '';
		let popFrame = false;
		let session = ctx.session; // a job it ended is reported as Terminated or Killed
		const world = produce(ctx.world, w => {
			const h = w.hosts.get(host.name)!;
			for (const t of targets) {
				let target: Process | undefined;
				const job = /^%(\d+|%|\+|-)?$/.test(t);
				if (job) {
					const entry = jobBySpec({world: ctx.world, session: ctx.session}, t);
					if (entry?.remote && entry.signal === undefined) {
						session = {...session, jobs: session.jobs?.map(j => (j === entry ? {...j, signal} : j))};
						continue;
					}
					target = entry?.pid === undefined ? undefined : h.processes.get(entry.pid);
					if (!target) {
						stderr += `bash: kill: ${t}: no such job\n`;
						continue;
					}
				} else if (!/^\d+$/.test(t)) {
					stderr += `bash: kill: ${t}: arguments must be process or job IDs\n`;
					continue;
				} else target = findVisible(h, me.namespaces.pid, Number(t)) ?? findVisible(h, viewPidNs, Number(t));
				if (!target) {
					stderr += `bash: kill: (${t}) - No such process\n`;
					continue;
				}
				if (target.uid !== me.uid && me.uid !== 0) {
					stderr += `bash: kill: (${t}) - Operation not permitted\n`;
					continue;
				}
				if (signal === 0 || signal === 17 || signal === 18 || signal === 28) continue; // checks and signals ignored by default
				// init of a pid namespace ignores signals it has no handler for, from inside its namespace;
				// from an ancestor namespace only SIGKILL and SIGSTOP are forced on it (pid_namespaces(7)).
				if (target.nsPids[target.namespaces.pid] === 1 && target.namespaces.pid === me.namespaces.pid) continue;
				if (target.nsPids[target.namespaces.pid] === 1 && signal !== 9 && signal !== 19 && !containerInitHandles(w, host.name, target, signal)) continue;
				// An interactive bash ignores SIGTERM (and SIGINT); only SIGKILL/SIGHUP end it.
				const isShell = /^-?(bash|sh)$/.test(target.command);
				if (isShell && signal !== 9 && signal !== 1) continue;
				if (target.pid === me.pid) popFrame = true;
				const service = serviceOf(h, target);
				handOverForkBomb(h, target.pid);
				killAlone(h, target.pid);
				session = noteJobSignal(session, host.name, target.pid, signal);
				if (service) noteServiceProcessDied(w, h, service, `${signal}/SIG${signals[signal - 1] ?? signal}`);
				recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'Killed', object: `process/${host.name}/${target.pid}`, message: `${target.command} killed by SIG${signals[signal - 1] ?? signal}`, host: host.name});
			}
			// A container whose main process was just killed has exited: dockerd sees it at once.
			reconcileContainers(w, host.name, ctx.runtime.programs);
		});
		if (popFrame) {
			const frames = ctx.session.frames;
			if (frames.length <= 1) return fail('[simulator] this is your login shell; killing it would end the session (type exit to quit)');
			return {stdout: '', stderr: 'Killed\n', exitCode: 137, world, session: {...session, frames: frames.slice(0, -1)}};
		}
		return {stdout: '', stderr, exitCode: stderr ? 1 : 0, world, ...(session !== ctx.session ? {session} : {})};
	},
};

/** pkill PATTERN (-f: match the whole command line) and killall NAME: signal processes by name. */
function killByName(tool: 'pkill' | 'killall'): CommandSpec {
	return external({
		name: tool,
		summary: tool === 'pkill' ? 'signal processes whose name matches a pattern (pkill stress)' : 'signal processes by exact name (killall stress)',
		run(args, ctx) {
			const caller = callerOf(ctx.world, ctx.frame);
			if (!caller) return lostShell(ctx);
			// pkill's -SIGNAL (-9, -KILL) is taken out before its options are read (option-specs-tools.ts).
			const at = signalWordAt(args);
			const signalArg = at >= 0 && signalNumber(args[at]!.slice(1)) !== undefined ? args[at] : undefined;
			const given = optionsOf(tool, args);
			const full = given.has('full');
			const names = given.operands;
			if (tool === 'killall' && given.has('list')) return ok(`${signals.slice(0, 16).join(' ')}\n${signals.slice(16).join(' ')}\n`);
			if (names.length === 0) return fail(tool === 'pkill' ? "pkill: no matching criteria specified\nTry `pkill --help' for more information." : 'Usage: killall [OPTION]... [--] NAME...', 2);
			let pattern: RegExp;
			try {
				pattern = tool === 'pkill' ? new RegExp(names[0]!) : new RegExp(`^${names[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
			} catch {
				return fail(`pkill: invalid pattern`, 2);
			}
			const {host, process: me, viewPidNs} = caller;
			const matches = [...host.processes.values()].filter(p => p.pid !== me.pid && visiblePid(p, viewPidNs) !== undefined && (me.uid === 0 || p.uid === me.uid) && pattern.test(full ? p.command : comm(p.command)));
			if (matches.length === 0) return tool === 'pkill' ? {stdout: '', exitCode: 1} : fail(`${names[0]}: no process found`);
			const pids = matches.map(p => String(visiblePid(p, viewPidNs)));
			// A match that went with an earlier one (stress's worker, with its master) is no error for pkill.
			const sent = kill.run([...(signalArg ? [signalArg] : []), ...pids], ctx);
			const stderr = (sent.stderr ?? '').split('\n').filter(l => l && !/ - No such process$/.test(l)).map(l => l + '\n').join('');
			return {...sent, stderr, exitCode: stderr ? sent.exitCode : 0};
		},
	});
}

export const pkill = killByName('pkill');
export const killall = killByName('killall');

/**
 * Whether a container's main process (the init of its pid namespace) has a handler for this
 * signal: an app that shuts down on SIGTERM (nginx) has handlers for the terminating signals; node
 * or a shell script as PID 1 has none, so `kill PID` from the host does nothing to it (docker stop
 * waits its 10 s for the same reason). A process that is not a container's stays as it was.
 */
function containerInitHandles(w: World, hostName: string, target: Process, signal: number): boolean {
	const container = target.containerId === undefined ? undefined : w.dockers.get(hostName)?.containers.get(target.containerId);
	if (!container || container.pid !== target.pid) return true;
	if (![1, 2, 3, 15].includes(signal)) return false;
	return appProfileOf(w, hostName, container)?.handlesSigterm === true;
}
