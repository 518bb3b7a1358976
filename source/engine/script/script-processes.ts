// Shell processes that run in virtual time: a container's `sh -c 'while true; do date; sleep 5;
// done'` keeps its program counter in the process (process.script), wakes when its sleep ends,
// and exits with its status. Only that process waits; the world clock is never moved by it.
import {recordEvent} from '../events.ts';
import {exitProcess, killProcess, spawnProcess} from '../host/processes.ts';
import type {Host, Process} from '../host/types.ts';
import type {World} from '../world.ts';
import type {ExternalProgramRunner} from './external-programs.ts';
import {processFilesystem, scriptIo, shellDialect} from './process-io.ts';
import {runScript, startScript, type StepResult} from './run-script.ts';

const shells = new Set(['sh', 'bash', 'ash', 'dash']);

/** The script of `sh -c SCRIPT` (bash, ash, dash too), or undefined for any other command. */
export function shellScriptOf(argv: string[]): string | undefined {
	const program = (argv[0] ?? '').split('/').pop()!;
	if (!shells.has(program)) return undefined;
	const dashC = argv.findIndex((word, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(word));
	if (dashC < 0 || argv.slice(1, dashC).some(word => !word.startsWith('-'))) return undefined;
	return argv[dashC + 1] ?? '';
}

/**
 * Whether a script runs as a process in the engine: it takes virtual time (it sleeps or loops) or
 * uses the compound commands of this interpreter (for, if). Plain lists (`echo a && ls /`) run at
 * once through the shell's command table instead.
 */
export function runsAsProcess(script: string): boolean {
	return /(^|[\s;&|({`])(sleep|while|until|for|if)(?=[\s;&|)]|$)/.test(script) || /(^|[\s;&|])tail\s+(-\w+\s+)*-f\b/.test(script);
}

/**
 * Makes `process` run `script` from now on and runs it until it first blocks. Returns its first
 * output, and its exit status if it already ended (the caller then ends the process: exitProcess).
 */
export function startScriptProcess(w: World, host: Host, process: Process, script: string, argv0: string, programs: ExternalProgramRunner): StepResult {
	const fs = processFilesystem(host, process);
	const name = argv0.split('/').pop() === 'bash' ? 'bash' : 'sh';
	const started = startScript(script, {env: {...process.env}, clock: w.time, dialect: shellDialect(w, fs, argv0), name, cwd: process.cwd});
	if (!started.ok) return {output: started.error + '\n', exited: started.exitCode};
	const state = started.state;
	const step = runScript(state, scriptIo(w, host, process, programs), w.time);
	if (step.exited === undefined) {
		process.script = state;
		host.scriptPids = [...(host.scriptPids ?? []), process.pid];
		forkSleepChild(w, host, process);
	}
	return step;
}

/** Runs every script process on the host up to now; `onOutput` receives what each printed. Ended ones exit with their status. Call on a draft. */
export function advanceScriptProcesses(w: World, host: Host, programs: ExternalProgramRunner, onOutput: (process: Process, text: string) => void): void {
	if (!host.scriptPids || host.scriptPids.length === 0) return;
	const alive: number[] = [];
	for (const pid of host.scriptPids) {
		const process = host.processes.get(pid);
		if (!process?.script) continue;
		if (process.script.sleepUntil !== undefined && process.script.sleepUntil > w.time) {
			alive.push(pid);
			continue;
		}
		endSleepChild(host, process);
		const step = runScript(process.script, scriptIo(w, host, process, programs), w.time);
		if (step.output) onOutput(process, step.output);
		if (step.exited === undefined) {
			alive.push(pid);
			forkSleepChild(w, host, process);
		} else {
			exitProcess(host, pid, step.exited);
			recordEvent(w, {type: 'Normal', component: 'kernel', reason: 'Exited', object: `process/${host.name}/${pid}`, message: `${process.command} exited (status ${step.exited})`, host: host.name});
		}
	}
	host.scriptPids = alive.filter(pid => host.processes.has(pid));
}

/** While the script waits in `sleep 5`, that sleep is its child process (ps shows it), as a real shell forks it. */
function forkSleepChild(w: World, host: Host, process: Process): void {
	const script = process.script;
	if (!script || script.sleepUntil === undefined || script.sleepPid !== undefined) return;
	if (script.execCommand !== undefined) {
		process.command = script.execCommand;
		return;
	}
	const child = spawnProcess(w, host, {parentPid: process.pid, command: script.sleepCommand ?? 'sleep', memoryBytes: 1024 * 1024});
	script.sleepPid = child.pid;
}

function endSleepChild(host: Host, process: Process): void {
	const script = process.script;
	if (script?.sleepPid === undefined) return;
	if (host.processes.has(script.sleepPid)) killProcess(host, script.sleepPid);
	script.sleepPid = undefined;
}
