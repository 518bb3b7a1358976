// /images/...: list, inspect, history, tag, rmi, pull (POST /images/create) and push, with the
// JSON progress stream the CLI prints line by line (or redraws in a terminal).
import {resolveImage} from '../engine/docker/runtime.ts';
import {shortId} from '../engine/docker/units.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import {unsimulatedPrograms} from '../engine/script/external-programs.ts';
import type {World} from '../engine/world.ts';
import {imageJson} from '../shell/commands/docker/inspect.ts';
import {pullOnHost} from '../shell/commands/docker/pull-push.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest, failureOf, noRoute, notFound, statusOfMessage, errorResponse} from './errors.ts';
import {parseFilters} from './filters.ts';
import {imageHistory, listImages} from './images-json.ts';
import {loggedInAs, registryUser} from './registry-auth.ts';

const truthy = (value: string | null) => value === '1' || value === 'true' || value === 'True';

function noSuchImage(name: string): DockerHandled {
	return {response: notFound(`No such image: ${name.includes(':') || /^(sha256:)?[0-9a-f]{6,}$/.test(name) ? name : `${name}:latest`}`)};
}

/** POST /images/create?fromImage=&tag=: `docker pull`, through the built-in pull's own function. */
function pullRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const from = req.query.get('fromImage');
	if (!from) return {response: badRequest('[simulator] importing an image (fromSrc) is not modelled; pull with fromImage')};
	const tag = req.query.get('tag');
	const ref = tag ? (tag.startsWith('sha256:') ? `${from}@${tag}` : `${from}:${tag}`) : from;
	const pulled = pullOnHost(world, env.host, ref, env.programs ?? unsimulatedPrograms);
	if (!pulled.ok) return {response: errorResponse(statusOfMessage(pulled.error), pulled.error), line: dockerLine(['pull', ref]), exitCode: 1};
	const plan = pulled.plan;
	const what = tag ?? plan.ref.tag;
	const messages: object[] = [{status: `Pulling from ${plan.ref.path}`, id: plan.ref.digest ?? what}];
	if (!plan.upToDate) for (const layer of plan.layers) messages.push({status: layer.present ? 'Already exists' : 'Pull complete', progressDetail: {}, id: shortId(layer.id)});
	messages.push({status: `Digest: ${plan.manifestDigest}`});
	const name = `${plan.ref.familiar}:${plan.ref.tag}`;
	messages.push({status: plan.upToDate ? `Status: Image is up to date for ${name}` : `Status: Downloaded newer image for ${name}`});
	return {response: {status: 200}, stream: messages, world: pulled.world, line: dockerLine(['pull', ref.replace(/^docker\.io\/(library\/)?/, '')]), exitCode: 0};
}

/** POST /images/{name}/push?tag=: the built-in push's lines, as the stream dockerd sends. */
function pushRequest(req: DockerRequest, world: World, env: DockerEnv, name: string): DockerHandled {
	const tag = req.query.get('tag');
	const ref = tag ? `${name}:${tag}` : name;
	const before = loggedInAs(world, env, registryUser(req.headers['x-registry-auth']));
	const ran = env.shell(before, ['push', ref]);
	const line = dockerLine(['push', ref]);
	const lines = ran.stdout.split('\n').filter(l => l && !l.startsWith('Using default tag'));
	if (lines.length === 0) return {response: failureOf(ran.stderr), ...(before !== world ? {world: before} : {}), line, exitCode: ran.exitCode};
	const messages: object[] = [];
	for (const text of lines) {
		const layer = text.match(/^([0-9a-f]{12}): (.*)$/);
		const digest = text.match(/^(\S+): digest: (sha256:[0-9a-f]{64}) size: (\d+)$/);
		if (layer) messages.push({status: layer[2], progressDetail: {}, id: layer[1]});
		else messages.push({status: text});
		if (digest) messages.push({progressDetail: {}, aux: {Tag: digest[1], Digest: digest[2], Size: Number(digest[3])}});
	}
	if (ran.exitCode !== 0) {
		const message = ran.stderr.trim().split('\n').pop() ?? 'push failed';
		messages.push({errorDetail: {message}, error: message});
	}
	return {response: {status: 200}, stream: messages, ...(ran.world !== world ? {world: ran.world} : {}), line, exitCode: ran.exitCode};
}

