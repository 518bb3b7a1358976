// The Kubernetes API endpoint as one pure function: (request, world) -> (answer, new world, the
// kubectl action it stands for). The HTTPS server (api-server.ts) only adds sockets and auth.
import {apiServerUp} from '../engine/k8s/api-server.ts';
import {resourceByKind} from '../engine/k8s/resources.ts';
import type {World} from '../engine/world.ts';
import type {ApiRequest, Handled} from './api-types.ts';
import {findServed, qualifiedResource} from './api-resources.ts';
import {aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, kubernetesVersion, wantsAggregated} from './discovery.ts';
import {createRequest, deleteCollectionRequest, deleteRequest, getRequest, listRequest, logRequest, patchRequest, updateRequest, type Target} from './resource-requests.ts';
import {evictionRequest} from './eviction-request.ts';
import {tokenRequest} from './token-request.ts';
import {denied, impersonatedUser, requestAttributes, reviewRequest} from './impersonation.ts';
import {openApiDocument, openApiRoot} from './openapi.ts';
import {notFoundPath, statusResponse} from './status.ts';
import {fieldsIn, isFields} from '../engine/k8s/object-input.ts';

const text = (body: string): Handled => ({response: {status: 200, body, contentType: 'text/plain; charset=utf-8'}});

/** Splits /api/v1/namespaces/NS/pods/NAME/log (or /apis/G/V/...) into what it names. */
export function parseResourcePath(path: string): Target | undefined {
	const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
	let group: string;
	let version: string;
	let rest: string[];
	if (parts[0] === 'api' && parts.length >= 3) [group, version, rest] = ['', parts[1]!, parts.slice(2)];
	else if (parts[0] === 'apis' && parts.length >= 4) [group, version, rest] = [parts[1]!, parts[2]!, parts.slice(3)];
	else return undefined;
	let namespace: string | undefined;
	// namespaces/NS/RESOURCE...: a namespaced request; namespaces[/NAME[/SUB]] alone: the namespaces themselves.
	if (rest[0] === 'namespaces' && rest.length >= 3 && findServed(group, version, rest[2]!)) {
		namespace = rest[1];
		rest = rest.slice(2);
	}
	const served = findServed(group, version, rest[0]!);
	if (!served || rest.length > 3) return undefined;
	if (served.namespaced && namespace === undefined && rest.length > 1) namespace = 'default';
	return {served, namespace: served.namespaced ? namespace : undefined, name: rest[1], subresource: rest[2]};
}

/** The kubectl verb a request is part of, read from what kubectl 1.32 sends (it names no command in a header). */
function inferredVerb(req: ApiRequest, verb: string): string {
	if (verb !== 'patch' && verb !== 'create') return verb;
	let body: unknown;
	try {
		body = JSON.parse(req.body ?? '');
	} catch {
		return verb;
	}
	const meta = fieldsIn(body, 'metadata') ?? {};
	if (fieldsIn(meta, 'annotations')?.['kubectl.kubernetes.io/last-applied-configuration'] !== undefined) return 'apply';
	if (verb === 'create') return isFields(body) && body.kind === 'Pod' && fieldsIn(meta, 'labels')?.run === meta.name ? 'run' : verb;
	const keys = isFields(body) ? Object.keys(body) : [];
	const metaKeys = Object.keys(meta);
	if (keys.length === 1 && keys[0] === 'metadata' && metaKeys.length === 1 && metaKeys[0] === 'labels') return 'label';
	if (keys.length === 1 && keys[0] === 'metadata' && metaKeys.length === 1 && metaKeys[0] === 'annotations') return 'annotate';
	return verb;
}

/** The object with this uid, searched in every store (kubectl describe asks for events by involvedObject.uid). */
function byUid(world: World, uid: string): {resource: string; name: string} | undefined {
	for (const [resource, store] of Object.entries(world.cluster?.store ?? {})) {
		for (const obj of store.values()) if (obj.metadata.uid === uid) return {resource, name: obj.metadata.name};
	}
	return undefined;
}

