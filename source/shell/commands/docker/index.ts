// The `docker` command: global flags, management-command aliases (docker image ls, docker
// container run...), and dispatch to each subcommand.
import {flagErrorText} from './usage-lines.ts';
import type {CommandOutcome, CommandSpec} from '../../types.ts';
import {dockerBuild} from './build.ts';
import {dockerDiff, dockerKill, dockerLogs, dockerPs, dockerRestart, dockerRm, dockerStart, dockerStop} from './containers.ts';
import {dockerCall, isOutcome, type DockerCall} from './context.ts';
import {dockerExec} from './exec.ts';
import {fail, notSimulatedNote, ok} from './format.ts';
import {asksForHelp, dockerFlags, unnotedFlags} from './flags.ts';
import {dockerHistory, dockerImages, dockerRmi, dockerTag} from './images.ts';
import {dockerInspect} from './inspect.ts';
import {dockerLogin, dockerLogout, dockerPull, dockerPush} from './pull-push.ts';
import {dockerCreate, dockerRun} from './run.ts';
import {dockerCommit, dockerCp, dockerSearch, dockerPause, dockerPort, dockerPrune, dockerRename, dockerStats, dockerTop} from './more.ts';
import {dockerInfo, dockerSystem, dockerVersionText} from './system.ts';
import {dockerVolume} from './volumes.ts';
import {dockerNetwork} from './networks.ts';
import {dockerHelpTexts} from './help-texts.ts';

type Handler = (args: string[], call: DockerCall) => CommandOutcome;

const handlers: Record<string, Handler> = {
	build: dockerBuild,
	images: dockerImages,
	history: dockerHistory,
	tag: dockerTag,
	rmi: dockerRmi,
	pull: dockerPull,
	push: dockerPush,
	login: dockerLogin,
	logout: dockerLogout,
	run: dockerRun,
	create: dockerCreate,
	ps: dockerPs,
	start: dockerStart,
	stop: dockerStop,
	restart: dockerRestart,
	kill: dockerKill,
	rm: dockerRm,
	exec: dockerExec,
	logs: dockerLogs,
	diff: dockerDiff,
	inspect: (args, call) => dockerInspect(args, call),
	version: () => dockerVersionText(),
	info: dockerInfo,
	system: dockerSystem,
	stats: dockerStats,
	top: dockerTop,
	port: dockerPort,
	commit: dockerCommit,
	cp: dockerCp,
	search: dockerSearch,
	rename: dockerRename,
	pause: (args, call) => dockerPause(args, call, true),
	unpause: (args, call) => dockerPause(args, call, false),
	volume: dockerVolume,
	network: dockerNetwork,
};

