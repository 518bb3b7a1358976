// kubectl exec through the endpoint: the command line it stands for, the answer's streams, and a
// WebSocket session as kubectl 1.32 opens it (GET .../exec?command=...&container=..., v5.channel.k8s.io).
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import WebSocket from 'ws';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {execAnswer, execCommandLine} from '../../source/api/exec-stream.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {shellRunner} from '../../source/api/shell-runner.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

test('an exec request stands for the built-in kubectl exec with the container kubectl chose', () => {
	const query = new URLSearchParams('command=sh&command=-c&command=echo hi; exit 3&container=web&stderr=true&stdout=true');
	assert.deepEqual(execCommandLine('default', 'web', query), {line: "kubectl exec web -n default -c web -- sh -c 'echo hi; exit 3'"});
	// With stdin the built-in keeps the shell open (kubectl exec -it / -i through the endpoint).
	assert.deepEqual(execCommandLine('default', 'web', new URLSearchParams('command=sh&stdin=true&tty=true&container=web')), {line: 'kubectl exec -it web -n default -c web -- sh'});
	assert.deepEqual(execCommandLine('default', 'web', new URLSearchParams('container=web')), {error: 'you must specify at least one command for the container'});
});

test("the built-in outcome becomes the server's streams: kubectl itself prints 'command terminated with exit code N'", () => {
	assert.deepEqual(execAnswer({stdout: 'web\n', stderr: '', exitCode: 0}).status, {metadata: {}, status: 'Success'});
	const failed = execAnswer({stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', exitCode: 3});
	assert.equal(failed.stderr, 'err\n');
	assert.deepEqual((failed.status as any).details, {causes: [{reason: 'ExitCode', message: '3'}]});
	assert.equal((failed.status as any).reason, 'NonZeroExitCode');
	const missing = execAnswer({stdout: '', stderr: 'error: Internal error occurred: exec: "x": executable file not found in $PATH: unknown\n', exitCode: 1});
	assert.deepEqual([missing.stderr, (missing.status as any).message], ['', 'Internal error occurred: exec: "x": executable file not found in $PATH: unknown']);
});

let credentials: ApiCredentials;
let server: RunningApiServer;
let liveWorld: ReturnType<typeof standaloneWorld>;
const live = () => liveWorld;
const recorded: (string | undefined)[] = [];

before(async () => {
	credentials = await createCredentials();
	const runtime = createSimulation().bare(memoryDisk());
	let world = tick(createSandboxWorld({seed: 1}), 60_000);
	const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx'}]}};
	const url = new URL('https://x/api/v1/namespaces/default/pods');
	world = tick(handleRequest({method: 'POST', path: url.pathname, query: url.searchParams, headers: {}, body: JSON.stringify(pod)}, world).world!, 60_000);
	const live = standaloneWorld(world, line => recorded.push(line), shellRunner(runtime, learnerHost));
	liveWorld = live;
	server = await startApiServer({live, credentials, port: 0});
});
after(() => server.close());

function exec(query: string, token = credentials.token): Promise<{protocol: string; frames: [number, string][]} | {rejected: number}> {
	return new Promise(resolve => {
		const ws = new WebSocket(`${server.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/web/exec?${query}`, ['v5.channel.k8s.io'], {ca: credentials.caPem, headers: {authorization: `Bearer ${token}`}});
		const frames: [number, string][] = [];
		ws.on('message', (data: Buffer) => frames.push([data[0]!, data.subarray(1).toString('utf8')]));
		ws.on('close', () => resolve({protocol: ws.protocol, frames}));
		ws.on('unexpected-response', (_req, res) => resolve({rejected: res.statusCode ?? 0}));
		ws.on('error', () => undefined);
	});
}

test('a WebSocket exec streams stdout, stderr and the closing Status on their channels, and is recorded', async () => {
	recorded.length = 0;
	const query = new URLSearchParams([['command', 'sh'], ['command', '-c'], ['command', 'echo out; echo err >&2; exit 3'], ['container', 'web'], ['stdout', 'true'], ['stderr', 'true']]);
	const answer = await exec(query.toString());
	assert.ok('frames' in answer);
	assert.equal(answer.protocol, 'v5.channel.k8s.io');
	assert.deepEqual(answer.frames.slice(0, 2), [[1, 'out\n'], [2, 'err\n']]);
	assert.equal(answer.frames[2]![0], 3);
	assert.equal(JSON.parse(answer.frames[2]![1]).details.causes[0].message, '3');
	assert.deepEqual(recorded, ["kubectl exec web -n default -c web -- sh -c 'echo out; echo err >&2; exit 3'"]);
	const hostname = await exec('command=hostname&container=web&stdout=true&stderr=true');
	assert.ok('frames' in hostname);
	assert.deepEqual(hostname.frames[0], [1, 'web\n']);
	assert.deepEqual(JSON.parse(hostname.frames[1]![1]), {metadata: {}, status: 'Success'});
});

test('an exec without the token is refused with 401 before any command runs', async () => {
	recorded.length = 0;
	assert.deepEqual(await exec('command=hostname&container=web', 'wrong'), {rejected: 401});
	assert.deepEqual(recorded, []);
});

/** An interactive exec as kubectl 1.32 opens it: keys go in on channel 0 as typed; v5's channel 255 says stdin ended. */
function session(query: string): Promise<{ws: WebSocket; screen: () => string; closed: Promise<{status: any}>}> {
	return new Promise(resolve => {
		const ws = new WebSocket(`${server.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/web/exec?${query}`, ['v5.channel.k8s.io'], {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`}});
		let screen = '';
		let status: any;
		const closed = new Promise<{status: any}>(done => ws.on('close', () => done({status})));
		ws.on('message', (data: Buffer) => {
			if (data[0] === 3) status = JSON.parse(data.subarray(1).toString('utf8'));
			else screen += `${data[0] === 2 ? '[2]' : ''}${data.subarray(1).toString('utf8')}`;
		});
		ws.on('open', () => resolve({ws, screen: () => screen, closed}));
	});
}

const settle = () => new Promise(r => setTimeout(r, 30));

/** Waits (at most 5 s, for a loaded machine) until `ready` holds. */
async function until(ready: () => boolean): Promise<void> {
	const started = Date.now();
	while (!ready() && Date.now() - started < 5000) await settle();
}

test('exec -it: a shell with a prompt, echoed keys, commands run in the pod, and `exit 4` ends it with its code', async () => {
	recorded.length = 0;
	const {ws, screen, closed} = await session('command=sh&container=web&stdin=true&stdout=true&tty=true');
	await until(() => screen() !== '');
	assert.equal(screen(), '(web/web) root@web:/# ');
	for (const key of 'hostnamx\u007fe\r') ws.send(Buffer.from([0, ...Buffer.from(key)]));
	await settle();
	ws.send(Buffer.from([4, ...Buffer.from('{"Width":80,"Height":24}')]));
	ws.send(Buffer.from([0, ...Buffer.from('cd /etc; pwd\r')]));
	await settle();
	ws.send(Buffer.from([0, ...Buffer.from('exit 4\r')]));
	const {status} = await closed;
	assert.equal(screen(), '(web/web) root@web:/# hostnamx\b \be\r\nweb\r\n(web/web) root@web:/# cd /etc; pwd\r\n/etc\r\n(web/web) root@web:/etc# exit 4\r\nexit\r\n');
	assert.equal(status.reason, 'NonZeroExitCode');
	assert.deepEqual(status.details.causes, [{reason: 'ExitCode', message: '4'}]);
	assert.deepEqual(recorded, ['kubectl exec -it web -n default -c web -- sh', 'hostname', 'cd /etc; pwd', 'exit 4']);
});

test('exec -i without a terminal: lines from stdin run in order, no prompt or echo, and the end of stdin ends the shell', async () => {
	const {ws, screen, closed} = await session('command=sh&container=web&stdin=true&stdout=true&stderr=true');
	ws.send(Buffer.from([0, ...Buffer.from('hostname\necho two\nls /nope')]));
	ws.send(Buffer.from([255, 0]));
	const {status} = await closed;
	assert.match(screen(), /^web\ntwo\n\[2\]ls: cannot access '\/nope': No such file or directory\n$/);
	assert.deepEqual(status.details.causes, [{reason: 'ExitCode', message: '2'}]);
});

test('a client that goes away leaves no shell process behind in the container', async () => {
	const before = [...live().world().hosts.values()].reduce((n, h) => n + h.processes.size, 0);
	const {ws, screen, closed} = await session('command=sh&container=web&stdin=true&stdout=true&tty=true');
	await until(() => screen() !== '');
	ws.close();
	await closed;
	const processes = () => [...live().world().hosts.values()].reduce((n, h) => n + h.processes.size, 0);
	await until(() => processes() === before);
	assert.equal([...live().world().hosts.values()].reduce((n, h) => n + h.processes.size, 0), before);
});

test('exec as a user RBAC does not let create pods/exec (kubectl exec --as) is refused with 403 before any command runs', async () => {
	recorded.length = 0;
	const status = await new Promise<number>(resolve => {
		const ws = new WebSocket(`${server.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/web/exec?command=hostname&container=web&stdout=true`, ['v5.channel.k8s.io'], {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`, 'impersonate-user': 'jane'}});
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
		ws.on('open', () => resolve(101));
		ws.on('error', () => undefined);
	});
	assert.equal(status, 403);
	assert.deepEqual(recorded, []);
});
