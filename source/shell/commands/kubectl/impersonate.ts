// `kubectl --as USER [--as-group GROUP]` (or --token of a service account) in the built-in kubectl: the requests the real kubectl
// 1.32 sends for a command, in its order, each decided by the cluster's RBAC (engine/k8s/rbac.ts,
// the same decision and message the API endpoint gives the real kubectl); the first one refused
// ends the command with the API server's 403 wrapped as kubectl wraps it (measured through the
// endpoint). `auth can-i` and `auth whoami` answer for the user themselves (auth.ts).
import {authorize, forbiddenMessage, userInfo, type Attributes, type UserInfo} from '../../../engine/k8s/rbac.ts';
import {nodeRestriction} from '../../../engine/k8s/node-authorizer.ts';
import {resourceByKind, type ResourceInfo} from '../../../engine/k8s/resources.ts';
import {tokenSubject} from '../../../engine/k8s/token-request.ts';
import {groupOf} from '../../../engine/k8s/api-catalogue.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag, flagAll} from './args.ts';
import {allNamespaces, namespaceOf, type Kctx} from './context.ts';
import {kubeconfigSource} from './kubeconfig-source.ts';
import {loadManifests} from './manifests.ts';
import {findResource, parseTargets} from './resource-names.ts';

/** One request: what RBAC is asked, and how kubectl prints the server's refusal of it. */
type Request = {attributes: Attributes; say: (message: string) => string};

const server = (message: string) => `Error from server (Forbidden): ${message}`;

/** `kubectl create SUB`: the type it creates and the words kubectl puts before a server error. */
const createTypes: Record<string, {typed: string; failure: string; subresource?: string}> = {
	deployment: {typed: 'deployments', failure: 'failed to create deployment'},
	deploy: {typed: 'deployments', failure: 'failed to create deployment'},
	job: {typed: 'jobs', failure: 'failed to create job'},
	cronjob: {typed: 'cronjobs', failure: 'failed to create cronjob'},
	cj: {typed: 'cronjobs', failure: 'failed to create cronjob'},
	configmap: {typed: 'configmaps', failure: 'failed to create configmap'},
	cm: {typed: 'configmaps', failure: 'failed to create configmap'},
	secret: {typed: 'secrets', failure: 'failed to create secret'},
	namespace: {typed: 'namespaces', failure: 'failed to create namespace'},
	ns: {typed: 'namespaces', failure: 'failed to create namespace'},
	serviceaccount: {typed: 'serviceaccounts', failure: 'failed to create serviceaccount'},
	sa: {typed: 'serviceaccounts', failure: 'failed to create serviceaccount'},
	role: {typed: 'roles', failure: 'failed to create role'},
	rolebinding: {typed: 'rolebindings', failure: 'failed to create rolebinding'},
	clusterrole: {typed: 'clusterroles', failure: 'failed to create clusterrole'},
	clusterrolebinding: {typed: 'clusterrolebindings', failure: 'failed to create clusterrolebinding'},
	quota: {typed: 'resourcequotas', failure: 'failed to create quota'},
	priorityclass: {typed: 'priorityclasses', failure: 'failed to create priorityclass'},
	pc: {typed: 'priorityclasses', failure: 'failed to create priorityclass'},
	poddisruptionbudget: {typed: 'poddisruptionbudgets', failure: 'failed to create poddisruptionbudgets'},
	pdb: {typed: 'poddisruptionbudgets', failure: 'failed to create poddisruptionbudgets'},
	ingress: {typed: 'ingresses', failure: 'failed to create ingress'},
	ing: {typed: 'ingresses', failure: 'failed to create ingress'},
	token: {typed: 'serviceaccounts', failure: 'failed to create token', subresource: 'token'},
};

function attributes(info: ResourceInfo, verb: string, namespace: string, name?: string, subresource?: string): Attributes {
	return {kind: 'resource', verb, group: groupOf(info.apiVersion), resource: info.resource, ...(subresource ? {subresource} : {}), ...(name ? {name} : {}), namespace: info.namespaced ? namespace : ''};
}

