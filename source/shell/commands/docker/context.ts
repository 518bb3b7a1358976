// What every docker subcommand starts from: the daemon of the host the shell is on, with
// containers whose main process has ended already marked exited.
import {produce} from 'immer';
import {runningDaemon, daemonDownMessage} from '../../../engine/docker/daemon.ts';
import {reconcileContainers} from '../../../engine/docker/runtime.ts';
import type {DockerDaemon} from '../../../engine/docker/types.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';
import {fail} from './format.ts';

export type DockerCall = {ctx: CommandContext; host: string; world: World; daemon: DockerDaemon};

export function dockerCall(ctx: CommandContext): DockerCall | CommandOutcome {
	const host = ctx.frame.host;
	if (!ctx.world.dockers.has(host) || ctx.frame.kind === 'container' || ctx.frame.kind === 'pod') {
		return fail(`bash: docker: command not found`, 127);
	}
	if (!runningDaemon(ctx.world, host)) return fail(daemonDownMessage, 1);
	const world = produce(ctx.world, w => reconcileContainers(w, host, ctx.runtime.programs));
	return {ctx, host, world, daemon: world.dockers.get(host)!};
}

export function isOutcome(value: DockerCall | CommandOutcome): value is CommandOutcome {
	return 'exitCode' in value;
}
