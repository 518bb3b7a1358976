import {createSandboxWorld, learnerHost} from '../engine/scenarios/sandbox.ts';
import {learnerRuntime} from '../shell/runtime.ts';
import {cachedWorld} from '../node/world-cache.ts';
import {createShellState} from '../shell/session.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {runPlainSession} from './plain-session.ts';
import {createTutorController} from './tutor-controller.ts';

/** `k8s-tutor sandbox`: the whole simulated world, no lesson. */
export async function runSandbox(options: AppOptions, io: AppIO, settings: {seed: number}): Promise<number> {
	const world = cachedWorld(options.worldCache, `sandbox-${settings.seed}`, () => createSandboxWorld({seed: settings.seed}));
	const shell = createShellState(world, learnerHost);
	const controller = createTutorController(shell, learnerRuntime(options.disk, options.lang));
	if (options.plain) {
		return runPlainSession(controller, options, io, {
			intro: () => (options.interactiveInput ? 'k8s-tutor sandbox: a simulated host, Docker, a registry and a cluster. Type help for commands, exit to quit.' : ''),
		});
	}
	const {runInteractive} = await import('../ui/run-interactive.tsx');
	return runInteractive(controller, options, io, {title: 'Sandbox'});
}
