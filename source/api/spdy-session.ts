// The server side of one SPDY/3.1 connection: the client (kubectl) opens streams, the server
// answers each with a SYN_REPLY, then both send data until each side's FIN. Pings are answered;
// flow control is not enforced (kubectl's spdystream does not enforce it either).
import {constants, createInflate} from 'node:zlib';
import {controlFrame, dataFrame, flagFin, frameType, headerBlock, headerWriter, maxDataFrame, parseHeaderBlock, readFrames, spdyDictionary, type Frame} from './spdy-frames.ts';

export type SpdyStream = {
	id: number;
	headers: Record<string, string>;
	/** Data the client sent on it; `end` when the client closed its side. */
	onData(listener: (data: Buffer) => void): void;
	onEnd(listener: () => void): void;
	write(data: Buffer | string): void;
	/** Closes the server's side (a FIN). */
	end(): void;
};

export type SpdyConnection = {receive(bytes: Buffer): void; close(): void};

export function spdyConnection(send: (bytes: Buffer) => void, onStream: (stream: SpdyStream) => void, onClose: () => void): SpdyConnection {
	let buffered = Buffer.alloc(0);
	let closed = false;
	const encode = headerWriter();
	// The client's header blocks are one zlib stream with the SPDY dictionary: inflated in order, each up to a sync flush.
	const inflate = createInflate({dictionary: spdyDictionary});
	let inflated: Buffer[] = [];
	inflate.on('data', (chunk: Buffer) => inflated.push(chunk));
	inflate.on('error', () => close());
	const decode = (block: Buffer) =>
		new Promise<Record<string, string>>(resolve => {
			inflate.write(block);
			inflate.flush(constants.Z_SYNC_FLUSH, () => {
				const plain = Buffer.concat(inflated);
				inflated = [];
				resolve(parseHeaderBlock(plain));
			});
		});
	const streams = new Map<number, {data: ((d: Buffer) => void)[]; end: (() => void)[]; pending: Buffer[]; ended: boolean; finSent: boolean}>();
	const out = (bytes: Buffer) => {
		if (!closed) send(bytes);
	};

	const close = () => {
		if (closed) return;
		closed = true;
		inflate.close();
		onClose();
	};

	const handle = async (frame: Frame) => {
		if (!frame.control) {
			const stream = streams.get(frame.streamId);
			if (!stream) return;
			if (frame.data.length) {
				if (stream.data.length) for (const listener of stream.data) listener(frame.data);
				else stream.pending.push(frame.data);
			}
			if (frame.flags & flagFin) {
				stream.ended = true;
				for (const listener of stream.end) listener();
			}
			return;
		}
		const p = frame.payload;
		switch (frame.type) {
			case frameType.synStream: {
				const id = p.readUInt32BE(0) & 0x7fffffff;
				const headers = await decode(p.subarray(10));
				const state = {data: [] as ((d: Buffer) => void)[], end: [] as (() => void)[], pending: [] as Buffer[], ended: (frame.flags & flagFin) !== 0, finSent: false};
				streams.set(id, state);
				const idBytes = Buffer.alloc(4);
				idBytes.writeUInt32BE(id);
				out(controlFrame(frameType.synReply, 0, Buffer.concat([idBytes, encode(headerBlock({}))])));
				onStream({
					id,
					headers,
					onData(listener) {
						state.data.push(listener);
						for (const chunk of state.pending.splice(0)) listener(chunk);
					},
					onEnd(listener) {
						state.end.push(listener);
						if (state.ended) listener();
					},
					write(data) {
						const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
						for (let at = 0; at < bytes.length; at += maxDataFrame) out(dataFrame(id, bytes.subarray(at, at + maxDataFrame), false));
					},
					end() {
						if (state.finSent) return;
						state.finSent = true;
						out(dataFrame(id, Buffer.alloc(0), true));
					},
				});
				break;
			}
			case frameType.rstStream: {
				const stream = streams.get(p.readUInt32BE(0) & 0x7fffffff);
				if (stream && !stream.ended) {
					stream.ended = true;
					for (const listener of stream.end) listener();
				}
				break;
			}
			case frameType.ping:
				out(controlFrame(frameType.ping, 0, Buffer.from(p)));
				break;
			case frameType.goAway:
				close();
				break;
			// SETTINGS, WINDOW_UPDATE, HEADERS: nothing the simulated kubelet needs.
		}
	};

	let queue = Promise.resolve();
	return {
		receive(bytes) {
			if (closed) return;
			const {frames, rest} = readFrames(Buffer.concat([buffered, bytes]));
			buffered = Buffer.from(rest);
			for (const frame of frames) queue = queue.then(() => (closed ? undefined : handle(frame)));
		},
		close,
	};
}
