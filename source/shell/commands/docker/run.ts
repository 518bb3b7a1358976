// docker run / docker create
// Longer than ~300 lines because docker run has many flags and each is parsed and checked here.
import {findNetwork} from '../../../engine/docker/networks.ts';
import {argumentCountText, flagErrorText} from './usage-lines.ts';
import {produce} from 'immer';
import {tagKey, parseImageRef} from '../../../engine/docker/image-ref.ts';
import {createContainer, effectiveCommand, findExecutable, isLongRunning, mainProcessEnded, reconcileContainers, recordContainerExit, resolveImage, startContainer, type CreateOptions} from '../../../engine/docker/runtime.ts';
import type {PortBinding, RestartPolicy} from '../../../engine/docker/types.ts';
import {parseMemoryBytes} from '../../../engine/docker/units.ts';
import {parseVolumeFlag, type MountSpec} from '../../../engine/docker/volumes.ts';
import type {World} from '../../../engine/world.ts';
import {pathKind, readPath} from '../../paths.ts';
import {readDisk} from '../../read-disk.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {fail, notSimulatedNote} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, type ParsedFlags, parseFlags} from './flags.ts';
import {containerFrame, isShell, runInside} from './inside.ts';
import {offlineHubNote} from '../../offline-hub-note.ts';
import {pullOnHost} from './pull-push.ts';


type RunSettings = {options: CreateOptions; detach: boolean; interactive: boolean; tty: boolean};

function runUsage(sub: string, message: string): CommandOutcome {
	return fail(flagErrorText(message, sub), 125);
}

/** What `docker run` prints when the run fails (cli/command/container/run.go): `docker: ERR`, then where to read more. */
/** `pulled`: the world after an image was pulled for this run, which a later failure keeps (the image stays, as with the real daemon). */
function runFailure(sub: string, message: string, before = '', pulled?: World): CommandOutcome {
	const failed = fail(`${before}docker: ${message}\n\nRun 'docker ${sub} --help' for more information`, 125);
	return pulled ? {...failed, world: pulled} : failed;
}

/** Reads -p values: "8080:8080", "127.0.0.1:8080:80", "80", "8080:80/udp". */
export function parsePorts(values: string[], exposed: string[], publishAll: boolean, taken: Set<number>): PortBinding[] | {error: string} {
	const out: PortBinding[] = [];
	let next = 32768;
	const randomPort = () => {
		while (taken.has(next)) next++;
		taken.add(next);
		return next++;
	};
	for (const value of values) {
		const [spec, proto = 'tcp'] = value.split('/');
		if (proto !== 'tcp' && proto !== 'udp') return {error: `invalid proto: ${proto}`};
		const parts = spec!.split(':');
		const containerPort = Number(parts[parts.length - 1]);
		if (!/^\d+$/.test(parts[parts.length - 1]!) || containerPort < 1 || containerPort > 65535) return {error: `invalid containerPort: ${parts[parts.length - 1]}`};
		const hostText = parts.length >= 2 ? parts[parts.length - 2]! : '';
		const hostIp = parts.length === 3 ? parts[0]! : '0.0.0.0';
		if (hostText !== '' && (!/^\d+$/.test(hostText) || Number(hostText) > 65535)) return {error: `invalid hostPort: ${hostText}`};
		out.push({hostIp, hostPort: hostText === '' || Number(hostText) === 0 ? randomPort() : Number(hostText), containerPort, protocol: proto});
	}
	if (publishAll) {
		for (const port of exposed) {
			const [num, proto = 'tcp'] = port.split('/');
			if (!out.some(p => p.containerPort === Number(num))) out.push({hostIp: '0.0.0.0', hostPort: randomPort(), containerPort: Number(num), protocol: proto as 'tcp' | 'udp'});
		}
	}
	return out;
}

