// kubectl attach through the endpoint (WebSocket, v5.channel.k8s.io): the container's output from
// now on as the world runs; with stdin on a container whose program is a shell (kubectl run -it),
// a shell in that container.
import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import WebSocket from 'ws';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {shellRunner} from '../../source/api/shell-runner.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;

before(async () => {
	credentials = await createCredentials();
	let world = tick(createSandboxWorld({seed: 1}), 60_000);
	const create = (pod: object) => {
		const url = new URL('https://x/api/v1/namespaces/default/pods');
		world = handleRequest({method: 'POST', path: url.pathname, query: url.searchParams, headers: {}, body: JSON.stringify(pod)}, world).world!;
	};
	create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'ticker'}, spec: {containers: [{name: 'ticker', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done']}]}});
	create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'box'}, spec: {containers: [{name: 'box', image: 'busybox', command: ['sh'], stdin: true, stdinOnce: true, tty: true}]}});
	create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'bare'}, spec: {containers: [{name: 'bare', image: 'busybox', stdin: true, stdinOnce: true, tty: true}]}});
	create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'brief'}, spec: {restartPolicy: 'Never', containers: [{name: 'brief', image: 'busybox', command: ['sh', '-c', 'sleep 600'], stdin: true, stdinOnce: true, tty: true}]}});
	create({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'once'}, spec: {restartPolicy: 'Never', containers: [{name: 'once', image: 'busybox', command: ['sh'], stdin: true, stdinOnce: true, tty: true}]}});
	live = standaloneWorld(tick(world, 60_000), undefined, shellRunner(createSimulation().bare(memoryDisk()), learnerHost));
	server = await startApiServer({live, credentials, port: 0});
});
after(() => server.close());

function attach(pod: string, query: string): Promise<{ws: WebSocket; screen: () => string; closed: Promise<any>}> {
	return new Promise(resolve => {
		const ws = new WebSocket(`${server.url.replace('https', 'wss')}/api/v1/namespaces/default/pods/${pod}/attach?${query}`, ['v5.channel.k8s.io'], {ca: credentials.caPem, headers: {authorization: `Bearer ${credentials.token}`}});
		let screen = '';
		let status: any;
		const closed = new Promise<any>(done => ws.on('close', () => done(status)));
		ws.on('message', (data: Buffer) => {
			if (data[0] === 3) status = JSON.parse(data.subarray(1).toString('utf8'));
			else screen += data[0] === 1 ? data.subarray(1).toString('utf8') : '';
		});
		ws.on('open', () => resolve({ws, screen: () => screen, closed}));
	});
}

const settle = () => new Promise(r => setTimeout(r, 50));

/** Waits (at most 5 s, for a loaded machine) until the screen matches. */
async function waitFor(screen: () => string, pattern: RegExp): Promise<void> {
	const started = Date.now();
	while (!pattern.test(screen()) && Date.now() - started < 5000) await settle();
	assert.match(screen(), pattern);
}

test('attach shows only what the container writes from now on, as virtual time passes', async () => {
	const {ws, screen} = await attach('ticker', 'container=ticker&stdout=true&stderr=true');
	await settle();
	assert.equal(screen(), '', 'nothing from before the attach');
	live.set(tick(live.world(), 3000));
	await waitFor(screen, /^(tick\n){2,4}$/);
	ws.close();
});

test('attach -it to a container whose program is a shell (kubectl run -it) types into a shell in it', async () => {
	const {ws, screen} = await attach('box', 'container=box&stdin=true&stdout=true&tty=true');
	await settle();
	await waitFor(screen, /root@box:\/# $/);
	ws.send(Buffer.from([0, ...Buffer.from('hostname\r')]));
	await waitFor(screen, /hostname\r\nbox\r\n/);
	ws.close();
});

test('when the attached shell exits the container ends with its status (kubectl run -it --restart=Never then sees the pod fail); the stream itself ends with Success', async () => {
	const {ws, screen, closed} = await attach('once', 'container=once&stdin=true&stdout=true&tty=true');
	await waitFor(screen, /root@once:\/# $/);
	ws.send(Buffer.from([0, ...Buffer.from('exit 3\r')]));
	assert.deepEqual(await closed, {metadata: {}, status: 'Success'});
	live.set(tick(live.world(), 5000));
	const pod = live.world().cluster!.store.pods.get('default/once')!;
	assert.equal(pod.status.phase, 'Failed');
	assert.equal(pod.status.containerStatuses?.[0]?.state.terminated?.exitCode, 3);
});

test('attach to a program that is not a shell ends when the program exits (kubectl run -it -- CMD returns instead of hanging)', async () => {
	const {screen, closed} = await attach('brief', 'container=brief&stdin=true&stdout=true&tty=true');
	await settle();
	assert.doesNotMatch(screen(), /root@brief/, 'no shell prompt: the program is not a shell');
	live.set(tick(live.world(), 700_000));
	const status = await Promise.race([closed, new Promise(r => setTimeout(() => r('still open'), 5000))]);
	assert.deepEqual(status, {metadata: {}, status: 'Success'});
});

test('attach -it to a container given no command types into the image\'s own shell (kubectl run -it box --image=busybox), as the built-in kubectl does', async () => {
	const {ws, screen} = await attach('bare', 'container=bare&stdin=true&stdout=true&tty=true');
	await waitFor(screen, /root@bare:\/# $/);
	ws.send(Buffer.from([0, ...Buffer.from('hostname\r')]));
	await waitFor(screen, /hostname\r\nbare\r\n/);
	ws.close();
});
