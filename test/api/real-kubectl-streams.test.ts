// exec -i, exec -it and port-forward with the REAL kubectl 1.32 through the endpoint (the
// conformance test compares port-forward + curl with the built-in one). `exec -it` needs a
// terminal: `script` gives kubectl one. Where either is missing the test says so and skips.
import assert from 'node:assert/strict';
import {execFile, spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials} from '../../source/api/credentials.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {kubeconfigText} from '../../source/api/kubeconfig.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {shellRunner} from '../../source/api/shell-runner.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {realKubectl} from '../helpers/real-kubectl.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

const found = realKubectl();
const kubectl = 'binary' in found ? found.binary : 'kubectl';

function problem(): string | undefined {
	if ('problem' in found) return found.problem;
	if (spawnSync('script', ['--version']).error) return 'script (util-linux) is not on PATH to give kubectl a terminal';
	return undefined;
}

const skip = problem();
if (skip) console.log(`real kubectl stream test skipped: ${skip}`);

let server: RunningApiServer;
let dir: string;
const recorded: (string | undefined)[] = [];

before(async () => {
	if (skip) return;
	let world = tick(createSandboxWorld({seed: 3}), 60_000);
	const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx'}]}};
	const url = new URL('https://x/api/v1/namespaces/default/pods');
	world = tick(handleRequest({method: 'POST', path: url.pathname, query: url.searchParams, headers: {}, body: JSON.stringify(pod)}, world).world!, 60_000);
	const live = standaloneWorld(world, line => recorded.push(line), shellRunner(createSimulation().bare(memoryDisk()), learnerHost));
	const credentials = await createCredentials();
	server = await startApiServer({live, credentials, port: 0});
	dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-streams-'));
	writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(server.url, credentials), {mode: 0o600});
});
after(() => server?.close());

const env = () => ({...process.env, KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir});

test('real kubectl exec -i: lines from a pipe run in the pod; the last status is kubectl\'s exit code', {skip}, async () => {
	const result = await new Promise<{code: number; stdout: string; stderr: string}>(resolve => {
		const child = execFile(kubectl, ['exec', '-i', 'web', '--', 'sh'], {env: env(), timeout: 20_000}, (error, stdout, stderr) => resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr}));
		child.stdin!.end('hostname\ncd /etc\npwd\nexit 3\n');
	});
	assert.deepEqual(result, {code: 3, stdout: 'web\n/etc\n', stderr: 'command terminated with exit code 3\n'});
});

test('real kubectl exec -it in a terminal: the prompt, the echoed keys, the output, and exit', {skip}, async () => {
	recorded.length = 0;
	const child = spawn('script', ['-qec', `${kubectl} exec -it web -- sh`, '/dev/null'], {env: env()});
	let screen = '';
	child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
	const waitFor = async (pattern: RegExp) => {
		const started = Date.now();
		while (!pattern.test(screen) && Date.now() - started < 15_000) await new Promise(r => setTimeout(r, 50));
		assert.match(screen, pattern);
	};
	await waitFor(/\(web\/web\) root@web:\/# $/);
	child.stdin.write('hostname\r');
	await waitFor(/hostname\r\nweb\r\n\(web\/web\) root@web:\/# $/);
	child.stdin.write('exit\r');
	const code = await new Promise<number | null>(resolve => child.on('close', resolve));
	assert.equal(code, 0);
	// kubectl's GET of the pod first, then the session: the lesson sees the exec and each line typed inside.
	assert.deepEqual(recorded.filter(line => line !== undefined), ['kubectl exec pods web', 'kubectl exec -it web -n default -c web -- sh', 'hostname', 'exit']);
});
