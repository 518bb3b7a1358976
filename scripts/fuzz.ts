// `npm run fuzz [lines] [seed]`: the long fuzz run (100,000 lines by default) over the learner's
// shell, in batches of seeds, with the figures readme.md reports. The short run is in npm test.
import {loadavg} from 'node:os';
import {runShellFuzz} from '../test/fuzz/run-fuzz.ts';

const total = Number(process.argv[2] ?? 100_000);
const firstSeed = Number(process.argv[3] ?? 1);
const batch = 5_000;
const started = performance.now();
let lines = 0;
let slowest = {ms: 0, line: '', seed: 0};
let peakHeapMB = 0;
const p99s: number[] = [];
/** Heap after each batch, after a full GC (npm run fuzz passes --expose-gc): flat means nothing leaks from batch to batch. */
const settled: number[] = [];
const gc = (globalThis as {gc?: () => void}).gc;
const problems: string[] = [];
for (let seed = firstSeed; lines < total; seed++) {
	const count = Math.min(batch, total - lines);
	const report = runShellFuzz(seed, count);
	lines += count;
	problems.push(...report.throws, ...report.internalErrors);
	if (report.slowestMs > slowest.ms) slowest = {ms: report.slowestMs, line: report.slowestLine, seed};
	peakHeapMB = Math.max(peakHeapMB, report.peakHeapMB);
	p99s.push(report.p99Ms);
	gc?.();
	settled.push(process.memoryUsage().heapUsed / 1024 / 1024);
	process.stdout.write(`seed ${seed}: ${count} lines in ${report.seconds.toFixed(1)} s, p99 ${report.p99Ms.toFixed(1)} ms, slowest ${report.slowestMs.toFixed(0)} ms (${JSON.stringify(report.slowestLine.slice(0, 80))}), peak heap ${report.peakHeapMB.toFixed(0)} MB, heap after ${gc ? 'GC ' : ''}${settled.at(-1)!.toFixed(0)} MB, ${report.throws.length} throws, ${report.internalErrors.length} internal errors, load ${loadavg()[0]!.toFixed(1)}\n`);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`\nheap after each batch${gc ? ' (after GC)' : ''}: first ${settled[0]!.toFixed(0)} MB, last ${settled.at(-1)!.toFixed(0)} MB, largest ${Math.max(...settled).toFixed(0)} MB`);
process.stdout.write(`\n${lines} lines in ${seconds.toFixed(0)} s (${((seconds * 1000) / lines).toFixed(1)} ms a line), worst batch p99 ${Math.max(...p99s).toFixed(1)} ms, slowest line ${slowest.ms.toFixed(0)} ms (seed ${slowest.seed}: ${JSON.stringify(slowest.line.slice(0, 100))}), peak heap ${peakHeapMB.toFixed(0)} MB, ${problems.length} problems\n`);
for (const problem of problems.slice(0, 20)) process.stdout.write(problem + '\n');
process.exit(problems.length ? 1 : 0);
