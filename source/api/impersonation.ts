// `kubectl --as USER [--as-group GROUP]` through the endpoint: kubectl sends Impersonate-User and
// Impersonate-Group headers; the token's user (kubeadm's admin, who may impersonate anyone) acts as
// that user, and the cluster's RBAC (engine/k8s/rbac.ts) decides each request, answering 403 with
// the API server's own message. The review APIs answer for the user too: `kubectl auth can-i`
// (SelfSubjectAccessReview, --list: SelfSubjectRulesReview) and `kubectl auth whoami` (SelfSubjectReview).
import {authorize, forbiddenMessage, rulesFor, userInfo, type Attributes, type UserInfo} from '../engine/k8s/rbac.ts';
import type {World} from '../engine/world.ts';
import type {ApiRequest, ApiResponse} from './api-types.ts';
import {statusResponse} from './status.ts';
import {fieldsIn} from '../engine/k8s/object-input.ts';

/** The kubeconfig's user: kubeadm's admin.conf, in the kubeadm:cluster-admins group. */
export const tokenUser: UserInfo = {name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated']};

/** The user a request acts as: the impersonated one, or undefined for the token's own user (who may do anything). */
export function impersonatedUser(headers: Record<string, string | string[] | undefined>): UserInfo | undefined {
	const name = headers['impersonate-user'];
	if (name === undefined || name === '') return undefined;
	const groups = headers['impersonate-group'];
	const list = (Array.isArray(groups) ? groups : groups ? groups.split(',') : []).map(g => g.trim()).filter(Boolean);
	return userInfo(Array.isArray(name) ? name[0]! : name, list);
}

/** What a request asks to do, in the authorizer's terms (the API server's RequestInfo). */
export function requestAttributes(req: {method: string; path: string; query: URLSearchParams}, target: {group: string; resource: string; namespace?: string; name?: string; subresource?: string} | undefined): Attributes {
	const method = req.method.toUpperCase();
	if (!target) return {kind: 'non-resource', verb: method === 'GET' || method === 'HEAD' ? 'get' : method.toLowerCase(), path: req.path};
	const watching = req.query.get('watch') === 'true' || req.query.get('watch') === '1';
	const connect = target.subresource && ['exec', 'attach', 'portforward'].includes(target.subresource);
	const verb = connect
		? 'create'
		: method === 'GET' || method === 'HEAD'
			? watching
				? 'watch'
				: target.name
					? 'get'
					: 'list'
			: method === 'POST'
				? 'create'
				: method === 'PUT'
					? 'update'
					: method === 'PATCH'
						? 'patch'
						: method === 'DELETE'
							? target.name
								? 'delete'
								: 'deletecollection'
							: method.toLowerCase();
	return {kind: 'resource', verb, group: target.group, resource: target.resource, ...(target.subresource ? {subresource: target.subresource} : {}), ...(target.name ? {name: target.name} : {}), namespace: target.namespace ?? ''};
}

/** The API server's 403, with the message the built-in kubectl's --as also gives (engine/k8s/rbac.ts). */
export function forbidden(user: UserInfo, a: Attributes): ApiResponse {
	if (a.kind === 'non-resource') return statusResponse(403, 'Forbidden', forbiddenMessage(user, a), {});
	return statusResponse(403, 'Forbidden', forbiddenMessage(user, a), {...(a.name ? {name: a.name} : {}), ...(a.group ? {group: a.group} : {}), kind: a.resource});
}

/** The 403 for a request the user may not make, or undefined when RBAC allows it (or no one is impersonated). */
export function denied(world: World, user: UserInfo | undefined, a: Attributes): ApiResponse | undefined {
	if (!user || !world.cluster) return undefined;
	return authorize(world.cluster, user, a) ? undefined : forbidden(user, a);
}

const reviewPaths: Record<string, string> = {
	'/apis/authorization.k8s.io/v1/selfsubjectaccessreviews': 'SelfSubjectAccessReview',
	'/apis/authorization.k8s.io/v1/selfsubjectrulesreviews': 'SelfSubjectRulesReview',
	'/apis/authentication.k8s.io/v1/selfsubjectreviews': 'SelfSubjectReview',
};

/** `kubectl auth can-i` and `auth whoami`: the review the client POSTs, answered for the user the request acts as. */
export function reviewRequest(req: ApiRequest, world: World): ApiResponse | undefined {
	const kind = reviewPaths[req.path.replace(/\/+$/, '')];
	if (!kind || req.method.toUpperCase() !== 'POST' || !world.cluster) return undefined;
	let body: unknown;
	try {
		body = JSON.parse(req.body ?? '');
	} catch {
		return statusResponse(400, 'BadRequest', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
	}
	const user = impersonatedUser(req.headers) ?? req.serviceAccount ?? tokenUser;
	const apiVersion = kind === 'SelfSubjectReview' ? 'authentication.k8s.io/v1' : 'authorization.k8s.io/v1';
	const spec = fieldsIn(body, 'spec') ?? {};
	const answer = (status: object) => ({status: 201, body: {kind, apiVersion, metadata: {creationTimestamp: null}, spec, status}});
	if (kind === 'SelfSubjectReview') {
		const account = impersonatedUser(req.headers) ? undefined : req.serviceAccount;
		return answer({userInfo: {username: user.name, ...(account?.uid ? {uid: account.uid} : {}), groups: user.groups, ...(account?.extra ? {extra: account.extra} : {})}});
	}
	if (kind === 'SelfSubjectRulesReview') {
		const rules = rulesFor(world.cluster, user, String(spec.namespace ?? ''));
		return answer({
			resourceRules: rules.filter(r => r.resources?.length).map(r => ({verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources, ...(r.resourceNames?.length ? {resourceNames: r.resourceNames} : {})})),
			nonResourceRules: rules.filter(r => r.nonResourceURLs?.length).map(r => ({verbs: r.verbs, nonResourceURLs: r.nonResourceURLs})),
			incomplete: false,
		});
	}
	const ra = fieldsIn(spec, 'resourceAttributes');
	const nra = fieldsIn(spec, 'nonResourceAttributes');
	const a: Attributes | undefined = ra
		? {kind: 'resource', verb: String(ra.verb ?? ''), group: String(ra.group ?? ''), resource: String(ra.resource ?? ''), ...(ra.subresource ? {subresource: String(ra.subresource)} : {}), ...(ra.name ? {name: String(ra.name)} : {}), namespace: String(ra.namespace ?? '')}
		: nra
			? {kind: 'non-resource', verb: String(nra.verb ?? ''), path: String(nra.path ?? '')}
			: undefined;
	if (!a) return statusResponse(422, 'Invalid', `${kind}.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified`);
	return answer(authorize(world.cluster, user, a) ? {allowed: true} : {allowed: false});
}
