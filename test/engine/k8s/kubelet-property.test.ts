// Random Pod specs (images the registry has and lacks, commands, limits, probes) run for simulated
// minutes on the kubelet: the engine never throws, and every state is one a real kubelet could be
// in. Seeded, so a failure names its case and replays the same.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {createObject} from '../../../source/engine/k8s/api-server.ts';
import {lookupImage, nodeImage} from '../../../source/engine/k8s/images.ts';
import {requestPodTermination} from '../../../source/engine/k8s/pod-store.ts';
import type {ContainerSpec} from '../../../source/engine/k8s/types.ts';
import type {Pod} from '../../../source/engine/k8s/kinds.ts';
import {nextRandom} from '../../../source/engine/rng.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../../source/engine/tick.ts';
import type {World} from '../../../source/engine/world.ts';

function generator(seed: number) {
	let state = seed;
	const int = (n: number) => {
		const [value, next] = nextRandom(state);
		state = next;
		return Math.floor(value * n);
	};
	return {int, pick: <T>(items: readonly T[]): T => items[int(items.length)]!};
}

const images = ['nginx', 'nginx:1.27', 'nginx:9.9.9', 'busybox', 'busybox:1.37', 'luksa/kubia', 'luksa/kubia-unhealthy', 'luksa/kubiaa', 'polinux/stress', 'redis:7.4', 'curlimages/curl', 'nosuch/image:v1'] as const;
const commands: (string[] | undefined)[] = [undefined, undefined, ['sleep', '3600'], ['sh', '-c', 'exit 1'], ['sh', '-c', 'echo hi; sleep 20'], ['stress', '--vm', '1', '--vm-bytes', '200M'], ['stress', '--cpu', '2'], ['true']];

type Random = ReturnType<typeof generator>;

function probe(r: Random): Record<string, unknown> {
	const action = r.pick([
		{httpGet: {path: r.pick(['/', '/healthz']), port: r.pick([80, 8080, 6379])}},
		{tcpSocket: {port: r.pick([80, 8080, 6379])}},
		{exec: {command: r.pick([['cat', '/tmp/healthy'], ['true'], ['false'], ['nosuch-program']])}},
	]);
	return {...action, initialDelaySeconds: r.int(8), periodSeconds: 1 + r.int(10), failureThreshold: 1 + r.int(3), ...(r.int(2) ? {successThreshold: 1} : {})};
}

function randomPod(r: Random, name: string): Pod {
	const container: ContainerSpec = {name: 'main', image: r.pick(images)};
	const command = r.pick(commands);
	if (command) container.command = command;
	if (r.int(3) === 0) container.resources = {limits: {memory: r.pick(['64Mi', '256Mi']), ...(r.int(2) ? {cpu: '500m'} : {})}};
	if (r.int(6) === 0) container.imagePullPolicy = r.pick(['Always', 'IfNotPresent', 'Never'] as const);
	for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (r.int(3) === 0) container[kind] = probe(r);
	const spec: Record<string, unknown> = {containers: [container]};
	if (r.int(4) === 0) spec.restartPolicy = r.pick(['Never', 'OnFailure']);
	if (r.int(4) === 0) spec.terminationGracePeriodSeconds = r.int(40);
	return {apiVersion: 'v1', kind: 'Pod', metadata: {name, namespace: 'default'}, spec} as unknown as Pod;
}

/** What a real kubelet never shows; returns the first violation, or undefined. */
function violation(w: World, previousRestarts: Map<string, number>): string | undefined {
	const c = w.cluster!;
	for (const [key, pod] of c.store.pods) {
		if (pod.metadata.namespace !== 'default') continue;
		const runtime = c.podRuntimes.get(key);
		const spec = pod.spec.containers[0] as ContainerSpec;
		const status = pod.status?.containerStatuses?.[0];
		if (!['Pending', 'Running', 'Succeeded', 'Failed'].includes(pod.status?.phase)) return `${key}: phase ${pod.status?.phase}`;
		if (!status || !runtime) continue;
		const restarts = previousRestarts.get(key) ?? 0;
		if (status.restartCount < restarts) return `${key}: restartCount went down ${restarts} -> ${status.restartCount}`;
		previousRestarts.set(key, status.restartCount);
		if (status.ready && !('running' in status.state)) return `${key}: ready but not running ${JSON.stringify(status.state)}`;
		const ct = runtime.containers[0]!;
		if ('running' in status.state) {
			// Never Running with an image neither the registry nor the node has.
			if (!lookupImage(w, spec.image).ok && !nodeImage(w, runtime.node, spec.image)) return `${key}: running ${spec.image}, which the registry lacks`;
			// Never Running past a failed liveness (or startup) threshold without the kubelet killing it.
			for (const [kind, field] of [['liveness', 'livenessProbe'], ['startup', 'startupProbe']] as const) {
				const state = ct.probes?.[kind];
				const threshold = (spec[field]?.failureThreshold as number | undefined) ?? 3;
				if (state && state.failures >= threshold && !ct.killedByProbe) return `${key}: ${kind} failed ${state.failures} times (threshold ${threshold}) and still runs`;
			}
			// Ready only once a readiness probe passed, and not past its failure threshold.
			const readiness = ct.probes?.readiness;
			const readinessThreshold = (spec.readinessProbe?.failureThreshold as number | undefined) ?? 3;
			if (status.ready && spec.readinessProbe && (!readiness || (readiness.successes === 0 && readiness.failures === 0) || readiness.failures >= readinessThreshold)) return `${key}: ready without a passing readiness probe ${JSON.stringify(readiness)}`;
			if (status.ready && spec.startupProbe && status.started !== true) return `${key}: ready before its startup probe passed`;
		}
		const waiting = status.state.waiting?.reason;
		if ((waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff') && lookupImage(w, spec.image).ok) return `${key}: ${waiting} for ${spec.image}, which the registry has`;
		const last = status.lastState.terminated;
		if (last?.reason === 'OOMKilled' && !spec.resources?.limits?.memory) return `${key}: OOMKilled without a memory limit`;
		if (last?.reason === 'OOMKilled' && last.exitCode !== 137) return `${key}: OOMKilled with exit code ${last.exitCode}`;
	}
	return undefined;
}

test('random pods run for simulated minutes without throwing, and only ever show states a real kubelet can', () => {
	const cases = 6;
	const podsPerCase = 8;
	for (let seed = 1; seed <= cases; seed++) {
		const r = generator(7919 * seed);
		const specs = Array.from({length: podsPerCase}, (_, i) => randomPod(r, `p${i}`));
		let world = produce(createSandboxWorld(), w => {
			for (const pod of specs) {
				const created = createObject(w, pod);
				assert.ok(created.ok, `seed ${seed}: ${JSON.stringify(created)}`);
			}
		});
		const restarts = new Map<string, number>();
		for (let second = 0; second < 240; second++) {
			world = tick(world, 1000);
			const problem = violation(world, restarts);
			assert.equal(problem, undefined, `seed ${seed}, t=${second + 1}s: ${problem}\n${JSON.stringify(specs.map(p => p.spec.containers[0]))}`);
			// A pod deleted mid-flight and one created late: termination and a busy node must not throw either.
			if (second === 120) world = produce(world, w => requestPodTermination(w, 'default/p0'));
			if (second === 200) world = produce(world, w => void createObject(w, randomPod(r, 'late')));
		}
		const running = [...world.cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'default' && p.status?.phase === 'Running').length;
		assert.ok(running <= podsPerCase + 1);
	}
});
