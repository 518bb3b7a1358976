// `kubectl port-forward` through the endpoint: each local connection kubectl accepts arrives as a
// pair of SPDY streams (data and error, one requestID). The simulated kubelet reads an HTTP request
// from the data stream, has the pod's app answer it as if dialled at localhost:PORT inside the
// pod's network namespace, writes the answer back and closes; a refused port is reported on the
// error stream in the kubelet's words, which kubectl prints.
import {produce} from 'immer';
import type {HttpRequest} from '../engine/network/apps.ts';
import {connect} from '../engine/network/connect.ts';
import {ipOf} from '../engine/network/links.ts';
import {randomInt} from '../engine/rng.ts';
import {digestHex} from '../engine/hash.ts';
import type {World} from '../engine/world.ts';
import {respond} from '../engine/world-behaviour.ts';
import type {LiveWorld} from './live-session.ts';
import type {SpdyStream} from './spdy-session.ts';
import type {Pod} from '../engine/k8s/kinds.ts';

const methods = new Set<HttpRequest['method']>(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);

export type ParsedHttp = {method: string; path: string; headers: Record<string, string>};

/** The request in the bytes so far: undefined while incomplete, 'not-http' when they cannot become one. */
export function parseHttpRequest(bytes: Buffer): ParsedHttp | undefined | 'not-http' {
	const text = bytes.toString('latin1');
	const end = text.indexOf('\r\n\r\n');
	const firstLine = text.split('\r\n', 1)[0]!;
	if (!/^[A-Z]+ \S+ HTTP\/1\.[01]$/.test(firstLine)) return text.includes('\r\n') || text.length > 8192 ? 'not-http' : undefined;
	if (end < 0) return undefined;
	const [method, path] = firstLine.split(' ') as [string, string];
	const headers: Record<string, string> = {};
	for (const line of text.slice(0, end).split('\r\n').slice(1)) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const length = Number(headers['content-length'] ?? 0);
	if (bytes.length < end + 4 + length) return undefined;
	return {method, path, headers};
}

/** The kubelet's error when nothing listens on the port inside the pod (kubectl prints it after "an error occurred forwarding"). */
function refused(pod: Pod, port: number): string {
	const sandbox = digestHex(`sandbox:${pod.metadata.uid}`, 64);
	return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${digestHex(`netns:${pod.metadata.uid}`, 8)}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

/** What the pod's app answers to one forwarded request: the bytes of its HTTP response, or the kubelet's error. */
export function forwardRequest(world: World, namespace: string, podName: string, port: number, request: ParsedHttp): {world: World; answer: Buffer} | {error: string} {
	const pod = world.cluster?.store.pods.get(`${namespace}/${podName}`);
	if (!pod) return {error: `pod ${podName} not found`};
	const sandboxPid = world.cluster!.podRuntimes.get(`${namespace}/${podName}`)?.sandboxPid;
	const node = pod.spec.nodeName;
	if (!node || sandboxPid === undefined) return {error: refused(pod, port)};
	let answer: Buffer | undefined;
	const next = produce(world, w => {
		const connection = connect(w, {host: node, pid: sandboxPid}, '127.0.0.1', port);
		if (!connection.ok) return;
		const server = connection.server;
		const method = methods.has(request.method as HttpRequest['method']) ? (request.method as HttpRequest['method']) : 'GET';
		const hostname = connection.host.namespaces.get(server.namespaces.uts)?.hostname ?? connection.host.name;
		const addresses = ['127.0.0.1', ...(connection.netns.interfaces ?? []).filter(i => i.kind !== 'loopback').flatMap(i => i.addresses.map(ipOf))];
		const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
		const asked: HttpRequest = {method, path: request.path, hostHeader: request.headers.host ?? `localhost:${port}`, userAgent: request.headers['user-agent'] ?? '', sourceIp: '127.0.0.1', sourcePort: 32768 + randomInt(w, 28000)};
		const response = respond(app, asked, {world: w, host: connection.host, process: server, hostname, ip: connection.ip, port: connection.port, addresses});
		const chunked = response.headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && value === 'chunked');
		const body = Buffer.from(method === 'HEAD' ? '' : response.body, 'utf8');
		const encoded = chunked ? Buffer.concat([Buffer.from(body.length ? `${body.length.toString(16)}\r\n` : ''), body, Buffer.from(body.length ? '\r\n0\r\n\r\n' : '0\r\n\r\n')]) : body;
		const head = [`HTTP/${response.httpVersion ?? '1.1'} ${response.status} ${response.reason}`, ...response.headers.map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
		answer = Buffer.concat([Buffer.from(head, 'utf8'), encoded]);
	});
	return answer ? {world: next, answer} : {error: refused(pod, port)};
}

/** Serves the streams of one port-forward connection (kubectl opens an error and a data stream per local connection). */
export function portForwardStreams(live: LiveWorld, namespace: string, podName: string): (stream: SpdyStream) => void {
	const pairs = new Map<string, {error?: SpdyStream; data?: SpdyStream; failure?: string}>();
	return stream => {
		const requestId = stream.headers.requestid ?? '';
		const pair = pairs.get(requestId) ?? {};
		pairs.set(requestId, pair);
		const port = Number(stream.headers.port);
		const done = () => {
			pair.data?.end();
			pair.error?.end();
			pairs.delete(requestId);
		};
		if (stream.headers.streamtype === 'error') {
			pair.error = stream;
			if (pair.failure) {
				stream.write(pair.failure);
				done();
			}
			return;
		}
		if (stream.headers.streamtype !== 'data') return stream.end();
		pair.data = stream;
		let received = Buffer.alloc(0);
		let answered = false;
		const fail = (message: string) => {
			answered = true;
			if (pair.error) {
				pair.error.write(message);
				done();
			} else pair.failure = message; // the error stream comes first from kubectl, but not necessarily
		};
		stream.onData(chunk => {
			if (answered) return;
			received = Buffer.concat([received, chunk]);
			const request = parseHttpRequest(received);
			if (request === undefined) return;
			if (request === 'not-http') {
				answered = true; // not HTTP: the simulated app has nothing to say; the connection stays open until kubectl closes it
				return;
			}
			if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`invalid port ${stream.headers.port}`);
			const result = forwardRequest(live.world(), namespace, podName, port, request);
			if ('error' in result) return fail(result.error);
			answered = true;
			live.commit({world: result.world});
			stream.write(result.answer);
			done();
		});
		stream.onEnd(() => done());
	};
}
