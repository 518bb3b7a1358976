// Server-side apply through the endpoint, as the real kubectl 1.32 sends it (PATCH
// application/apply-patch+yaml ?fieldManager=kubectl&force=...): managedFields on every write
// (the manager from ?fieldManager=, else the user agent's program), 409 Conflict with the API
// server's message and causes, force=true taking the fields over.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import type {ApiRequest} from '../../source/api/api-types.ts';
import {handleRequest} from '../../source/api/handle-request.ts';

function request(method: string, url: string, body: unknown, contentType: string): ApiRequest {
	const parsed = new URL(url, 'https://127.0.0.1');
	return {method, path: parsed.pathname, query: parsed.searchParams, headers: {accept: 'application/json', 'content-type': contentType, 'user-agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07'}, body: JSON.stringify(body)};
}

const config = (replicas: number) => ({apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'ssa'}, spec: {replicas, selector: {matchLabels: {app: 'ssa'}}, template: {metadata: {labels: {app: 'ssa'}}, spec: {containers: [{name: 'ssa', image: 'nginx'}]}}}});
const path = '/apis/apps/v1/namespaces/default/deployments/ssa';

function apply(w: World, replicas: number, query = 'fieldManager=kubectl&fieldValidation=Strict&force=false') {
	return handleRequest(request('PATCH', `${path}?${query}`, config(replicas), 'application/apply-patch+yaml'), w);
}

test('apply creates with an Apply entry; a scale (no fieldManager: the user agent names it) takes replicas; the next apply is 409 until forced', () => {
	const created = apply(tick(createSandboxWorld({seed: 1}), 60_000), 3);
	assert.equal(created.response.status, 201);
	const body = created.response.body as any;
	assert.deepEqual(body.metadata.managedFields.map((e: any) => [e.manager, e.operation]), [['kubectl', 'Apply']]);
	const scaled = handleRequest(request('PATCH', `${path}/scale`, {spec: {replicas: 5}}, 'application/merge-patch+json'), created.world!);
	assert.equal(scaled.response.status, 200);
	const entries = scaled.world!.cluster!.store.deployments.get('default/ssa')!.metadata as any;
	// The Update moved .spec.replicas from the applier to the scaler.
	const applied = body.metadata.managedFields[0].fieldsV1;
	assert.ok(applied['f:spec']['f:replicas']);
	const {'f:replicas': _, ...rest} = applied['f:spec'];
	assert.deepEqual(entries.managedFields.map((e: any) => [e.manager, e.operation, e.subresource ?? '', JSON.stringify(e.fieldsV1)]), [
		['kubectl', 'Apply', '', JSON.stringify({'f:spec': rest})],
		['kubectl', 'Update', 'scale', '{"f:spec":{"f:replicas":{}}}'],
	]);
	const refused = apply(scaled.world!, 3);
	assert.deepEqual(refused.response, {
		status: 409,
		body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas', reason: 'Conflict', details: {causes: [{reason: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale" using apps/v1', field: '.spec.replicas'}]}, code: 409},
	});
	assert.equal(refused.world, undefined);
	const forced = apply(scaled.world!, 3, 'fieldManager=kubectl&force=true');
	assert.equal(forced.response.status, 200);
	assert.equal((forced.response.body as any).spec.replicas, 3);
	assert.deepEqual((forced.response.body as any).metadata.managedFields.map((e: any) => e.manager), ['kubectl']);
});

test('an apply without fieldManager is 400, as the API server requires one', () => {
	const answer = apply(tick(createSandboxWorld({seed: 1}), 60_000), 3, 'force=false');
	assert.deepEqual([answer.response.status, (answer.response.body as any).message], [400, 'PATCH, application/apply-patch+yaml requires fieldManager parameter']);
});
