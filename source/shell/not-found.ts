// What a shell says for a command it cannot find, in that shell's own words: the learner's bash
// on a host (`bash: foo: command not found`), or the `sh` of a container's image inside
// `docker exec -it` / `kubectl exec -it` (busybox ash: `sh: foo: not found`; Debian's dash:
// `sh: 1: foo: not found`).
import {processFilesystem, shellDialect} from '../engine/script/process-io.ts';
import {currentFrame} from './session.ts';
import type {ShellState} from './types.ts';

export function notFoundLine(state: ShellState, name: string): string {
	const frame = currentFrame(state);
	if (frame.kind === 'container' || frame.kind === 'pod') {
		const host = state.world.hosts.get(frame.host);
		const process = host?.processes.get(frame.pid);
		if (host && process) {
			const argv0 = process.command.trim().split(/\s+/)[0] || 'sh';
			const shell = argv0.split('/').pop()!;
			const dialect = shellDialect(state.world, processFilesystem(host, process), argv0);
			if (dialect === 'ash') return `${shell}: ${name}: not found`;
			if (dialect === 'dash') return `${shell}: 1: ${name}: not found`;
		}
	}
	return frame.script ? `bash: line 1: ${name}: command not found` : `bash: ${name}: command not found`;
}
