// The learner's files: a lesson's own files are put in the learner's home directory on the
// simulated host, so ls, cat, globs and docker build all see them in one place. The folder the
// tutor started in (the learner's real files) stands for that home directory: a relative path
// typed there that the simulated host does not have is read from that folder, on request
// (cat my.yaml, kubectl apply -f ./my.yaml). Anywhere else (another directory, an ssh session, a
// container) only the simulated filesystem exists. Messages name paths as the learner typed them.
import {makeDirectoryPath, writePath} from './paths.ts';
import type {ShellFrame, ShellState} from './types.ts';

export function homeDirectory(frame: ShellFrame): string {
	return frame.user === 'root' ? '/root' : `/home/${frame.user}`;
}

/**
 * The path to read on the real disk for what the learner typed, or undefined when it is out of
 * reach. `absolute`: a tool that takes a folder or file to work on (docker build, kubectl -f)
 * also reads an absolute path the simulated host does not have, from the learner's own shell.
 */
export function startFolderPath(frame: ShellFrame, typed: string, options: {absolute?: boolean} = {}): string | undefined {
	if (frame.kind !== 'login') return undefined;
	if (typed.startsWith('/')) return options.absolute ? typed : undefined;
	if (frame.cwd !== homeDirectory(frame) || typed === '' || typed.startsWith('~')) return undefined;
	const clean = typed.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
	return clean === '.' ? '' : clean;
}

/** The shell with `files` (relative paths) written under the learner's home directory. */
export function withHomeFiles(state: ShellState, files: Record<string, string>): ShellState {
	const frame = state.session.frames[0]!;
	const home = homeDirectory(frame);
	let world = state.world;
	for (const [relative, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const path = `${home}/${relative.replace(/^(\.\/)+/, '').replace(/^\/+/, '')}`;
		const dir = path.slice(0, path.lastIndexOf('/'));
		if (dir !== home) {
			const made = makeDirectoryPath(world, frame, dir, true);
			if (made.ok) world = made.world;
		}
		const written = writePath(world, frame, path, content, false);
		if (written.ok) world = written.world;
	}
	return {...state, world};
}
