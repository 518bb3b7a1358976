// kubectl port-forward through the endpoint, driven as kubectl 1.32 drives it: SPDY/3.1 inside a
// WebSocket (subprotocol SPDY/3.1+portforward.k8s.io) and the `Upgrade: SPDY/3.1` fallback; an
// error stream and a data stream per connection; the pod's app answers the HTTP request.
import assert from 'node:assert/strict';
import {connect as tlsConnect} from 'node:tls';
import {inflateSync, constants} from 'node:zlib';
import {after, before, test} from 'node:test';
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import {startApiServer, type RunningApiServer} from '../../source/api/api-server.ts';
import {createCredentials, type ApiCredentials} from '../../source/api/credentials.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {standaloneWorld} from '../../source/api/live-session.ts';
import {parseHttpRequest} from '../../source/api/port-forward.ts';
import {shellRunner} from '../../source/api/shell-runner.ts';
import {headerBlock, headerWriter, readFrames, spdyDictionary} from '../../source/api/spdy-frames.ts';
import {createSimulation} from '../../source/shell/simulation.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {rawWebSocket} from '../helpers/raw-websocket.ts';
import {spdyClient} from '../helpers/spdy-client.ts';

test('the SPDY/3 header dictionary is the 1423 bytes of the protocol draft (its zlib id is fixed)', () => {
	assert.equal(spdyDictionary.length, 1423);
	assert.equal(spdyDictionary.subarray(0, 11).toString('latin1'), '\u0000\u0000\u0000\u0007options');
	assert.ok(spdyDictionary.toString('latin1').endsWith(',*,enq=0.'));
});

test('header blocks the server sends are one zlib stream, each block readable at its end', () => {
	const write = headerWriter();
	const first = write(headerBlock({}));
	const second = write(headerBlock({port: '80'}));
	assert.deepEqual([first[0], first[1]], [0x78, 0x01]);
	// Each block ends with the empty stored block a sync flush ends with: Go's flate hands over its data there.
	assert.deepEqual([...first.subarray(-5)], [0, 0, 0, 0xff, 0xff]);
	const both = inflateSync(Buffer.concat([first, second]), {finishFlush: constants.Z_SYNC_FLUSH});
	assert.deepEqual(both, Buffer.concat([headerBlock({}), headerBlock({port: '80'})]));
});

test('frames are read whole, a partial one waits for its rest', () => {
	const bytes = Buffer.from([0, 0, 0, 1, 1, 0, 0, 2, 0x68, 0x69, 0x80, 3, 0, 6, 0, 0]);
	const {frames, rest} = readFrames(bytes);
	assert.deepEqual(frames, [{control: false, streamId: 1, flags: 1, data: Buffer.from('hi')}]);
	assert.equal(rest.length, 6);
});

test('an HTTP request is complete after its headers and its body', () => {
	assert.equal(parseHttpRequest(Buffer.from('GET / HTTP/1.1\r\nHost: x')), undefined);
	assert.deepEqual(parseHttpRequest(Buffer.from('GET /a HTTP/1.1\r\nHost: localhost:8080\r\n\r\n')), {method: 'GET', path: '/a', headers: {host: 'localhost:8080'}});
	assert.equal(parseHttpRequest(Buffer.from('POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab')), undefined);
	assert.equal(parseHttpRequest(Buffer.from('\u0016\u0003\u0001 binary\r\n')), 'not-http');
});

let credentials: ApiCredentials;
let server: RunningApiServer;
let live: ReturnType<typeof standaloneWorld>;

before(async () => {
	credentials = await createCredentials();
	let world = tick(createSandboxWorld({seed: 1}), 60_000);
	const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 80}]}]}};
	const url = new URL('https://x/api/v1/namespaces/default/pods');
	world = tick(handleRequest({method: 'POST', path: url.pathname, query: url.searchParams, headers: {}, body: JSON.stringify(pod)}, world).world!, 60_000);
	live = standaloneWorld(world, undefined, shellRunner(createSimulation().bare(memoryDisk()), learnerHost));
	server = await startApiServer({live, credentials, port: 0});
});
after(() => server.close());

