// Shared plumbing for kubectl subcommands: outcomes, errors, namespaces, reaching the API server.
import {produce} from 'immer';
import {apiServerUp, type ApiError} from '../../../engine/k8s/api-server.ts';
import type {World} from '../../../engine/world.ts';
import type {CommandContext, CommandOutcome} from '../../types.ts';
import {bool, flag, type ParsedArgs} from './args.ts';
import {kubeconfigSource, noServerLine} from './kubeconfig-source.ts';

export type Kctx = {ctx: CommandContext; args: ParsedArgs};

export function ok(stdout: string, world?: World, stderr = ''): CommandOutcome {
	return {stdout, stderr, exitCode: 0, world};
}

export function fail(message: string, stdout = '', world?: World): CommandOutcome {
	return {stdout, stderr: message.endsWith('\n') ? message : message + '\n', exitCode: 1, world};
}

export function serverError(error: ApiError, context?: string): string {
	if (error.reason === 'Invalid') return error.message;
	const title = error.reason === 'BadRequest' ? 'BadRequest' : error.reason;
	return `Error from server (${title}): ${context ? `${context}: ` : ''}${error.message}`;
}

export function namespaceOf(k: Kctx): string {
	return flag(k.args, 'n', 'namespace') ?? k.ctx.session.namespace ?? 'default';
}

export function allNamespaces(k: Kctx): boolean {
	return bool(k.args, 'A', 'all-namespaces');
}

/** Why kubectl cannot reach a server from here, or undefined when it can. */
export function unreachable(ctx: CommandContext, kubeconfigFlag?: string): string | undefined {
	const c = ctx.world.cluster;
	if (!c || !kubeconfigSource(ctx, kubeconfigFlag).found) return noServerLine;
	if (!apiServerUp(ctx.world)) return `The connection to the server ${c.apiServerAddress.replace('https://', '')} was refused - did you specify the right host or port?`;
	return undefined;
}

/** Runs a change against a draft of the world; returns the new world and what the change returned. */
export function change<T>(world: World, fn: (w: World) => T): {world: World; result: T} {
	let result!: T;
	const next = produce(world, w => {
		result = fn(w);
	});
	return {world: next, result};
}
