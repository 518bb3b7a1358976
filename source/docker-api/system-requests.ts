// /version, /info, /system/df, /auth: what the daemon says about itself.
import type {DockerDaemon} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {noRoute} from './errors.ts';
import {authRequest} from './registry-auth.ts';
import {diskUsage} from './disk-usage.ts';
import {eventsRequest} from './events.ts';
import {infoJson, versionJson} from './system-json.ts';

export function systemRequest(req: DockerRequest, world: World, daemon: DockerDaemon, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	const path = parts.join('/');
	if (method === 'GET' && path === 'version') return {response: {status: 200, body: versionJson(world, env.host)}, line: dockerLine(['version'])};
	if (method === 'GET' && (path === 'info' || path === 'system/info')) return {response: {status: 200, body: infoJson(world, env.host, daemon)}, line: dockerLine(['info'])};
	if (method === 'GET' && path === 'system/df') return {response: {status: 200, body: diskUsage(world, env.host, daemon, env.offsetMs)}, line: dockerLine(['system', 'df'])};
	if (method === 'GET' && (path === 'events' || path === 'system/events')) return eventsRequest(req, world, env);
	if (method === 'POST' && path === 'auth') return authRequest(req, world, env);
	return {response: noRoute()};
}
