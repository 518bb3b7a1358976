// /containers/...: list, create, start, stop, kill, restart, rm, inspect, logs, top, wait, changes.
// Reads build JSON from the world; changes run the built-in `docker` command (built-in-docker.ts).
import {containerChanges, findContainer, resolveImage} from '../engine/docker/runtime.ts';
import {parseImageRef, tagKey} from '../engine/docker/image-ref.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {containerJson} from '../shell/commands/docker/inspect.ts';
import {containerSummary, listContainers} from './containers-json.ts';
import {createArgs, type CreateBody} from './create-args.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest, errorResponse, failureOf, noRoute, notFound} from './errors.ts';
import {parseFilters} from './filters.ts';
import {jsonBody} from './json-body.ts';
import {logFrames} from './stream-frames.ts';

const truthy = (value: string | null) => value === '1' || value === 'true' || value === 'True';
const ok = (body: unknown, status = 200): DockerHandled => ({response: {status, body}});
const noContent = (): DockerHandled => ({response: {status: 204}});

/** Runs the built-in command for a request that changes the world; its failure becomes the daemon's error. */
function runBuiltIn(world: World, env: DockerEnv, argv: string[], success: (stdout: string, world: World) => DockerHandled = () => noContent()): DockerHandled {
	const ran = env.shell(world, argv);
	const line = dockerLine(argv);
	const changed = ran.world !== world ? {world: ran.world} : {};
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), ...changed, line, exitCode: ran.exitCode};
	return {...success(ran.stdout, ran.world), ...changed, line, exitCode: 0};
}

function listRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv): DockerHandled {
	const parsed = parseFilters(req.query.get('filters'));
	if ('error' in parsed) return {response: badRequest(parsed.error)};
	const filters = parsed.filters;
	const limit = req.query.get('limit');
	const list = listContainers(daemon, {all: truthy(req.query.get('all')), limit: limit ? Number(limit) : undefined, filters});
	if ('error' in list) return {response: badRequest(list.error)};
	return {...ok(list.map(c => containerSummary(world, daemon, c, env.offsetMs))), line: dockerLine(['ps', ...(truthy(req.query.get('all')) ? ['-a'] : [])])};
}

function createRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv): DockerHandled {
	const body = jsonBody<CreateBody>(req);
	if ('error' in body) return {response: body.error};
	const image = typeof body.value.Image === 'string' ? body.value.Image : '';
	if (!image) return {response: badRequest('No command specified')};
	if (!resolveImage(daemon, image)) {
		// The CLI pulls on a 404 and asks again (docker run's "Unable to find image ... locally").
		const parsed = parseImageRef(image);
		return {response: 'error' in parsed ? badRequest(`invalid reference format`) : notFound(`No such image: ${tagKey(parsed)}`)};
	}
	const args = createArgs(body.value, req.query.get('name') ?? undefined);
	if ('error' in args) return {response: badRequest(args.error)};
	return runBuiltIn(world, env, ['create', ...args], stdout => ok({Id: stdout.trim().split('\n').pop() ?? '', Warnings: []}, 201));
}

/** /containers/{id}/top: the built-in `docker top` table, read back into titles and rows. */
function topRequest(world: World, env: DockerEnv, id: string): DockerHandled {
	const ran = env.shell(world, ['top', id]);
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr)};
	const [header = '', ...rows] = ran.stdout.split('\n').filter(Boolean);
	const titles = header.split(/\s+/).filter(Boolean);
	// Each title found after the one before it (TIME is also the end of STIME).
	let from = 0;
	const starts = titles.map(t => {
		const at = header.indexOf(t, from);
		from = at + t.length;
		return at;
	});
	const cut = (row: string) => starts.map((s, i) => row.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim());
	return {...ok({Titles: titles, Processes: rows.map(cut)}), line: dockerLine(['top', id])};
}

function logsRequest(req: DockerRequest, daemon: DockerDaemon, id: string, world: World): DockerHandled {
	const c = findContainer(daemon, id)!;
	const stdout = truthy(req.query.get('stdout'));
	const stderr = truthy(req.query.get('stderr'));
	if (!stdout && !stderr) return {response: badRequest('Bad parameters: you must choose at least one stream')};
	const tail = req.query.get('tail');
	let lines = c.logs;
	if (tail && /^\d+$/.test(tail)) lines = Number(tail) > 0 ? lines.slice(-Number(tail)) : [];
	const timestamps = truthy(req.query.get('timestamps'));
	const tty = c.tty ?? false;
	const body = stdout ? logFrames(lines, {tty, timestamps, startedAt: c.startedAt ?? 0, world}) : Buffer.alloc(0);
	const follow = truthy(req.query.get('follow'));
	const contentType = tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream';
	return {
		response: {status: 200, body, contentType},
		line: dockerLine(['logs', ...(follow ? ['-f'] : []), id]),
		...(follow && c.state === 'running' ? {continuation: {kind: 'logs' as const, container: c.id, sent: c.logs.length, tty, stdout, stderr, timestamps}} : {}),
	};
}

