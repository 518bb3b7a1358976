// What kube-apiserver answers over the network (https://CONTROL-PLANE:6443, the `kubernetes`
// Service's 10.96.0.1:443) to a client without credentials, such as curl -k or busybox wget:
// kubeadm leaves anonymous auth on, and RBAC's system:public-info-viewer lets system:anonymous
// read /version, /healthz, /livez and /readyz; anything else is a 403 Status. The message
// formats are the apiserver's: responsewriters.forbiddenMessage ("User %q cannot %s path %q",
// "User %q cannot %s resource %q in API group %q in the namespace %q" / "at the cluster scope")
// wrapped by apierrors.NewForbidden ("forbidden: %v", "%s is forbidden: %v", "%s %q is forbidden: %v").
// curl and Wget get it pretty (json.MarshalIndent, no newline at the end), as WriteRawJSON writes /version.
import type {AppResponder, HttpRequest, HttpResponse, ServerContext} from '../network/apps.ts';
import {httpDate} from '../network/apps.ts';
import type {World} from '../world.ts';
import {kubernetesVersion} from './create-cluster.ts';
import {authorize, forbiddenMessage, userInfo, type Attributes, type UserInfo} from './rbac.ts';
import {tokenSubject} from './token-request.ts';

/** GET /version, as the simulated cluster's apiserver (and kubectl version) report it. */
export const apiServerVersion = {
	major: kubernetesVersion.replace(/^v/, '').split('.')[0]!,
	minor: kubernetesVersion.split('.')[1]!,
	gitVersion: kubernetesVersion,
	gitCommit: '0000000000000000000000000000000000000000',
	gitTreeState: 'clean',
	buildDate: '2024-10-22T20:28:14Z',
	goVersion: 'go1.22.8',
	compiler: 'gc',
	platform: 'linux/amd64',
};

const publicPaths = new Set(['/version', '/version/', '/healthz', '/livez', '/readyz']);

const encoder = new TextEncoder();

/** A reply through the apiserver library's filter chain (WithCacheControl, the nosniff of its writers). */
export function answer(w: World, status: number, reason: string, type: string, body: string): HttpResponse {
	return {status, reason, headers: [['Cache-Control', 'no-cache, private'], ['Content-Type', type], ['X-Content-Type-Options', 'nosniff'], ['Date', httpDate(w)], ['Content-Length', String(encoder.encode(body).length)]], body};
}

const anonymous: UserInfo = {name: 'system:anonymous', groups: ['system:unauthenticated']};

/** What the request asks, as the apiserver's RequestInfoFactory parses its path (none of its API prefixes: every path is a non-resource one). */
function requestAttributes(request: HttpRequest, apiPrefixes = true): Attributes {
	const path = request.path.replace(/[?#].*$/, '') || '/';
	const parts = path.split('/').filter(Boolean);
	const resourceRequest = apiPrefixes && ((parts[0] === 'api' && parts.length >= 3) || (parts[0] === 'apis' && parts.length >= 4));
	if (!resourceRequest) return {kind: 'non-resource', verb: request.method === 'POST' ? 'post' : request.method === 'PUT' ? 'put' : request.method === 'DELETE' ? 'delete' : 'get', path};
	const group = parts[0] === 'api' ? '' : parts[1]!;
	let rest = parts.slice(parts[0] === 'api' ? 2 : 3);
	let namespace = '';
	if (rest[0] === 'namespaces' && rest.length >= 3) {
		namespace = rest[1]!;
		rest = rest.slice(2);
	}
	const [resource = '', name = '', subresource] = rest;
	const verb = request.method === 'POST' ? 'create' : request.method === 'PUT' ? 'update' : request.method === 'DELETE' ? (name ? 'delete' : 'deletecollection') : name ? 'get' : 'list';
	return {kind: 'resource', verb, group, resource, ...(subresource ? {subresource} : {}), ...(name ? {name} : {}), namespace};
}

/** The 403 Status for a request the user may not make (apierrors.NewForbidden around forbiddenMessage). */
function forbidden(w: World, user: UserInfo, a: Attributes): HttpResponse {
	const details = a.kind === 'resource' ? {...(a.name ? {name: a.name} : {}), ...(a.group ? {group: a.group} : {}), kind: a.resource} : {};
	const status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: forbiddenMessage(user, a), reason: 'Forbidden', details, code: 403};
	return answer(w, 403, 'Forbidden', 'application/json', JSON.stringify(status, null, 2));
}

/** A bearer token the authenticators do not accept: 401, whatever the path (the union authenticator's error). */
function unauthorized(w: World): HttpResponse {
	const status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401};
	return answer(w, 401, 'Unauthorized', 'application/json', JSON.stringify(status, null, 2));
}

function publicAnswer(w: World, path: string): HttpResponse {
	if (path.startsWith('/version')) return answer(w, 200, 'OK', 'application/json', JSON.stringify(apiServerVersion, null, 2));
	return answer(w, 200, 'OK', 'text/plain; charset=utf-8', 'ok');
}

/** A request with `Authorization: Bearer TOKEN` (case-insensitive scheme, as the bearer authenticator reads it): a service account's token issued here. */
function withBearer(request: HttpRequest, server: ServerContext, token: string): HttpResponse {
	const w = server.world;
	const subject = w.cluster ? tokenSubject(w, token) : undefined;
	if (!subject || !w.cluster) return unauthorized(w);
	const user = userInfo(subject.name);
	const path = request.path.replace(/[?#].*$/, '');
	const attributes = requestAttributes(request);
	if (!authorize(w.cluster, user, attributes)) return forbidden(w, user, attributes);
	if (publicPaths.has(path)) return publicAnswer(w, path);
	if (path === '/api' || path === '/api/') return answer(w, 200, 'OK', 'application/json', JSON.stringify({kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: `${w.cluster.apiServerAddress.replace(/^https:\/\//, '')}`}]}, null, 2));
	return answer(w, 200, 'OK', 'text/plain; charset=utf-8', `[simulator] RBAC lets ${user.name} ${attributes.verb} ${path}; the API server's JSON answer to curl is not simulated here (kubectl shows the same objects)\n`);
}

export const apiServerResponder: AppResponder = (request, server) => {
	const path = request.path.replace(/[?#].*$/, '');
	const bearer = request.authorization?.match(/^bearer\s+(\S+)\s*$/i)?.[1];
	if (bearer) return withBearer(request, server, bearer);
	if (publicPaths.has(path)) return publicAnswer(server.world, path);
	return anonymousForbidden(server.world, request);
};

/**
 * The 403 Status an apiserver-library server writes when system:anonymous may not make the request.
 * `apiPrefixes: false` for a server whose RequestInfoFactory has none (kube-scheduler's,
 * kube-controller-manager's): every path is a non-resource path there.
 */
export function anonymousForbidden(w: World, request: HttpRequest, apiPrefixes = true): HttpResponse {
	return forbidden(w, anonymous, requestAttributes(request, apiPrefixes));
}
