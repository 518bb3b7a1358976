// A bare WebSocket client over TLS for subprotocols the `ws` client refuses to offer: kubectl's
// port-forward tunnel is "SPDY/3.1+portforward.k8s.io", which is not an RFC 7230 token. Binary
// messages only, as the tunnel uses them.
import {randomBytes} from 'node:crypto';
import {connect} from 'node:tls';

export type RawWebSocket = {status: number; headers: string; send(data: Buffer): void; onMessage(listener: (data: Buffer) => void): void; close(): void};

export function rawWebSocket(options: {port: number; ca: string; path: string; token: string; protocol: string}): Promise<RawWebSocket> {
	return new Promise((resolve, reject) => {
		const socket = connect({host: '127.0.0.1', port: options.port, ca: options.ca, servername: 'localhost'});
		const listeners: ((data: Buffer) => void)[] = [];
		let buffered = Buffer.alloc(0);
		let handshake = '';
		let open = false;
		const frames = () => {
			while (buffered.length >= 2) {
				let length = buffered[1]! & 0x7f;
				let at = 2;
				if (length === 126) [length, at] = [buffered.readUInt16BE(2), 4];
				else if (length === 127) [length, at] = [Number(buffered.readBigUInt64BE(2)), 10];
				if (buffered.length < at + length) return;
				const opcode = buffered[0]! & 0x0f;
				const payload = buffered.subarray(at, at + length);
				buffered = buffered.subarray(at + length);
				if (opcode === 2) for (const listener of listeners) listener(Buffer.from(payload));
			}
		};
		const send = (opcode: number, data: Buffer) => {
			const mask = randomBytes(4);
			const masked = Buffer.from(data.map((b, i) => b ^ mask[i % 4]!));
			const head = data.length < 126 ? Buffer.from([0x80 | opcode, 0x80 | data.length]) : data.length < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, data.length >> 8, data.length & 0xff]) : undefined;
			if (!head) throw new Error('message too long for this test client');
			socket.write(Buffer.concat([head, mask, masked]));
		};
		socket.on('error', reject);
		socket.on('secureConnect', () => {
			socket.write(`GET ${options.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${options.token}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Protocol: ${options.protocol}\r\n\r\n`);
		});
		socket.on('data', (bytes: Buffer) => {
			if (open) {
				buffered = Buffer.concat([buffered, bytes]);
				return frames();
			}
			handshake += bytes.toString('latin1');
			const end = handshake.indexOf('\r\n\r\n');
			if (end < 0) return;
			open = true;
			buffered = Buffer.from(handshake.slice(end + 4), 'latin1');
			const status = Number(handshake.split(' ')[1]);
			resolve({status, headers: handshake.slice(0, end), send: data => send(2, data), onMessage: l => listeners.push(l), close: () => socket.destroy()});
			frames();
		});
	});
}
