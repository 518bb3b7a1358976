// Lessons benchmark: what the lesson engine costs per frame and per step on a large world
// (50 nodes, 500 pods). The checker runs after every command and every tick, so one check must
// take well under a millisecond; a snapshot is written after every step, so saving one must stay
// around tens of milliseconds for a chapter's world. Prints p50/p95 of a pod check, a
// count-by-selector check and a combined check, and the size, save and load time of a snapshot
// (serialized against the chapter's fresh world) for the 50-node world and a chapter's sandbox.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {produce} from 'immer';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createClusterWorld, createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {checkSchema} from '../../source/lessons/checks/check-schema.ts';
import {runCheck} from '../../source/lessons/checks/checker.ts';
import {openProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {deserializeShell, serializeShell} from '../../source/lessons/world-serializer.ts';
import {createShellState} from '../../source/shell/session.ts';

const base = createClusterWorld({workers: 49});
let world = produce(base, w => {
	for (let i = 0; i < 5; i++) {
		createObject(w, {
			apiVersion: 'v1',
			kind: 'ReplicationController',
			metadata: {name: `app-${i}`, namespace: 'default'},
			spec: {replicas: 100, selector: {app: `app-${i}`}, template: {metadata: {labels: {app: `app-${i}`}}, spec: {containers: [{name: 'web', image: 'nginx:1.27', resources: {requests: {cpu: '10m', memory: '16Mi'}}}]}}},
		} as unknown as KubeObject);
	}
});
world = tick(world, 30_000);
const shell = createShellState(world, learnerHost);
const somePod = [...world.cluster!.store.pods.values()].find(p => p.metadata.namespace === 'default')!.metadata.name;
console.log(`world: ${world.cluster!.nodes.length} nodes, ${world.cluster!.store.pods.size} pods`);

function percentiles(samples: number[]): string {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
	return `p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms`;
}

const checks = {
	'pod by name': {pod: {name: somePod, phase: 'Running'}},
	'count by selector': {count: {resource: 'pods', selector: {app: 'app-3'}, phase: 'Running', is: {atLeast: 100}}},
	'combined (all of 4)': {all: [{pod: {selector: {app: 'app-1'}, phase: 'Running'}}, {count: {resource: 'pods', is: {atLeast: 500}}}, {node: {name: 'worker-7', ready: true}}, {command: {used: 'kubectl get pods'}}]},
};
for (const [name, raw] of Object.entries(checks)) {
	const check = checkSchema.parse(raw);
	const ctx = {world: shell.world, session: shell.session, host: learnerHost, commands: [{line: 'kubectl get pods -o wide', exitCode: 0}], sinceEventSeq: 0, locale: 'en' as const};
	const samples: number[] = [];
	for (let i = 0; i < 300; i++) {
		const t = performance.now();
		runCheck(check, ctx);
		samples.push(performance.now() - t);
	}
	console.log(`check ${name}: ${percentiles(samples)} (passed: ${runCheck(check, ctx).passed})`);
}

/** A step's save: the world to its own file, the step's record to the progress file. */
function measureSave(label: string, saved: ReturnType<typeof createShellState>, against: typeof base): void {
	const store = openProgressStore({configDir: mkdtempSync(join(tmpdir(), 'k8s-tutor-bench-'))});
	const samples: number[] = [];
	let size = 0;
	for (let i = 0; i < 10; i++) {
		const t = performance.now();
		const snapshot = serializeShell(saved, against);
		store.saveSnapshot(`chapter-${i % 3}`, snapshot);
		store.updateChapter(`chapter-${i % 3}`, () => ({steps: {}, currentStep: 'x', snapshot: {stepId: 'x', savedAt: new Date().toISOString()}}));
		samples.push(performance.now() - t);
		size = JSON.stringify(snapshot).length;
	}
	const loadStart = performance.now();
	deserializeShell(store.loadSnapshot('chapter-0'), against);
	console.log(`${label}: snapshot ${(size / 1024).toFixed(0)} KiB; save ${percentiles(samples)}; load ${(performance.now() - loadStart).toFixed(1)} ms`);
}

measureSave('50-node world', shell, base);
const chapterBase = createSandboxWorld();
measureSave('a chapter\'s sandbox world (3 workers)', createShellState(tick(chapterBase, 60_000), learnerHost), chapterBase);
