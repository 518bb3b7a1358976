// Which flags each kubectl command takes (its own, from real kubectl's --help, plus the global
// options), which of those the simulation acts on, and kubectl's real "unknown flag" error for a
// flag the command does not have, even when another command has it (`kubectl get --replicas=3`).
import type {ParsedArgs} from './args.ts';
import {commandPath} from './command-path.ts';
import {commandFlags, globalFlags} from './verb-flags.ts';

export {commandPath} from './command-path.ts';

/** Flags the simulation acts on (for any command that has them). */
const modelled = new Set([
	'namespace', 'output', 'selector', 'all-namespaces', 'show-labels', 'watch', 'filename', 'follow',
	'container', 'previous', 'replicas', 'image', 'port', 'target-port', 'type', 'name', 'grace-period', 'force', 'all',
	'overwrite', 'ignore-daemonsets', 'stdin', 'tty', 'tail', 'timeout', 'labels', 'restart', 'env', 'dry-run', 'command',
	'help', 'no-headers', 'cascade', 'for', 'current', 'minify', 'raw', 'types', 'all-containers', 'prefix', 'max-log-requests', 'node-port', 'wait', 'now', 'label-columns', 'patch', 'revision', 'to-revision',
	'from-literal', 'from-file', 'from-env-file', 'docker-server', 'docker-username', 'docker-password', 'docker-email', 'cert', 'key',
	'namespaced', 'api-group', 'field-selector', 'sort-by', 'watch-only', 'rm', 'list', 'quiet', 'subresource', 'as', 'as-group', 'recursive',
	'tcp', 'schedule', 'verb', 'resource', 'resource-name', 'non-resource-url', 'role', 'clusterrole', 'group', 'user', 'serviceaccount', 'external-name', 'clusterip', 'from',
	'min-available', 'max-unavailable', 'value', 'global-default', 'description', 'preemption-policy', 'hard', 'scopes', 'rule', 'class', 'default-backend', 'annotation',
	'audience', 'duration', 'bound-object-kind', 'bound-object-name', 'bound-object-uid',
	'server-side', 'force-conflicts', 'field-manager', 'show-managed-fields',
]);

/** What Tab offers after `kubectl VERB ...`: the command's own flags and the global ones, as kubectl --help lists them. */
export function flagNamesAfter(positional: string[]): string[] {
	const [verb, ...rest] = positional;
	const allowed = verb ? allowedFlags(commandPath(verb, rest)) : new Map(Object.entries({...globalFlags, help: 'h'}));
	return [...allowed].flatMap(([long, short]) => [`--${long}`, ...(short ? [`-${short}`] : [])]);
}

function allowedFlags(path: string): Map<string, string> {
	const own = commandFlags[path] ?? {};
	return new Map(Object.entries({...globalFlags, ...own, help: 'h'}));
}

/** The long name of a flag as typed (`n` -> `namespace` for this command), or undefined when the command has no such flag. */
function longName(typed: string, allowed: Map<string, string>): string | undefined {
	if (typed.length > 1) return allowed.has(typed) ? typed : undefined;
	for (const [long, short] of allowed) if (short === typed) return long;
	return undefined;
}

/** A note for accepted-only flags (stderr), or kubectl's error for a flag this command does not have. */
export function checkFlags(verb: string, args: ParsedArgs): {error?: string; note?: string} {
	const path = commandPath(verb, args.positional);
	const allowed = allowedFlags(path);
	const notes: string[] = [];
	for (const typed of args.flags.keys()) {
		const long = longName(typed, allowed);
		if (!long) {
			const error = typed.length === 1 ? `error: unknown shorthand flag: '${typed}' in -${typed}` : `error: unknown flag: --${typed}`;
			return {error: `${error}\nSee 'kubectl ${path} --help' for usage.`};
		}
		if (!modelled.has(long) && !(long in globalFlags)) notes.push(`--${long}`);
	}
	return notes.length ? {note: `[simulator] kubectl: ${notes.join(', ')} accepted, not simulated here\n`} : {};
}
