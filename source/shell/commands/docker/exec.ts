// docker exec: a new process inside a running container's namespaces and cgroup.
import {flagErrorText} from './usage-lines.ts';
import {produce} from 'immer';
import {endExec, execInContainer, findContainer} from '../../../engine/docker/runtime.ts';
import {runsAsProcess, shellScriptOf} from '../../../engine/script/script-processes.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {fail, notSimulatedNote} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, parseFlags} from './flags.ts';
import {containerFrame, execScript, isShell, runInside} from './inside.ts';

export function dockerExec(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('exec'), true);
	if (!parsed.ok) return fail(flagErrorText(parsed.error, 'exec'), 125);
	const {flags} = parsed;
	const [name, ...argv] = flags.positionals;
	if (!name || argv.length === 0) return fail(`docker: 'docker exec' requires at least 2 arguments\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information`, 1);
	const interactive = flagSet(flags, '-i') && flagSet(flags, '-t');
	let error = '';
	let pid = 0;
	let cwd = '/';
	let user = 'root';
	const env = Object.fromEntries(flagValues(flags, '-e').map(pair => (pair.includes('=') ? [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] : [pair, call.ctx.session.env[pair] ?? ''])));
	let world = produce(call.world, w => {
		const r = execInContainer(w, call.host, name, argv, {tty: flagSet(flags, '-t'), user: flagValue(flags, '-u'), workdir: flagValue(flags, '-w'), env});
		if (!r.ok) error = r.error;
		else {
			pid = r.process.pid;
			cwd = r.process.cwd;
			user = r.process.user;
		}
	});
	if (error) return fail(error.startsWith('OCI runtime') ? error : `Error response from daemon: ${error}`, error.startsWith('OCI runtime') ? 126 : 1);
	const note = notSimulatedNote(flags.notSimulated);
	const frame = containerFrame(call.host, pid, user, cwd);
	if (interactive && isShell(argv[0]!) && argv.length === 1) {
		return {stdout: '', stderr: note, exitCode: 0, world, session: {...call.ctx.session, frames: [...call.ctx.session.frames, frame]}};
	}
	const script = shellScriptOf(argv);
	if (script !== undefined && runsAsProcess(script)) {
		const ran = execScript(world, call.host, pid, script, argv[0]!, name, call.ctx.runtime.programs);
		if (flagSet(flags, '-d')) return {stdout: '', stderr: note, exitCode: 0, world: ran.world};
		return {stdout: ran.stdout, stderr: note + ran.stderr, exitCode: ran.exitCode, world: ran.world};
	}
	if (flagSet(flags, '-d')) return {stdout: '', stderr: note, exitCode: 0, world};
	let runFrame = frame;
	if (!isShell(argv[0]!)) {
		// The simulated command models its own process (ps lists itself), so it runs as if forked
		// from the container's main process instead of in a second copy of itself.
		const mainPid = findContainer(world.dockers.get(call.host)!, name)!.pid!;
		world = produce(world, w => endExec(w, call.host, pid));
		runFrame = {...frame, pid: mainPid};
	}
	const inside = runInside(call.ctx, world, runFrame, argv, env);
	world = produce(inside.world, w => endExec(w, call.host, pid));
	return {stdout: inside.stdout, stderr: note + inside.stderr, exitCode: inside.exitCode, world};
}

