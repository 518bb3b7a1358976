// The Kubernetes API endpoint as a pure function: requests as kubectl 1.32 sends them (recorded
// with -v=8 against this endpoint), answers checked without sockets.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import type {ApiRequest, Handled} from '../../source/api/api-types.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {startWatch, stepWatch} from '../../source/api/watch-events.ts';

const tableAccept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function request(method: string, url: string, options: {body?: unknown; accept?: string; contentType?: string} = {}): ApiRequest {
	const parsed = new URL(url, 'https://127.0.0.1');
	const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	return {method, path: parsed.pathname, query: parsed.searchParams, headers: {accept: options.accept ?? 'application/json', 'content-type': options.contentType ?? 'application/json', 'user-agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07'}, body};
}

let base: World | undefined;
const world = () => (base ??= tick(createSandboxWorld({seed: 1}), 60_000));

function send(w: World, req: ApiRequest): Handled & {body: any} {
	const handled = handleRequest(req, w);
	return {...handled, body: handled.response.body};
}

const pod = (name: string, labels: Record<string, string> = {run: name}) => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, labels}, spec: {containers: [{name, image: 'nginx'}]}});

test('version, health and discovery answer as a 1.32 API server', () => {
	// The simulated cluster's version, as the built-in kubectl version and the nodes' kubelets say.
	assert.deepEqual([send(world(), request('GET', '/version?timeout=32s')).body.gitVersion, send(world(), request('GET', '/version')).body.minor], ['v1.31.2', '31']);
	assert.equal(send(world(), request('GET', '/readyz')).body, 'ok');
	assert.deepEqual(send(world(), request('GET', '/api?timeout=32s')).body.versions, ['v1']);
	const groups = send(world(), request('GET', '/apis?timeout=32s')).body;
	assert.equal(groups.kind, 'APIGroupList');
	assert.ok(groups.groups.some((g: any) => g.name === 'apps' && g.preferredVersion.groupVersion === 'apps/v1'));
	const core = send(world(), request('GET', '/api/v1?timeout=32s')).body;
	const pods = core.resources.find((r: any) => r.name === 'pods');
	assert.deepEqual([pods.kind, pods.namespaced, pods.shortNames, pods.categories], ['Pod', true, ['po'], ['all']]);
	assert.ok(core.resources.some((r: any) => r.name === 'pods/log'));
	const apps = send(world(), request('GET', '/apis/apps/v1')).body;
	assert.ok(apps.resources.some((r: any) => r.name === 'deployments/scale' && r.kind === 'Scale'));
	assert.equal(send(world(), request('GET', '/apis/nothing.example/v1')).response.status, 404);
});

