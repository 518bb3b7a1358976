// What a container's main program is and does: which app it serves (apps.ts), whether it keeps
// running on its own, what it does over virtual time, and where its executables are.
import {lookupFile} from '../host/filesystem.ts';
import type {Filesystem, Workload} from '../host/types.ts';
import type {World} from '../world.ts';
import {inferAppProfile} from './apps.ts';
import {parseMemoryBytes} from './units.ts';
import type {AppProfile, Container, Image} from './types.ts';

export const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function imageOfContainer(w: World, hostName: string, container: Container): Image | undefined {
	return w.dockers.get(hostName)?.images.get(container.image);
}

/** The app the container's image runs, if it serves HTTP. */
export function appProfileOf(w: World, hostName: string, container: Container): AppProfile | undefined {
	const image = imageOfContainer(w, hostName, container);
	if (!image) return undefined;
	const imageArgv = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
	if (imageArgv.join('\0') !== container.command.join('\0')) {
		// A command override runs something else than the image's app, unless it is the same script.
		return inferAppProfile(w, {layers: image.layers, config: {...image.config, entrypoint: container.command, cmd: [], appProfile: sameProgram(imageArgv, container.command) ? image.config.appProfile : undefined}});
	}
	return inferAppProfile(w, image);
}

function sameProgram(a: string[], b: string[]): boolean {
	const [x, y] = [effectiveCommand(a), effectiveCommand(b)];
	return x.length > 0 && y.length > 0 && x[0]!.split('/').pop() === y[0]!.split('/').pop();
}

/** What really runs: an entrypoint script such as docker-entrypoint.sh sets up, then execs its arguments. */
export function effectiveCommand(command: string[]): string[] {
	if (command.length > 1 && /(^|\/)[\w.-]*entrypoint\.sh$/.test(command[0]!)) return command.slice(1);
	return command;
}

/** Whether the main command keeps running on its own (a server, sleep, a shell with a terminal). */
export function isLongRunning(w: World, hostName: string, container: Container): boolean {
	if (appProfileOf(w, hostName, container)) return true;
	if (container.pid !== undefined && w.hosts.get(hostName)?.processes.get(container.pid)?.script) return true;
	return isLongRunningCommand(effectiveCommand(container.command), container);
}

/** Whether a command (no app, no script) keeps running: a daemon, sleep, a shell with a terminal. */
export function isLongRunningCommand(command: string[], container: Pick<Container, 'interactive'>): boolean {
	const program = (command[0] ?? '').split('/').pop()!;
	if (['sleep', 'stress', 'top', 'nginx', 'httpd', 'redis-server', 'pause', 'mysqld', 'postgres'].includes(program)) return true;
	if (program === 'tail' && command.includes('-f')) return true;
	const shell = ['sh', 'bash', 'ash', 'node', 'python', 'python3'].includes(program) && command.length === 1;
	return shell && container.interactive === true;
}

/**
 * What a main process does over virtual time when it is a known program: `sleep N` ends after N
 * seconds; `stress --vm 1 --vm-bytes 200M` grows its memory (the OOM killer ends it above
 * memory.max) and `stress --cpu 2` burns CPU (cpu.max throttles it); `--timeout` ends either.
 */
export function behaviourOf(argv: string[], now: number): {workload?: Workload; endsAt?: number; cpuDemand?: number} {
	const program = (argv[0] ?? '').split('/').pop();
	const seconds = (text: string | undefined) => {
		const m = text?.match(/^(\d+(?:\.\d+)?)([smhd]?)$/);
		return m ? Number(m[1]) * ({'': 1, s: 1, m: 60, h: 3600, d: 86400}[m[2]!] ?? 1) * 1000 : undefined;
	};
	if (program === 'sleep') {
		const ms = seconds(argv[1]);
		return ms === undefined ? {} : {endsAt: now + ms};
	}
	if (program !== 'stress') return {};
	let vm = 0;
	let cpu = 0;
	let vmBytes = 256 * 1024 * 1024;
	let timeout: number | undefined;
	for (let i = 1; i < argv.length; i++) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (flag === '--vm' || flag === '-m') vm = Number(value) || 0;
		else if (flag === '--cpu' || flag === '-c') cpu = Number(value) || 0;
		else if (flag === '--vm-bytes') vmBytes = parseMemoryBytes(value?.replace(/B$/i, '') ?? '') ?? vmBytes;
		else if (flag === '--timeout' || flag === '-t') timeout = seconds(value);
	}
	const endsAt = timeout === undefined ? undefined : now + timeout;
	if (vm > 0) return {workload: {kind: 'memory-hog', targetBytes: vm * vmBytes, growBytesPerSecond: 512 * 1024 * 1024}, endsAt, cpuDemand: 1};
	if (cpu > 0) return {workload: {kind: 'cpu-burner', threads: cpu}, endsAt, cpuDemand: cpu};
	return {endsAt};
}

/** Finds an executable on the container's PATH (or by absolute path) in its root filesystem. */
export function findExecutable(w: World, fs: Filesystem, program: string, path = defaultPath): string | undefined {
	const candidates = program.includes('/') ? [program] : path.split(':').map(dir => `${dir}/${program}`);
	for (const candidate of candidates) {
		const found = lookupFile(w, fs, candidate);
		if (found && found.node.type === 'file') return candidate;
	}
	return undefined;
}
