// A client library nobody here wrote: @kubernetes/client-node (the official JavaScript client)
// lists, watches, creates and patches through the endpoint with the kubeconfig the tutor writes.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions, Watch, type V1Pod} from '@kubernetes/client-node';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials} from '../../source/api/credentials.ts';
import {kubeconfigText} from '../../source/api/kubeconfig.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';

let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;
let config: KubeConfig;

before(async () => {
	live = standaloneWorld(tick(createSandboxWorld({seed: 1}), 60_000));
	const credentials = await createCredentials();
	server = await startApiServer({live, credentials, port: 0});
	config = new KubeConfig();
	config.loadFromString(kubeconfigText(server.url, credentials));
});
after(() => server.close());

const pod = (name: string): V1Pod => ({apiVersion: 'v1', kind: 'Pod', metadata: {name, labels: {app: 'lib'}}, spec: {containers: [{name, image: 'nginx'}]}});

test('client-node creates a pod, lists it, and a merge patch changes its labels in the live world', async () => {
	const core = config.makeApiClient(CoreV1Api);
	const created = await core.createNamespacedPod({namespace: 'default', body: pod('from-lib')});
	assert.equal(created.metadata?.name, 'from-lib');
	assert.ok(live.world().cluster!.store.pods.has('default/from-lib'));
	const list = await core.listNamespacedPod({namespace: 'default', labelSelector: 'app=lib'});
	assert.deepEqual(list.items.map(p => p.metadata?.name), ['from-lib']);
	const patched = await core.patchNamespacedPod({namespace: 'default', name: 'from-lib', body: {metadata: {labels: {tier: 'front'}}}}, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
	assert.deepEqual(patched.metadata?.labels, {app: 'lib', tier: 'front'});
	assert.equal(live.world().cluster!.store.pods.get('default/from-lib')!.metadata.labels?.tier, 'front');
	// The API server's errors reach the library as its ApiException with the Status code.
	await assert.rejects(core.readNamespacedPod({namespace: 'default', name: 'nope'}), (error: {code?: number}) => error.code === 404);
});

test('client-node\'s Watch sees a pod made by someone else, then its changes as the world runs', async () => {
	const seen: {type: string; name?: string; phase?: string}[] = [];
	const watch = new Watch(config);
	const request = await watch.watch('/api/v1/namespaces/default/pods', {labelSelector: 'app=watched'}, (type, object: V1Pod) => seen.push({type, name: object.metadata?.name, phase: object.status?.phase}), () => undefined);
	await new Promise(r => setTimeout(r, 100));
	const core = config.makeApiClient(CoreV1Api);
	await core.createNamespacedPod({namespace: 'default', body: {...pod('watched'), metadata: {name: 'watched', labels: {app: 'watched'}}}});
	live.set(tick(live.world(), 30_000));
	const started = Date.now();
	while (!seen.some(e => e.phase === 'Running') && Date.now() - started < 5000) await new Promise(r => setTimeout(r, 50));
	request.abort();
	assert.deepEqual(seen[0], {type: 'ADDED', name: 'watched', phase: 'Pending'});
	assert.ok(seen.some(e => e.type === 'MODIFIED' && e.phase === 'Running'), JSON.stringify(seen));
});
