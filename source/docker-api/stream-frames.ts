// dockerd's stream framing: without a TTY, each chunk of output goes out behind an 8-byte header
// (stream 1 stdout or 2 stderr, three zero bytes, the length big-endian); with a TTY, raw bytes.
import {worldEpoch, type World} from '../engine/world.ts';

export const streamIds = {stdin: 0, stdout: 1, stderr: 2} as const;

export function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
	const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
	const header = Buffer.alloc(8);
	header[0] = stream;
	header.writeUInt32BE(data.length, 4);
	return Buffer.concat([header, data]);
}

/** Output for a client: framed, or raw for a TTY. */
export function framed(stream: 1 | 2, text: string, tty: boolean): Buffer {
	if (!text) return Buffer.alloc(0);
	return tty ? Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8') : frame(stream, text);
}

/** Log lines as the logs endpoint sends them: one frame per line, an RFC 3339 stamp first with timestamps=1. */
export function logFrames(lines: string[], options: {tty: boolean; timestamps: boolean; startedAt: number; world: World}): Buffer {
	const stamp = options.timestamps ? `${new Date(worldEpoch + options.startedAt).toISOString().replace('Z', '000000Z')} ` : '';
	return Buffer.concat(lines.map(line => framed(1, `${stamp}${line}\n`, options.tty)));
}
