// Runs the learner's editor on a real file and waits for it to close (the dashboard has
// handed it the terminal). $VISUAL, then $EDITOR, then vi, as shells and git choose.
import {spawnSync} from 'node:child_process';

export function runEditor(fullPath: string, env: Record<string, string | undefined> = process.env): {ok: true} | {ok: false; error: string} {
	const editor = env.VISUAL || env.EDITOR || 'vi';
	const quoted = `'${fullPath.replace(/'/g, `'\\''`)}'`;
	const result = spawnSync(`${editor} ${quoted}`, {shell: true, stdio: 'inherit', env: env as NodeJS.ProcessEnv});
	if (result.error) return {ok: false, error: `edit: cannot run ${editor}: ${result.error.message}`};
	if (result.status === 127) return {ok: false, error: `edit: ${editor}: command not found (set $EDITOR)`};
	return {ok: true};
}
