// `kubectl --as` through the endpoint: RBAC decides for the impersonated user, with the API
// server's 403 message; `kubectl auth can-i` and `auth whoami` reviews answer for that user.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import type {ApiRequest} from '../../source/api/api-types.ts';
import {handleRequest} from '../../source/api/handle-request.ts';

function request(method: string, url: string, headers: Record<string, string> = {}, body?: unknown): ApiRequest {
	const parsed = new URL(url, 'https://127.0.0.1');
	return {method, path: parsed.pathname, query: parsed.searchParams, headers: {accept: 'application/json', 'content-type': 'application/json', ...headers}, body: body === undefined ? undefined : JSON.stringify(body)};
}

let made: World | undefined;
/** A cluster where jane may get and list pods in default (a Role and a RoleBinding, created through the endpoint). */
function world(): World {
	if (made) return made;
	let w = tick(createSandboxWorld({seed: 1}), 60_000);
	const create = (url: string, body: unknown) => {
		const handled = handleRequest(request('POST', url, {}, body), w);
		assert.ok(handled.response.status < 300, JSON.stringify(handled.response.body));
		w = handled.world!;
	};
	create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles', {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: {name: 'pod-reader'}, rules: [{apiGroups: [''], resources: ['pods'], verbs: ['get', 'list']}]});
	create('/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: {name: 'jane-reads'}, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader'}, subjects: [{apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'jane'}]});
	create('/api/v1/namespaces/default/pods', {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx'}]}});
	made = w;
	return w;
}

const jane = {'impersonate-user': 'jane'};

test('an impersonated user gets what RBAC allows, and 403 with the API server\'s message for the rest', () => {
	assert.equal(handleRequest(request('GET', '/api/v1/namespaces/default/pods', jane), world()).response.status, 200);
	const list = handleRequest(request('GET', '/apis/apps/v1/namespaces/default/deployments?limit=500', jane), world()).response;
	assert.equal(list.status, 403);
	assert.deepEqual(list.body, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "default"', reason: 'Forbidden', details: {group: 'apps', kind: 'deployments'}, code: 403});
	const remove = handleRequest(request('DELETE', '/api/v1/namespaces/default/pods/web', jane), world());
	assert.equal((remove.response.body as any).message, 'pods "web" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "default"');
	assert.equal(remove.world, undefined);
	assert.equal((handleRequest(request('GET', '/api/v1/nodes', jane), world()).response.body as any).message, 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
	assert.equal((handleRequest(request('GET', '/api/v1/namespaces/default/pods/web/log', jane), world()).response.body as any).message, 'pods "web" is forbidden: User "jane" cannot get resource "pods/log" in API group "" in the namespace "default"');
	assert.equal((handleRequest(request('GET', '/api/v1/namespaces/kube-system/pods?watch=1', jane), world()).response.body as any).message, 'pods is forbidden: User "jane" cannot watch resource "pods" in API group "" in the namespace "kube-system"');
	// Discovery is every authenticated user's (system:discovery); without impersonation the admin may do anything.
	assert.equal(handleRequest(request('GET', '/apis', jane), world()).response.status, 200);
	assert.equal(handleRequest(request('GET', '/apis/apps/v1/namespaces/default/deployments'), world()).response.status, 200);
});

test('a group given with --as-group counts: a ClusterRoleBinding to the group lets its members in', () => {
	let w = world();
	const handled = handleRequest(request('POST', '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings', {}, {apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: {name: 'ops-view'}, roleRef: {apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view'}, subjects: [{apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'ops'}]}), w);
	w = handled.world!;
	assert.equal(handleRequest(request('GET', '/apis/apps/v1/namespaces/default/deployments', jane), w).response.status, 403);
	assert.equal(handleRequest(request('GET', '/apis/apps/v1/namespaces/default/deployments', {...jane, 'impersonate-group': 'dev, ops'}), w).response.status, 200);
});

test('kubectl auth can-i and whoami: the reviews answer for the impersonated user', () => {
	const review = (spec: unknown, headers = jane) => handleRequest(request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', headers, {kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec}), world());
	const yes = review({resourceAttributes: {namespace: 'default', verb: 'list', resource: 'pods'}});
	assert.deepEqual([yes.response.status, (yes.response.body as any).status], [201, {allowed: true}]);
	assert.deepEqual(yes.action, {verb: 'auth', resource: 'can-i'});
	assert.deepEqual((review({resourceAttributes: {namespace: 'default', verb: 'delete', resource: 'pods'}}).response.body as any).status, {allowed: false});
	assert.deepEqual((review({resourceAttributes: {namespace: 'default', verb: 'delete', resource: 'pods'}}, {} as typeof jane).response.body as any).status, {allowed: true});
	const rules = handleRequest(request('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', jane, {spec: {namespace: 'default'}}), world()).response.body as any;
	assert.ok(rules.status.resourceRules.some((r: any) => r.resources.includes('pods') && r.verbs.includes('list')));
	const whoami = handleRequest(request('POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {...jane, 'impersonate-group': 'dev'}, {kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}}), world()).response.body as any;
	assert.deepEqual(whoami.status.userInfo, {username: 'jane', groups: ['dev', 'system:authenticated']});
});