function settingsFrom(flags: ParsedFlags, call: DockerCall, image: string, command: string[], sub: string): RunSettings | CommandOutcome {
	const env: Record<string, string> = {};
	for (const file of flagValues(flags, '--env-file')) {
		const read = readEnvFile(call, file);
		if ('error' in read) return runFailure(sub, read.error);
		Object.assign(env, read.env);
	}
	for (const entry of flagValues(flags, '-e')) {
		const eq = entry.indexOf('=');
		if (eq === 0) return runUsage(sub, `invalid argument "${entry}" for "-e, --env" flag: invalid environment variable: ${entry}`);
		if (eq < 0) {
			const value = call.ctx.session.env[entry];
			if (value !== undefined) env[entry] = value;
		} else env[entry.slice(0, eq)] = entry.slice(eq + 1);
	}
	let memoryBytes: number | undefined;
	const memory = flagValue(flags, '-m');
	if (memory !== undefined) {
		memoryBytes = parseMemoryBytes(memory);
		if (memoryBytes === undefined) return runUsage(sub, `invalid argument "${memory}" for "-m, --memory" flag: invalid size: '${memory}'`);
		if (memoryBytes < 6 * 1024 * 1024) return runFailure(sub, 'Error response from daemon: Minimum memory limit allowed is 6MB');
	}
	let cpus: number | undefined;
	const cpuText = flagValue(flags, '--cpus');
	if (cpuText !== undefined) {
		cpus = Number(cpuText);
		if (!/^\d*\.?\d+$/.test(cpuText) || Number.isNaN(cpus)) return runUsage(sub, `invalid argument "${cpuText}" for "--cpus" flag: failed to parse ${cpuText} as a rational number`);
		const hostCpus = call.world.hosts.get(call.host)?.cpus ?? 1;
		if (cpus < 0.01 || cpus > hostCpus) return runFailure(sub, `Error response from daemon: range of CPUs is from 0.01 to ${hostCpus.toFixed(2)}, as there are only ${hostCpus} CPUs available`);
	}
	const labels: Record<string, string> = {};
	for (const entry of flagValues(flags, '-l')) {
		const eq = entry.indexOf('=');
		labels[eq < 0 ? entry : entry.slice(0, eq)] = eq < 0 ? '' : entry.slice(eq + 1);
	}
	const restartText = flagValue(flags, '--restart');
	let restartPolicy: RestartPolicy | undefined;
	if (restartText !== undefined) {
		const [policy, retries] = restartText.split(':');
		if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(policy!)) return runFailure(sub, `Error response from daemon: invalid restart policy: unknown policy '${policy}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
		if (retries !== undefined && (policy !== 'on-failure' || !/^\d+$/.test(retries))) return runFailure(sub, `Error response from daemon: invalid restart policy: ${policy === 'on-failure' ? `invalid maximum retry count: ${retries}` : `maximum retry count can only be used with 'on-failure'`}`);
		restartPolicy = {name: policy as RestartPolicy['name'], maxRetries: Number(retries ?? 0)};
		if (flagSet(flags, '--rm') && policy !== 'no') return runFailure(sub, 'conflicting options: cannot specify both --restart and --rm');
	}
	const namespaceModes: NonNullable<CreateOptions['namespaceModes']> = {};
	const network = flagValue(flags, '--network');
	let userNetwork: string | undefined;
	if (network !== undefined && network !== 'bridge' && network !== 'default') {
		if (network !== 'host' && network !== 'none' && !network.startsWith('container:')) {
			const found = findNetwork(call.daemon, network);
			if (!found) return runFailure(sub, `Error response from daemon: network ${network} not found`);
			userNetwork = found.name;
		} else namespaceModes.net = network;
	}
	const aliases = flagValues(flags, '--network-alias');
	if (aliases.length && !userNetwork) return runFailure(sub, 'Error response from daemon: network-scoped alias is supported only for containers in user defined networks');
	for (const [flag, kind, allowed] of [['--pid', 'pid', ['host']], ['--uts', 'uts', ['host']], ['--ipc', 'ipc', ['host', 'private', 'shareable', 'none']]] as const) {
		const mode = flagValue(flags, flag);
		if (mode === undefined || mode === '' || mode === 'private' || mode === 'shareable') continue;
		const ok = (allowed as readonly string[]).includes(mode) || (kind !== 'uts' && mode.startsWith('container:'));
		if (!ok) return runFailure(sub, `Error response from daemon: invalid ${kind === 'pid' ? 'PID' : kind.toUpperCase()} mode: ${mode}`);
		if (mode !== 'none') namespaceModes[kind] = mode;
	}
	const mounts: MountSpec[] = [];
	for (const value of flagValues(flags, '-v')) {
		const spec = parseVolumeFlag(value);
		if ('error' in spec) return runFailure(sub, `Error response from daemon: ${spec.error}`);
		mounts.push(spec);
	}
	const entrypointText = flagValue(flags, '--entrypoint');
	const name = flagValue(flags, '--name');
	const detach = flagSet(flags, '-d');
	const interactive = flagSet(flags, '-i');
	const tty = flagSet(flags, '-t');
	const rm = flagSet(flags, '--rm');
	return {
		options: {
			image,
			name,
			command,
			entrypoint: entrypointText === undefined ? undefined : entrypointText === '' ? [] : [entrypointText],
			env,
			memoryBytes,
			cpus,
			hostname: flagValue(flags, '-h'),
			labels,
			autoRemove: rm,
			tty,
			interactive,
			workdir: flagValue(flags, '-w'),
			user: flagValue(flags, '-u'),
			restartPolicy,
			namespaceModes,
			mounts,
			...(userNetwork ? {networks: [userNetwork], networkAliases: aliases} : {}),
		},
		detach,
		interactive,
		tty,
	};
}

/**
 * --env-file as the docker CLI reads it (opts/file.go): one KEY=VALUE a line, the value kept as
 * written; blank lines and # comments skipped; a bare KEY takes the caller's value if it has one.
 */
function readEnvFile(call: DockerCall, path: string): {env: Record<string, string>} | {error: string} {
	const content = hostFile(call, path) ?? readDisk(call.ctx.disk, path);
	if (typeof content !== 'string' && !content.ok) return {error: `open ${path}: ${content.problem === 'missing' || content.problem === 'unreadable' || content.problem === 'directory' ? content.message : `[simulator] ${content.message}`}`};
	return parseEnvFile(call, path, typeof content === 'string' ? content : content.content);
}

/** A file the learner wrote on the simulated host (`echo A=1 > app.env`), which the docker CLI there reads first. */
function hostFile(call: DockerCall, path: string): string | undefined {
	const {world, frame} = call.ctx;
	if (pathKind(world, frame, path) !== 'file') return undefined;
	const read = readPath(world, frame, path);
	return 'content' in read ? read.content : undefined;
}

function parseEnvFile(call: DockerCall, path: string, content: string): {env: Record<string, string>} | {error: string} {
	const env: Record<string, string> = {};
	for (const raw of content.split('\n')) {
		const line = raw.replace(/^\s+/, '').replace(/\r$/, '');
		if (line === '' || line.startsWith('#')) continue;
		const eq = line.indexOf('=');
		const name = (eq < 0 ? line : line.slice(0, eq)).replace(/^\s+/, '');
		if (eq === 0 || name === '') return {error: `invalid env file (${path}): no variable name on line '${line}'`};
		if (/\s/.test(name)) return {error: `invalid env file (${path}): variable '${name}' contains whitespaces`};
		if (eq >= 0) env[name] = line.slice(eq + 1);
		else if (call.ctx.session.env[name] !== undefined) env[name] = call.ctx.session.env[name]!;
	}
	return {env};
}

/** Makes sure the image is on the host, pulling it the way `docker run` does (progress on stderr). */
function ensureImage(call: DockerCall, world: World, ref: string, sub: string): {world: World; stderr: string} | CommandOutcome {
	const daemon = world.dockers.get(call.host)!;
	if (resolveImage(daemon, ref)) return {world, stderr: ''};
	const parsed = parseImageRef(ref);
	if ('error' in parsed) return runFailure(sub, parsed.error);
	const unable = `Unable to find image '${tagKey(parsed)}' locally\n`;
	const pulled = pullOnHost(world, call.host, ref, call.ctx.runtime.programs);
	if (!pulled.ok) {
		const failed = runFailure(sub, `Error response from daemon: ${pulled.error}`, unable);
		return {...failed, stderr: failed.stderr + offlineHubNote(world, ref)};
	}
	return {world: pulled.world, stderr: unable + pulled.text};
}

export function dockerCreate(args: string[], call: DockerCall): CommandOutcome {
	return runOrCreate(args, call, 'create');
}

export function dockerRun(args: string[], call: DockerCall): CommandOutcome {
	return runOrCreate(args, call, 'run');
}

function runOrCreate(args: string[], call: DockerCall, sub: 'run' | 'create'): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags(sub), true);
	if (!parsed.ok) return runUsage(sub, parsed.error);
	const {flags} = parsed;
	const [image, ...command] = flags.positionals;
	if (!image) return fail(argumentCountText(sub, 'at least 1 argument'), 1);
	const settings = settingsFrom(flags, call, image, command, sub);
	if ('exitCode' in settings) return settings;
	if (settings.detach && settings.options.autoRemove === undefined) settings.options.autoRemove = false;
	const note = notSimulatedNote(flags.notSimulated);
	const pulled = ensureImage(call, call.world, image, sub);
	if ('exitCode' in pulled) return pulled;
	let world = pulled.world;
	let stderr = note + pulled.stderr;
	const imageConfig = resolveImage(world.dockers.get(call.host)!, image)!.config;
	const taken = new Set<number>();
	for (const c of world.dockers.get(call.host)!.containers.values()) for (const p of c.ports) taken.add(p.hostPort);
	const ports = parsePorts(flagValues(flags, '-p'), imageConfig.exposedPorts, flagSet(flags, '-P'), taken);
	if ('error' in ports) return runFailure(sub, ports.error, stderr, pulled.world);
	const netMode = settings.options.namespaceModes?.net;
	if (netMode?.startsWith('container:') && flagValues(flags, '-p').length > 0) return runFailure(sub, 'Error response from daemon: conflicting options: port publishing and the container type network mode', stderr, pulled.world);
	if (netMode === 'host' && flagValues(flags, '-p').length > 0) stderr += 'WARNING: Published ports are discarded when using host network mode\n';
	settings.options.ports = netMode === 'host' || netMode?.startsWith('container:') ? [] : ports;
	let createError = '';
	let containerId = '';
	world = produce(world, w => {
		const created = createContainer(w, call.host, settings.options);
		if (!created.ok) createError = created.error;
		else containerId = created.container.id;
	});
	if (createError) return runFailure(sub, `Error response from daemon: ${createError}`, stderr, pulled.world);
	if (sub === 'create') return {stdout: containerId + '\n', stderr, exitCode: 0, world};
	const attached = startAndAttach(call, world, containerId, settings, stderr);
	// The pull lines (and warnings) reach the terminal before anything the container prints.
	return stderr ? {...attached, stderrFirst: true} : attached;
}

/** Starts a created container and does what the terminal would show: an id, output, or a shell. */
function startAndAttach(call: DockerCall, before: World, containerId: string, settings: RunSettings, stderrSoFar: string): CommandOutcome {
	let stderr = stderrSoFar;
	const host = call.host;
	const container = before.dockers.get(host)!.containers.get(containerId)!;
	const fs = before.hosts.get(host)!.filesystems.get(container.rootfs)!;
	const program = container.command[0]!;
	const effective = effectiveCommand(container.command);
	const image = before.dockers.get(host)!.images.get(container.image);
	const hostArch = platformArch(before.hosts.get(host)!.arch);
	if (image && image.config.arch !== hostArch) {
		// No emulation: the kernel cannot execute another CPU's binaries.
		stderr += `WARNING: The requested image's platform (linux/${image.config.arch}${image.config.arch === 'arm64' ? '/v8' : ''}) does not match the detected host platform (linux/${hostArch}/v3) and no specific platform was requested\n`;
		let world = produce(before, w => {
			startContainer(w, host, containerId, 'dockerd', {programs: call.ctx.runtime.programs});
		});
		const resolved = findExecutable(before, before.hosts.get(host)!.filesystems.get(container.rootfs)!, effective[0]!, container.env['PATH']) ?? effective[0];
		const message = `exec ${resolved}: exec format error\n`;
		world = produce(world, w => recordContainerExit(w, host, containerId, 255, message));
		return {stdout: settings.detach ? containerId + '\n' : '', stderr: stderr + (settings.detach ? '' : message), exitCode: settings.detach ? 0 : 255, world};
	}
	if (effective !== container.command && !findExecutable(before, fs, effective[0]!, container.env['PATH'])) {
		// The entrypoint script starts, then fails to exec the command it was given.
		let world = produce(before, w => {
			startContainer(w, host, containerId, 'dockerd', {programs: call.ctx.runtime.programs});
		});
		const message = `${program}: exec: line 47: ${effective[0]}: not found\n`;
		world = produce(world, w => recordContainerExit(w, host, containerId, 127, message));
		return {stdout: settings.detach ? containerId + '\n' : '', stderr: stderr + (settings.detach ? '' : message), exitCode: settings.detach ? 0 : 127, world};
	}
	if (!findExecutable(before, fs, program, container.env['PATH'])) {
		const world = produce(before, w => {
			const c = w.dockers.get(host)!.containers.get(containerId)!;
			c.exitCode = 127;
		});
		return fail(`${stderr}docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH: unknown.`, 127, {world});
	}
	let startError = '';
	let pid = 0;
	let world = produce(before, w => {
		const started = startContainer(w, host, containerId, 'dockerd', {programs: call.ctx.runtime.programs});
		if (!started.ok) startError = started.error;
		else pid = started.process.pid;
	});
	if (startError) return fail(`${stderr}docker: Error response from daemon: ${startError}.`, 125, {world});
	const idLine = settings.detach ? containerId + '\n' : '';
	if (mainProcessEnded(world, host, world.dockers.get(host)!.containers.get(containerId)!)) {
		// A script that ended as it started (it printed and exited, or could not be parsed).
		const logs = world.dockers.get(host)!.containers.get(containerId)!.logs.map(l => l + '\n').join('');
		world = produce(world, w => reconcileContainers(w, host, call.ctx.runtime.programs));
		const exitCode = world.dockers.get(host)?.containers.get(containerId)?.exitCode ?? 0;
		if (settings.detach) return {stdout: idLine, stderr, exitCode: 0, world};
		return {stdout: logs, stderr, exitCode, world};
	}
	const running = world.dockers.get(host)!.containers.get(containerId)!;
	if (isLongRunning(world, host, running)) {
		// The client exits once the container started: `docker run -d ... &` is a job done at once.
		if (settings.detach) return {stdout: idLine, stderr, exitCode: 0, world};
		if (settings.interactive && settings.tty && isShell(effective[0]!)) {
			const frame = containerFrame(host, pid, running.user ?? 'root', running.workdir);
			return {stdout: '', stderr, exitCode: 0, world, session: {...call.ctx.session, frames: [...call.ctx.session.frames, frame]}};
		}
		const logs = running.logs.map(l => l + '\n').join('');
		// Not a word about Ctrl-C: at the tutor's empty prompt it quits, and learners pressed it to stop the container.
		stderr += `[simulator] attached to ${running.name}: a real terminal would stay attached and show its output; here the prompt returns and ${running.name} keeps running (docker stop ${running.name} stops it). Use -d to run it in the background.\n`;
		return {stdout: logs, stderr, exitCode: 0, world, spawnedPid: pid};
	}
	// A one-shot command: run it inside the container's main process, then the container exits.
	const frame = containerFrame(host, pid, running.user ?? 'root', running.workdir);
	const inside = runInside(call.ctx, world, frame, effectiveCommand(running.command));
	world = produce(inside.world, w => recordContainerExit(w, host, containerId, inside.exitCode, inside.stdout + inside.stderr));
	if (settings.detach) return {stdout: idLine, stderr, exitCode: 0, world};
	return {stdout: inside.stdout, stderr: stderr + inside.stderr, exitCode: inside.exitCode, world};
}

export {startAndAttach, type RunSettings};

/** docker's name for a CPU architecture: x86_64 -> amd64, aarch64 -> arm64. */
export function platformArch(unameMachine: string): string {
	return ({x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm'} as Record<string, string>)[unameMachine] ?? unameMachine;
}
