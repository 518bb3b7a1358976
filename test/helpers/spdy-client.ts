// A small SPDY/3.1 client, as kubectl's port-forward drives the connection: it opens streams with
// compressed headers (one zlib stream with the SPDY dictionary), sends data and FINs, and collects
// what the server sends on each stream. It checks the server's header blocks inflate as zlib.
import {constants, createDeflate, createInflate} from 'node:zlib';
import {controlFrame, dataFrame, flagFin, frameType, headerBlock, parseHeaderBlock, readFrames, spdyDictionary} from '../../source/api/spdy-frames.ts';

export type ClientStream = {id: number; replied: Promise<Record<string, string>>; received(): string; ended: Promise<void>};

export function spdyClient(send: (bytes: Buffer) => void) {
	const deflate = createDeflate({dictionary: spdyDictionary});
	const inflate = createInflate({dictionary: spdyDictionary});
	let deflated: Buffer[] = [];
	deflate.on('data', (c: Buffer) => deflated.push(c));
	let inflated: Buffer[] = [];
	inflate.on('data', (c: Buffer) => inflated.push(c));
	const compress = (block: Buffer) =>
		new Promise<Buffer>(resolve => {
			deflate.write(block);
			deflate.flush(constants.Z_SYNC_FLUSH, () => {
				const out = Buffer.concat(deflated);
				deflated = [];
				resolve(out);
			});
		});
	const decompress = (block: Buffer) =>
		new Promise<Record<string, string>>(resolve => {
			inflate.write(block);
			inflate.flush(constants.Z_SYNC_FLUSH, () => {
				const out = Buffer.concat(inflated);
				inflated = [];
				resolve(parseHeaderBlock(out));
			});
		});
	const streams = new Map<number, {data: Buffer[]; reply: (h: Record<string, string>) => void; end: () => void}>();
	let nextId = 1;
	let buffered = Buffer.alloc(0);
	let queue = Promise.resolve();
	const pings: number[] = [];
	return {
		pings,
		receive(bytes: Buffer) {
			const {frames, rest} = readFrames(Buffer.concat([buffered, bytes]));
			buffered = Buffer.from(rest);
			for (const frame of frames) {
				queue = queue.then(async () => {
					if (!frame.control) {
						const stream = streams.get(frame.streamId);
						stream?.data.push(frame.data);
						if (frame.flags & flagFin) stream?.end();
					} else if (frame.type === frameType.synReply) {
						const id = frame.payload.readUInt32BE(0);
						const headers = await decompress(frame.payload.subarray(4));
						streams.get(id)?.reply(headers);
					} else if (frame.type === frameType.ping) pings.push(frame.payload.readUInt32BE(0));
				});
			}
		},
		async open(headers: Record<string, string>): Promise<ClientStream> {
			const id = nextId;
			nextId += 2;
			let reply!: (h: Record<string, string>) => void;
			let end!: () => void;
			const replied = new Promise<Record<string, string>>(r => (reply = r));
			const ended = new Promise<void>(r => (end = r));
			const state = {data: [] as Buffer[], reply, end};
			streams.set(id, state);
			const fixed = Buffer.alloc(10);
			fixed.writeUInt32BE(id);
			send(controlFrame(frameType.synStream, 0, Buffer.concat([fixed, await compress(headerBlock(headers))])));
			return {id, replied, ended, received: () => Buffer.concat(state.data).toString('utf8')};
		},
		write(id: number, data: string, fin = false) {
			send(dataFrame(id, Buffer.from(data), fin));
		},
		ping(id: number) {
			const payload = Buffer.alloc(4);
			payload.writeUInt32BE(id);
			send(controlFrame(frameType.ping, 0, payload));
		},
	};
}
