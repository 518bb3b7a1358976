// SPDY/3.1 framing, as kubectl speaks it for port-forward (inside a WebSocket, subprotocol
// SPDY/3.1+portforward.k8s.io, or after an `Upgrade: SPDY/3.1` when WebSocket is refused).
// Frames are parsed from and built into bytes here; spdy-session.ts runs a connection over them.

/** The zlib dictionary of SPDY/3 header blocks (the protocol's draft 3, section 2.6.10.1): length-prefixed words, then a tail. */
const dictionaryWords = ['options', 'head', 'post', 'put', 'delete', 'trace', 'accept', 'accept-charset', 'accept-encoding', 'accept-language', 'accept-ranges', 'age', 'allow', 'authorization', 'cache-control', 'connection', 'content-base', 'content-encoding', 'content-language', 'content-length', 'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'etag', 'expect', 'expires', 'from', 'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'pragma', 'proxy-authenticate', 'proxy-authorization', 'range', 'referer', 'retry-after', 'server', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'vary', 'via', 'warning', 'www-authenticate', 'method', 'get', 'status', '200 OK', 'version', 'HTTP/1.1', 'url', 'public', 'set-cookie', 'keep-alive', 'origin'];
const dictionaryTail =
	'100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
	'203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized403 Forbidden404 Not Found' +
	'500 Internal Server Error501 Not Implemented503 Service Unavailable' +
	'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT' +
	'chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,text/javascript,' +
	'publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

export const spdyDictionary: Buffer = Buffer.concat([
	...dictionaryWords.map(word => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(word.length);
		return Buffer.concat([length, Buffer.from(word, 'latin1')]);
	}),
	Buffer.from(dictionaryTail, 'latin1'),
]);

export const frameType = {synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9} as const;
export const flagFin = 0x01;

export type Frame =
	| {control: true; type: number; flags: number; payload: Buffer}
	| {control: false; streamId: number; flags: number; data: Buffer};

/** Takes the complete frames off the front of `bytes`; the rest waits for more. */
export function readFrames(bytes: Buffer): {frames: Frame[]; rest: Buffer} {
	const frames: Frame[] = [];
	let at = 0;
	while (bytes.length - at >= 8) {
		const length = bytes.readUIntBE(at + 5, 3);
		if (bytes.length - at < 8 + length) break;
		const flags = bytes[at + 4]!;
		const body = bytes.subarray(at + 8, at + 8 + length);
		if (bytes[at]! & 0x80) frames.push({control: true, type: bytes.readUInt16BE(at + 2), flags, payload: body});
		else frames.push({control: false, streamId: bytes.readUInt32BE(at) & 0x7fffffff, flags, data: body});
		at += 8 + length;
	}
	return {frames, rest: bytes.subarray(at)};
}

function header(first: number, flags: number, length: number): Buffer {
	const out = Buffer.alloc(8);
	out.writeUInt32BE(first >>> 0);
	out[4] = flags;
	out.writeUIntBE(length, 5, 3);
	return out;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
	return Buffer.concat([header((0x8000 | 3) * 0x10000 + type, flags, payload.length), payload]);
}

/** The largest data frame sent: big answers go out in several. */
export const maxDataFrame = 32 * 1024;

export function dataFrame(streamId: number, data: Buffer, fin: boolean): Buffer {
	return Buffer.concat([header(streamId & 0x7fffffff, fin ? flagFin : 0, data.length), data]);
}

/** A header block before compression: a count, then each name and value with its length. */
export function headerBlock(headers: Record<string, string>): Buffer {
	const parts: Buffer[] = [];
	const u32 = (n: number) => {
		const b = Buffer.alloc(4);
		b.writeUInt32BE(n);
		return b;
	};
	const entries = Object.entries(headers);
	parts.push(u32(entries.length));
	for (const [name, value] of entries) {
		const n = Buffer.from(name.toLowerCase(), 'utf8');
		const v = Buffer.from(value, 'utf8');
		parts.push(u32(n.length), n, u32(v.length), v);
	}
	return Buffer.concat(parts);
}

export function parseHeaderBlock(block: Buffer): Record<string, string> {
	const headers: Record<string, string> = {};
	let at = 4;
	const count = block.length >= 4 ? block.readUInt32BE(0) : 0;
	for (let i = 0; i < count && at + 4 <= block.length; i++) {
		const nameLength = block.readUInt32BE(at);
		const name = block.subarray(at + 4, at + 4 + nameLength).toString('utf8');
		at += 4 + nameLength;
		const valueLength = block.readUInt32BE(at);
		headers[name] = block.subarray(at + 4, at + 4 + valueLength).toString('utf8');
		at += 4 + valueLength;
	}
	return headers;
}

/**
 * The sending side of the connection's one zlib stream of header blocks. Each block goes out as
 * stored (uncompressed) deflate blocks followed by an empty stored block, exactly the marker a
 * sync flush ends with: a reader (Go's compress/flate in kubectl) hands over what it has at that
 * marker, and no compressor state is kept beyond "the stream has started".
 */
export function headerWriter(): (block: Buffer) => Buffer {
	let started = false;
	const stored = (chunk: Buffer) => {
		const head = Buffer.alloc(5);
		head[0] = 0x00; // not the final block; stored
		head.writeUInt16LE(chunk.length, 1);
		head.writeUInt16LE(~chunk.length & 0xffff, 3);
		return Buffer.concat([head, chunk]);
	};
	return block => {
		const parts: Buffer[] = [];
		if (!started) parts.push(Buffer.from([0x78, 0x01])); // zlib header: deflate, 32K window, no dictionary needed
		started = true;
		for (let at = 0; at < block.length; at += 0xffff) parts.push(stored(block.subarray(at, at + 0xffff)));
		parts.push(stored(Buffer.alloc(0)));
		return Buffer.concat(parts);
	};
}
