// Frame benchmark: the dashboard on a 200x60 terminal (BENCH_COLUMNS/BENCH_ROWS to change) showing a cluster of 50 nodes and 500
// pods while the world changes (time passes, pods are deleted and replaced). Prints the time
// from a world change to its frame being written (p50/p95), the bytes written per frame, and
// the bytes a one-cell change writes with Ink's incremental rendering on and off.
// Target: p95 < 16 ms; a one-cell change writes a small fraction of the screen.
import './fixtures/production-env.ts';
import {EventEmitter} from 'node:events';
import {produce} from 'immer';
import {render} from 'ink';
import {createElement} from 'react';
import {createTutorController, type TutorController} from '../../source/app/tutor-controller.ts';
import {createObject} from '../../source/engine/k8s/api-server.ts';
import type {KubeObject} from '../../source/engine/k8s/types.ts';
import {createClusterWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {createShellState} from '../../source/shell/session.ts';
import {manualClock} from '../../source/ui/clock.ts';
import {Dashboard} from '../../source/ui/dashboard.tsx';

const columns = Number(process.env.BENCH_COLUMNS ?? 200);
const rows = Number(process.env.BENCH_ROWS ?? 60);
const frames = Number(process.env.BENCH_FRAMES ?? 100);

class FakeTerminal extends EventEmitter {
	isTTY = true;
	columns = columns;
	rows = rows;
	writes: string[] = [];
	onWrite?: (data: string) => void;
	write(data: string) {
		this.writes.push(data);
		this.onWrite?.(data);
		return true;
	}
}
class FakeInput extends EventEmitter {
	isTTY = true;
	setRawMode() {}
	setEncoding() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read() {
		return null;
	}
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let t = performance.now();
let world = createClusterWorld({workers: 49});
world = produce(world, w => {
	createObject(w, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'bench'}} as unknown as KubeObject);
	for (let i = 0; i < 5; i++) {
		createObject(w, {
			apiVersion: 'v1',
			kind: 'ReplicationController',
			metadata: {name: `app-${i}`, namespace: 'bench'},
			spec: {replicas: 100, selector: {app: `app-${i}`}, template: {metadata: {labels: {app: `app-${i}`}}, spec: {containers: [{name: 'web', image: 'nginx:1.27', resources: {requests: {cpu: '10m', memory: '16Mi'}}}]}}},
		} as unknown as KubeObject);
	}
});
world = tick(world, 30_000);
const podCount = world.cluster!.store.pods.size;
console.log(`world: ${world.cluster!.nodes.length} nodes, ${podCount} pods (500 in namespace bench), built in ${(performance.now() - t).toFixed(0)} ms`);

type Run = {frameMs: number[]; frameCpuMs: number[]; tickMs: number[]; bytes: number[]; oneCellBytes: number; fullScreenBytes: number};

async function measure(incremental: boolean): Promise<Run> {
	const controller: TutorController = createTutorController(createShellState(world, learnerHost), createSimulation().bare(memoryDisk({})));
	const stdout = new FakeTerminal();
	const clock = manualClock();
	const app = render(createElement(Dashboard, {controller, clock, title: 'Sandbox', color: true}), {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: new FakeInput() as unknown as NodeJS.ReadStream,
		stderr: new FakeTerminal() as unknown as NodeJS.WriteStream,
		interactive: true,
		incrementalRendering: incremental,
		exitOnCtrlC: false,
		patchConsole: false,
		maxFps: 1000,
	});
	const nextWrite = () =>
		new Promise<number>(resolve => {
			let bytes = 0;
			let timer: NodeJS.Timeout | undefined;
			stdout.onWrite = data => {
				bytes += Buffer.byteLength(data);
				clearTimeout(timer);
				// A frame may be several writes; it is done when writing pauses.
				timer = setTimeout(() => resolve(bytes), 3);
			};
		});
	await new Promise(resolve => setTimeout(resolve, 50));
	const frameMs: number[] = [];
	const frameCpuMs: number[] = [];
	const tickMs: number[] = [];
	const bytes: number[] = [];
	const pods = [...world.cluster!.store.pods.values()].filter(p => p.metadata.namespace === 'bench').map(p => p.metadata.name);
	for (let i = 0; i < frames; i++) {
		const written = nextWrite();
		if (i % 5 === 0) controller.submit(`kubectl delete pod ${pods[i]} -n bench`);
		const start = performance.now();
		clock.advance(1000); // the dashboard's timer advances the world by one second (the engine's tick)
		const ticked = performance.now();
		const cpu = process.cpuUsage();
		const byteCount = await written;
		const used = process.cpuUsage(cpu);
		tickMs.push(ticked - start);
		frameMs.push(performance.now() - ticked - 3);
		frameCpuMs.push((used.user + used.system) / 1000);
		bytes.push(byteCount);
	}
	// One cell: only the status bar's clock changes (paused world, one step of one second).
	controller.togglePause();
	await new Promise(resolve => setTimeout(resolve, 20));
	const oneCell = nextWrite();
	controller.stepOnce();
	const oneCellBytes = await oneCell;
	const fullScreenBytes = stdout.writes.reduce((n, w) => Math.max(n, Buffer.byteLength(w)), 0);
	app.unmount();
	return {frameMs, frameCpuMs, tickMs, bytes, oneCellBytes, fullScreenBytes};
}

for (const incremental of [true, false]) {
	const run = await measure(incremental);
	const label = incremental ? 'incremental rendering on ' : 'incremental rendering off';
	console.log(
		`${label}: engine tick p50 ${percentile(run.tickMs, 50).toFixed(1)} ms (not the UI's); frame p50 ${percentile(run.frameMs, 50).toFixed(1)} ms, p95 ${percentile(run.frameMs, 95).toFixed(1)} ms wall (CPU p50 ${percentile(run.frameCpuMs, 50).toFixed(1)}, p95 ${percentile(run.frameCpuMs, 95).toFixed(1)} ms) over ${frames} frames; ` +
			`bytes/frame p50 ${percentile(run.bytes, 50)}; a one-cell change writes ${run.oneCellBytes} bytes (largest full frame ${run.fullScreenBytes} bytes, ${((100 * run.oneCellBytes) / run.fullScreenBytes).toFixed(1)}%)`,
	);
}
process.exit(0);