test('the OpenAPI v3 documents declare fieldValidation on PATCH, so kubectl lets the server validate', () => {
	const root = send(world(), request('GET', '/openapi/v3')).body;
	assert.match(root.paths['apis/apps/v1'].serverRelativeURL, /^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
	const doc = send(world(), request('GET', '/openapi/v3/apis/apps/v1?hash=x')).body;
	const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
	assert.deepEqual(patch['x-kubernetes-group-version-kind'], {group: 'apps', version: 'v1', kind: 'Deployment'});
	assert.ok(patch.parameters.some((p: any) => p.name === 'fieldValidation'));
});

test('a Table (as kubectl get asks) has the built-in printer columns, the wide ones at priority 1', () => {
	const answer = send(world(), request('GET', '/api/v1/nodes?limit=500', {accept: tableAccept})).body;
	assert.equal(answer.kind, 'Table');
	assert.deepEqual(
		answer.columnDefinitions.map((c: any) => [c.name.toUpperCase(), c.priority]),
		[['NAME', 0], ['STATUS', 0], ['ROLES', 0], ['AGE', 0], ['VERSION', 0], ['INTERNAL-IP', 1], ['EXTERNAL-IP', 1], ['OS-IMAGE', 1], ['KERNEL-VERSION', 1], ['CONTAINER-RUNTIME', 1]],
	);
	assert.equal(answer.columnDefinitions[0].format, 'name');
	const first = answer.rows[0];
	assert.deepEqual(first.cells.slice(0, 3), ['control-plane', 'Ready', 'control-plane']);
	assert.match(first.cells[3], /^\d+m?\d*s?$/);
	assert.equal(first.object.kind, 'PartialObjectMetadata');
	assert.equal(first.object.metadata.name, 'control-plane');
});

test('create answers 201 and changes the world; a second create is 409 AlreadyExists with the real message', () => {
	const created = send(world(), request('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-run', {body: pod('web')}));
	assert.equal(created.response.status, 201);
	assert.equal(created.body.metadata.namespace, 'default');
	assert.ok(created.body.metadata.uid);
	assert.deepEqual(created.action, {verb: 'run', resource: 'pods', name: 'web', namespace: 'default'});
	const again = send(created.world!, request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')}));
	assert.equal(again.response.status, 409);
	assert.deepEqual(again.body, {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "web" already exists', reason: 'AlreadyExists', details: {name: 'web', kind: 'pods'}, code: 409});
	assert.equal(again.world, undefined);
});

test('dryRun=All answers as a create would but keeps the world', () => {
	const dry = send(world(), request('POST', '/api/v1/namespaces/default/pods?dryRun=All', {body: pod('dry')}));
	assert.equal(dry.response.status, 201);
	assert.equal(dry.world, undefined);
});

test('get of a missing object is 404 NotFound named with its group, as the real server names it', () => {
	const missing = send(world(), request('GET', '/apis/apps/v1/namespaces/default/deployments/nope'));
	assert.equal(missing.response.status, 404);
	assert.equal(missing.body.message, 'deployments.apps "nope" not found');
	assert.deepEqual(missing.body.details, {name: 'nope', group: 'apps', kind: 'deployments'});
	assert.equal(send(world(), request('GET', '/api/v1/namespaces/default/pods/nope')).body.message, 'pods "nope" not found');
});

test('an invalid object is 422 Invalid with the validation message', () => {
	const bad = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'Bad_Name'}, spec: {containers: [{name: 'x', image: 'nginx'}]}}}));
	assert.equal(bad.response.status, 422);
	assert.equal(bad.body.reason, 'Invalid');
	assert.match(bad.body.message, /^The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/);
});

test('malformed JSON is 400 BadRequest, and a body of the wrong kind too', () => {
	const broken = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: '{"kind": "Pod",'}));
	assert.equal(broken.response.status, 400);
	assert.equal(broken.body.reason, 'BadRequest');
	const wrongKind = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: {apiVersion: 'v1', kind: 'Service', metadata: {name: 'x'}}}));
	assert.equal(wrongKind.response.status, 400);
});

test('label and field selectors, limit and continue page through a list', () => {
	let w = world();
	for (const [name, tier] of [['a', 'web'], ['b', 'db'], ['c', 'web']] as const) w = send(w, request('POST', '/api/v1/namespaces/default/pods', {body: pod(name, {tier})})).world!;
	const web = send(w, request('GET', '/api/v1/namespaces/default/pods?labelSelector=tier%3Dweb')).body;
	assert.deepEqual(web.items.map((p: any) => p.metadata.name), ['a', 'c']);
	const byName = send(w, request('GET', '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Db')).body;
	assert.deepEqual(byName.items.map((p: any) => p.metadata.name), ['b']);
	const page1 = send(w, request('GET', '/api/v1/namespaces/default/pods?limit=2')).body;
	assert.deepEqual([page1.items.map((p: any) => p.metadata.name), page1.metadata.remainingItemCount], [['a', 'b'], 1]);
	const page2 = send(w, request('GET', `/api/v1/namespaces/default/pods?limit=2&continue=${page1.metadata.continue}`)).body;
	assert.deepEqual([page2.items.map((p: any) => p.metadata.name), page2.metadata.continue], [['c'], undefined]);
	assert.equal(send(w, request('GET', '/api/v1/namespaces/default/pods?labelSelector=%3D%3D')).response.status, 400);
	assert.equal(page1.metadata.resourceVersion, String(w.cluster!.resourceVersion));
});

