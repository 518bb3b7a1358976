// What kube-apiserver answers over the network (https://CONTROL-PLANE:6443, the `kubernetes`
// Service's 10.96.0.1:443) to a client without credentials, such as curl -k or busybox wget:
// kubeadm leaves anonymous auth on, and RBAC's system:public-info-viewer lets system:anonymous
// read /version, /healthz, /livez and /readyz; anything else is a 403 Status. The message
// formats are the apiserver's: responsewriters.forbiddenMessage ("User %q cannot %s path %q",
// "User %q cannot %s resource %q in API group %q in the namespace %q" / "at the cluster scope")
// wrapped by apierrors.NewForbidden ("forbidden: %v", "%s is forbidden: %v", "%s %q is forbidden: %v").
// curl and Wget get it pretty (json.MarshalIndent, no newline at the end), as WriteRawJSON writes /version.
import type {AppResponder, HttpRequest, HttpResponse} from '../network/apps.ts';
import {httpDate} from '../network/apps.ts';
import type {World} from '../world.ts';
import {kubernetesVersion} from './create-cluster.ts';

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

type Denied = {message: string; details: {name?: string; group?: string; kind?: string}};

/** The forbidden message for an anonymous request, as the apiserver's RequestInfo parses its path. */
function denied(request: HttpRequest, apiPrefixes = true): Denied {
	const path = request.path.replace(/[?#].*$/, '');
	const parts = path.split('/').filter(Boolean);
	const user = 'User "system:anonymous"';
	const resourceRequest = apiPrefixes && ((parts[0] === 'api' && parts.length >= 3) || (parts[0] === 'apis' && parts.length >= 4));
	if (!resourceRequest) return {message: `forbidden: ${user} cannot ${request.method === 'POST' ? 'post' : request.method === 'PUT' ? 'put' : request.method === 'DELETE' ? 'delete' : 'get'} path "${path || '/'}"`, details: {}};
	const group = parts[0] === 'api' ? '' : parts[1]!;
	let rest = parts.slice(parts[0] === 'api' ? 2 : 3);
	let namespace = '';
	if (rest[0] === 'namespaces' && rest.length >= 3) {
		namespace = rest[1]!;
		rest = rest.slice(2);
	}
	const [resource = '', name = '', subresource] = rest;
	const verb = request.method === 'POST' ? 'create' : request.method === 'PUT' ? 'update' : request.method === 'DELETE' ? (name ? 'delete' : 'deletecollection') : name ? 'get' : 'list';
	const qualified = group ? `${resource}.${group}` : resource;
	const why = `${user} cannot ${verb} resource "${subresource ? `${resource}/${subresource}` : resource}" in API group "${group}" ${namespace ? `in the namespace "${namespace}"` : 'at the cluster scope'}`;
	return {message: `${qualified}${name ? ` "${name}"` : ''} is forbidden: ${why}`, details: {...(name ? {name} : {}), ...(group ? {group} : {}), kind: resource}};
}

export const apiServerResponder: AppResponder = (request, server) => {
	const path = request.path.replace(/[?#].*$/, '');
	if (publicPaths.has(path)) {
		if (path.startsWith('/version')) return answer(server.world, 200, 'OK', 'application/json', JSON.stringify(apiServerVersion, null, 2));
		return answer(server.world, 200, 'OK', 'text/plain; charset=utf-8', 'ok');
	}
	return anonymousForbidden(server.world, request);
};

/**
 * The 403 Status an apiserver-library server writes when system:anonymous may not make the request.
 * `apiPrefixes: false` for a server whose RequestInfoFactory has none (kube-scheduler's,
 * kube-controller-manager's): every path is a non-resource path there.
 */
export function anonymousForbidden(w: World, request: HttpRequest, apiPrefixes = true): HttpResponse {
	const {message, details} = denied(request, apiPrefixes);
	const status = {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403};
	return answer(w, 403, 'Forbidden', 'application/json', JSON.stringify(status, null, 2));
}
