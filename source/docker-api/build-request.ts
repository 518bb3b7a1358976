// POST /build: the tar context, the Dockerfile in it, and the classic builder's JSON stream
// ({"stream": "Step 1/3 : FROM ..."}, {"aux": {"ID": ...}}, {"error": ...}).
import {produce} from 'immer';
import {buildImage, type BuildResult} from '../engine/docker/build.ts';
import {tick} from '../engine/tick.ts';
import type {World} from '../engine/world.ts';
import {dockerLine} from './built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest} from './docker-types.ts';
import {badRequest} from './errors.ts';
import {readTar, tarContext} from './tar-context.ts';

const truthy = (value: string | null) => value === '1' || value === 'true' || value === 'True';

function buildArgsOf(text: string | null): Record<string, string> | {error: string} {
	if (!text) return {};
	try {
		const parsed = JSON.parse(text) as Record<string, unknown>;
		return Object.fromEntries(Object.entries(parsed ?? {}).filter(([, v]) => typeof v === 'string') as [string, string][]);
	} catch {
		return {error: 'invalid build args: the buildargs parameter is not JSON'};
	}
}

export function buildRequest(req: DockerRequest, world: World, env: DockerEnv): DockerHandled {
	const q = req.query;
	const tags = q.getAll('t');
	const quiet = truthy(q.get('q'));
	const line = dockerLine(['build', ...tags.flatMap(t => ['-t', t]), ...(quiet ? ['-q'] : []), '.']);
	if (q.get('remote')) return {response: badRequest('[simulator] building from a URL is not modelled: clone it and build the folder'), line, exitCode: 1};
	const entries = readTar(req.body ?? Buffer.alloc(0));
	if ('error' in entries) return {response: badRequest(entries.error), line, exitCode: 1};
	const context = tarContext(entries);
	const name = q.get('dockerfile') || 'Dockerfile';
	const dockerfile = context.readFile(name);
	if (dockerfile === undefined) return {response: {status: 500, body: {message: `Cannot locate specified Dockerfile: ${name}`}}, line, exitCode: 1};
	const buildArgs = buildArgsOf(q.get('buildargs'));
	if ('error' in buildArgs) return {response: badRequest(buildArgs.error), line, exitCode: 1};
	let result: BuildResult | undefined;
	let next = produce(world, w => {
		result = buildImage(w, env.host, {dockerfile, context, tags, buildArgs, noCache: truthy(q.get('nocache')), pull: truthy(q.get('pull'))});
	});
	const built = result!;
	next = tick(next, Math.max(1, Math.round(built.timeMs)), env.programs);
	const stream: object[] = [];
	if (!quiet) {
		for (const text of built.output.split('\n').slice(0, -1)) {
			if (built.imageId && text.startsWith('Successfully built ')) stream.push({aux: {ID: built.imageId}});
			stream.push({stream: text + '\n'});
		}
	} else if (built.ok && built.imageId) stream.push({stream: built.imageId + '\n'});
	if (!built.ok) {
		const message = (built.error ?? 'build failed').replace(/^Error response from daemon: /, '');
		const code = message.match(/returned a non-zero code: (\d+)/)?.[1];
		stream.push({errorDetail: {...(code ? {code: Number(code)} : {}), message}, error: message});
	}
	return {response: {status: 200}, stream, world: next, line, exitCode: built.ok ? 0 : 1};
}
