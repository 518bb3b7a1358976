// The daemon's unix socket: mode 0600, a body limit, JSON errors, a slow client that does not
// block others, hijacked exec streams, and an attached run that ends with the container.
import assert from 'node:assert/strict';
import {mkdtempSync, statSync, existsSync} from 'node:fs';
import {request} from 'node:http';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {startDockerServer} from '../../source/docker-api/docker-server.ts';
import {demultiplex, seededWorld, shell} from './helpers.ts';

type Answer = {status: number; headers: Record<string, unknown>; body: Buffer};

function call(socketPath: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = request({socketPath, method, path, headers: {'Content-Type': 'application/json', ...headers}}, res => {
			const chunks: Buffer[] = [];
			res.on('data', chunk => chunks.push(chunk));
			res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** A hijacked request as the CLI makes it (Connection: Upgrade): everything the daemon sends until it closes. */
function hijack(socketPath: string, path: string, body: string): Promise<{head: string; stream: Buffer}> {
	return new Promise((resolve, reject) => {
		const socket = connect(socketPath);
		const chunks: Buffer[] = [];
		socket.on('connect', () => socket.write(`POST ${path} HTTP/1.1\r\nHost: api.moby.localhost\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`));
		socket.on('data', chunk => chunks.push(chunk));
		socket.on('error', reject);
		socket.on('close', () => {
			const all = Buffer.concat(chunks);
			const end = all.indexOf('\r\n\r\n');
			resolve({head: all.subarray(0, end).toString('utf8'), stream: all.subarray(end + 4)});
		});
	});
}

async function serve(options: {bodyLimits?: {json: number; build: number}} = {}) {
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-'));
	const lines: string[] = [];
	const live = standaloneWorld(seededWorld(), line => line && lines.push(line));
	const server = await startDockerServer({live, shell, host: learnerHost, socketPath: join(dir, 'docker.sock'), ...options});
	return {server, live, lines, socket: server.socketPath};
}

test('the socket is mode 0600, answers _ping with the API version, refuses a too-new version and is removed on close', async () => {
	const {server, socket} = await serve();
	try {
		assert.equal(statSync(socket).mode & 0o777, 0o600);
		const ping = await call(socket, 'HEAD', '/_ping');
		assert.deepEqual([ping.status, ping.headers['api-version'], ping.headers['builder-version']], [200, '1.47', '1']);
		const tooNew = await call(socket, 'GET', '/v1.50/version');
		assert.equal(tooNew.status, 400);
		assert.deepEqual(JSON.parse(tooNew.body.toString()), {message: 'client version 1.50 is too new. Maximum supported API version is 1.47'});
		assert.equal(JSON.parse((await call(socket, 'GET', '/v1.47/version')).body.toString()).ApiVersion, '1.47');
	} finally {
		await server.close();
	}
	assert.equal(existsSync(socket), false);
});

test('a body over the limit gets 413, bad JSON 400 with a message, and a slow client does not block others', async () => {
	const {server, socket} = await serve({bodyLimits: {json: 1000, build: 5000}});
	try {
		const big = await call(socket, 'POST', '/v1.47/containers/create', JSON.stringify({Image: 'x'.repeat(2000)}));
		assert.equal(big.status, 413);
		assert.match(JSON.parse(big.body.toString()).message, /larger than this simulated daemon reads \(1000 bytes\)/);
		const bad = await call(socket, 'POST', '/v1.47/containers/create', '{"Image":');
		assert.equal(bad.status, 400);
		assert.match(JSON.parse(bad.body.toString()).message, /^invalid JSON/);
		// Half a request, never finished: the daemon still answers everyone else at once.
		const slow = connect(socket);
		slow.write('POST /v1.47/containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"Ima');
		const started = performance.now();
		assert.equal((await call(socket, 'GET', '/_ping')).body.toString(), 'OK');
		assert.ok(performance.now() - started < 2000);
		slow.destroy();
	} finally {
		await server.close();
	}
});

test('exec over a hijacked connection: framed output, then the exit code; an attached run streams the output and wait says the exit code', async () => {
	const {server, socket, live, lines} = await serve();
	try {
		live.set(shell(live.world(), ['run', '-d', '--name', 'web', 'nginx']).world);
		const made = JSON.parse((await call(socket, 'POST', '/v1.47/containers/web/exec', JSON.stringify({AttachStdout: true, AttachStderr: true, Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3']}))).body.toString());
		const {head, stream} = await hijack(socket, `/v1.47/exec/${made.Id}/start`, JSON.stringify({Detach: false, Tty: false}));
		assert.match(head, /^HTTP\/1.1 101 UPGRADED\r\n/);
		assert.match(head, /Content-Type: application\/vnd.docker.multiplexed-stream/);
		assert.deepEqual(demultiplex(stream), {stdout: 'out\n', stderr: 'err\n'});
		assert.equal(JSON.parse((await call(socket, 'GET', `/v1.47/exec/${made.Id}/json`)).body.toString()).ExitCode, 3);
		assert.ok(lines.includes(`docker exec web sh -c 'echo out; echo err >&2; exit 3'`));

		// docker run busybox sh -c '...': create, attach, wait (next-exit), start.
		live.set(shell(live.world(), ['pull', 'busybox']).world);
		const created = JSON.parse((await call(socket, 'POST', '/v1.47/containers/create', JSON.stringify({Image: 'busybox', Cmd: ['sh', '-c', 'echo hello; exit 4']}))).body.toString());
		const attached = hijack(socket, `/v1.47/containers/${created.Id}/attach?stream=1&stdout=1&stderr=1`, '');
		const waited = call(socket, 'POST', `/v1.47/containers/${created.Id}/wait?condition=next-exit`);
		await new Promise(resolve => setTimeout(resolve, 50));
		assert.equal((await call(socket, 'POST', `/v1.47/containers/${created.Id}/start`)).status, 204);
		assert.equal(demultiplex((await attached).stream).stdout, 'hello\n');
		assert.deepEqual(JSON.parse((await waited).body.toString()), {StatusCode: 4, Error: null});
	} finally {
		await server.close();
	}
});

test('exec -it over a hijacked connection: the shell echoes, runs each line in the container, and ends with its exit status', async () => {
	const {builtInTerminal} = await import('../../source/docker-api/docker-terminal.ts');
	const {learnerRuntime} = await import('../../source/shell/runtime.ts');
	const {memoryDisk} = await import('../../source/shell/memory-disk.ts');
	const dir = mkdtempSync(join(tmpdir(), 'k8s-tutor-docker-'));
	const lines: string[] = [];
	const live = standaloneWorld(seededWorld(), line => line && lines.push(line));
	const terminal = builtInTerminal(learnerRuntime(memoryDisk({})), learnerHost);
	const server = await startDockerServer({live, shell, terminal, host: learnerHost, socketPath: join(dir, 'docker.sock')});
	try {
		live.set(shell(live.world(), ['run', '-d', '--name', 'web', 'nginx']).world);
		const made = JSON.parse((await call(server.socketPath, 'POST', '/v1.47/containers/web/exec', JSON.stringify({AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true, Cmd: ['sh']}))).body.toString());
		const output = await new Promise<string>((resolve, reject) => {
			const socket = connect(server.socketPath);
			let text = '';
			const body = JSON.stringify({Detach: false, Tty: true});
			socket.on('connect', () => socket.write(`POST /v1.47/exec/${made.Id}/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
			socket.on('data', chunk => {
				text += chunk.toString();
				if (text.endsWith(':/# ') && !text.includes('hostnam')) socket.write('hostnamf\x7fe\r');
				else if (text.endsWith(':/# ') && !text.includes('exit 3')) socket.write('exit 3\r');
			});
			socket.on('close', () => resolve(text));
			socket.on('error', reject);
		});
		const id = [...live.world().dockers.get(learnerHost)!.containers.values()][0]!.id.slice(0, 12);
		assert.match(output, /^HTTP\/1.1 101 UPGRADED\r\n/);
		assert.ok(output.endsWith(`root@${id}:/# hostnamf\b \be\r\n${id}\r\nroot@${id}:/# exit 3\r\nexit\r\n`), JSON.stringify(output));
		assert.equal(JSON.parse((await call(server.socketPath, 'GET', `/v1.47/exec/${made.Id}/json`)).body.toString()).ExitCode, 3);
		assert.deepEqual(lines.slice(-3), ['docker exec -it web sh', 'hostname', 'exit 3']);
	} finally {
		await server.close();
	}
});
