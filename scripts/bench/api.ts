// The Kubernetes API endpoint under the REAL kubectl (1.32 on PATH): 1,000 pods.
// 1. `kubectl get pods` through the endpoint, wall time (median of 5, the client's own start-up
//    measured beside it with `kubectl version --client`), against the built-in `kubectl get pods`
//    on the same world (median of 5).
// 2. A watch of the 1,000 pods during a rollout (a new image (nginx 1.27 -> 1.26), maxSurge/maxUnavailable 25%, the
//    virtual clock advanced 1 s every 50 ms of real time): events per second and latency from the
//    world's change to the event's arrival at a watch client; the real `kubectl get pods -w` runs
//    beside it and its line count is printed.
// Prints the load average before and after. Skips (saying why) without kubectl 1.32.
import {execFile, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {request} from 'node:https';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {produce} from 'immer';
import {startApiServer} from '../../source/api/api-server.ts';
import {createCredentials} from '../../source/api/credentials.ts';
import {kubeconfigText} from '../../source/api/kubeconfig.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {shellRunner} from '../../source/api/shell-runner.ts';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createClusterWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {createShellState} from '../../source/shell/session.ts';

const pods = Number(process.env.BENCH_API_PODS ?? 1000);
const runs = 5;
const gib = 1024 ** 3;
const load = () => loadavg().map(n => n.toFixed(1)).join(' ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

const version = spawnSync('kubectl', ['version', '--client', '-o', 'json'], {encoding: 'utf8'});
const gitVersion = version.status === 0 ? (JSON.parse(version.stdout).clientVersion?.gitVersion as string) : undefined;
if (!gitVersion?.startsWith('v1.32.')) {
	console.log(`api benchmark skipped: ${gitVersion ? `kubectl on PATH is ${gitVersion}, the yardstick is 1.32` : 'kubectl is not on PATH'}`);
	process.exit(0);
}
console.log(`load average before: ${load()}`);

let world: World = createClusterWorld({workers: 20, workerCpus: 16, workerMemoryBytes: 64 * gib});
world = produce(world, w => {
	createObject(w, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'bench'}} as unknown as KubeObject);
	createObject(w, {
		apiVersion: 'apps/v1',
		kind: 'Deployment',
		metadata: {name: 'web', namespace: 'bench'},
		spec: {replicas: pods, selector: {matchLabels: {app: 'web'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'web', image: 'nginx:1.27', resources: {requests: {cpu: '10m', memory: '16Mi'}}}]}}},
	} as unknown as KubeObject);
});
const ready = (w: World) => [...w.cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'bench' && p.status?.conditions?.some((c: {type: string; status: string}) => c.type === 'Ready' && c.status === 'True')).length;
let t = performance.now();
for (let s = 0; s < 300 && ready(world) < pods; s++) world = tick(world, 1000);
console.log(`${ready(world)} of ${pods} pods ready (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`);

const runtime = createSimulation().bare(memoryDisk());
const live = standaloneWorld(world, undefined, shellRunner(runtime, learnerHost));
const credentials = await createCredentials();
const server = await startApiServer({live, credentials, port: 0});
const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-bench-api-'));
writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(server.url, credentials), {mode: 0o600});
const env = {...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir};
const kubectl = (args: string[]) =>
	new Promise<{ms: number; stdout: string}>(resolve => {
		const started = performance.now();
		execFile('kubectl', args, {env, maxBuffer: 64 * 1024 * 1024}, (_error, stdout) => resolve({ms: performance.now() - started, stdout}));
	});

// 1. get pods: the real kubectl through the endpoint, and the built-in on the same world.
await kubectl(['get', 'pods', '-n', 'bench']); // discovery cached in HOME, as on a second run
const clientOnly: number[] = [];
const real: number[] = [];
let lines = 0;
for (let i = 0; i < runs; i++) {
	clientOnly.push((await kubectl(['version', '--client'])).ms);
	const got = await kubectl(['get', 'pods', '-n', 'bench']);
	real.push(got.ms);
	lines = got.stdout.split('\n').filter(Boolean).length;
}
let shell = createShellState(live.world(), learnerHost);
const builtIn: number[] = [];
let builtInLines = 0;
for (let i = 0; i < runs; i++) {
	t = performance.now();
	const result = runLine(shell, 'kubectl get pods -n bench', runtime);
	builtIn.push(performance.now() - t);
	builtInLines = result.stdout.split('\n').filter(Boolean).length;
	shell = result.state;
}
console.log(`real kubectl get pods (${lines} lines) through the endpoint: median ${median(real).toFixed(0)} ms wall (min ${Math.min(...real).toFixed(0)}, max ${Math.max(...real).toFixed(0)}); kubectl version --client alone: median ${median(clientOnly).toFixed(0)} ms`);
console.log(`built-in kubectl get pods (${builtInLines} lines) on the same world: median ${median(builtIn).toFixed(1)} ms (min ${Math.min(...builtIn).toFixed(1)}, max ${Math.max(...builtIn).toFixed(1)})`);

