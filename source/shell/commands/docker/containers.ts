// docker ps / start / stop / restart / kill / rm / logs / diff
import {produce} from 'immer';
import {tagKey, parseImageRef} from '../../../engine/docker/image-ref.ts';
import {containerChanges, effectiveCommand, findContainer, isLongRunning, mainProcessEnded, reconcileContainers, recordContainerExit, removeContainer, startContainer, stopContainer} from '../../../engine/docker/runtime.ts';
import type {Container, DockerDaemon} from '../../../engine/docker/types.ts';
import {humanDuration, shortId} from '../../../engine/docker/units.ts';
import {tick} from '../../../engine/tick.ts';
import {worldEpoch, type World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {ellipsis, fail, notSimulatedNote, ok, table, usageError} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, intFlag, parseFlags} from './flags.ts';
import {ago} from './images.ts';
import {containerFrame, runInside} from './inside.ts';
import {formatRows, goTimeString} from './go-format.ts';

export function statusText(c: Container, now: number): string {
	if (c.state === 'running') return `Up ${humanDuration(now - (c.startedAt ?? now))}`;
	if (c.state === 'exited') return `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
	if (c.state === 'paused') return `Up ${humanDuration(now - (c.startedAt ?? now))} (Paused)`;
	if (c.state === 'restarting') return `Restarting (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`;
	return 'Created';
}

export function portsText(c: Container, exposed: string[]): string {
	const out: string[] = [];
	if (c.state !== 'running' && c.state !== 'paused') return '';
	if (c.namespaceModes?.net || c.joinedNamespacesOf !== undefined) return ''; // no bridge, no port mapping
	{
		for (const p of c.ports) {
			out.push(`${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
			if (p.hostIp === '0.0.0.0') out.push(`[::]:${p.hostPort}->${p.containerPort}/${p.protocol}`); // CLI 28 brackets IPv6 (net.JoinHostPort)
		}
	}
	for (const port of exposed) {
		const [num, proto = 'tcp'] = port.split('/');
		if (!c.ports.some(p => p.containerPort === Number(num) && p.protocol === proto)) out.push(`${num}/${proto}`);
	}
	return out.join(', ');
}

/** What the IMAGE column shows: the reference typed, or the short id when that tag moved on. */
function imageColumn(daemon: DockerDaemon, c: Container): string {
	const parsed = parseImageRef(c.imageRef);
	if (!('error' in parsed) && daemon.tags.get(tagKey(parsed)) === c.image) return c.imageRef;
	if (c.image.replace('sha256:', '').startsWith(c.imageRef)) return c.imageRef;
	return shortId(c.image);
}

