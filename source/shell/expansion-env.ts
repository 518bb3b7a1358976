// The shell's side of word expansion: variables from the session and the frame, $(...) run now
// as a subshell (what it does to the world stays, the session is the caller's), globs matched
// against the simulated filesystem as the current frame sees it.
import {listPath} from './paths.ts';
import type {Run} from './run-types.ts';
import {currentFrame, shellHostname, shellPid} from './session.ts';
import type {List} from './syntax/ast.ts';
import type {ExpandEnv} from './syntax/expand.ts';
import type {ShellState} from './types.ts';

export type ShellExpandEnv = ExpandEnv & {
	/** What the command substitutions wrote to stderr. */
	stderr(): string;
	/** The exit status of the last command substitution, if any ran (`X=$(false)` sets $? to 1). */
	lastStatus(): number | undefined;
};

function homeOf(state: ShellState): string {
	const user = currentFrame(state).user;
	return user === 'root' ? '/root' : `/home/${user}`;
}

/** A variable as the running shell sees it; undefined when unset. */
export function shellVariable(state: ShellState, run: Pick<Run, 'positional'>, name: string): string | undefined {
	if (name === '$') return String(shellPid(state));
	if (name === '?') return String(state.session.lastExit);
	if (name === '#') return String(run.positional.length);
	if (name === '0') return 'bash';
	if (/^[0-9]+$/.test(name)) return run.positional[Number(name) - 1];
	if (name === '@' || name === '*') return run.positional.join(' ');
	if (name === '!' || name === '-') return '';
	if (name === 'PWD') return currentFrame(state).cwd;
	if (name in state.session.env) return state.session.env[name];
	if (name === 'HOME') return homeOf(state);
	if (name === 'USER') return currentFrame(state).user;
	// Bash fixes HOSTNAME when a shell starts; the uts hostname now is the same unless the shell itself renamed the host.
	if (name === 'HOSTNAME') return shellHostname(state);
	return undefined;
}

/** An ExpandEnv over the state `get` returns; $(...) and ${X:=v} hand the new state to `set`. */
export function expansionEnv(get: () => ShellState, set: (state: ShellState) => void, run: Run): ShellExpandEnv {
	let stderr = '';
	let status: number | undefined;
	return {
		// bash sets $? as each command substitution ends, so a later word sees it: `echo $(false) $?` prints 1.
		variable: name => (name === '?' && status !== undefined ? String(status) : shellVariable(get(), run, name)),
		assign(name, value) {
			const state = get();
			set({...state, session: {...state.session, env: {...state.session.env, [name]: value}}});
		},
		positional: () => run.positional,
		home: () => homeOf(get()),
		substitute(list: List) {
			const state = get();
			const result = run.exec.list(state, list, '', {...run, loopDepth: 0, subshell: true});
			set({world: result.state.world, session: state.session});
			stderr += result.stderr;
			status = result.exitCode;
			return result.stdout;
		},
		listDirectory(path) {
			const state = get();
			return listPath(state.world, currentFrame(state), path === '' ? '.' : path);
		},
		stderr: () => stderr,
		lastStatus: () => status,
	};
}
