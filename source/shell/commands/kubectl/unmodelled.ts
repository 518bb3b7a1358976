// What real kubectl has that the simulation does not model yet: answered with a marked
// [simulator] line, never with kubectl's own "unknown command" or "doesn't have a resource type",
// which a learner would believe and carry to a real cluster.
import {catalogueEntry, qualifiedName, type CatalogueEntry} from '../../../engine/k8s/api-catalogue.ts';

/** Every command of `kubectl --help` (kubectl 1.32). */
export const realVerbs = [
	'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate', 'cluster-info',
	'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug',
	'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions',
	'config', 'plugin', 'version',
];

/** The subcommands of the kubectl commands that have them (kubectl 1.32). */
export const realSubcommands: Record<string, string[]> = {
	create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
	'create secret': ['docker-registry', 'generic', 'tls'],
	'create service': ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
	set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
	rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
	top: ['node', 'pod'],
	auth: ['can-i', 'reconcile', 'whoami'],
	certificate: ['approve', 'deny'],
	config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
	plugin: ['list'],
	'apply': ['edit-last-applied', 'set-last-applied', 'view-last-applied'],
};

/** The marked line for a real command, subcommand or feature the simulation does not model. */
export function notSimulated(what: string): string {
	return `[simulator] ${what} is a real kubectl feature that is not simulated in this version`;
}

/** The marked line for a real resource type the simulated API server does not serve yet. */
export function typeNotSimulated(entry: CatalogueEntry): string {
	return `[simulator] ${qualifiedName(entry)} (kind ${entry.kind}, ${entry.apiVersion}) is a real Kubernetes resource type that is not simulated in this version`;
}

/** The [simulator] line when `typed` names a real but unmodelled resource type, else undefined. */
export function realTypeNotSimulated(typed: string): string | undefined {
	const entry = catalogueEntry(typed);
	return entry ? typeNotSimulated(entry) : undefined;
}