test('PATCH: strategic merge (kubectl label, client-side apply), JSON merge and JSON patch', () => {
	let w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	const labelled = send(w, request('PATCH', '/api/v1/namespaces/default/pods/web', {body: {metadata: {labels: {tier: 'front'}}}, contentType: 'application/strategic-merge-patch+json'}));
	assert.equal(labelled.response.status, 200);
	assert.deepEqual(labelled.body.metadata.labels, {run: 'web', tier: 'front'});
	assert.equal(labelled.action?.verb, 'label');
	w = labelled.world!;
	const merged = send(w, request('PATCH', '/api/v1/namespaces/default/pods/web', {body: {metadata: {labels: {run: null}}}, contentType: 'application/merge-patch+json'}));
	assert.deepEqual(merged.body.metadata.labels, {tier: 'front'});
	const image = send(merged.world!, request('PATCH', '/api/v1/namespaces/default/pods/web', {body: [{op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27'}], contentType: 'application/json-patch+json'}));
	assert.equal(image.body.spec.containers[0].image, 'nginx:1.27');
	const forbidden = send(merged.world!, request('PATCH', '/api/v1/namespaces/default/pods/web', {body: {spec: {containers: [{name: 'web', command: ['sh']}]}}, contentType: 'application/strategic-merge-patch+json'}));
	assert.equal(forbidden.response.status, 422);
	assert.match(forbidden.body.message, /pod updates may not change fields other than/);
});

test('strategic merge keeps the containers it does not name and merges the one it does', () => {
	const two = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'duo'}, spec: {containers: [{name: 'a', image: 'nginx'}, {name: 'b', image: 'busybox', command: ['sleep', '3600']}]}};
	const w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: two})).world!;
	const patched = send(w, request('PATCH', '/api/v1/namespaces/default/pods/duo', {body: {spec: {containers: [{name: 'b', image: 'busybox:1.36'}]}}, contentType: 'application/strategic-merge-patch+json'}));
	assert.deepEqual(
		patched.body.spec.containers.map((c: any) => [c.name, c.image]),
		[['a', 'nginx'], ['b', 'busybox:1.36']],
	);
});

test('the scale subresource reads and changes a deployment (kubectl scale)', () => {
	const deployment = {apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'kubia'}, spec: {replicas: 2, selector: {matchLabels: {app: 'kubia'}}, template: {metadata: {labels: {app: 'kubia'}}, spec: {containers: [{name: 'kubia', image: 'luksa/kubia'}]}}}};
	const w = send(world(), request('POST', '/apis/apps/v1/namespaces/default/deployments', {body: deployment})).world!;
	const scale = send(w, request('GET', '/apis/apps/v1/namespaces/default/deployments/kubia/scale')).body;
	assert.deepEqual([scale.kind, scale.spec.replicas, scale.status.selector], ['Scale', 2, 'app=kubia']);
	const scaled = send(w, request('PATCH', '/apis/apps/v1/namespaces/default/deployments/kubia/scale', {body: {spec: {replicas: 5}}, contentType: 'application/merge-patch+json'}));
	assert.equal(scaled.response.status, 200);
	assert.equal(scaled.body.spec.replicas, 5);
	assert.equal(scaled.world!.cluster!.store.deployments.get('default/kubia')!.spec.replicas, 5);
	assert.equal(scaled.action?.verb, 'scale');
});

test('PUT with a stale resourceVersion is 409 Conflict', () => {
	const created = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')}));
	const stale = {...created.body, metadata: {...created.body.metadata, resourceVersion: '1'}};
	const answer = send(created.world!, request('PUT', '/api/v1/namespaces/default/pods/web', {body: stale}));
	assert.equal(answer.response.status, 409);
	assert.equal(answer.body.reason, 'Conflict');
	assert.match(answer.body.message, /^Operation cannot be fulfilled on pods "web": the object has been modified/);
});

