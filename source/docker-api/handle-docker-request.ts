// The Docker Engine endpoint as one pure function: (request, world) -> (answer, new world, the
// docker command line it stands for). The unix-socket server (docker-server.ts) adds the socket,
// the hijacked streams and the waiting.
import {produce} from 'immer';
import {daemonDownMessage, runningDaemon} from '../engine/docker/daemon.ts';
import {reconcileContainers} from '../engine/docker/runtime.ts';
import type {World} from '../engine/world.ts';
import {pingHeaders} from './api-version.ts';
import {buildRequest} from './build-request.ts';
import {containerRequest} from './container-requests.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {errorResponse, noRoute} from './errors.ts';
import {createExec, execRequest} from './exec-requests.ts';
import {commitRequest, imageRequest} from './image-requests.ts';
import {systemRequest} from './system-requests.ts';
import {networkRequest, pluginRequest, volumeRequest} from './network-volume-requests.ts';

const unmodelled = (what: string): DockerHandled => ({response: errorResponse(501, `[simulator] ${what} is not modelled by this simulated Docker daemon`)});

function route(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const parts = req.path.split('/').filter(Boolean).map(p => decodeURIComponent(p));
	const method = req.method.toUpperCase();
	if (parts[0] === '_ping' && parts.length === 1 && (method === 'GET' || method === 'HEAD')) {
		return {response: {status: 200, body: method === 'HEAD' ? undefined : 'OK', contentType: 'text/plain; charset=utf-8', headers: pingHeaders()}};
	}
	const daemon = world.dockers.get(env.host);
	if (!daemon || !runningDaemon(world, env.host)) return {response: errorResponse(503, `[simulator] ${daemonDownMessage.replace(/ at unix:\/\/\S+/, ` on ${env.host}`)}`)};
	const [head, ...rest] = parts;
	switch (head) {
		case 'containers':
			if (rest.length === 2 && rest[1] === 'exec' && method === 'POST') return createExec(req, daemon, env, rest[0]!);
			return containerRequest(req, world, daemon, env, rest);
		case 'images':
			return imageRequest(req, world, daemon, env, rest);
		case 'exec':
			return execRequest(req, world, env, rest);
		case 'build':
			if (method === 'POST' && rest.length === 0) return buildRequest(req, world, env);
			// The classic builder keeps no build cache apart from its images (docker system prune asks).
			if (method === 'POST' && rest.join('/') === 'prune') return {response: {status: 200, body: {CachesDeleted: null, SpaceReclaimed: 0}}};
			return {response: noRoute()};
		case 'version':
		case 'info':
		case 'system':
		case 'events':
		case 'auth':
			return systemRequest(req, world, daemon, env, parts);
		case 'swarm':
		case 'services':
		case 'nodes':
		case 'tasks':
		case 'secrets':
		case 'configs':
			return {response: errorResponse(503, 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.')};
		case 'networks':
			return networkRequest(req, world, daemon, env, rest);
		case 'volumes':
			return volumeRequest(req, world, daemon, env, rest);
		case 'plugins':
			return pluginRequest(req, rest);
		case 'distribution':
		case 'session':
		case 'grpc':
			return unmodelled(`/${head}`);
		case 'commit':
			return method === 'POST' ? commitRequest(req, world, env) : {response: noRoute()};
		default:
			return {response: noRoute()};
	}
}

export function handleDockerRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	// Containers whose main process ended are exited before anyone looks, as the built-in docker does.
	const reconciled = runningDaemon(world, env.host) ? produce(world, w => reconcileContainers(w, env.host, env.programs)) : world;
	const handled = route(req, reconciled, env);
	if (reconciled !== world && !handled.world) return {...handled, world: reconciled};
	return handled;
}
