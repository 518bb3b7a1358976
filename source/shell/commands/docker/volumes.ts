// docker volume create | ls | inspect | rm | prune: named volumes whose files outlive containers.
// Formats (docker CLI 28): `docker volume ls` columns "DRIVER    VOLUME NAME"; inspect prints
// CreatedAt, Driver, Labels, Mountpoint, Name, Options, Scope; rm of a used volume is the daemon's
// "remove NAME: volume is in use - [ID]"; a missing one is "get NAME: no such volume".
import {produce} from 'immer';
import {createVolume, removeVolume, volumeMountpoint, volumeUsers, type Volume} from '../../../engine/docker/volumes.ts';
import {worldEpoch} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {fail, ok, table, usageError} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, parseFlags} from './flags.ts';
import {formatRows} from './go-format.ts';
import {applyFormat} from './inspect.ts';

const usage = `
Usage:  docker volume COMMAND

Manage volumes

Commands:
  create      Create a volume
  inspect     Display detailed information on one or more volumes
  ls          List volumes
  prune       Remove unused local volumes
  rm          Remove one or more volumes

Run 'docker volume COMMAND --help' for more information on a command.
`;

export function dockerVolume(args: string[], call: DockerCall): CommandOutcome {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'create':
			return volumeCreate(rest, call);
		case 'ls':
		case 'list':
			return volumeLs(rest, call);
		case 'inspect':
			return volumeInspect(rest, call);
		case 'rm':
		case 'remove':
			return volumeRm(rest, call);
		case 'prune':
			return volumePrune(rest, call);
		case undefined:
		case '--help':
			return ok(usage);
		default:
			return fail(`docker: unknown command: docker volume ${sub}\n\nRun 'docker volume --help' for more information`, 1);
	}
}

function volumeCreate(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('volume create'));
	if (!parsed.ok) return usageError(parsed.error, 'volume create');
	const [positional, extra] = parsed.flags.positionals;
	if (extra !== undefined) return fail(`docker: 'docker volume create' requires at most 1 argument\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nRun 'docker volume create --help' for more information`, 1);
	const named = flagValue(parsed.flags, '--name');
	if (positional && named && positional !== named) return fail(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
	const driver = flagValue(parsed.flags, '-d') ?? 'local';
	if (driver !== 'local') return fail(`Error response from daemon: create ${positional ?? named ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found`, 1);
	const labels = Object.fromEntries(flagValues(parsed.flags, '--label').map(l => (l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, ''])));
	let result: Volume | {error: string} = {error: ''};
	const world = produce(call.world, w => {
		result = createVolume(w, call.host, positional ?? named, labels);
	});
	if ('error' in result) return fail(`Error response from daemon: ${(result as {error: string}).error}`, 1);
	return {stdout: (result as Volume).name + '\n', exitCode: 0, world};
}

function volumes(call: DockerCall): Volume[] {
	return [...(call.daemon.volumes?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
}

function volumeLs(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('volume ls'));
	if (!parsed.ok) return usageError(parsed.error, 'volume ls');
	let list = volumes(call);
	for (const filter of flagValues(parsed.flags, '-f')) {
		const [key, value] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
		if (key === 'dangling') list = list.filter(v => (volumeUsers(call.daemon, v.name).length === 0) === (value === 'true' || value === '1'));
		else if (key === 'name') list = list.filter(v => v.name.includes(value));
		else if (key === 'driver') list = list.filter(v => v.driver === value);
		else if (key === 'label') list = list.filter(v => (value.includes('=') ? v.labels[value.slice(0, value.indexOf('='))] === value.slice(value.indexOf('=') + 1) : value in v.labels));
		else return fail(`Error response from daemon: invalid filter '${key}'`, 1);
	}
	if (flagSet(parsed.flags, '-q')) return ok(list.map(v => v.name + '\n').join(''));
	const format = flagValue(parsed.flags, '--format');
	if (format) {
		const rendered = formatRows(format, list.map(v => ({Driver: v.driver, Name: v.name, Mountpoint: volumeMountpoint(v.name), Scope: 'local', Labels: Object.entries(v.labels).map(([k, x]) => `${k}=${x}`).join(',')})), {Driver: 'DRIVER', Name: 'VOLUME NAME', Mountpoint: 'MOUNTPOINT', Scope: 'SCOPE', Labels: 'LABELS'}, '*formatter.volumeContext');
		return typeof rendered === 'string' ? ok(rendered) : fail(rendered.error, 1);
	}
	return ok(table([['DRIVER', 'VOLUME NAME'], ...list.map(v => [v.driver, v.name])]));
}

function volumeJson(v: Volume): object {
	return {
		CreatedAt: new Date(worldEpoch + v.created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
		Driver: v.driver,
		Labels: v.anonymous ? {'com.docker.volume.anonymous': ''} : v.labels,
		Mountpoint: volumeMountpoint(v.name),
		Name: v.name,
		Options: null,
		Scope: 'local',
	};
}

function volumeInspect(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('volume inspect'));
	if (!parsed.ok) return usageError(parsed.error, 'volume inspect');
	const names = parsed.flags.positionals;
	if (names.length === 0) return fail(`docker: 'docker volume inspect' requires at least 1 argument\n\nUsage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]\n\nSee 'docker volume inspect --help' for more information`, 1);
	const found: object[] = [];
	let stderr = '';
	for (const name of names) {
		const v = call.daemon.volumes?.get(name);
		if (v) found.push(volumeJson(v));
		else stderr += `Error response from daemon: get ${name}: no such volume\n`;
	}
	const format = flagValue(parsed.flags, '-f');
	const stdout = format ? found.map(j => applyFormat(format, j) + '\n').join('') : JSON.stringify(found, null, 4) + '\n';
	return {stdout: found.length || !stderr ? stdout : '[]\n', stderr, exitCode: stderr ? 1 : 0};
}

function volumeRm(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('volume rm'));
	if (!parsed.ok) return usageError(parsed.error, 'volume rm');
	const names = parsed.flags.positionals;
	if (names.length === 0) return fail(`docker: 'docker volume rm' requires at least 1 argument\n\nUsage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n\nSee 'docker volume rm --help' for more information`, 1);
	let world = call.world;
	let stdout = '';
	let stderr = '';
	for (const name of names) {
		let error = '';
		const next = produce(world, w => {
			const r = removeVolume(w, call.host, name);
			if (!r.ok) error = r.error;
		});
		// --force only hides "no such volume"; a volume in use is never removed.
		if (error && !(flagSet(parsed.flags, '-f') && error.endsWith('no such volume'))) stderr += `Error response from daemon: ${error}\n`;
		else if (!error) {
			world = next;
			stdout += name + '\n';
		}
	}
	return {stdout, stderr, exitCode: stderr ? 1 : 0, world};
}

function volumePrune(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('volume prune'));
	if (!parsed.ok) return usageError(parsed.error, 'volume prune');
	if (!flagSet(parsed.flags, '-f')) return fail(`[simulator] docker volume prune asks "Are you sure you want to continue? [y/N]" here; add -f to answer yes`, 1);
	// Without --all, only anonymous volumes are pruned (docker 23+).
	const doomed = volumes(call).filter(v => volumeUsers(call.daemon, v.name).length === 0 && (flagSet(parsed.flags, '-a') || v.anonymous));
	const world = produce(call.world, w => {
		for (const v of doomed) removeVolume(w, call.host, v.name);
	});
	const lines = doomed.length ? `Deleted Volumes:\n${doomed.map(v => v.name + '\n').join('')}\n` : '';
	return ok(`${lines}Total reclaimed space: 0B\n`, {world});
}