test('DELETE of a running pod answers with it terminating; of a service with a Success Status', () => {
	let w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	w = tick(w, 30_000);
	const deleted = send(w, request('DELETE', '/api/v1/namespaces/default/pods/web'));
	assert.equal(deleted.response.status, 200);
	assert.ok(deleted.body.metadata.deletionTimestamp);
	const svc = {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {selector: {run: 'web'}, ports: [{port: 80}]}};
	w = send(w, request('POST', '/api/v1/namespaces/default/services', {body: svc})).world!;
	const gone = send(w, request('DELETE', '/api/v1/namespaces/default/services/web'));
	assert.equal(gone.body.status, 'Success');
	assert.equal(gone.world!.cluster!.store.services.has('default/web'), false);
	assert.equal(send(w, request('DELETE', '/api/v1/namespaces/default/services/nope')).response.status, 404);
});

test('the log subresource answers text, with tailLines', () => {
	let w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	const waiting = send(w, request('GET', '/api/v1/namespaces/default/pods/web/log'));
	assert.equal(waiting.response.status, 400);
	assert.match(waiting.body.message, /is waiting to start/);
	w = tick(w, 60_000);
	const logs = send(w, request('GET', '/api/v1/namespaces/default/pods/web/log'));
	assert.equal(logs.response.status, 200);
	assert.equal(logs.response.contentType, 'text/plain');
	assert.ok((logs.body as string).length > 0);
	const last = send(w, request('GET', '/api/v1/namespaces/default/pods/web/log?tailLines=1')).body as string;
	assert.equal(last.split('\n').filter(Boolean).length, 1);
	assert.deepEqual(send(w, request('GET', '/api/v1/namespaces/default/pods/web/log')).action, {verb: 'logs', resource: 'pods', name: 'web', namespace: 'default'});
});

test("kubectl describe's events query is recorded as kubectl describe", () => {
	const handled = send(world(), request('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dweb%2CinvolvedObject.namespace%3Ddefault%2CinvolvedObject.kind%3DPod%2CinvolvedObject.uid%3Dx&limit=500'));
	assert.deepEqual(handled.action, {verb: 'describe', resource: 'pods', name: 'web', namespace: 'default'});
});

test('a watch streams ADDED, MODIFIED and DELETED as the world changes', () => {
	let w = world();
	const watch = send(w, request('GET', '/api/v1/namespaces/default/pods?watch=1&fieldSelector=metadata.name%3Dweb')).watch!;
	assert.ok(watch);
	let state = startWatch(w, watch);
	assert.deepEqual(state.events, []);
	w = send(w, request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	state = stepWatch(w, watch, state.seen);
	assert.deepEqual(state.events.map(e => e.type), ['ADDED']);
	w = tick(w, 30_000);
	state = stepWatch(w, watch, state.seen);
	assert.deepEqual(state.events.map(e => e.type), ['MODIFIED']);
	w = send(w, request('DELETE', '/api/v1/namespaces/default/pods/web?gracePeriodSeconds=0')).world!;
	state = stepWatch(w, watch, state.seen);
	assert.deepEqual(state.events.map(e => e.type), ['DELETED']);
	assert.equal((state.events[0]!.object as any).metadata.name, 'web');
});

test('a watch asked for as a Table sends one-row Tables', () => {
	const w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	const watch = send(w, request('GET', '/api/v1/namespaces/default/pods?watch=1', {accept: tableAccept})).watch!;
	const first = startWatch(w, watch).events[0]!;
	assert.equal(first.type, 'ADDED');
	assert.equal((first.object as any).kind, 'Table');
	assert.equal((first.object as any).rows[0].cells[0], 'web');
});

test('a real type the simulation does not model is listed empty with a [simulator] warning, never "the server does not have it"', () => {
	const core = send(world(), request('GET', '/apis/apiextensions.k8s.io/v1')).body;
	assert.ok(core.resources.some((r: any) => r.name === 'customresourcedefinitions' && r.shortNames.includes('crd')));
	const listed = send(world(), request('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions?limit=500'));
	assert.equal(listed.response.status, 200);
	assert.deepEqual(listed.body.items, []);
	assert.deepEqual(listed.response.warnings, ['[simulator] customresourcedefinitions.apiextensions.k8s.io are not modelled in this simulated cluster']);
	const created = send(world(), request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {body: {kind: 'CustomResourceDefinition'}}));
	assert.equal(created.response.status, 405);
	assert.equal(created.world, undefined);
});

