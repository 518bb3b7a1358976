// The build context the CLI uploads: a tar archive (gzip-compressed with --compress), read into
// the ContextReader the engine's builder reads from, with the same limits as a context on disk.
import {gunzipSync} from 'node:zlib';
import type {ContextReader} from '../engine/docker/build.ts';
import {buildContextLimits} from '../shell/commands/docker/build-context.ts';

type Entries = {files: Map<string, string>; folders: Set<string>};

function field(block: Buffer, start: number, length: number): string {
	const raw = block.subarray(start, start + length);
	const end = raw.indexOf(0);
	return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
	const text = field(block, start, length).trim();
	return text ? parseInt(text, 8) : 0;
}

/** PAX extended headers: "LEN key=value\n" records; only the path matters here. */
function paxPath(data: Buffer): string | undefined {
	for (const record of data.toString('utf8').split('\n')) {
		const m = record.match(/^\d+ path=(.*)$/);
		if (m) return m[1];
	}
	return undefined;
}

const clean = (path: string) => path.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');

/** The archive's files and folders, or why it cannot be read. */
export function readTar(archive: Buffer, limits = buildContextLimits): Entries | {error: string} {
	let data = archive;
	if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) {
		try {
			data = gunzipSync(data, {maxOutputLength: limits.bytes * 2});
		} catch {
			return {error: 'failed to read the build context: the gzip stream is damaged or too large'};
		}
	}
	const files = new Map<string, string>();
	const folders = new Set<string>(['']);
	let offset = 0;
	let longName: string | undefined;
	let bytes = 0;
	while (offset + 512 <= data.length) {
		const block = data.subarray(offset, offset + 512);
		if (block.every(b => b === 0)) break;
		const size = octal(block, 124, 12);
		const type = String.fromCharCode(block[156] || 48);
		const prefix = field(block, 345, 155);
		const name = longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
		longName = undefined;
		const body = data.subarray(offset + 512, offset + 512 + size);
		if (body.length < size) return {error: 'failed to read the build context: unexpected end of the tar archive'};
		offset += 512 + Math.ceil(size / 512) * 512;
		if (type === 'x') longName = paxPath(body);
		else if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
		else if (type === 'g') continue;
		else {
			const path = clean(name);
			if (!path) continue;
			if (type === '5') folders.add(path);
			else if (type === '0' || type === '7') {
				bytes += size;
				if (bytes > limits.bytes || files.size + folders.size > limits.files) return {error: `[simulator] the build context is larger than k8s-tutor reads (the limits are ${limits.files} files, ${limits.bytes / 1024 / 1024} MiB). List what the image does not need in a .dockerignore file.`};
				files.set(path, body.toString('utf8'));
			}
			// Every file's folders exist, whether or not the archive lists them.
			const segments = path.split('/');
			for (let i = 1; i < segments.length; i++) folders.add(segments.slice(0, i).join('/'));
		}
	}
	return {files, folders};
}

export function tarContext(entries: Entries): ContextReader {
	return {
		readFile: path => entries.files.get(clean(path)),
		isDirectory: path => entries.folders.has(clean(path)),
		listDirectory: path => {
			const dir = clean(path);
			const names = new Set<string>();
			for (const p of [...entries.files.keys(), ...entries.folders]) {
				if (!p || p === dir) continue;
				const inside = dir ? (p.startsWith(dir + '/') ? p.slice(dir.length + 1) : undefined) : p;
				if (inside) names.add(inside.split('/')[0]!);
			}
			return [...names].sort();
		},
	};
}
