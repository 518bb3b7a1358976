// Connections that leave HTTP: exec, attach and port-forward, as kubectl 1.30+ opens them — a
// WebSocket first (v5.channel.k8s.io for exec and attach; SPDY/3.1 tunnelled inside a WebSocket,
// subprotocol SPDY/3.1+portforward.k8s.io, for port-forward), and for port-forward the older
// `Upgrade: SPDY/3.1` that kubectl falls back to when the WebSocket is refused.
import type {IncomingMessage} from 'node:http';
import type {Duplex} from 'node:stream';
import {WebSocketServer, type WebSocket} from 'ws';
import type {ApiResponse} from './api-types.ts';
import {serveAttach} from './attach-session.ts';
import {serveExec} from './exec-session.ts';
import {execProtocols} from './exec-stream.ts';
import {parseResourcePath} from './handle-request.ts';
import {denied, impersonatedUser, requestAttributes} from './impersonation.ts';
import type {LiveWorld} from './live-session.ts';
import {portForwardStreams} from './port-forward.ts';
import {spdyConnection} from './spdy-session.ts';
import {statusResponse, unauthorized} from './status.ts';

export const portForwardProtocol = 'portforward.k8s.io';
export const tunnelledPortForward = `SPDY/3.1+${portForwardProtocol}`;

/** `ws` accepts only RFC 7230 tokens as subprotocols, and '/' is not one: the tunnel is offered under this name inside, answered under its own. */
const tunnelToken = 'k8s-tutor-spdy-tunnel';

export type Upgrades = {handle(req: IncomingMessage, socket: Duplex, head: Buffer): void; close(): void};

export function upgrades(live: LiveWorld, authorised: (req: IncomingMessage) => boolean): Upgrades {
	const sockets = new WebSocketServer({noServer: true, handleProtocols: offered => (offered.has(tunnelToken) ? tunnelledPortForward : (execProtocols.find(p => offered.has(p)) ?? false))});
	const raw = new Set<Duplex>();

	const refuse = (socket: Duplex, status: string, answer: ApiResponse) => {
		const body = JSON.stringify(answer.body);
		socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
	};

	/** SPDY over a WebSocket's binary messages: the bytes are the same as on a raw connection. */
	const tunnel = (ws: WebSocket, namespace: string, pod: string) => {
		const connection = spdyConnection(bytes => ws.readyState === ws.OPEN && ws.send(bytes), portForwardStreams(live, namespace, pod), () => ws.close(1000));
		ws.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? connection.receive(data) : ws.close(1003)));
		ws.on('close', () => connection.close());
	};

	return {
		handle(req, socket, head) {
			if (!authorised(req)) return refuse(socket, '401 Unauthorized', unauthorized());
			const url = new URL(req.url ?? '/', 'https://localhost');
			const target = parseResourcePath(url.pathname);
			const kind = target?.subresource;
			const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
			if (!target || target.served.resource !== 'pods' || !target.name || !kind || !['exec', 'attach', 'portforward'].includes(kind)) {
				return refuse(socket, '400 Bad Request', statusResponse(400, 'BadRequest', `[simulator] ${kind ?? 'this'} connection is not served through the API endpoint`));
			}
			const namespace = target.namespace ?? 'default';
			const pod = target.name;
			const refused = denied(live.world(), impersonatedUser(req.headers), requestAttributes({method: req.method ?? 'GET', path: url.pathname, query: url.searchParams}, {group: '', resource: 'pods', namespace, name: pod, subresource: kind}));
			if (refused) return refuse(socket, '403 Forbidden', refused);
			if (!live.world().cluster?.store.pods.has(`${namespace}/${pod}`)) return refuse(socket, '404 Not Found', statusResponse(404, 'NotFound', `pods "${pod}" not found`, {name: pod, kind: 'pods'}));
			if (upgrade === 'spdy/3.1' && kind === 'portforward') {
				// The fallback: answer the upgrade, then speak SPDY on the socket itself.
				socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${portForwardProtocol}\r\n\r\n`);
				raw.add(socket);
				const connection = spdyConnection(bytes => socket.writable && socket.write(bytes), portForwardStreams(live, namespace, pod), () => socket.end());
				socket.on('data', (bytes: Buffer) => connection.receive(bytes));
				socket.on('close', () => {
					raw.delete(socket);
					connection.close();
				});
				socket.on('error', () => connection.close());
				if (head.length) connection.receive(head);
				return;
			}
			if (upgrade !== 'websocket') return refuse(socket, '400 Bad Request', statusResponse(400, 'BadRequest', `[simulator] ${kind} is served over WebSocket (v5.channel.k8s.io) only, not SPDY`));
			const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map(p => p.trim());
			if (kind === 'portforward' && offered.includes(tunnelledPortForward)) req.headers['sec-websocket-protocol'] = tunnelToken;
			sockets.handleUpgrade(req, socket, head, ws => {
				if (kind === 'portforward') {
					if (ws.protocol !== tunnelledPortForward) return ws.close(1002);
					return tunnel(ws, namespace, pod);
				}
				if (!execProtocols.includes(ws.protocol)) return ws.close(1002);
				if (kind === 'exec') serveExec(ws, live, namespace, pod, url.searchParams);
				else serveAttach(ws, live, namespace, pod, url.searchParams);
			});
		},
		close() {
			for (const client of sockets.clients) client.terminate();
			for (const socket of raw) socket.destroy();
		},
	};
}
