// Exec instances: POST /containers/{id}/exec makes one, POST /exec/{id}/start runs it through the
// built-in `docker exec` (output framed per stream), GET /exec/{id}/json tells its exit code.
import {findContainer} from '../engine/docker/runtime.ts';
import type {DockerDaemon} from '../engine/docker/types.ts';
import type {World} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest, ExecInstance} from './docker-types.ts';
import {badRequest, conflict, noRoute, notFound} from './errors.ts';
import {jsonBody} from './json-body.ts';
import {framed} from './stream-frames.ts';

type ExecBody = {Cmd?: unknown; Tty?: unknown; AttachStdin?: unknown; AttachStdout?: unknown; AttachStderr?: unknown; Env?: unknown; User?: unknown; WorkingDir?: unknown; Detach?: unknown};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export function createExec(req: DockerRequest, daemon: DockerDaemon, env: DockerEnv, id: string): DockerHandled {
	const body = jsonBody<ExecBody>(req);
	if ('error' in body) return {response: body.error};
	const container = findContainer(daemon, id);
	if (!container) return {response: notFound(`No such container: ${id}`)};
	const argv = strings(body.value.Cmd);
	if (argv.length === 0) return {response: badRequest('No exec command specified')};
	if (container.state === 'paused') return {response: conflict(`container ${container.id} is paused, unpause the container before exec`)};
	if (container.state !== 'running') return {response: conflict(`container ${container.id} is not running`)};
	const exec: ExecInstance = {
		id: env.newId(),
		container: container.id,
		target: id,
		argv,
		tty: body.value.Tty === true,
		attachStdin: body.value.AttachStdin === true,
		attachStdout: body.value.AttachStdout !== false,
		attachStderr: body.value.AttachStderr !== false,
		env: strings(body.value.Env),
		user: typeof body.value.User === 'string' ? body.value.User : '',
		workdir: typeof body.value.WorkingDir === 'string' ? body.value.WorkingDir : '',
		running: false,
		exitCode: null,
		pid: 0,
	};
	return {response: {status: 201, body: {Id: exec.id}}, exec};
}

/** The `docker exec` arguments an instance stands for. */
export function execArgv(exec: ExecInstance, options: {detach?: boolean; interactive?: boolean} = {}): string[] {
	return [
		'exec',
		...(options.detach ? ['-d'] : []),
		...(options.interactive && exec.attachStdin ? ['-i'] : []),
		...(exec.tty ? ['-t'] : []),
		...(exec.user ? ['-u', exec.user] : []),
		...(exec.workdir ? ['-w', exec.workdir] : []),
		...exec.env.flatMap(e => ['-e', e]),
		exec.target,
		...exec.argv,
	];
}

/** POST /exec/{id}/start without a terminal: runs it to the end, its output framed (raw with Tty). */
export function startExec(req: DockerRequest, world: World, env: DockerEnv, id: string): DockerHandled {
	const exec = env.execs.get(id);
	if (!exec) return {response: notFound(`No such exec instance: ${id}`)};
	if (exec.running || exec.exitCode !== null) return {response: conflict(`Error: Exec command ${id} has already run`)};
	const body = jsonBody<ExecBody>(req);
	if ('error' in body) return {response: body.error};
	const detach = body.value.Detach === true;
	// With a terminal and stdin (docker exec -it), the server runs it as a session on the hijacked connection.
	if (exec.tty && exec.attachStdin && !detach) return {response: {status: 101, contentType: 'application/vnd.docker.raw-stream'}, exec: {...exec, running: true}, continuation: {kind: 'exec', exec: exec.id}};
	const argv = execArgv(exec, {detach});
	const ran = env.shell(world, argv);
	const done: ExecInstance = {...exec, running: false, exitCode: ran.exitCode};
	const output = Buffer.concat([exec.attachStdout ? framed(1, ran.stdout, exec.tty) : Buffer.alloc(0), exec.attachStderr ? framed(exec.tty ? 1 : 2, ran.stderr, exec.tty) : Buffer.alloc(0)]);
	const contentType = exec.tty ? 'application/vnd.docker.raw-stream' : 'application/vnd.docker.multiplexed-stream';
	return {response: {status: 200, body: detach ? undefined : output, contentType}, world: ran.world, line: dockerLine(argv), exitCode: ran.exitCode, exec: done};
}

export function inspectExec(env: DockerEnv, id: string): DockerHandled {
	const exec = env.execs.get(id);
	if (!exec) return {response: notFound(`No such exec instance: ${id}`)};
	return {
		response: {
			status: 200,
			body: {
				ID: exec.id,
				Running: exec.running,
				ExitCode: exec.exitCode,
				ProcessConfig: {tty: exec.tty, entrypoint: exec.argv[0], arguments: exec.argv.slice(1), privileged: false, ...(exec.user ? {user: exec.user} : {})},
				OpenStdin: exec.attachStdin,
				OpenStderr: exec.attachStderr,
				OpenStdout: exec.attachStdout,
				CanRemove: false,
				ContainerID: exec.container,
				DetachKeys: '',
				Pid: exec.pid,
			},
		},
	};
}

export function execRequest(req: DockerRequest, world: World, env: DockerEnv, parts: string[]): DockerHandled {
	const method = req.method.toUpperCase();
	const [id, action] = parts;
	if (!id || parts.length !== 2) return {response: noRoute()};
	if (method === 'POST' && action === 'start') return startExec(req, world, env, id);
	if (method === 'GET' && action === 'json') return inspectExec(env, id);
	if (method === 'POST' && action === 'resize') return env.execs.has(id) ? {response: {status: 200}} : {response: notFound(`No such exec instance: ${id}`)};
	return {response: noRoute()};
}
