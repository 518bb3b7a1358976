// What kubectl's generators (create deployment|service|job|..., run, expose) do with the object
// they built: print it for --dry-run=client (-o yaml sorted as kubectl's YAML printer sorts, -o json
// in the Go struct's field order, as built), or send it to the API server.
import {createObject} from '../../../engine/k8s/api-server.ts';
import type {ObjectInput} from '../../../engine/k8s/object-input.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag} from './args.ts';
import {change, fail, namespaceOf, serverError, type Kctx} from './context.ts';
import {toYaml} from './get.ts';

export function dryRunMode(k: Kctx): 'client' | 'server' | undefined {
	const mode = flag(k.args, 'dry-run');
	return mode === 'server' ? 'server' : mode && mode !== 'none' && mode !== 'false' ? 'client' : undefined;
}

/** Metadata as kubectl's generators fill it: the namespace only when -n was given (EnforceNamespace). */
export function generatedMeta(k: Kctx, name: string, labels?: Record<string, string>): Record<string, unknown> {
	const ns = flag(k.args, 'n', 'namespace');
	return {name, ...(ns !== undefined ? {namespace: ns} : {}), creationTimestamp: null, ...(labels ? {labels} : {})};
}

export type Generated = {
	/** The object as kubectl sends it, keys in the Go struct's order. */
	object: Record<string, unknown>;
	/** `deployment.apps/web`: what `created` and `-o name` print. */
	ref: string;
	/** kubectl's wrapping of a server error (`failed to create deployment`), when the command wraps it. */
	failure?: string;
};

function print(k: Kctx, object: unknown, output: string, ref: string): string {
	if (output === 'yaml') return toYaml(object);
	if (output === 'name') return `${ref}\n`;
	return JSON.stringify(object, null, 4) + '\n';
}

/** Prints or creates what a generator built. */
export function sendGenerated(k: Kctx, generated: Generated, warnings = ''): CommandOutcome {
	const output = flag(k.args, 'o', 'output');
	const printable = output === 'yaml' || output === 'json' || output === 'name';
	const mode = dryRunMode(k);
	if (mode === 'client') {
		if (printable) return {stdout: print(k, generated.object, output, generated.ref), stderr: warnings, exitCode: 0};
		return {stdout: `${generated.ref} created (dry run)\n`, stderr: warnings, exitCode: 0};
	}
	const sent: ObjectInput = JSON.parse(JSON.stringify(generated.object)); // a generator's object: kind, apiVersion and metadata
	sent.metadata = {...sent.metadata, namespace: namespaceOf(k)};
	delete sent.metadata.creationTimestamp;
	const {world, result} = change(k.ctx.world, w => createObject(w, sent));
	if (!result.ok) {
		// kubectl's generators wrap every server error in their own words (fmt.Errorf("%v")), so an
		// Invalid error shows the API server's message as it is: `Deployment.apps "Bad" is invalid: ...`.
		const raw = result.error.reason === 'Invalid' ? result.error.message.replace(/^The (\w+) "/, `${generated.object.kind}${String(generated.object.apiVersion).includes('/') ? `.${String(generated.object.apiVersion).split('/')[0]}` : ''} "`) : result.error.message;
		const message = generated.failure ? `error: ${generated.failure}: ${raw}` : serverError(result.error);
		return fail(warnings + message);
	}
	const stored = JSON.parse(JSON.stringify(result.object));
	if (mode === 'server') return {stdout: printable ? print(k, stored, output, generated.ref) : `${generated.ref} created (server dry run)\n`, stderr: warnings, exitCode: 0};
	return {stdout: printable ? print(k, stored, output, generated.ref) : `${generated.ref} created\n`, stderr: warnings, exitCode: 0, world};
}