function removeRequest(req: DockerRequest, world: World, env: DockerEnv, name: string): DockerHandled {
	const argv = ['rmi', ...(truthy(req.query.get('force')) ? ['-f'] : []), name];
	const ran = env.shell(world, argv);
	const line = dockerLine(argv);
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), line, exitCode: ran.exitCode};
	const items = ran.stdout
		.split('\n')
		.map(l => l.match(/^(Untagged|Deleted): (.+)$/))
		.filter((m): m is RegExpMatchArray => m !== null)
		.map(m => ({[m[1]!]: m[2]}));
	return {response: {status: 200, body: items}, world: ran.world, line, exitCode: 0};
}

/** /images/{name}/ACTION, where the name may hold slashes (luksa/kubia) and a tag. */
function splitImagePath(parts: string[]): {name: string; action?: string} {
	const last = parts[parts.length - 1]!;
	if (parts.length > 1 && ['json', 'history', 'push', 'tag', 'get'].includes(last)) return {name: parts.slice(0, -1).join('/'), action: last};
	return {name: parts.join('/')};
}

export function imageRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	if (parts.length === 1 && parts[0] === 'json' && method === 'GET') {
		const parsed = parseFilters(req.query.get('filters'));
		if ('error' in parsed) return {response: badRequest(parsed.error)};
		const filters = parsed.filters;
		const list = listImages(world, daemon, {all: truthy(req.query.get('all')), filters}, env.offsetMs);
		if ('error' in list) return {response: badRequest(list.error)};
		return {response: {status: 200, body: list}, line: dockerLine(['images'])};
	}
	if (parts.length === 1 && parts[0] === 'create' && method === 'POST') return pullRequest(req, world, env);
	if (parts.length === 1 && parts[0] === 'prune' && method === 'POST') {
		const ran = env.shell(world, ['image', 'prune', '-f', ...(req.query.get('filters')?.includes('dangling') && req.query.get('filters')?.includes('false') ? ['-a'] : [])]);
		const deleted = [...ran.stdout.matchAll(/^(Deleted|Untagged): (.+)$/gm)].map(m => ({[m[1]!]: m[2]}));
		return {response: {status: 200, body: {ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: 0}}, world: ran.world, line: 'docker image prune -f'};
	}
	if (parts.length === 0) return {response: noRoute()};
	if (parts.length === 1 && parts[0] === 'search' && method === 'GET') return {response: errorResponse(501, '[simulator] docker search is not served through the endpoint yet: the tutor\'s own docker search answers from the simulated Docker Hub')};
	const {name, action} = splitImagePath(parts);
	if (method === 'DELETE' && !action) return removeRequest(req, world, env, name);
	if (method === 'POST' && action === 'push') return pushRequest(req, world, env, name);
	const image = resolveImage(daemon, name);
	if (method === 'POST' && action === 'tag') {
		const repo = req.query.get('repo');
		if (!repo) return {response: badRequest('repository name must have at least one component')};
		const target = req.query.get('tag') ? `${repo}:${req.query.get('tag')}` : repo;
		if (!image) return noSuchImage(name);
		const argv = ['tag', name, target];
		const ran = env.shell(world, argv);
		if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), line: dockerLine(argv), exitCode: ran.exitCode};
		return {response: {status: 201}, world: ran.world, line: dockerLine(argv), exitCode: 0};
	}
	if (method !== 'GET' || (action !== 'json' && action !== 'history')) return {response: noRoute()};
	if (!image) return noSuchImage(name);
	if (action === 'history') return {response: {status: 200, body: imageHistory(world, image, env.offsetMs)}, line: dockerLine(['history', name])};
	return {response: {status: 200, body: imageJson(world, env.host, image)}, line: dockerLine(['inspect', name])};
}

/** POST /commit?container=&repo=&tag=: `docker commit`, through the built-in command. */
export function commitRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const container = req.query.get('container');
	if (!container) return {response: badRequest('container is required')};
	const repo = req.query.get('repo');
	const tag = req.query.get('tag');
	const argv = ['commit', container, ...(repo ? [tag ? `${repo}:${tag}` : repo] : [])];
	const ran = env.shell(world, argv);
	const line = dockerLine(argv);
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), line, exitCode: ran.exitCode};
	return {response: {status: 201, body: {Id: ran.stdout.trim()}}, world: ran.world, line, exitCode: 0};
}
