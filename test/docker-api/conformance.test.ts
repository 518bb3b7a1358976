// The docker CLI as the yardstick: one script through the built-in docker and through the REAL
// docker CLI on PATH (talking to the simulated daemon's socket), on two identical seeded worlds,
// compared line by line after normalising ids and ages. Every remaining difference is a fidelity
// bug; the known ones are listed in fixtures/docker-conformance-differences.txt, so a new
// difference fails this test and so does a fixed one (then the list shrinks).
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {builtInDocker} from '../../source/docker-api/built-in-docker.ts';
import {startDockerServer} from '../../source/docker-api/docker-server.ts';
import {quoteLine} from '../../source/shell/commands/docker/inside.ts';
import {learnerRuntime} from '../../source/shell/runtime.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {runLine} from '../../source/shell/run-line.ts';
import {createShellState} from '../../source/shell/session.ts';
import {lineDiff} from '../helpers/line-diff.ts';
import {seededWorld} from './helpers.ts';

const dockerfile = 'FROM busybox\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n';

/** The script: docker arguments, the same on both worlds. */
const script: string[][] = [
	['ps'],
	['images'],
	['pull', 'busybox'],
	['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'],
	['ps'],
	['images'],
	['logs', 'web'],
	['exec', 'web', 'hostname'],
	['exec', 'web', 'sh', '-c', 'echo out; exit 3'],
	['inspect', '--format', '{{.State.Status}} {{.Name}} {{.Config.Image}}', 'web'],
	['inspect', 'nope'],
	['inspect', 'web'],
	['top', 'web'],
	['diff', 'web'],
	['restart', 'web'],
	['volume', 'create', 'data'],
	['volume', 'ls'],
	['network', 'ls'],
	['info'],
	['build', '-t', 'hello', 'ctx'],
	['run', '--name', 'once', 'hello'],
	['run', '--rm', 'busybox', 'sh', '-c', 'echo bye; exit 3'],
	['history', 'hello'],
	['tag', 'hello', 'learner/hello:v1'],
	['push', 'learner/hello:v1'],
	['login', '-u', 'learner', '-p', 'secret'],
	['push', 'learner/hello:v1'],
	['pull', 'nosuch/thing'],
	['kill', 'web'],
	['start', 'web'],
	['stop', 'web'],
	['stop', 'web'],
	['ps', '-a'],
	['rm', 'web', 'once'],
	['rmi', 'learner/hello:v1'],
	['logs', 'nope'],
	['system', 'df'],
];

const differencesFile = join(import.meta.dirname, 'fixtures/docker-conformance-differences.txt');

/** Ids, ages and times vary between two runs: the words around them must not. */
export function normalise(text: string): string[] {
	return text
		.split('\n')
		.map(line =>
			line
				.replace(/\b[0-9a-f]{64}\b/g, '<id>')
				.replace(/\b[0-9a-f]{12}\b/g, '<id>')
				.replace(/\b(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g, '<age>')
				.replace(/\b\d+(\.\d+)?(B|kB|MB|GB)\b/g, '<size>')
				.replace(/\s+/g, ' ')
				.trim()
				// The CLI prints the daemon's runtimes in Go map order, which is random.
				.replace(/^Runtimes: (.*)$/, (_, names: string) => `Runtimes: ${names.split(' ').sort().join(' ')}`),
		)
		.filter(Boolean);
}

function dockerProblem(): string | undefined {
	const found = spawnSync('docker', ['version', '--format', '{{.Client.Version}}'], {encoding: 'utf8', env: {...process.env, DOCKER_HOST: 'unix:///nonexistent.sock'}});
	if (found.error) return 'the docker CLI is not on PATH';
	const version = found.stdout.trim();
	if (!version.startsWith('28.')) return `the docker CLI on PATH is ${version || 'unknown'}, the yardstick is 28`;
	return undefined;
}

const problem = dockerProblem();
if (problem) console.log(`docker conformance test skipped: ${problem}`);

test('the real docker CLI 28 and the built-in docker print the same for one script, apart from the known differences', {skip: problem, timeout: 120_000}, async () => {
	const runtime = learnerRuntime(memoryDisk({'ctx/Dockerfile': dockerfile, 'ctx/hello.txt': 'hello\n'}));
	let shellState = createShellState(seededWorld(), learnerHost);
	shellState = {...shellState, world: seededWorld()};
	const live = standaloneWorld(seededWorld());
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-conformance-'));
	mkdirSync(join(dir, 'ctx'));
	writeFileSync(join(dir, 'ctx/Dockerfile'), dockerfile);
	writeFileSync(join(dir, 'ctx/hello.txt'), 'hello\n');
	const server = await startDockerServer({live, shell: builtInDocker(runtime, learnerHost), host: learnerHost, socketPath: join(dir, 'docker.sock')});
	const real = (args: string[]) =>
		new Promise<string>(resolve => {
			execFile('docker', args, {cwd: dir, env: {PATH: process.env.PATH, HOME: dir, DOCKER_HOST: `unix://${server.socketPath}`, DOCKER_CONFIG: join(dir, '.docker')}, timeout: 30_000}, (_error, stdout, stderr) => resolve(stdout + stderr));
		});
	const differences: string[] = [];
	try {
		for (const step of script) {
			const line = quoteLine(['docker', ...step]);
			const builtIn = runLine(shellState, line, runtime);
			shellState = builtIn.state;
			const theirs = normalise((await real(step)).replaceAll(dir, '<dir>'));
			const ours = normalise(builtIn.stdout + builtIn.stderr);
			for (const difference of lineDiff(theirs, ours)) differences.push(`${line} | ${difference}`);
		}
	} finally {
		await server.close();
	}
	const known = readFileSync(differencesFile, 'utf8').split('\n').filter(l => l && !l.startsWith('#'));
	if (process.env.K8S_TUTOR_UPDATE_CONFORMANCE === '1') writeFileSync(differencesFile, readFileSync(differencesFile, 'utf8').split('\n').filter(l => l.startsWith('#')).concat(differences, '').join('\n'));
	assert.deepEqual(differences, known, 'the real docker CLI and the built-in one differ otherwise than listed (K8S_TUTOR_UPDATE_CONFORMANCE=1 rewrites the list)');
});
