import {produce} from 'immer';
import {startLoginShell} from '../engine/scenarios/sandbox.ts';
import type {World} from '../engine/world.ts';
import type {ShellFrame, ShellState} from './types.ts';

/** A learner logged in as `user` on `host`, with a fresh shell process there. */
export function createShellState(world: World, host: string, user = 'root'): ShellState {
	let pid = 0;
	const next = produce(world, w => {
		pid = startLoginShell(w, host, user);
	});
	return {
		world: next,
		session: {
			frames: [{host, pid, user, cwd: user === 'root' ? '/root' : `/home/${user}`, kind: 'login'}],
			env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm-256color', SHELL: '/bin/bash'},
			lastExit: 0,
			history: [],
			namespace: 'default',
		},
	};
}

/** The hostname the current shell sees: its uts namespace's, so a container or an unshare'd shell has its own. */
export function shellHostname(state: ShellState): string {
	const frame = state.session.frames[state.session.frames.length - 1]!;
	const host = state.world.hosts.get(frame.host);
	const proc = host?.processes.get(frame.pid);
	return (proc && host?.namespaces.get(proc.namespaces.uts)?.hostname) ?? frame.host;
}

/** The prompt, as bash prints it: `root@host-1:~#`, with the frame's label when inside something. */
export function promptFor(state: ShellState): string {
	const frame = state.session.frames[state.session.frames.length - 1]!;
	const hostname = shellHostname(state);
	const home = frame.user === 'root' ? '/root' : `/home/${frame.user}`;
	const cwd = frame.cwd === home ? '~' : frame.cwd.startsWith(home + '/') ? '~' + frame.cwd.slice(home.length) : frame.cwd;
	const mark = frame.user === 'root' ? '#' : '$';
	const label = frame.label ? `(${frame.label}) ` : '';
	return `${label}${frame.user}@${hostname}:${cwd}${mark} `;
}

export function currentFrame(state: ShellState): ShellFrame {
	return state.session.frames[state.session.frames.length - 1]!;
}

/** The pid the shell's own process has in its pid namespace: what `$$` expands to. */
export function shellPid(state: ShellState): number {
	const frame = currentFrame(state);
	const proc = state.world.hosts.get(frame.host)?.processes.get(frame.pid);
	return proc ? (proc.nsPids[proc.namespaces.pid] ?? frame.pid) : frame.pid;
}

export function withExit(state: ShellState, exitCode: number): ShellState {
	return {...state, session: {...state.session, lastExit: exitCode}};
}
