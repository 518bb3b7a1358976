// What kubectl 1.32 reads before any command: aggregated discovery (one answer for /api and one
// for /apis instead of one per group-version) and the OpenAPI v3 schemas `kubectl explain` walks.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {handleRequest} from '../../source/api/handle-request.ts';

const world = createSandboxWorld({seed: 1});
const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

const get = (path: string, accept = 'application/json') => {
	const url = new URL(path, 'https://127.0.0.1');
	return handleRequest({method: 'GET', path: url.pathname, query: url.searchParams, headers: {accept}}, world).response;
};

test('kubectl\'s Accept for aggregated discovery gets APIGroupDiscoveryList v2, in its content type', () => {
	const core = get('/api', aggregatedAccept);
	assert.equal(core.contentType, 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
	const body = core.body as any;
	assert.equal(body.kind, 'APIGroupDiscoveryList');
	assert.equal(body.items.length, 1);
	const pods = body.items[0].versions[0].resources.find((r: any) => r.resource === 'pods');
	assert.deepEqual([pods.scope, pods.singularResource, pods.shortNames, pods.categories, pods.responseKind], ['Namespaced', 'pod', ['po'], ['all'], {group: '', version: 'v1', kind: 'Pod'}]);
	assert.deepEqual(pods.subresources.find((s: any) => s.subresource === 'exec'), {subresource: 'exec', responseKind: {group: '', version: 'v1', kind: 'PodExecOptions'}, verbs: ['create', 'get']});
	const groups = get('/apis', aggregatedAccept).body as any;
	const apps = groups.items.find((g: any) => g.metadata.name === 'apps');
	const deployments = apps.versions[0].resources.find((r: any) => r.resource === 'deployments');
	assert.deepEqual(deployments.subresources.find((s: any) => s.subresource === 'scale').responseKind, {group: 'autoscaling', version: 'v1', kind: 'Scale'});
	// A client that asks for plain JSON still gets the legacy documents.
	assert.equal((get('/api').body as any).kind, 'APIVersions');
	assert.equal(get('/api').contentType, undefined);
});

test('the OpenAPI v3 document of a group-version carries its kinds\' schemas, marked with their group-version-kind', () => {
	const root = get('/openapi/v3').body as any;
	const url = root.paths['api/v1'].serverRelativeURL as string;
	const doc = get(url).body as any;
	const pod = doc.components.schemas['io.k8s.api.core.v1.Pod'];
	assert.deepEqual(pod['x-kubernetes-group-version-kind'], [{group: '', kind: 'Pod', version: 'v1'}]);
	assert.deepEqual(pod.properties.spec.allOf, [{$ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec'}]);
	const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
	assert.deepEqual([containers.type, containers.items.allOf[0].$ref], ['array', '#/components/schemas/io.k8s.api.core.v1.Container']);
	assert.ok(doc.components.schemas['io.k8s.api.core.v1.PodSpec'].required.includes('containers'));
	assert.equal(doc.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].format, 'date-time');
	const apps = get(root.paths['apis/apps/v1'].serverRelativeURL).body as any;
	assert.deepEqual(apps.components.schemas['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind'], [{group: 'apps', kind: 'Deployment', version: 'v1'}]);
});