/** TYPE/NAME or a pod NAME (logs, exec, port-forward, cp take a pod unless told otherwise). */
function podOrTyped(ref: string | undefined): {info: ResourceInfo; name: string} | undefined {
	if (!ref) return undefined;
	const [type, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : ['pods', ref];
	const info = findResource(type);
	return info && name ? {info, name} : undefined;
}

/** get (then patch): label, annotate, patch, set, rollout restart|undo, cordon, taint... */
function getThen(k: Kctx, positional: string[], then: string | undefined, subresource?: string): Request[] {
	const targets = parseTargets(positional);
	if (typeof targets === 'string') return [];
	const ns = namespaceOf(k);
	return targets.flatMap(t =>
		t.names.flatMap(name => [{attributes: attributes(t.info, 'get', ns, name), say: server}, ...(then ? [{attributes: attributes(t.info, then, ns, name, subresource), say: server}] : [])]),
	);
}

function manifestRequests(k: Kctx, verb: 'apply' | 'create' | 'delete'): Request[] {
	const loaded = loadManifests(k.ctx, flagAll(k.args, 'f', 'filename'));
	if ('error' in loaded) return [];
	return loaded.manifests.flatMap(({object, source}) => {
		const info = resourceByKind(object.kind);
		if (!info) return [];
		const ns = object.metadata?.namespace ?? namespaceOf(k);
		const name = object.metadata?.name;
		const exists = name !== undefined && k.ctx.world.cluster?.store[info.resource].has(info.namespaced ? `${ns}/${name}` : name);
		if (verb === 'delete') return [{attributes: attributes(info, 'delete', ns, name), say: (m: string) => server(`error when deleting "${source}": ${m}`)}];
		if (verb === 'create') return [{attributes: attributes(info, 'create', ns), say: (m: string) => server(`error when creating "${source}": ${m}`)}];
		const group = groupOf(info.apiVersion);
		const gv = `${group ? `${group}/` : ''}${info.apiVersion.split('/').pop()}`;
		const retrieving = (m: string) => server(`error when retrieving current configuration of:\nResource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${name}", Namespace: "${info.namespaced ? ns : ''}"\nfrom server for: "${source}": ${m}`);
		return [{attributes: attributes(info, 'get', ns, name), say: retrieving}, exists ? {attributes: attributes(info, 'patch', ns, name), say: (m: string) => server(`error when patching "${source}": ${m}`)} : {attributes: attributes(info, 'create', ns), say: (m: string) => server(`error when creating "${source}": ${m}`)}];
	});
}

/** The requests kubectl sends for `verb`, in order, as far as RBAC is concerned; [] where none is modelled. */
function requestsOf(verb: string, k: Kctx): Request[] {
	const ns = namespaceOf(k);
	const positional = k.args.positional;
	const files = flagAll(k.args, 'f', 'filename').length > 0;
	switch (verb) {
		case 'get':
		case 'describe': {
			// get of several types lists what RBAC allows and reports the others (impersonatedTypes).
			if (files || (verb === 'get' && impersonatedTypes(k))) return [];
			if (['events', 'event', 'ev'].includes(positional[0] ?? '')) return requestsOf('events', k);
			const targets = parseTargets(positional);
			if (typeof targets === 'string') return [];
			const scope = allNamespaces(k) ? '' : ns;
			return targets.flatMap(t => (t.names.length ? t.names.map(name => ({attributes: attributes(t.info, 'get', ns, name), say: server})) : [{attributes: attributes(t.info, 'list', scope), say: server}]));
		}
		case 'events':
			// Events are derived, not a stored type: the core group's "events".
			return [{attributes: {kind: 'resource', verb: 'list', group: '', resource: 'events', namespace: allNamespaces(k) ? '' : ns}, say: server}];
		case 'logs':
		case 'exec':
		case 'port-forward':
		case 'attach': {
			const target = podOrTyped(positional[0]);
			if (!target) return [];
			const first = {attributes: attributes(target.info, 'get', ns, target.name), say: server};
			if (target.info.resource !== 'pods') return [first];
			const sub = verb === 'logs' ? {verb: 'get', subresource: 'log', say: server} : verb === 'port-forward' ? {verb: 'create', subresource: 'portforward', say: (m: string) => `error: error upgrading connection: ${m}`} : {verb: 'create', subresource: verb, say: server};
			return [first, {attributes: attributes(target.info, sub.verb, ns, target.name, sub.subresource), say: sub.say}];
		}
		case 'cp': {
			const remote = positional.find(p => p.includes(':'));
			const pods = findResource('pods');
			const name = remote?.split(':')[0]?.split('/').pop();
			return pods && name ? [{attributes: attributes(pods, 'get', ns, name), say: server}, {attributes: attributes(pods, 'create', ns, name, 'exec'), say: server}] : [];
		}
		case 'delete': {
			if (files) return manifestRequests(k, 'delete');
			const targets = parseTargets(positional);
			if (typeof targets === 'string') return [];
			return targets.flatMap(t => (t.names.length ? t.names.map(name => ({attributes: attributes(t.info, 'delete', ns, name), say: server})) : [{attributes: attributes(t.info, 'list', ns), say: server}]));
		}
		case 'apply':
			return files ? manifestRequests(k, 'apply') : [];
		case 'replace':
			return files ? manifestRequests(k, 'apply') : [];
		case 'run': {
			const pods = findResource('pods');
			return pods ? [{attributes: attributes(pods, 'create', ns), say: server}] : [];
		}
		case 'create': {
			if (files) return manifestRequests(k, 'create');
			const sub = positional[0] ?? '';
			const what = sub === 'service' || sub === 'svc' ? {typed: 'services', failure: `failed to create ${positional[1] ?? ''} service`} : createTypes[sub];
			const info = what && findResource(what.typed);
			if (!what || !info) return [];
			const name = what.subresource ? positional[1] : undefined;
			return [{attributes: attributes(info, 'create', ns, name, what.subresource), say: (m: string) => `error: ${what.failure}: ${m}`}];
		}
		case 'scale': {
			const gets = getThen(k, positional, undefined);
			return [...gets.map(r => ({...r, say: (m: string) => `error: no objects passed to scale ${m}`})), ...getThen(k, positional, 'patch', 'scale').filter((_, i) => i % 2 === 1)];
		}
		case 'label':
		case 'annotate':
		case 'patch':
			return getThen(k, positional.slice(0, positional[0]?.includes('/') ? 1 : 2), 'patch');
		case 'set':
			return getThen(k, positional.slice(1, positional[1]?.includes('/') ? 2 : 3), 'patch');
		case 'rollout': {
			const sub = positional[0];
			if (sub === 'status' || sub === 'history') return getThen(k, positional.slice(1), undefined);
			return getThen(k, positional.slice(1), 'patch');
		}
		case 'expose':
			return getThen(k, positional.slice(0, positional[0]?.includes('/') ? 1 : 2), undefined);
		case 'cordon':
		case 'uncordon':
		case 'drain':
		case 'taint': {
			const nodes = findResource('nodes');
			const name = verb === 'taint' ? positional[1] : positional[0];
			return nodes && name ? [{attributes: attributes(nodes, 'get', '', name), say: server}, {attributes: attributes(nodes, 'patch', '', name), say: server}] : [];
		}
		default:
			return [];
	}
}

/** The user --as names, or undefined when the kubeconfig's own user acts. */
export function impersonated(k: Kctx): UserInfo | undefined {
	const as = flag(k.args, 'as');
	if (as !== undefined && as !== '') return userInfo(as, flagAll(k.args, 'as-group'));
	// --token=$(kubectl create token NAME): that service account, as the API server authenticates it.
	const token = flag(k.args, 'token');
	const account = token && k.ctx.world.cluster ? tokenSubject(k.ctx.world, token) : undefined;
	if (account) return userInfo(account.name);
	// A kubelet's kubeconfig (/etc/kubernetes/kubelet.conf): its client certificate says O=system:nodes.
	const fileUser = kubeconfigSource(k.ctx, flag(k.args, 'kubeconfig')).user;
	return fileUser?.startsWith('system:node:') ? userInfo(fileUser, ['system:nodes']) : undefined;
}

/** A --token the API server does not accept: kubectl's answer to its 401. */
function unauthorized(k: Kctx): string | undefined {
	const token = flag(k.args, 'token');
	if (token === undefined || token === '' || !k.ctx.world.cluster || tokenSubject(k.ctx.world, token)) return undefined;
	return 'error: You must be logged in to the server (Unauthorized)';
}

/** What kubectl prints when RBAC refuses one of the command's requests for the --as user; undefined when all are allowed. */
export function impersonationRefusal(verb: string, k: Kctx): string | undefined {
	const refused = unauthorized(k);
	if (refused) return refused;
	const user = impersonated(k);
	const cluster = k.ctx.world.cluster;
	if (!user || !cluster || verb === 'auth' || bool(k.args, 'dry-run') || flag(k.args, 'dry-run') === 'client') return undefined;
	for (const request of requestsOf(verb, k)) {
		if (!authorize(cluster, user, request.attributes)) return request.say(forbiddenMessage(user, request.attributes));
		const a = request.attributes;
		const admission = a.kind === 'resource' ? nodeRestriction(user, a, verb === 'run' ? k.args.positional[0] : undefined) : undefined;
		if (admission) return request.say(admission);
	}
	return undefined;
}

/** `get all` in the order kubectl lists the category's types (its errors come in this order). */
const allTypes = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs'];

/**
 * `kubectl get all|TYPE,TYPE --as USER`: kubectl lists each type in turn, prints what it could
 * list and ends with one 403 per type RBAC refused. The types to list (as typed), and the errors;
 * undefined for a single type, names, or no --as.
 */
export function impersonatedTypes(k: Kctx): {types: string[]; errors: string[]} | undefined {
	const user = impersonated(k);
	const cluster = k.ctx.world.cluster;
	const [first, ...names] = k.args.positional;
	if (!user || !cluster || !first || names.length || (first !== 'all' && !first.includes(','))) return undefined;
	const typed = first === 'all' ? allTypes : first.split(',');
	const scope = allNamespaces(k) ? '' : namespaceOf(k);
	const types: string[] = [];
	const errors: string[] = [];
	for (const type of typed) {
		const info = findResource(type);
		if (!info) return undefined;
		const request = attributes(info, 'list', scope);
		if (authorize(cluster, user, request)) types.push(type);
		else errors.push(server(forbiddenMessage(user, request)));
	}
	return {types, errors};
}

/** get of several types as another user: what may be listed, then a 403 per refused type (exit 1); undefined when nothing is refused. */
export function impersonatedGet(k: Kctx, get: (k: Kctx) => CommandOutcome): CommandOutcome | undefined {
	const partial = impersonatedTypes(k);
	if (!partial?.errors.length) return undefined;
	const listed = partial.types.length ? get({...k, args: {...k.args, positional: [partial.types.join(',')]}}) : {stdout: '', stderr: '', exitCode: 0};
	return {...listed, stderr: (listed.stderr ?? '') + partial.errors.map(e => e + '\n').join(''), exitCode: 1, chunks: undefined};
}