// 2. A watch during a rollout: a raw watch client measures latency; the real kubectl -w runs beside it.
const changedAt = new Map<string, number>(); // resourceVersion -> when the world holding it was published
const latencies: number[] = [];
let events = 0;
const watcher = request(`${server.url}/api/v1/namespaces/bench/pods?watch=1&resourceVersion=${world.cluster!.resourceVersion}`, {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`}});
let partial = '';
let firstEvent = 0;
let lastEvent = 0;
watcher.on('response', res => {
	res.on('data', (chunk: Buffer) => {
		const now = performance.now();
		const text = partial + chunk.toString('utf8');
		const complete = text.split('\n');
		partial = complete.pop()!;
		for (const line of complete) {
			if (!line) continue;
			const event = JSON.parse(line);
			events++;
			firstEvent ||= now;
			lastEvent = now;
			const at = changedAt.get(event.object.metadata.resourceVersion);
			if (at !== undefined) latencies.push(now - at);
		}
	});
});
watcher.end();
const realWatch = spawn('kubectl', ['get', 'pods', '-n', 'bench', '-w', '--watch-only', '-o', 'name'], {env});
let realLines = 0;
realWatch.stdout.on('data', (d: Buffer) => (realLines += d.toString().split('\n').length - 1));
await new Promise(r => setTimeout(r, 1500)); // both watches open

const publishTimes: number[] = [];
const publish = (next: World) => {
	const stamp = performance.now();
	for (const pod of next.cluster!.store.pods.values()) if (pod.metadata.namespace === 'bench' && !changedAt.has(pod.metadata.resourceVersion)) changedAt.set(pod.metadata.resourceVersion, stamp);
	const before = performance.now();
	live.set(next); // the endpoint's own work: both watches step through the pods and write their events
	publishTimes.push(performance.now() - before);
};
const rolloutStarted = performance.now();
// The rollout starts as the learner would start it: the built-in kubectl set image, on the live world.
const changed = live.run('kubectl set image deployment/web web=nginx:1.26 -n bench');
if (changed.exitCode !== 0) throw new Error(changed.stderr);
publish(live.world());
// Done when every pod runs the new image and is Ready, and no old pod is left.
const done = (w: World) => {
	const all = [...w.cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'bench');
	return all.length === pods && all.every(p => p.spec.containers[0].image === 'nginx:1.26' && p.status?.conditions?.some((c: {type: string; status: string}) => c.type === 'Ready' && c.status === 'True'));
};
let virtualSeconds = 0;
const tickTimes: number[] = [];
while (!done(live.world()) && virtualSeconds < 600) {
	await new Promise(r => setTimeout(r, 50));
	const before = performance.now();
	const next = tick(live.world(), 1000);
	tickTimes.push(performance.now() - before);
	publish(next);
	virtualSeconds++;
}
await new Promise(r => setTimeout(r, 2000)); // the last events arrive
const rolloutMs = performance.now() - rolloutStarted;
const finalPods = [...live.world().cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'bench');
const byImage = new Map<string, number>();
for (const p of finalPods) byImage.set(`${p.spec.containers[0].image} ${p.status?.phase}`, (byImage.get(`${p.spec.containers[0].image} ${p.status?.phase}`) ?? 0) + 1);
console.log(`pods at the end: ${[...byImage].map(([k, n]) => `${n} ${k}`).join(', ')}`);
realWatch.kill();
watcher.destroy();
console.log(`rollout of ${pods} pods: ${virtualSeconds} virtual s in ${(rolloutMs / 1000).toFixed(1)} s real${done(live.world()) ? '' : ' (NOT finished)'}; world tick p50 ${percentile(tickTimes, 50).toFixed(0)} ms, p95 ${percentile(tickTimes, 95).toFixed(0)} ms`);
console.log(`the endpoint's work per world change (both watches stepped and written): p50 ${percentile(publishTimes, 50).toFixed(0)} ms, p95 ${percentile(publishTimes, 95).toFixed(0)} ms`);
console.log(`watch: ${events} events in ${((lastEvent - firstEvent) / 1000).toFixed(1)} s = ${Math.round(events / ((lastEvent - firstEvent) / 1000))} events/s; latency from the world's change to arrival p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} events timed)`);
console.log(`real kubectl get pods -w -o name beside it printed ${realLines} lines`);
console.log(`load average after: ${load()}`);
await server.close();
