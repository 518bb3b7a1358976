// /networks and /volumes as modelled: their JSON is the built-in `docker network|volume inspect`
// output read back, and changes run the built-in commands, so both clients see one daemon.
import {userNetworks} from '../engine/docker/networks.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest, failureOf, noRoute, notFound} from './errors.ts';
import {jsonBody} from './json-body.ts';

const truthy = (value: string | null) => value === '1' || value === 'true' || value === 'True';

/** The JSON array a built-in inspect printed, or its failure. */
function inspected(world: World, env: DockerEnv, argv: string[]): object[] | {failed: string} {
	const ran = env.shell(world, argv);
	if (ran.exitCode !== 0) return {failed: ran.stderr};
	try {
		return JSON.parse(ran.stdout) as object[];
	} catch {
		return {failed: `[simulator] ${argv.join(' ')} printed no JSON`};
	}
}

function changed(world: World, env: DockerEnv, argv: string[], answer: (stdout: string) => DockerHandled['response']): DockerHandled {
	const ran = env.shell(world, argv);
	const line = dockerLine(argv);
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), line, exitCode: ran.exitCode};
	return {response: answer(ran.stdout), ...(ran.world !== world ? {world: ran.world} : {}), line, exitCode: 0};
}

export function networkRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	if (parts.length === 0 && method === 'GET') {
		const names = ['bridge', 'host', 'none', ...userNetworks(daemon).map(n => n.name)];
		const list = inspected(world, env, ['network', 'inspect', ...names]);
		return 'failed' in list ? {response: failureOf(list.failed)} : {response: {status: 200, body: list}, line: dockerLine(['network', 'ls'])};
	}
	if (parts.length === 1 && parts[0] === 'create' && method === 'POST') {
		const body = jsonBody<{Name?: unknown; IPAM?: {Config?: {Subnet?: unknown}[]}}>(req);
		if ('error' in body) return {response: body.error};
		if (typeof body.value.Name !== 'string' || !body.value.Name) return {response: badRequest('network name is required')};
		const subnet = body.value.IPAM?.Config?.[0]?.Subnet;
		return changed(world, env, ['network', 'create', ...(typeof subnet === 'string' ? ['--subnet', subnet] : []), body.value.Name], stdout => ({status: 201, body: {Id: stdout.trim(), Warning: ''}}));
	}
	if (parts.length === 1 && parts[0] === 'prune' && method === 'POST') return changed(world, env, ['network', 'prune', '-f'], () => ({status: 200, body: {NetworksDeleted: null}}));
	const [name, action] = parts;
	if (!name || parts.length > 2) return {response: noRoute()};
	if (method === 'GET' && !action) {
		const found = inspected(world, env, ['network', 'inspect', name]);
		return 'failed' in found ? {response: notFound(`network ${name} not found`)} : {response: {status: 200, body: found[0]}, line: dockerLine(['network', 'inspect', name])};
	}
	if (method === 'DELETE' && !action) return changed(world, env, ['network', 'rm', name], () => ({status: 204}));
	if (method === 'POST' && (action === 'connect' || action === 'disconnect')) {
		const body = jsonBody<{Container?: unknown; Force?: unknown}>(req);
		if ('error' in body) return {response: body.error};
		if (typeof body.value.Container !== 'string') return {response: badRequest('container is required')};
		return changed(world, env, ['network', action, ...(action === 'disconnect' && body.value.Force === true ? ['-f'] : []), name, body.value.Container], () => ({status: 200}));
	}
	return {response: noRoute()};
}

export function volumeRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	if (parts.length === 0 && method === 'GET') {
		const names = [...(daemon.volumes?.keys() ?? [])];
		const list = names.length ? inspected(world, env, ['volume', 'inspect', ...names]) : [];
		return 'failed' in list ? {response: failureOf(list.failed)} : {response: {status: 200, body: {Volumes: list, Warnings: null}}, line: dockerLine(['volume', 'ls'])};
	}
	if (parts.length === 1 && parts[0] === 'create' && method === 'POST') {
		const body = jsonBody<{Name?: unknown}>(req);
		if ('error' in body) return {response: body.error};
		const argv = ['volume', 'create', ...(typeof body.value.Name === 'string' && body.value.Name ? [body.value.Name] : [])];
		const made = changed(world, env, argv, stdout => ({status: 201, body: {Name: stdout.trim()}}));
		if (made.response.status !== 201) return made;
		const name = (made.response.body as {Name: string}).Name;
		const found = inspected(made.world ?? world, env, ['volume', 'inspect', name]);
		return {...made, response: {status: 201, body: 'failed' in found ? {Name: name} : found[0]}};
	}
	if (parts.length === 1 && parts[0] === 'prune' && method === 'POST') return changed(world, env, ['volume', 'prune', '-f'], () => ({status: 200, body: {VolumesDeleted: null, SpaceReclaimed: 0}}));
	const [name] = parts;
	if (!name || parts.length > 1) return {response: noRoute()};
	if (method === 'GET') {
		const found = inspected(world, env, ['volume', 'inspect', name]);
		return 'failed' in found ? {response: notFound(`get ${name}: no such volume`)} : {response: {status: 200, body: found[0]}, line: dockerLine(['volume', 'inspect', name])};
	}
	if (method === 'DELETE') return changed(world, env, ['volume', 'rm', ...(truthy(req.query.get('force')) ? ['-f'] : []), name], () => ({status: 204}));
	return {response: noRoute()};
}

/** No plugins are installed: an empty list, and the daemon's not-found for one by name (docker inspect asks). */
export function pluginRequest(req: DockerRequest, parts: string[]): DockerHandled {
	if (req.method.toUpperCase() === 'GET' && parts.length === 0) return {response: {status: 200, body: []}};
	if (parts.length >= 1) return {response: notFound(`plugin "${parts.slice(0, -1).join('/') || parts[0]}" not found`)};
	return {response: noRoute()};
}