/** One forwarded connection as kubectl makes it: the error stream (closed for writing at once), then the data stream. */
async function forward(client: ReturnType<typeof spdyClient>, port: number, requestId: string, request: string) {
	const error = await client.open({streamtype: 'error', port: String(port), requestid: requestId});
	client.write(error.id, '', true);
	const data = await client.open({streamtype: 'data', port: String(port), requestid: requestId});
	await Promise.all([error.replied, data.replied]);
	client.write(data.id, request);
	await Promise.all([data.ended, error.ended]);
	return {data: data.received(), error: error.received()};
}

const tunnelTo = (pod: string) => rawWebSocket({port: server.port, ca: credentials.caPem, path: `/api/v1/namespaces/default/pods/${pod}/portforward`, token: credentials.token, protocol: 'SPDY/3.1+portforward.k8s.io'});

test('inside a WebSocket tunnel, a request to port 80 gets the pod\'s nginx page, and a closed port the kubelet\'s error', async () => {
	const ws = await tunnelTo('web');
	assert.equal(ws.status, 101);
	assert.match(ws.headers, /\r\nSec-WebSocket-Protocol: SPDY\/3\.1\+portforward\.k8s\.io(\r\n|$)/i);
	const client = spdyClient(bytes => ws.send(bytes));
	ws.onMessage(data => client.receive(data));
	const page = await forward(client, 80, '0', 'GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n');
	assert.match(page.data, /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\n/);
	assert.match(page.data, /<title>Welcome to nginx!<\/title>/);
	assert.equal(page.error, '');
	const missing = await forward(client, 80, '1', 'GET /nope HTTP/1.1\r\nHost: localhost:8080\r\n\r\n');
	assert.match(missing.data, /^HTTP\/1\.1 404 Not Found/);
	const closed = await forward(client, 81, '2', 'GET / HTTP/1.1\r\nHost: localhost:8081\r\n\r\n');
	assert.equal(closed.data, '');
	assert.match(closed.error, /^error forwarding port 81 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace .*dial tcp4 127\.0\.0\.1:81: connect: connection refused/);
	client.ping(1);
	await new Promise(r => setTimeout(r, 50));
	assert.deepEqual(client.pings, [1]);
	ws.close();
});

test('the SPDY/3.1 upgrade kubectl falls back to answers 101 and serves the same streams', async () => {
	const socket = tlsConnect({host: '127.0.0.1', port: server.port, ca: credentials.caPem, servername: 'localhost'});
	await new Promise<void>(r => socket.once('secureConnect', () => r()));
	socket.write(`POST /api/v1/namespaces/default/pods/web/portforward HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${credentials.token}\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: portforward.k8s.io\r\nContent-Length: 0\r\n\r\n`);
	const client = spdyClient(bytes => socket.write(bytes));
	let head = '';
	await new Promise<void>(resolve => {
		const onData = (bytes: Buffer) => {
			head += bytes.toString('latin1');
			const end = head.indexOf('\r\n\r\n');
			if (end < 0) return;
			socket.off('data', onData);
			socket.on('data', (more: Buffer) => client.receive(more));
			resolve();
		};
		socket.on('data', onData);
	});
	assert.match(head, /^HTTP\/1\.1 101 Switching Protocols\r\n/);
	assert.match(head, /X-Stream-Protocol-Version: portforward\.k8s\.io/);
	const page = await forward(client, 80, '0', 'GET / HTTP/1.1\r\nHost: localhost:9000\r\n\r\n');
	assert.match(page.data, /Welcome to nginx!/);
	socket.destroy();
});

test('a port-forward to a pod that does not exist is refused with 404 before any stream', async () => {
	const ws = await tunnelTo('nope');
	assert.equal(ws.status, 404);
	ws.close();
});
