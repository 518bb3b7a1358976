// `docker exec -it` and `docker run -it` through the endpoint: the built-in shell inside the
// container, a line at a time, as the tutor's own terminal runs it after the same command.
import type {World} from '../engine/world.ts';
import {containerFrame, quoteLine} from '../shell/commands/docker/inside.ts';
import {runLine} from '../shell/run-line.ts';
import {promptFor} from '../shell/session.ts';
import type {CommandContext, ShellRuntime, ShellSession, ShellState} from '../shell/types.ts';
import {loginFrame} from './built-in-docker.ts';

export type TerminalSession = {session: ShellSession};

export type Opened = {world: World; output: string; exitCode: number; session?: TerminalSession};
export type Typed = {world: World; output: string; exitCode: number; session?: TerminalSession; line: string};

export type DockerTerminal = {
	/** `docker exec -it CONTAINER ARGV`: an interactive shell's session, or a command's whole output. */
	exec(world: World, argv: string[]): Opened;
	/** The terminal of a container started with -it: its main process's shell. */
	attach(world: World, containerId: string): TerminalSession | undefined;
	/** One line typed into the session; no session back: the shell exited. */
	line(world: World, session: TerminalSession, text: string): Typed;
	prompt(world: World, session: TerminalSession): string;
};

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

function sessionOf(world: World, host: string): ShellSession {
	return {frames: [loginFrame(world, host)], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', TERM: 'xterm'}, lastExit: 0, history: [], namespace: 'default'};
}

export function builtInTerminal(runtime: Pick<ShellRuntime, 'commands' | 'disk' | 'programs'>, host: string): DockerTerminal {
	const shellRuntime: ShellRuntime = {commands: runtime.commands, disk: runtime.disk, programs: runtime.programs};
	return {
		exec(world, argv) {
			const docker = runtime.commands.get('docker');
			const session = sessionOf(world, host);
			const line = quoteLine(['docker', 'exec', '-it', ...argv]);
			if (!docker) return {world, output: '[simulator] this shell has no docker command\r\n', exitCode: 127};
			const ctx: CommandContext = {world, session, frame: session.frames[0]!, stdin: '', disk: runtime.disk, runtime: shellRuntime, commandLine: line};
			const outcome = docker.run(['exec', '-it', ...argv], ctx);
			const after = outcome.world ?? world;
			const output = crlf((outcome.stdout ?? '') + (outcome.stderr ?? ''));
			if (outcome.session && outcome.session.frames.length > 1) return {world: after, output, exitCode: 0, session: {session: outcome.session}};
			return {world: after, output, exitCode: outcome.exitCode};
		},
		attach(world, containerId) {
			const c = world.dockers.get(host)?.containers.get(containerId);
			if (!c?.pid || c.state !== 'running') return undefined;
			const session = sessionOf(world, host);
			return {session: {...session, frames: [...session.frames, containerFrame(host, c.pid, c.user ?? 'root', c.workdir)]}};
		},
		line(world, terminal, text) {
			const state: ShellState = {world, session: terminal.session};
			const result = runLine(state, text, shellRuntime);
			const output = crlf(result.stdout + result.stderr);
			// Recorded as the tutor records a line typed in the same shell (as typed, or as the command it amounts to).
			const line = result.asRun ?? text.trim();
			const open = result.state.session.frames.length > 1;
			return {world: result.state.world, output, exitCode: result.exitCode, line, ...(open ? {session: {...terminal, session: result.state.session}} : {})};
		},
		prompt(world, terminal) {
			return promptFor({world, session: terminal.session});
		},
	};
}