/** `docker image ls` -> images, `docker container run` -> run, ... */
const management: Record<string, Record<string, string | Handler>> = {
	image: {ls: 'images', list: 'images', build: 'build', history: 'history', tag: 'tag', rm: 'rmi', remove: 'rmi', pull: 'pull', push: 'push', inspect: (args, call) => dockerInspect(args, call, 'image'), prune: (args, call) => dockerPrune('image', args, call)},
	container: {ls: 'ps', list: 'ps', ps: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', kill: 'kill', rm: 'rm', remove: 'rm', exec: 'exec', logs: 'logs', diff: 'diff', stats: 'stats', top: 'top', port: 'port', commit: 'commit', cp: 'cp', rename: 'rename', pause: 'pause', unpause: 'unpause', inspect: (args, call) => dockerInspect(args, call, 'container'), prune: (args, call) => dockerPrune('container', args, call)},
	builder: {build: 'build'},
};

const notSimulated = new Set(['compose', 'swarm', 'service', 'stack', 'node', 'secret', 'config', 'plugin', 'context', 'buildx', 'trust', 'manifest', 'save', 'load', 'import', 'export', 'attach', 'update', 'wait', 'events', 'scout', 'init']);

const summaryText = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  search      Search Docker Hub for images
  push        Upload an image to a registry
  images      List images
  login       Authenticate to a registry
  logout      Log out from a registry
  version     Show the Docker version information
  info        Display system-wide information

Management Commands:
  container   Manage containers
  image       Manage images
  network     Manage networks
  system      Manage Docker
  volume      Manage volumes

Commands:
  create      Create a new container
  diff        Inspect changes to files or directories on a container's filesystem
  history     Show the history of an image
  inspect     Return low-level information on Docker objects
  kill        Kill one or more running containers
  logs        Fetch the logs of a container
  restart     Restart one or more containers
  rm          Remove one or more containers
  rmi         Remove one or more images
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
  commit      Create a new image from a container's changes
  cp          Copy files/folders between a container and the local filesystem
  pause       Pause all processes within one or more containers
  port        List port mappings or a specific mapping for the container
  rename      Rename a container
  stats       Display a live stream of container(s) resource usage statistics
  top         Display the running processes of a container
  unpause     Unpause all processes within one or more containers

Run 'docker COMMAND --help' for more information on a command.
`;

function runDocker(args: string[], ctx: Parameters<CommandSpec['run']>[1]): CommandOutcome {
	let rest = args;
	while (rest[0] === '-D' || rest[0] === '--debug' || rest[0] === '-l' || rest[0] === '--log-level' || rest[0] === '-H' || rest[0] === '--host' || rest[0] === '--context' || rest[0] === '-c') {
		rest = rest[0] === '-D' || rest[0] === '--debug' ? rest.slice(1) : rest.slice(2);
	}
	const [first, ...more] = rest;
	if (first === undefined || first === '--help' || first === '-h' || first === 'help') return ok(summaryText);
	if (first === '-v' || first === '--version') return ok('Docker version 27.4.1, build b9d17ea\n');
	if (first.startsWith('-')) return fail(flagErrorText(`unknown flag: ${first}`, ''), 125);
	let name = first;
	let subArgs = more;
	let handler: Handler | undefined = handlers[name];
	const group = management[first];
	if (group) {
		const sub = more[0];
		const target = sub ? group[sub] : undefined;
		if (!sub || sub === '--help') return ok(dockerHelpTexts[first] ?? `\nUsage:  docker ${first} COMMAND\n\nManage ${first}s\n\nCommands:\n${Object.keys(group).map(k => `  ${k}`).join('\n')}\n`);
		if (!target) return fail(`docker: unknown command: docker ${first} ${sub}\n\nRun 'docker ${first} --help' for more information`, 1);
		subArgs = more.slice(1);
		name = typeof target === 'string' ? target : `${first} ${sub}`;
		handler = typeof target === 'string' ? handlers[target] : target;
	}
	if (!handler) {
		if (notSimulated.has(first)) return fail(`[simulator] docker ${first} is a real docker command that this simulator does not model yet`, 1);
		return fail(`docker: unknown command: docker ${first}\n\nRun 'docker --help' for more information`, 1);
	}
	if (asksForHelp(name, subArgs)) return ok(helpFor(name, subArgs));
	const call = dockerCall(ctx);
	if (isOutcome(call)) return call;
	const ran = handler(subArgs, call);
	// docker volume/network/system route their own subcommands: their flags are under "volume ls".
	const routed = subArgs[0] !== undefined && dockerHelpTexts[`${name} ${subArgs[0]}`] !== undefined;
	const outcome = withNotes(ran, routed ? unnotedFlags(`${name} ${subArgs[0]}`, subArgs.slice(1), ran.stderr ?? '') : unnotedFlags(name, subArgs, ran.stderr ?? ''));
	// Reconciling exited containers is a change worth keeping even when the subcommand made none.
	return outcome.world || call.world === ctx.world ? outcome : {...outcome, world: call.world};
}

/** Puts "[simulator] X is accepted, not simulated here" before what the subcommand wrote on stderr. */
function withNotes(outcome: CommandOutcome, flags: string[]): CommandOutcome {
	if (flags.length === 0) return outcome;
	const note = notSimulatedNote(flags);
	return {...outcome, stderr: note + (outcome.stderr ?? ''), ...(outcome.chunks ? {chunks: [{stream: 'stderr' as const, text: note}, ...outcome.chunks]} : {})};
}

/** `docker X --help` as docker 28 prints it (help-texts.ts); `docker system df --help` is found under "system df". */
function helpFor(name: string, args: string[]): string {
	const sub = args[0] && !args[0].startsWith('-') ? `${name} ${args[0]}` : undefined;
	const text = (sub && dockerHelpTexts[sub]) ?? dockerHelpTexts[name];
	return text ?? `\nUsage:  docker ${name} [OPTIONS]\n\n[simulator] every option: https://docs.docker.com/reference/cli/docker/ (the simulator models the common ones)\n`;
}

/** docker's own options before a command (-D, -H, -l, --context, -v), as runDocker reads them. */
const globalFlags = ['-D', '--debug', '-H', '--host', '-l', '--log-level', '-c', '--context', '-h', '--help', '-v', '--version'];

/** What Tab offers after `docker SUB ...`: the flags the parser reads (dockerFlags: docker 28's, as `docker SUB --help` lists them). */
function flagNamesAfter(positional: string[]): string[] {
	const [first, second] = positional;
	if (!first) return globalFlags;
	const sub = second && dockerHelpTexts[`${first} ${second}`] !== undefined ? `${first} ${second}` : (management[first]?.[second ?? ''] as string | undefined) ?? first;
	return [...dockerFlags(typeof sub === 'string' ? sub : first).flatMap(spec => spec.names), '--help'];
}

export const dockerCommand: CommandSpec = {
	name: 'docker',
	summary: 'build, ship and run containers (Docker CLI)',
	usage: 'docker COMMAND [OPTIONS]',
	subcommands: [...Object.keys(handlers), 'image', 'container'],
	flagsAfter: flagNamesAfter,
	run: runDocker,
};

export const dockerCommands: CommandSpec[] = [dockerCommand];
