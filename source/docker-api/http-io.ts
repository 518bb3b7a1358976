// The daemon's HTTP plumbing: answers written to a response or straight onto a hijacked socket,
// the body of an upgrade request read within a limit, and the unix socket claimed from a tutor
// that is gone.
import {existsSync, unlinkSync} from 'node:fs';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {connect, type Socket} from 'node:net';
import type {Duplex} from 'node:stream';
import {commonHeaders} from './api-version.ts';
import type {DockerResponse} from './docker-types.ts';

const reasons: Record<number, string> = {101: 'UPGRADED', 200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Request Entity Too Large', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable'};

export function bodyOf(response: DockerResponse): {bytes: Buffer; type: string} | undefined {
	if (response.body === undefined || response.status === 204 || response.status === 304) return undefined;
	if (Buffer.isBuffer(response.body)) return {bytes: response.body, type: response.contentType ?? 'application/octet-stream'};
	if (typeof response.body === 'string') return {bytes: Buffer.from(response.body), type: response.contentType ?? 'text/plain; charset=utf-8'};
	return {bytes: Buffer.from(JSON.stringify(response.body) + '\n'), type: 'application/json'};
}

export function send(res: ServerResponse, response: DockerResponse): void {
	const body = bodyOf(response);
	res.writeHead(response.status, {...commonHeaders(), ...response.headers, ...(body ? {'Content-Type': body.type, 'Content-Length': body.bytes.length} : {})});
	res.end(body?.bytes);
}

/** An answer written straight onto a socket (a hijacked connection, or a refusal of one). */
export function rawHead(status: number, headers: Record<string, string>): string {
	return `HTTP/1.1 ${status} ${reasons[status] ?? 'OK'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}

/** The body of an upgrade request: what came with the headers, then the rest from the socket. */
export function readUpgradeBody(req: IncomingMessage, socket: Duplex, head: Buffer, limit: number): Promise<Buffer | 'too-large'> {
	const length = Number(req.headers['content-length'] ?? 0);
	if (length > limit) return Promise.resolve('too-large');
	if (head.length >= length) return Promise.resolve(head.subarray(0, length));
	return new Promise(resolve => {
		const chunks = [head];
		let size = head.length;
		const onData = (chunk: Buffer) => {
			chunks.push(chunk);
			size += chunk.length;
			if (size >= length) {
				socket.off('data', onData);
				resolve(Buffer.concat(chunks).subarray(0, length));
			}
		};
		socket.on('data', onData);
	});
}

/** A unix socket left by a tutor that is gone answers nothing: it is removed; one that answers is another tutor's. */
export async function claimSocket(path: string): Promise<void> {
	if (!existsSync(path)) return;
	const alive = await new Promise<boolean>(resolve => {
		const probe: Socket = connect(path);
		probe.once('connect', () => {
			probe.destroy();
			resolve(true);
		});
		probe.once('error', () => resolve(false));
	});
	if (alive) throw Object.assign(new Error(`${path} is in use by another simulated daemon (another k8s-tutor with --docker-api?)`), {code: 'EADDRINUSE'});
	unlinkSync(path);
}