export function dockerPs(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('ps'));
	if (!parsed.ok) return usageError(parsed.error, 'ps');
	const {flags} = parsed;
	const now = call.world.time;
	let list = [...call.daemon.containers.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
	const lastN = intFlag(flags, '-n', '-n, --last');
	if (typeof lastN === 'object') return usageError(lastN.error, 'ps');
	const last = flagSet(flags, '-l') ? 1 : lastN !== undefined && lastN >= 0 ? lastN : undefined;
	if (last === undefined && !flagSet(flags, '-a')) list = list.filter(c => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
	for (const filter of flagValues(flags, '-f')) {
		const [key, value = ''] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
		if (key === 'name') list = list.filter(c => c.name.includes(value));
		else if (key === 'status') list = list.filter(c => c.state === value);
		else if (key === 'ancestor') list = list.filter(c => c.imageRef === value || c.image.includes(value));
		else if (key === 'id') list = list.filter(c => c.id.startsWith(value));
		else return fail(`Error response from daemon: invalid filter '${key}'`, 1);
	}
	if (last !== undefined && Number.isFinite(last)) list = list.slice(0, Math.max(0, last));
	const note = notSimulatedNote(flags.notSimulated);
	const noTrunc = flagSet(flags, '--no-trunc');
	if (flagSet(flags, '-q')) return ok(list.map(c => (noTrunc ? c.id : c.id.slice(0, 12)) + '\n').join(''), {stderr: note});
	const rows = list.map(c => {
		const command = c.command.join(' ');
		const exposed = call.daemon.images.get(c.image)?.config.exposedPorts ?? [];
		return [noTrunc ? c.id : c.id.slice(0, 12), imageColumn(call.daemon, c), JSON.stringify(noTrunc ? command : ellipsis(command, 20)), ago(now, c.created), statusText(c, now), portsText(c, exposed), c.name];
	});
	const format = flagValue(flags, '--format');
	if (format) {
		const fields = rows.map((r, i) => ({ID: r[0]!, Image: r[1]!, Command: r[2]!, RunningFor: r[3]!, CreatedAt: goTimeString(list[i]!.created), Status: r[4]!, State: list[i]!.state, Ports: r[5]!, Names: r[6]!, Labels: Object.entries(list[i]!.labels).map(([k, v]) => `${k}=${v}`).join(','), Size: '0B', Networks: networksOf(list[i]!)}));
		const out = formatRows(format, fields, {ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', RunningFor: 'CREATED', CreatedAt: 'CREATED AT', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Names: 'NAMES', Labels: 'LABELS', Size: 'SIZE', Networks: 'NETWORKS'});
		return typeof out === 'string' ? ok(out, {stderr: note}) : fail(out.error, 1);
	}
	return ok(table([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'], ...rows]), {stderr: note});
}

type EachResult = {world: World; stdout: string; stderr: string};

/** Applies `action` to each named container, printing each name as docker does, errors after. */
function forEachContainer(call: DockerCall, names: string[], action: (world: World, container: Container) => {world: World; error?: string}): EachResult {
	let world = call.world;
	let stdout = '';
	let stderr = '';
	for (const name of names) {
		const container = findContainer(world.dockers.get(call.host)!, name);
		if (!container) {
			stderr += `Error response from daemon: No such container: ${name}\n`;
			continue;
		}
		const result = action(world, container);
		world = result.world;
		if (result.error) stderr += `Error response from daemon: ${result.error}\n`;
		else stdout += name + '\n';
	}
	return {world, stdout, stderr};
}

function requireNames(sub: string, names: string[], summary: string, usage = 'CONTAINER [CONTAINER...]'): CommandOutcome | undefined {
	if (names.length > 0) return undefined;
	return fail(`docker: 'docker ${sub}' requires at least 1 argument\n\nUsage:  docker ${sub} [OPTIONS] ${usage}\n\nSee 'docker ${sub} --help' for more information`, 1);
}

/** Starts a container; a one-shot command runs to completion (its output goes to the logs). */
export function startOne(call: DockerCall, world: World, container: Container): {world: World; error?: string; output?: string} {
	let error = '';
	let pid = 0;
	let next = produce(world, w => {
		const started = startContainer(w, call.host, container.id, 'dockerd', {programs: call.ctx.runtime.programs});
		if (!started.ok) error = started.error;
		else pid = started.process.pid;
	});
	if (error) return {world, error};
	const running = next.dockers.get(call.host)!.containers.get(container.id)!;
	if (mainProcessEnded(next, call.host, running)) {
		next = produce(next, w => reconcileContainers(w, call.host, call.ctx.runtime.programs));
		return {world: next, output: running.logs.slice(container.logs.length).map(l => l + '\n').join('')};
	}
	if (!isLongRunning(next, call.host, running)) {
		const inside = runInside(call.ctx, next, containerFrame(call.host, pid, running.user ?? 'root', running.workdir), effectiveCommand(running.command));
		next = produce(inside.world, w => recordContainerExit(w, call.host, container.id, inside.exitCode, inside.stdout + inside.stderr));
		return {world: next, output: inside.stdout + inside.stderr};
	}
	return {world: next};
}

export function dockerStart(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('start'));
	if (!parsed.ok) return usageError(parsed.error, 'start');
	const names = parsed.flags.positionals;
	const missing = requireNames('start', names, 'Start one or more stopped containers');
	if (missing) return missing;
	let attached = '';
	const result = forEachContainer(call, names, (world, container) => {
		const started = startOne(call, world, container);
		attached += started.output ?? '';
		return started;
	});
	const failed = result.stderr ? `${result.stderr}Error: failed to start containers: ${names.filter(n => !result.stdout.split('\n').includes(n)).join(', ')}\n` : '';
	const stdout = flagSet(parsed.flags, '-a') ? attached : result.stdout;
	return {stdout, stderr: notSimulatedNote(parsed.flags.notSimulated) + failed, exitCode: failed ? 1 : 0, world: result.world};
}

function stopLike(args: string[], call: DockerCall, sub: 'stop' | 'kill' | 'restart'): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags(sub));
	if (!parsed.ok) return usageError(parsed.error, sub);
	const names = parsed.flags.positionals;
	const summary = {stop: 'Stop one or more running containers', kill: 'Kill one or more running containers', restart: 'Restart one or more containers'}[sub];
	const missing = requireNames(sub, names, summary);
	if (missing) return missing;
	const timeoutValue = intFlag(parsed.flags, '-t', '-t, --timeout');
	if (typeof timeoutValue === 'object') return usageError(timeoutValue.error, sub);
	const timeout = timeoutValue;
	const signal = flagValue(parsed.flags, '-s');
	const kill = sub === 'kill' || (signal !== undefined && /^(SIG)?KILL$|^9$/.test(signal));
	const result = forEachContainer(call, names, (world, container) => {
		if (sub === 'kill' && container.state !== 'running') return {world, error: `cannot kill container: ${container.name}: container ${container.id} is not running`};
		let stopped = 0;
		let next = produce(world, w => {
			const r = stopContainer(w, call.host, container.id, {kill, timeoutSeconds: timeout !== undefined && timeout >= 0 ? timeout : undefined});
			if (r.ok) stopped = r.waitedMs;
		});
		if (stopped > 0) next = tick(next, stopped, call.ctx.runtime.programs);
		if (sub !== 'restart') return {world: next};
		const after = next.dockers.get(call.host)!.containers.get(container.id);
		if (!after) return {world: next, error: `No such container: ${container.name}`};
		// RestartCount counts restarts by a restart policy, not `docker restart`, as in docker.
		return startOne(call, next, after);
	});
	return {stdout: result.stdout, stderr: result.stderr, exitCode: result.stderr ? 1 : 0, world: result.world};
}

export const dockerStop = (args: string[], call: DockerCall) => stopLike(args, call, 'stop');
export const dockerKill = (args: string[], call: DockerCall) => stopLike(args, call, 'kill');
export const dockerRestart = (args: string[], call: DockerCall) => stopLike(args, call, 'restart');

export function dockerRm(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('rm'));
	if (!parsed.ok) return usageError(parsed.error, 'rm');
	const names = parsed.flags.positionals;
	const missing = requireNames('rm', names, 'Remove one or more containers');
	if (missing) return missing;
	const force = flagSet(parsed.flags, '-f');
	const result = forEachContainer(call, names, (world, container) => {
		let error: string | undefined;
		const next = produce(world, w => {
			const r = removeContainer(w, call.host, container.id, {force, volumes: flagSet(parsed.flags, '-v')});
			if (!r.ok) error = r.error;
		});
		return {world: error ? world : next, error};
	});
	return {stdout: result.stdout, stderr: result.stderr, exitCode: result.stderr ? 1 : 0, world: result.world};
}

export function dockerLogs(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('logs'));
	if (!parsed.ok) return usageError(parsed.error, 'logs');
	const [name, ...extra] = parsed.flags.positionals;
	if (!name || extra.length) return fail(`docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information`, 1);
	const container = findContainer(call.daemon, name);
	if (!container) return fail(`Error response from daemon: No such container: ${name}`, 1);
	let lines = container.logs;
	const tail = flagValue(parsed.flags, '-n');
	if (tail !== undefined && /^\d+$/.test(tail)) lines = Number(tail) > 0 ? lines.slice(-Number(tail)) : [];
	const stamp = flagSet(parsed.flags, '-t') ? `${new Date(worldEpoch + (container.startedAt ?? 0)).toISOString().replace('Z', '000000Z')} ` : '';
	const note = flagSet(parsed.flags, '-f') ? `(-f follows new lines in a real terminal until Ctrl-C; here the prompt returns with what is logged so far)\n` : '';
	return ok(lines.map(l => stamp + l + '\n').join(''), {stderr: note + notSimulatedNote(parsed.flags.notSimulated)});
}

export function dockerDiff(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('diff'));
	if (!parsed.ok) return usageError(parsed.error, 'diff');
	const [name, ...extra] = parsed.flags.positionals;
	if (!name || extra.length) return fail(`docker: 'docker diff' requires 1 argument\n\nUsage:  docker diff CONTAINER\n\nRun 'docker diff --help' for more information`, 1);
	const container = findContainer(call.daemon, name);
	if (!container) return fail(`Error response from daemon: No such container: ${name}`, 1);
	return ok(containerChanges(call.world, call.host, container).map(c => `${c.kind} ${c.path}\n`).join(''));
}

/** The networks `docker ps --format {{.Networks}}` lists: the mode for host/none/container:, else the bridges it is on. */
function networksOf(c: Container): string {
	const mode = c.namespaceModes?.net;
	if (mode === 'host' || mode === 'none') return mode;
	if (mode?.startsWith('container:') || c.joinedNamespacesOf !== undefined) return '';
	return (c.networks ?? ['bridge']).join(',');
}