test('events come as a Table with the event printer columns (kubectl get events)', () => {
	const table = send(world(), request('GET', '/api/v1/namespaces/kube-system/events', {accept: tableAccept})).body;
	assert.deepEqual(
		table.columnDefinitions.filter((c: any) => c.priority === 0).map((c: any) => c.name.toUpperCase()),
		['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
	);
	assert.ok(table.rows.length > 0);
	assert.match(table.rows[0].cells[3], /^pod\//);
});

test('server-side apply (kubectl apply --server-side) creates what is missing, then patches it', () => {
	const body = {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'settings'}, data: {mode: 'a'}};
	const created = send(world(), request('PATCH', '/api/v1/namespaces/default/configmaps/settings?fieldManager=kubectl&force=false', {body, contentType: 'application/apply-patch+yaml'}));
	assert.equal(created.response.status, 201);
	const changed = send(created.world!, request('PATCH', '/api/v1/namespaces/default/configmaps/settings?fieldManager=kubectl', {body: {...body, data: {mode: 'b'}}, contentType: 'application/apply-patch+yaml'}));
	assert.equal(changed.response.status, 200);
	assert.deepEqual(changed.body.data, {mode: 'b'});
});

test('logs with follow=true ask the server to keep sending what the container writes', () => {
	let w = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: pod('web')})).world!;
	w = tick(w, 60_000);
	const followed = send(w, request('GET', '/api/v1/namespaces/default/pods/web/log?follow=true&tailLines=5'));
	assert.equal(followed.response.status, 200);
	assert.equal(followed.follow?.query.get('follow'), null);
	assert.equal(followed.follow?.query.get('tailLines'), null);
	assert.equal(send(w, request('GET', '/api/v1/namespaces/default/pods/web/log')).follow, undefined);
});

test('unknown fields: 400 under fieldValidation=Strict (kubectl 1.32 sends it), a warning under Warn, as the API server decodes', () => {
	const typo = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'typo'}, spec: {containers: [{name: 'web', image: 'nginx', imagePullPolicyy: 'Always'}]}};
	const strict = send(world(), request('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict', {body: typo}));
	assert.equal(strict.response.status, 400);
	assert.equal(strict.body.message, 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"');
	assert.equal(strict.world, undefined);
	const warned = send(world(), request('POST', '/api/v1/namespaces/default/pods', {body: typo}));
	assert.equal(warned.response.status, 201);
	assert.deepEqual(warned.response.warnings, ['unknown field "spec.containers[0].imagePullPolicyy"']);
	const fine = send(world(), request('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', {body: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'ok', creationTimestamp: null, labels: {run: 'ok'}}, spec: {containers: [{name: 'ok', image: 'nginx', resources: {}}], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst'}, status: {}}}));
	assert.equal(fine.response.status, 201, JSON.stringify(fine.body));
});

test('a protobuf body (kubectl create rolebinding sends one) is refused with a marked 415, not a JSON parse error', () => {
	const answer = send(world(), request('POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings', {body: 'k8s\u0000\n\u001e\n\u0019rbac', contentType: 'application/vnd.kubernetes.protobuf'}));
	assert.equal(answer.response.status, 415);
	assert.equal(answer.body.reason, 'UnsupportedMediaType');
	assert.match(answer.body.message, /^\[simulator\] this endpoint does not decode protobuf request bodies .*kubectl apply -f/);
	assert.equal(answer.world, undefined);
});
