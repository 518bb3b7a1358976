// Start-up: time from process start to the first complete frame of the dashboard, and to exit
// for --version, beside a bare Ink hello-world bundled the same way. Medians of repeated runs.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {loadavg} from 'node:os';
import {bundle} from '../build.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 15);
const node = process.execPath;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Time until `marker` appears on a pseudo-terminal running `command` (util-linux `script` gives the pty). */
function timeToMarker(command: string, marker: string, timeoutMs = 10_000): Promise<number> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color'}});
		let seen = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no "${marker}" within ${timeoutMs} ms; last output: ${seen.slice(-300)}`));
		}, timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			seen += chunk.toString('utf8');
			if (seen.includes(marker)) {
				const elapsed = performance.now() - started;
				clearTimeout(timer);
				child.kill('SIGKILL');
				resolve(elapsed);
			}
		});
	});
}

function timeToExit(args: string[]): number {
	const started = performance.now();
	const run = spawnSync(node, args, {encoding: 'utf8'});
	if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
	return performance.now() - started;
}

mkdirSync('.bench', {recursive: true});
await bundle();
await bundle({entry: 'scripts/bench/fixtures/hello-bin.ts', outfile: '.bench/hello-ink.js'});

// The status bar is the last region of the dashboard's first frame.
const firstFrameMarker = process.env.BENCH_FIRST_FRAME_MARKER ?? '? keys';
const tutor: number[] = [];
const hello: number[] = [];
const version: number[] = [];
const bareNode: number[] = [];
for (let i = 0; i < runs; i++) {
	hello.push(await timeToMarker(`${node} .bench/hello-ink.js`, 'Hello from Ink'));
	tutor.push(await timeToMarker(`${node} dist/cli.js sandbox`, firstFrameMarker));
}
// Apart from the pty runs, whose killed processes are still being torn down while the next starts.
for (let i = 0; i < runs; i++) {
	version.push(timeToExit(['dist/cli.js', '--version']));
	bareNode.push(timeToExit(['-e', '0']));
}
const ratio = median(tutor) / median(hello);
console.log(`node ${process.versions.node}, ${runs} runs each, medians:`);
console.log(`  first frame, k8s-tutor sandbox:   ${median(tutor).toFixed(0)} ms`);
console.log(`  first frame, Ink hello-world:     ${median(hello).toFixed(0)} ms`);
console.log(`  ratio:                            ${ratio.toFixed(2)}x  (target <= 1.3x)`);
console.log(`  --version to exit:                ${median(version).toFixed(0)} ms  (target <= 60 ms)`);
console.log(`  bare \`node -e 0\` to exit:         ${median(bareNode).toFixed(0)} ms  (the floor; load average ${loadavg()[0]!.toFixed(2)})`);
