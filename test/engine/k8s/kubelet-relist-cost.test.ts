// The kubelet's relist (its PLEG) checks every node's containers every 5 s of virtual time. On a
// node where nothing changed since its last relist found everything alive (same process table,
// same pod runtimes: states are immutable) the answer cannot differ, so it is not asked again.
// No timing here: this counts the relist's reads of the containers' processes.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../../source/engine/k8s/types.ts';
import {killProcess} from '../../../source/engine/host/processes.ts';
import {createClusterWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../../source/engine/tick.ts';
import type {World} from '../../../source/engine/world.ts';

function quietCluster(): World {
	let world = createClusterWorld({workers: 3});
	world = produce(world, w => {
		createObject(w, {apiVersion: 'v1', kind: 'ReplicationController', metadata: {name: 'web', namespace: 'default'}, spec: {replicas: 9, selector: {app: 'web'}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx:1.27'}]}}}} as unknown as KubeObject);
	});
	return tick(world, 60_000);
}

/** Reads of the containers' process-table entries (Map#get by a container's pid) while `run` runs. */
function containerProcessReads(world: World, run: () => void): number {
	// A WeakMap and Sets: the spy below must not call Map#get itself.
	const pids = new WeakMap<object, Set<number>>();
	for (const runtime of world.cluster!.podRuntimes.values()) {
		const table = world.hosts.get(runtime.node)!.processes;
		for (const ct of runtime.containers) if (ct.pid !== undefined) pids.set(table, (pids.get(table) ?? new Set()).add(ct.pid));
	}
	let reads = 0;
	const get = Map.prototype.get;
	Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
		if (pids.get(this)?.has(key as number)) reads++;
		return get.call(this, key);
	};
	try {
		run();
	} finally {
		Map.prototype.get = get;
	}
	return reads;
}

test('a quiet node is not relisted again, and a container killed on it is still noticed', () => {
	let world = quietCluster();
	const running = [...world.cluster!.podRuntimes.values()].filter(r => r.containers[0]?.stage === 'running');
	assert.ok(running.filter(r => r.key.startsWith('default/web')).length === 9, 'the 9 pods run');
	// Five slices relist every node once (each is found clean); the next five find nothing changed.
	world = tick(world, 5000);
	const reads = containerProcessReads(world, () => (world = tick(world, 5000)));
	assert.equal(reads, 0);
	// A container killed from its node (no command, no event: only a relist can see it).
	const runtime = world.cluster!.podRuntimes.get(running.find(r => r.key.startsWith('default/web'))!.key)!;
	const pid = runtime.containers[0]!.pid!;
	world = produce(world, w => void killProcess(w.hosts.get(runtime.node)!, pid));
	world = tick(world, 8000);
	const after = world.cluster!.podRuntimes.get(runtime.key)!.containers[0]!;
	assert.equal(after.attempt, 1, 'restarted once');
	assert.equal(after.lastTermination?.exitCode, 137);
});
