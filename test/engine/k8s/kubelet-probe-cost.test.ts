// The work of a tick in which many pods are probed and every probe passes (issue 15: 10,000 pods
// with liveness and readiness probes took seconds per probe tick). Immer makes a proxy for every
// object read through a draft and finalizes each one after the recipe, so the prober must read
// the pods and their kubelet state without drafting them: drafting thousands of pods per tick was
// the cost. No timing here (speed numbers come from `npm run bench -- cluster`): this counts the
// drafts the tick left, and the probes it ran.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {isDraft, produce} from 'immer';
import {advanceDockers} from '../../../source/engine/docker/advance-docker.ts';
import {advanceHosts} from '../../../source/engine/host/advance-hosts.ts';
import {advanceCluster} from '../../../source/engine/k8s/advance-cluster.ts';
import {createObject} from '../../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../../source/engine/k8s/types.ts';
import {createClusterWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../../source/engine/tick.ts';
import type {World} from '../../../source/engine/world.ts';

const replicas = 24;

function probedCluster(): World {
	let world = createClusterWorld({workers: 3});
	world = produce(world, w => {
		createObject(w, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'load'}} as unknown as KubeObject);
		createObject(w, {
			apiVersion: 'v1',
			kind: 'ReplicationController',
			metadata: {name: 'web', namespace: 'load'},
			spec: {replicas, selector: {app: 'web'}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx:1.27', livenessProbe: {httpGet: {path: '/', port: 80}}, readinessProbe: {httpGet: {path: '/', port: 80}, periodSeconds: 5}}]}}},
		} as unknown as KubeObject);
	});
	return tick(world, 40_000);
}

const loadKeys = (w: World) => [...w.cluster!.store.pods.keys()].filter(key => key.startsWith('load/'));

/** How many of the Map's entries a recipe drafted (immer keeps them, as proxies, in the draft Map's copy). */
function draftedEntries(map: Map<string, unknown>, keys: string[]): number {
	const state = (map as unknown as Record<symbol, {copy_?: Map<string, unknown>} | undefined>)[Symbol.for('immer-state')];
	// If immer stops keeping its state there, fail here instead of counting nothing.
	assert.ok(isDraft(map) && state, "immer's draft state is not where this count reads it");
	const copy = state.copy_;
	return copy ? keys.filter(key => isDraft(copy.get(key))).length : 0;
}

test('the draft count sees an entry read through a draft (so a count of 0 below means none was drafted)', () => {
	const world = probedCluster();
	const keys = loadKeys(world);
	let counted = -1;
	produce(world, w => {
		w.cluster!.store.pods.get(keys[0]!)!.status.phase;
		counted = draftedEntries(w.cluster!.store.pods, keys);
	});
	assert.equal(counted, 1);
});

test('a tick whose probes all pass drafts no pod and no pod runtime, and moves each probed pod\'s timer a period on', () => {
	let world = probedCluster();
	const keys = loadKeys(world);
	assert.equal(keys.length, replicas);
	for (const key of keys) assert.match(JSON.stringify(world.cluster!.store.pods.get(key)!.status.conditions), /"type":"Ready","status":"True"/);
	// Find the next slice in which probes are due for many of the pods.
	const dueIn = (w: World) => keys.filter(key => (w.cluster!.kubeletTimers.get(key) ?? Infinity) <= w.time + 1000);
	for (let i = 0; i < 10 && dueIn(world).length < replicas / 2; i++) world = tick(world, 1000);
	const due = dueIn(world);
	assert.ok(due.length >= replicas / 2, `probes due for ${due.length} pods`);
	const before = world;
	let drafted = {runtimes: -1, pods: -1};
	const after = produce(world, w => {
		w.time += 1000;
		advanceHosts(w, 1000);
		advanceDockers(w, 1000);
		advanceCluster(w, 1000);
		drafted = {runtimes: draftedEntries(w.cluster!.podRuntimes, keys), pods: draftedEntries(w.cluster!.store.pods, keys)};
	});
	assert.deepEqual(drafted, {runtimes: 0, pods: 0});
	// The probes ran (each due pod's timer moved on to its next period) and changed nothing else.
	for (const key of due) assert.ok(after.cluster!.kubeletTimers.get(key)! > after.time, key);
	for (const key of keys) {
		assert.equal(after.cluster!.podRuntimes.get(key), before.cluster!.podRuntimes.get(key), key);
		assert.equal(after.cluster!.store.pods.get(key), before.cluster!.store.pods.get(key), key);
	}
});
