// Registry credentials: the CLI checks them with POST /auth (`docker login`) and sends them with
// every push in X-Registry-Auth (base64url JSON). The simulated registry knows the learner by the
// user the daemon is logged in as, so both become the built-in `docker login -u USER`.
import type {World} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest, failureOf} from './errors.ts';
import {jsonBody} from './json-body.ts';

/** The user named in an X-Registry-Auth header, if any. */
export function registryUser(header: string | undefined): string | undefined {
	if (!header) return undefined;
	try {
		const json = JSON.parse(Buffer.from(header.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as {username?: unknown};
		return typeof json.username === 'string' && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(json.username) ? json.username : undefined;
	} catch {
		return undefined;
	}
}

/** The world with the daemon logged in as `user` (unchanged when it already is). */
export function loggedInAs(world: World, env: DockerEnv, user: string | undefined): World {
	if (!user || world.dockers.get(env.host)?.loggedIn === user) return world;
	const ran = env.shell(world, ['login', '-u', user]);
	return ran.exitCode === 0 ? ran.world : world;
}

export function authRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const body = jsonBody<{username?: unknown; serveraddress?: unknown}>(req);
	if ('error' in body) return {response: body.error};
	const user = body.value.username;
	if (typeof user !== 'string' || !user) return {response: badRequest('Error: Cannot perform an interactive login from a non TTY device')};
	const server = typeof body.value.serveraddress === 'string' && body.value.serveraddress && !/index\.docker\.io|docker\.io/.test(body.value.serveraddress) ? [body.value.serveraddress.replace(/^https?:\/\//, '').replace(/\/.*$/, '')] : [];
	const argv = ['login', '-u', user, ...server];
	const ran = env.shell(world, argv);
	if (ran.exitCode !== 0) return {response: failureOf(ran.stderr), line: dockerLine(argv), exitCode: ran.exitCode};
	return {response: {status: 200, body: {Status: 'Login Succeeded', IdentityToken: ''}}, world: ran.world, line: dockerLine(argv), exitCode: 0};
}
