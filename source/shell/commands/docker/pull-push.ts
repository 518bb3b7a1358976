// docker pull / push / login / logout
import {produce} from 'immer';
import {applyPull, planPull, pullTimeMs, type PullPlan} from '../../../engine/docker/registry.ts';
import {pushImage, unreachableRegistryError} from '../../../engine/docker/registry.ts';
import {parseImageRef, qualifiedName, tagKey} from '../../../engine/docker/image-ref.ts';
import {shortId} from '../../../engine/docker/units.ts';
import type {ExternalProgramRunner} from '../../../engine/script/external-programs.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {offlineHubNote} from '../../offline-hub-note.ts';
import type {DockerCall} from './context.ts';
import {daemonError, fail, ok, usageError} from './format.ts';
import {dockerFlags, flagSet, parseFlags} from './flags.ts';

/** The progress lines of a pull, as docker prints them once every layer is done. */
export function pullProgress(plan: PullPlan): string {
	const lines = [`${plan.ref.digest ? plan.ref.digest : plan.ref.tag}: Pulling from ${plan.ref.path}`];
	for (const layer of plan.layers) lines.push(`${shortId(layer.id)}: ${layer.present ? 'Already exists' : 'Pull complete'}`);
	lines.push(`Digest: ${plan.manifestDigest}`);
	return lines.join('\n') + '\n';
}

export type PullOutcome = {ok: true; world: World; text: string; plan: PullPlan} | {ok: false; error: string};

/** Pulls on the call's host and advances the clock by the download time. */
export function pullOnHost(world: World, host: string, ref: string, programs: ExternalProgramRunner): PullOutcome {
	const planned = planPull(world, host, ref);
	if (!planned.ok) return {ok: false, error: planned.error};
	const plan = planned.plan;
	const alreadyHere = plan.upToDate;
	let next = produce(world, w => applyPull(w, host, plan));
	next = tick(next, Math.round(pullTimeMs(plan)), programs);
	const status = alreadyHere ? `Status: Image is up to date for ${tagKey(plan.ref)}` : `Status: Downloaded newer image for ${tagKey(plan.ref)}`;
	const text = alreadyHere ? `${plan.ref.tag}: Pulling from ${plan.ref.path}\nDigest: ${plan.manifestDigest}\n${status}\n` : pullProgress(plan) + status + '\n';
	return {ok: true, world: next, text, plan};
}

export function dockerPull(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('pull'));
	if (!parsed.ok) return usageError(parsed.error, 'pull');
	const [ref, ...extra] = parsed.flags.positionals;
	if (!ref || extra.length > 0) return fail(`docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nRun 'docker pull --help' for more information`, 1);
	const result = pullOnHost(call.world, call.host, ref, call.ctx.runtime.programs);
	if (!result.ok) {
		// The CLI says which tag it asked for before the daemon answers.
		const wanted = parseImageRef(ref);
		const asked = 'error' in wanted || wanted.tagGiven || wanted.digest || flagSet(parsed.flags, '-q') ? '' : 'Using default tag: latest\n';
		const failed = daemonError(result.error);
		return {...failed, stderr: failed.stderr + offlineHubNote(call.world, ref), stdout: asked};
	}
	const defaultTag = result.plan.ref.tagGiven || result.plan.ref.digest ? '' : 'Using default tag: latest\n';
	if (flagSet(parsed.flags, '-q')) return ok(qualifiedName(result.plan.ref) + '\n', {world: result.world});
	return ok(defaultTag + result.text + qualifiedName(result.plan.ref) + '\n', {world: result.world});
}

export function dockerPush(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('push'));
	if (!parsed.ok) return usageError(parsed.error, 'push');
	const [ref, ...extra] = parsed.flags.positionals;
	if (!ref || extra.length > 0) return fail(`docker: 'docker push' requires 1 argument\n\nUsage:  docker push [OPTIONS] NAME[:TAG]\n\nRun 'docker push --help' for more information`, 1);
	let result: ReturnType<typeof pushImage> | undefined;
	const world = produce(call.world, w => {
		result = pushImage(w, call.host, w.dockers.get(call.host)!, ref);
	});
	const pushed = result!;
	const head = pushed.ref && !pushed.ref.tagGiven ? 'Using default tag: latest\n' : '';
	if (!pushed.ok) {
		if (!pushed.ref) return fail(pushed.error, 1);
		const refers = `${head}The push refers to repository [${pushed.ref.registry}/${pushed.ref.path}]\n`;
		const preparing = (pushed.layers ?? []).map(l => `${shortId(l.id)}: Preparing\n`).join('');
		return {stdout: refers + preparing, stderr: `${pushed.error}\n`, exitCode: 1};
	}
	const lines = pushed.layers.map(l => `${shortId(l.id)}: ${l.existed ? 'Layer already exists' : 'Pushed'}`);
	const uploadMs = 500 + pushed.layers.filter(l => !l.existed).length * 800;
	return ok(`${head}The push refers to repository [${pushed.ref.registry}/${pushed.ref.path}]\n${lines.join('\n')}\n${pushed.ref.tag}: digest: ${pushed.digest} size: ${pushed.size}\n`, {world: tick(world, uploadMs, call.ctx.runtime.programs)});
}

export function dockerLogin(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('login'));
	if (!parsed.ok) return usageError(parsed.error, 'login');
	const server = parsed.flags.positionals[0];
	if (server && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)/.test(server)) {
		return daemonError(`Get "https://${server}/v2/": dial tcp: lookup ${server} on 127.0.0.53:53: no such host`);
	}
	const user = parsed.flags.values.get('-u')?.[0] ?? 'learner';
	const world = produce(call.world, w => {
		w.dockers.get(call.host)!.loggedIn = user;
	});
	const warning = parsed.flags.values.has('-p') ? 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n' : '';
	// The real CLI asks for a username and password here; the note says what stands in for them (on stderr, as its prompts are).
	const note = parsed.flags.values.has('-u') ? '' : `[simulator] no username or password asked: the simulated registry logs you in as "${user}" (docker login -u NAME picks the account)\n`;
	return {stdout: 'Login Succeeded\n', stderr: note + warning, exitCode: 0, world, ...(note ? {stderrFirst: true} : {})};
}

export function dockerLogout(_args: string[], call: DockerCall): CommandOutcome {
	const world = produce(call.world, w => {
		w.dockers.get(call.host)!.loggedIn = undefined;
	});
	return ok('Removing login credentials for https://index.docker.io/v1/\n', {world});
}