/** The kubectl command a request stands for in lesson checks (`kubectl describe pods web`). */
function actionOf(req: ApiRequest, target: Target, verb: string, world?: World): Handled['action'] {
	const fields = req.query.get('fieldSelector') ?? '';
	const field = (name: string) => fields.match(new RegExp(`involvedObject\\.${name}=([^,]+)`))?.[1];
	if (target.served.resource === 'events' && field('name')) {
		// kubectl describe lists the object's events by name, namespace and uid (1.32 sends no kind).
		const uid = field('uid');
		const kind = field('kind');
		const found = uid && world ? byUid(world, uid) : undefined;
		const resource = found?.resource ?? (kind ? (resourceByKind(kind)?.resource ?? kind.toLowerCase() + 's') : undefined);
		if (resource) return {verb: 'describe', resource, name: field('name')!, ...(target.namespace ? {namespace: target.namespace} : {})};
	}
	const command = req.headers['kubectl-command']?.match(/^kubectl (\S+)/)?.[1];
	return {verb: command ?? inferredVerb(req, verb), resource: target.served.resource, ...(target.name ? {name: target.name} : {}), ...(target.namespace ? {namespace: target.namespace} : {})};
}

function watchOf(req: ApiRequest, target: Target): Handled {
	const initialEvents = req.query.get('sendInitialEvents') === 'true';
	// With sendInitialEvents every matching object comes first as ADDED, whatever resourceVersion says.
	const since = initialEvents ? 0 : Number(req.query.get('resourceVersion') ?? 0);
	const bookmarks = req.query.get('allowWatchBookmarks') === 'true';
	const fieldSelector = [req.query.get('fieldSelector'), target.name ? `metadata.name=${target.name}` : undefined].filter(Boolean).join(',');
	return {
		response: {status: 200, body: undefined},
		watch: {
			group: target.served.group,
			version: target.served.version,
			resource: target.served.resource,
			namespace: target.namespace,
			labelSelector: req.query.get('labelSelector') ?? undefined,
			fieldSelector: fieldSelector || undefined,
			sinceVersion: Number.isFinite(since) && since > 0 ? since : undefined,
			table: /as=Table/.test(req.headers.accept ?? ''),
			...(bookmarks ? {bookmarks} : {}),
			...(bookmarks && initialEvents ? {initialEventsEnd: true} : {}),
		},
		action: actionOf(req, target, 'get'),
	};
}

/** A real type the simulation does not model: empty, and said so in a warning kubectl prints. */
function unmodelledRequest(req: ApiRequest, target: Target): Handled {
	const what = qualifiedResource(target.served);
	const warning = `[simulator] ${what} are not modelled in this simulated cluster`;
	const method = req.method.toUpperCase();
	if (method === 'GET' && !target.name && !(req.query.get('watch') === 'true' || req.query.get('watch') === '1')) {
		const apiVersion = target.served.group ? `${target.served.group}/${target.served.version}` : target.served.version;
		return {response: {status: 200, body: {kind: `${target.served.kind}List`, apiVersion, metadata: {resourceVersion: '1'}, items: []}, warnings: [warning]}};
	}
	if (method === 'GET' && !target.name) return {response: {...statusResponse(405, 'MethodNotAllowed', warning), warnings: [warning]}};
	if (method === 'GET') return {response: {...statusResponse(404, 'NotFound', `${what} "${target.name}" not found`, {name: target.name, group: target.served.group, kind: target.served.resource}), warnings: [warning]}};
	return {response: {...statusResponse(405, 'MethodNotAllowed', warning), warnings: [warning]}};
}

