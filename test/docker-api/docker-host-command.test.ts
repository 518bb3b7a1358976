// `k8s-tutor docker-host` and `sandbox --docker-api` from the bundle: the socket a real docker CLI
// reaches, a change through it seen by the tutor's own `docker ps`, and TCP refused plainly.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, statSync} from 'node:fs';
import {request} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {assertBuilt, builtCli, node22, projectRoot, runCli} from '../helpers/built-cli.ts';

test('k8s-tutor docker-host prints the unix socket in the config folder, for DOCKER_HOST', () => {
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-host-'));
	const run = runCli(['docker-host'], {env: {K8S_TUTOR_HOME: home}});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stdout, `unix://${join(home, 'docker.sock')}\n`);
});

test('--docker-api-tcp is refused plainly: a TCP daemon would need TLS', () => {
	const run = runCli(['sandbox', '--plain', '--docker-api-tcp', '0.0.0.0:2375'], {input: ''});
	assert.equal(run.status, 2);
	assert.match(run.stderr, /^k8s-tutor: --docker-api-tcp 0\.0\.0\.0:2375: not served\. A Docker daemon on TCP needs TLS/);
});

function post(socketPath: string, path: string, body: string): Promise<{status: number; text: string}> {
	return new Promise((resolve, reject) => {
		const req = request({socketPath, method: 'POST', path, headers: {'Content-Type': 'application/json'}}, res => {
			let text = '';
			res.on('data', chunk => (text += chunk));
			res.on('end', () => resolve({status: res.statusCode ?? 0, text}));
		});
		req.on('error', reject);
		req.end(body);
	});
}

test('sandbox --plain --docker-api: a container made through the socket shows in the tutor\'s own docker ps; the socket is 0600 and goes at exit', async () => {
	assertBuilt();
	const home = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-live-'));
	const socket = join(home, 'docker.sock');
	const child = spawn(node22, [builtCli, 'sandbox', '--plain', '--docker-api'], {cwd: projectRoot, env: {...process.env, K8S_TUTOR_HOME: home, NO_COLOR: '1'}});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += chunk));
	child.stderr.on('data', chunk => (stderr += chunk));
	const exited = new Promise<number>(resolve => child.on('close', code => resolve(code ?? -1)));
	try {
		for (let i = 0; i < 300 && !stderr.includes('export DOCKER_HOST='); i++) await new Promise(resolve => setTimeout(resolve, 100));
		assert.match(stderr, new RegExp(`Docker daemon of host-1 on unix://${socket.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. In another terminal: export DOCKER_HOST=unix://`));
		assert.equal(statSync(socket).mode & 0o777, 0o600);
		assert.equal((await post(socket, '/v1.47/images/create?fromImage=busybox&tag=latest', '')).status, 200);
		const created = await post(socket, '/v1.47/containers/create?name=outside', JSON.stringify({Image: 'busybox', Cmd: ['sleep', '3600']}));
		assert.equal(created.status, 201, created.text);
		child.stdin.end('docker ps -a --format "{{.Names}} {{.Status}}"\n');
		assert.equal(await exited, 0, stderr);
		assert.match(stdout, /^outside Created$/m);
		assert.equal(existsSync(socket), false);
	} finally {
		child.kill();
	}
});
