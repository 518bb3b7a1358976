// Runs fuzz lines through the learner's shell and collects what must never happen (a throw, an
// `internal error`) and the figures the readme reports (time per line, peak heap).
import {performance} from 'node:perf_hooks';
import {runLine} from '../../source/shell/run-line.ts';
import {sandboxShell} from '../helpers/shell.ts';
import {fuzzLines} from './fuzz-lines.ts';

export type FuzzReport = {
	lines: number;
	seconds: number;
	throws: string[];
	internalErrors: string[];
	slowestMs: number;
	slowestLine: string;
	p99Ms: number;
	peakHeapMB: number;
	largestOutput: number;
};

const files = {
	'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fuzz\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
	'Dockerfile': 'FROM alpine\nCOPY . /app\nRUN echo hi > /x\nCMD ["sh"]\n',
	'notes.txt': 'hello\n',
};

/** `count` lines from `seed`, in a sandbox renewed every `resetEvery` lines (a learner's session, not a day's). */
export function runShellFuzz(seed: number, count: number, resetEvery = 250): FuzzReport {
	const lines = fuzzLines(seed, count);
	const report: FuzzReport = {lines: count, seconds: 0, throws: [], internalErrors: [], slowestMs: 0, slowestLine: '', p99Ms: 0, peakHeapMB: 0, largestOutput: 0};
	const times: number[] = [];
	const start = performance.now();
	let shell = sandboxShell({files});
	for (const [index, line] of lines.entries()) {
		if (index % resetEvery === 0 && index > 0) shell = sandboxShell({files});
		const before = performance.now();
		try {
			const result = runLine(shell.state, line, shell.runtime);
			shell.state = result.state;
			const text = result.stdout + result.stderr;
			if (text.includes('internal error')) report.internalErrors.push(`seed ${seed} line ${index}: ${JSON.stringify(line)} -> ${text.slice(0, 300)}`);
			report.largestOutput = Math.max(report.largestOutput, text.length);
		} catch (error) {
			report.throws.push(`seed ${seed} line ${index}: ${JSON.stringify(line)} -> ${(error as Error).stack?.split('\n').slice(0, 4).join(' | ')}`);
			shell = sandboxShell({files});
		}
		const ms = performance.now() - before;
		times.push(ms);
		if (ms > report.slowestMs) {
			report.slowestMs = ms;
			report.slowestLine = line.slice(0, 200);
		}
		if (index % 50 === 0) report.peakHeapMB = Math.max(report.peakHeapMB, process.memoryUsage().heapUsed / 1024 / 1024);
	}
	report.seconds = (performance.now() - start) / 1000;
	times.sort((a, b) => a - b);
	report.p99Ms = times[Math.floor(times.length * 0.99)] ?? 0;
	return report;
}
