// The kubelet's remembered probe passes (probe-memo.ts) only save reading: a world whose pods are
// probed with the memory gives the same states and events as one probed from scratch every time.
// The second world is serialized and read back before each tick, so none of its objects is one
// the memory has seen (it is keyed by identity) and every probe takes the full path.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {killProcess} from '../../../source/engine/host/processes.ts';
import {createObject} from '../../../source/engine/k8s/api-server.ts';
import {recallPass} from '../../../source/engine/k8s/probe-memo.ts';
import type {KubeObject} from '../../../source/engine/k8s/types.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../../source/engine/tick.ts';
import type {World} from '../../../source/engine/world.ts';
import {deserializeWorld, serializeWorld} from '../../../source/lessons/world-serializer.ts';

// Bound to a node each: the remembered passes of a node's pods hold while its host and Docker daemon stay the same objects, and an app that logs requests changes its daemon.
function pod(name: string, node: string, containers: Record<string, unknown>[]): KubeObject {
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec: {nodeName: node, containers}} as unknown as KubeObject;
}

const http = (path: string, port: number | string, more: Record<string, unknown> = {}) => ({httpGet: {path, port}, periodSeconds: 3, ...more});

const pods = [
	// Pure passes: nginx's status, a TCP listener, a readiness probe that needs two passes.
	pod('web', 'worker-1', [{name: 'web', image: 'nginx:1.27', livenessProbe: http('/', 80), readinessProbe: http('/index.html', 80, {periodSeconds: 2, successThreshold: 2})}]),
	pod('tcp', 'worker-1', [{name: 'web', image: 'nginx:1.27', readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 4}}]),
	// Its nginx process is killed at 40 s: the probe that passed from memory must now fail.
	pod('victim', 'worker-1', [{name: 'web', image: 'nginx:1.27', livenessProbe: http('/', 80, {failureThreshold: 2}), readinessProbe: http('/', 80)}]),
	// Not pure: the app counts requests (fails from the sixth) and logs each probe.
	pod('unhealthy', 'worker-2', [{name: 'kubia', image: 'luksa/kubia-unhealthy', livenessProbe: http('/', 8080)}]),
	pod('kubia', 'worker-2', [{name: 'kubia', image: 'luksa/kubia', readinessProbe: http('/', 8080)}]),
	// Two containers, a failing path on one, an exec probe on the other.
	pod('pair', 'worker-3', [
		{name: 'web', image: 'nginx:1.27', readinessProbe: http('/missing', 80, {failureThreshold: 1})},
		{name: 'side', image: 'busybox', command: ['sh', '-c', 'touch /tmp/ok; sleep 3600'], livenessProbe: {exec: {command: ['cat', '/tmp/ok']}, periodSeconds: 5}},
	]),
];

function start(): World {
	return produce(createSandboxWorld(), w => {
		for (const p of pods) assert.ok(createObject(w, p).ok);
	});
}

function killVictim(world: World): World {
	const runtime = world.cluster!.podRuntimes.get('default/victim')!;
	const pid = runtime.containers[0]!.pid!;
	return produce(world, w => void killProcess(w.hosts.get(runtime.node)!, pid));
}

const fresh = (world: World): World => deserializeWorld(JSON.parse(JSON.stringify(serializeWorld(world))));

// The world as JSON with sorted keys: a read-back object has its keys in another order (JSON drops undefined ones).
const sorted = (value: unknown): unknown =>
	Array.isArray(value) ? value.map(sorted) : value && typeof value === 'object' ? Object.fromEntries(Object.keys(value).sort().map(key => [key, sorted((value as Record<string, unknown>)[key])])) : value;
const canonical = (world: World): string => JSON.stringify(sorted(JSON.parse(JSON.stringify(serializeWorld(world)))));

test('probing from remembered passes gives the same world, second by second, as probing every pod from scratch', () => {
	let remembered = start();
	let scratch = fresh(start());
	for (let second = 1; second <= 90; second++) {
		if (second === 40) {
			remembered = killVictim(remembered);
			scratch = killVictim(scratch);
		}
		remembered = tick(remembered, 1000);
		scratch = tick(fresh(scratch), 1000);
		// Not assert.equal on the strings: its message would print the whole world twice.
		assert.ok(canonical(remembered) === canonical(scratch), `the worlds differ after ${second} s`);
	}
	const reasons = (name: string) => remembered.events.filter(e => e.object === `pod/default/${name}`).map(e => e.reason);
	// What the memory must not hide: the killed process, the counting app, the missing path.
	assert.ok(reasons('victim').includes('Unhealthy'));
	assert.ok(reasons('unhealthy').includes('Killing'));
	assert.ok(reasons('pair').includes('Unhealthy'));
});

test('a steady nginx pod is answered from memory; an app that counts requests never is', () => {
	let world = start();
	// One second a tick, as the world runs (a longer tick probes against its starting state).
	for (let second = 0; second < 60; second++) world = tick(world, 1000);
	const due = (key: string) => {
		const c = world.cluster!;
		const runtime = c.podRuntimes.get(key)!;
		const at = c.kubeletTimers.get(key)!;
		return recallPass(runtime, c.store.pods.get(key)!, world.hosts.get(runtime.node), world.dockers.get(runtime.node), at, 1000);
	};
	assert.equal(typeof due('default/web'), 'number');
	assert.equal(typeof due('default/tcp'), 'number');
	assert.equal(due('default/unhealthy'), undefined);
	assert.equal(due('default/kubia'), undefined);
	// A pod whose host changed (its process killed) is probed again, not recalled.
	assert.equal(typeof due('default/victim'), 'number');
	world = tick(killVictim(world), 1000);
	assert.equal(due('default/victim'), undefined);
});
