// Command lines run for outside clients (kubectl exec through the endpoint): in the learner's
// login shell, or in a shell the client holds open (`kubectl exec -it POD -- sh`) until it exits.
import {runLine, type ShellRuntime} from '../shell/run-line.ts';
import {createShellState, promptFor} from '../shell/session.ts';
import type {LineResult, ShellSession} from '../shell/types.ts';
import type {LineRunner, OutsideRun, OutsideSession} from './live-session.ts';

/** The shell session an outside session stands for (made by outsideRunOf). */
export function sessionOf(session: OutsideSession): ShellSession {
	return session.outsideShell as ShellSession;
}

/** A line's outcome for the outside client: a shell deeper than the login shell stays open for its next lines. */
export function outsideRunOf(result: LineResult): OutsideRun {
	const open = result.state.session.frames.length > 1;
	return {stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, ...(open ? {open: {session: {outsideShell: result.state.session}, prompt: promptFor(result.state)}} : {})};
}

/** A runner for a standalone world (tests, benchmarks): one login shell on `host`, made on first use. */
export function shellRunner(runtime: ShellRuntime, host: string): LineRunner {
	let login: ShellSession | undefined;
	return (world, line, session) => {
		if (!login && !session) {
			const made = createShellState(world, host);
			world = made.world;
			login = made.session;
		}
		const result = runLine({world, session: session ? sessionOf(session) : login!}, line, runtime);
		return {world: result.state.world, ...outsideRunOf(result)};
	};
}