function resourceRequest(req: ApiRequest, world: World, target: Target): Handled {
	if (target.served.unmodelled) return unmodelledRequest(req, target);
	const method = req.method.toUpperCase();
	const sub = target.subresource;
	if (sub === 'eviction' && target.served.resource === 'pods') {
		if (method !== 'POST') return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
		return {...evictionRequest(req, world, target), action: actionOf(req, target, 'drain')};
	}
	if (sub === 'token' && target.served.resource === 'serviceaccounts') {
		if (method !== 'POST') return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
		return {...tokenRequest(req, world, target), action: actionOf(req, target, 'create')};
	}
	if (sub && !['scale', 'log', 'status'].includes(sub)) {
		return {response: statusResponse(405, 'MethodNotAllowed', `[simulator] the ${sub} subresource is not modelled by this endpoint yet`)};
	}
	if (sub === 'log') {
		if (target.served.resource !== 'pods' || method !== 'GET') return {response: notFoundPath()};
		const response = logRequest(req, world, target);
		const follow = req.query.get('follow') === 'true' && response.status === 200;
		const again = new URLSearchParams(req.query);
		again.delete('tailLines');
		again.delete('follow');
		return {response, action: actionOf(req, target, 'logs'), ...(follow ? {follow: {...req, query: again}} : {})};
	}
	const watching = req.query.get('watch') === 'true' || req.query.get('watch') === '1';
	if (!target.name) {
		if (method === 'GET' && watching) return watchOf(req, target);
		if (method === 'GET') return {response: listRequest(req, world, target), action: actionOf(req, target, 'get', world)};
		if (method === 'POST') {
			const done = createRequest(req, world, target);
			const created = (done.response.body as {metadata?: {name?: string}} | undefined)?.metadata?.name;
			return {...done, action: actionOf(req, {...target, ...(created ? {name: created} : {})}, 'create')};
		}
		if (method === 'DELETE') return {...deleteCollectionRequest(req, world, target), action: actionOf(req, target, 'delete')};
		return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
	}
	switch (method) {
		case 'GET':
			return {response: getRequest(req, world, target), action: actionOf(req, target, 'get')};
		case 'PUT':
			return {...updateRequest(req, world, target), action: actionOf(req, target, sub === 'scale' ? 'scale' : 'replace')};
		case 'PATCH':
			return {...patchRequest(req, world, target), action: actionOf(req, target, sub === 'scale' ? 'scale' : 'patch')};
		case 'DELETE':
			return {...deleteRequest(req, world, target), action: actionOf(req, target, 'delete')};
		default:
			return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
	}
}

export function handleRequest(req: ApiRequest, world: World): Handled {
	const path = req.path.replace(/\/+$/, '') || '/';
	// `kubectl --as`: every request is decided by RBAC for the impersonated user.
	const user = impersonatedUser(req.headers) ?? req.serviceAccount;
	const target = parseResourcePath(path);
	const refused = denied(world, user, requestAttributes(req, target && {group: target.served.group, resource: target.served.resource, namespace: target.namespace, name: target.name, subresource: target.subresource}));
	if (refused) return {response: refused};
	const review = reviewRequest(req, world);
	if (review) return {response: review, action: {verb: 'auth', resource: review.body && (review.body as {kind?: string}).kind === 'SelfSubjectReview' ? 'whoami' : 'can-i'}};
	return routed(req, world, path, target);
}

function routed(req: ApiRequest, world: World, path: string, target: Target | undefined): Handled {
	if (['/healthz', '/readyz', '/livez'].includes(path)) return text('ok');
	if (path === '/version') return {response: {status: 200, body: kubernetesVersion}};
	if ((path === '/api' || path === '/apis') && wantsAggregated(req.headers.accept)) return {response: aggregatedDiscovery(path === '/api')};
	if (path === '/api') return {response: apiVersions()};
	if (path === '/apis') return {response: apiGroupList()};
	if (path === '/openapi/v3') return {response: openApiRoot()};
	if (path.startsWith('/openapi/v3/')) return {response: openApiDocument(path.slice('/openapi/v3/'.length)) ?? notFoundPath()};
	const parts = path.split('/').filter(Boolean);
	if (parts[0] === 'api' && parts.length === 2) return {response: apiResourceList('', parts[1]!) ?? notFoundPath()};
	if (parts[0] === 'apis' && parts.length === 2) return {response: apiGroup(parts[1]!) ?? notFoundPath()};
	if (parts[0] === 'apis' && parts.length === 3) return {response: apiResourceList(parts[1]!, parts[2]!) ?? notFoundPath()};
	if (!target) return {response: notFoundPath()};
	if (!world.cluster || !apiServerUp(world)) return {response: statusResponse(503, '', '[simulator] the simulated API server is down (its static pod or etcd is not running)')};
	return resourceRequest(req, world, target);
}

