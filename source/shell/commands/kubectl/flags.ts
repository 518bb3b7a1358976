// Which flags kubectl's simulation models, which real flags it accepts without modelling, and the
// real "unknown flag" error for the rest.
import type {ParsedArgs} from './args.ts';

const modelled = new Set([
	'n', 'namespace', 'o', 'output', 'l', 'selector', 'A', 'all-namespaces', 'show-labels', 'w', 'watch', 'f', 'filename', 'follow',
	'c', 'container', 'p', 'previous', 'replicas', 'image', 'port', 'target-port', 'type', 'name', 'grace-period', 'force', 'all',
	'overwrite', 'ignore-daemonsets', 'i', 'stdin', 't', 'tty', 'tail', 'timeout', 'labels', 'restart', 'env', 'dry-run', 'command',
	'h', 'help', 'no-headers', 'node-port', 'wait', 'now', 'L', 'label-columns', 'patch', 'revision', 'to-revision',
]);

/** Real kubectl flags the simulation takes but does not act on. */
const acceptedOnly = new Set([
	'sort-by', 'field-selector', 'v', 'context', 'kubeconfig', 'cluster', 'user', 'request-timeout', 'server', 's', 'token',
	'insecure-skip-tls-verify', 'record', 'cascade', 'validate', 'server-side', 'field-manager', 'chunk-size',
	'output-watch-events', 'show-kind', 'template', 'since', 'since-time', 'timestamps', 'limit-bytes',
	'prefix', 'max-log-requests', 'delete-emptydir-data', 'delete-local-data', 'disable-eviction', 'pod-selector', 'skip-wait-for-delete-timeout',
	'current-replicas', 'resource-version', 'protocol', 'external-ip', 'load-balancer-ip', 'session-affinity', 'cluster-ip',
	'save-config', 'edit', 'windows-line-endings', 'overrides', 'attach', 'rm', 'quiet', 'q', 'pod-running-timeout', 'annotations',
	'requests', 'limits', 'serviceaccount', 'privileged', 'api-group', 'recursive', 'R', 'subresource', 'ignore-not-found', 'raw',
	'local', 'show-managed-fields', 'allow-missing-template-keys', 'prune', 'selector-ignore', 'openapi-patch', 'force-conflicts',
]);

/** A note for accepted-only flags (stderr), or the real error for flags kubectl does not have. */
export function checkFlags(verb: string, args: ParsedArgs): {error?: string; note?: string} {
	const notes: string[] = [];
	for (const name of args.flags.keys()) {
		if (modelled.has(name)) continue;
		if (acceptedOnly.has(name)) notes.push(`--${name}`);
		else return {error: `${name.length === 1 ? `error: unknown shorthand flag: '${name}' in -${name}` : `error: unknown flag: --${name}`}\nSee 'kubectl ${verb} --help' for usage.`};
	}
	return notes.length ? {note: `(kubectl: ${notes.join(', ')} accepted, not simulated here)\n`} : {};
}