function waitRequest(req: DockerRequest, daemon: DockerDaemon, id: string): DockerHandled {
	const c = findContainer(daemon, id)!;
	const condition = req.query.get('condition') ?? 'not-running';
	if (!['not-running', 'next-exit', 'removed'].includes(condition)) return {response: badRequest(`invalid condition: "${condition}"`)};
	if (condition === 'not-running' && c.state !== 'running' && c.state !== 'restarting') return ok({StatusCode: c.exitCode, Error: null});
	return {response: {status: 200}, continuation: {kind: 'wait', container: c.id, name: c.name, condition: condition as 'not-running' | 'next-exit' | 'removed', startedAt: c.startedAt}};
}

const changeKinds = {C: 0, A: 1, D: 2} as const;

/** Real container endpoints this daemon does not serve, by what the CLI command is called. */
const notModelled = new Map([
	['archive', 'docker cp'],
	['export', 'docker export'],
	['stats', 'docker stats'],
	['update', 'docker update'],
]);

export function containerRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	if (parts.length === 1 && parts[0] === 'json' && method === 'GET') return listRequest(req, world, daemon, env);
	if (parts.length === 1 && parts[0] === 'create' && method === 'POST') return createRequest(req, world, daemon, env);
	if (parts.length === 1 && parts[0] === 'prune' && method === 'POST') {
		const before = [...daemon.containers.values()].filter(c => c.state !== 'running').map(c => c.id);
		return runBuiltIn(world, env, ['container', 'prune', '-f'], () => ok({ContainersDeleted: before, SpaceReclaimed: 0}));
	}
	const [id, action] = [parts[0]!, parts[1]];
	if (parts.length > 2) return {response: noRoute()};
	const container = findContainer(daemon, id);
	if (!container) return {response: notFound(`No such container: ${id}`)};
	const q = (name: string) => req.query.get(name);
	switch (`${method} ${action ?? ''}`) {
		case 'GET json':
			return {...ok(containerJson(world, env.host, container)), line: dockerLine(['inspect', id])};
		case 'POST start': {
			if (container.state === 'running') return {response: {status: 304}};
			// -a: the output of a command that runs to its end at start, for the attached client.
			const ran = env.shell(world, ['start', '-a', id]);
			const changed = ran.world !== world ? {world: ran.world} : {};
			if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), ...changed, line: dockerLine(['start', id]), exitCode: ran.exitCode};
			return {response: {status: 204}, ...changed, line: dockerLine(['start', id]), exitCode: 0, started: {container: container.id, output: ran.stdout}};
		}
		case 'POST stop':
			if (container.state !== 'running' && container.state !== 'restarting') return {response: {status: 304}};
			return runBuiltIn(world, env, ['stop', ...(q('t') ? ['-t', q('t')!] : []), ...(q('signal') ? ['-s', q('signal')!] : []), id]);
		case 'POST restart':
			return runBuiltIn(world, env, ['restart', ...(q('t') ? ['-t', q('t')!] : []), id]);
		case 'POST kill':
			return runBuiltIn(world, env, ['kill', ...(q('signal') ? ['-s', q('signal')!] : []), id]);
		case 'DELETE ':
			return runBuiltIn(world, env, ['rm', ...(truthy(q('force')) ? ['-f'] : []), ...(truthy(q('v')) ? ['-v'] : []), id]);
		case 'POST pause':
			return runBuiltIn(world, env, ['pause', id]);
		case 'POST unpause':
			return runBuiltIn(world, env, ['unpause', id]);
		case 'POST rename':
			if (!q('name')) return {response: badRequest('new name is required')};
			return runBuiltIn(world, env, ['rename', id, q('name')!]);
		case 'GET logs':
			return logsRequest(req, daemon, id, world);
		case 'GET top':
			return topRequest(world, env, id);
		case 'POST attach':
			return {
				response: {status: 101, contentType: container.tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream'},
				continuation: {kind: 'attach', container: container.id, sent: container.logs.length, tty: container.tty ?? false, stdin: truthy(q('stdin')), startedAt: container.startedAt},
			};
		case 'POST resize':
			return noContent();
		case 'POST wait':
			return waitRequest(req, daemon, id);
		case 'GET changes':
			return {...ok(containerChanges(world, env.host, container).map(c => ({Kind: changeKinds[c.kind], Path: c.path}))), line: dockerLine(['diff', id])};
		default:
			if (action && notModelled.has(action)) return {response: errorResponse(501, `[simulator] ${notModelled.get(action)} is not modelled by this simulated Docker daemon yet (the tutor's own docker has it where it says so)`)};
			return {response: errorResponse(404, 'page not found')};
	}
}
