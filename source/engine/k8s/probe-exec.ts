// An exec probe's command in the container, as the kubelet runs it through the runtime: file tests
// (cat, ls, stat, test) look at the container's own filesystem; a program the image lacks fails as
// runc says; other commands are not modelled and succeed.
import {findExecutable} from '../docker/programs.ts';
import {lookupFile} from '../host/filesystem.ts';
import type {Host} from '../host/types.ts';
import type {World} from '../world.ts';
import type {ContainerRuntime} from './types.ts';

export type ExecProbeResult = {ok: true} | {ok: false; output: string};

/** An exec probe's command in the container: file tests look at its own filesystem; a program it lacks fails as runc says. */
export function execProbe(w: World, host: Host, ct: ContainerRuntime, command: string[]): ExecProbeResult {
	const fs = ct.containerId ? host.filesystems.get(`${host.name}:container:${ct.containerId}`) : undefined;
	if (!fs || command.length === 0) return {ok: false, output: ''};
	const argv = (command[0] === 'sh' || command[0] === '/bin/sh') && command[1] === '-c' ? (command[2] ?? '').trim().split(/\s+/) : command;
	const program = (argv[0] ?? '').split('/').pop()!;
	if (!findExecutable(w, fs, argv[0]!)) return {ok: false, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`};
	const busybox = !!lookupFile(w, fs, '/bin/busybox');
	const exists = (path: string) => !!lookupFile(w, fs, path);
	switch (program) {
		case 'true':
			return {ok: true};
		case 'false':
			return {ok: false, output: ''};
		case 'cat':
		case 'ls':
		case 'stat': {
			const missing = argv.slice(1).filter(a => !a.startsWith('-')).find(path => !exists(path));
			if (!missing) return {ok: true};
			return {ok: false, output: noSuchFile(program, missing, busybox)};
		}
		case 'test':
		case '[': {
			const path = argv.find((a, i) => i > 0 && !a.startsWith('-') && a !== ']');
			return path && exists(path) ? {ok: true} : {ok: false, output: ''};
		}
		default:
			// Other commands are not modelled: they succeed.
			return {ok: true};
	}
}

function noSuchFile(program: string, path: string, busybox: boolean): string {
	if (program === 'cat') return busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory`;
	if (program === 'ls') return busybox ? `ls: ${path}: No such file or directory` : `ls: cannot access '${path}': No such file or directory`;
	return busybox ? `stat: can't stat '${path}': No such file or directory` : `stat: cannot statx '${path}': No such file or directory`;
}
