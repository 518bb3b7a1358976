import {createSandboxWorld, learnerHost} from '../engine/scenarios/sandbox.ts';
import {learnerRuntime} from '../shell/runtime.ts';
import {cachedWorld} from '../node/world-cache.ts';
import {createShellState} from '../shell/session.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {announceApi, apiBanner, runningClock, serveApi, type ApiSettings} from './api-endpoint.ts';
import {dockerBanner, endpointsNotice, serveDocker, type DockerSettings} from './docker-endpoint.ts';
import {runPlainSession} from './plain-session.ts';
import {createTutorController} from './tutor-controller.ts';

/** `k8s-tutor sandbox`: the whole simulated world, no lesson; with --api, also served to a real kubectl. */
export async function runSandbox(options: AppOptions, io: AppIO, settings: {seed: number; api?: ApiSettings; docker?: DockerSettings}): Promise<number> {
	const world = cachedWorld(options.worldCache, `sandbox-${settings.seed}`, () => createSandboxWorld({seed: settings.seed}));
	const shell = createShellState(world, learnerHost);
	const controller = createTutorController(shell, learnerRuntime(options.disk, options.lang));
	const api = settings.api ? await serveApi(controller, options, io, settings.api) : undefined;
	if (api && 'error' in api) {
		io.stderr.write(`k8s-tutor: ${api.error}\n`);
		return 1;
	}
	const docker = settings.docker ? await serveDocker(controller, options) : undefined;
	if (docker && 'error' in docker) {
		io.stderr.write(`k8s-tutor: ${docker.error}\n`);
		await api?.close();
		return 1;
	}
	try {
		if (options.plain) {
			if (api) io.stderr.write(apiBanner(options, api) + '\n');
			if (docker) io.stderr.write(dockerBanner(options, docker) + '\n');
			// With outside clients watching, the cluster's clock runs in real time, not only when a line is typed.
			const clock = (api || docker) && options.interactiveInput ? runningClock(controller) : undefined;
			try {
				return await runPlainSession(controller, options, io, {
					intro: () => (options.interactiveInput ? 'k8s-tutor sandbox: a simulated host, Docker, a registry and a cluster. Type help for commands, exit to quit.' : ''),
					clockRunsElsewhere: Boolean(clock),
				});
			} finally {
				clock?.stop();
			}
		}
		if (api) announceApi(controller, options, api);
		if (docker) {
			controller.appendSystem(dockerBanner(options, docker));
			controller.setNotice(endpointsNotice(options, {apiUrl: api?.url, dockerHost: docker.dockerHost}));
		}
		const {runInteractive} = await import('../ui/run-interactive.tsx');
		return await runInteractive(controller, options, io, {title: 'Sandbox'});
	} finally {
		await api?.close();
		await docker?.close();
	}
}
