// The room's offline install: the host offers the very package it runs as an npm tarball
// (http://HOST:PORT/k8s-tutor.tgz), so `npx --yes http://HOST:PORT/k8s-tutor.tgz join ...` works
// with no internet. The package has no dependencies (everything is bundled), so npm needs
// nothing else. Built once, in memory, from package.json's "files" (as `npm pack` would).
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

/** The installed package this code runs from, or undefined when it runs from source (not from dist/). */
export function packageRoot(from = fileURLToPath(import.meta.url)): string | undefined {
	if (!/[\\/]dist[\\/]/.test(from)) return undefined;
	for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (!existsSync(manifest)) continue;
		const name = (JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string}).name;
		if (name !== 'k8s-tutor') continue;
		return existsSync(join(dir, 'dist', 'cli.js')) ? dir : undefined;
	}
	return undefined;
}

/** A gzipped ustar archive of the package, every path under package/ as npm expects. */
export function packageTarball(root: string): Buffer {
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {files?: string[]};
	const files = ['package.json'];
	const walk = (path: string) => {
		const full = join(root, path);
		if (!existsSync(full)) return;
		if (statSync(full).isDirectory()) for (const entry of readdirSync(full).sort()) walk(join(path, entry));
		else files.push(relative(root, full));
	};
	for (const entry of manifest.files ?? []) walk(entry);
	const blocks: Buffer[] = [];
	for (const file of [...new Set(files)]) {
		const body = readFileSync(join(root, file));
		blocks.push(tarHeader(`package/${file.split('\\').join('/')}`, body.length, file.endsWith('cli.js') ? 0o755 : 0o644), body, Buffer.alloc((512 - (body.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return gzipSync(Buffer.concat(blocks));
}

function tarHeader(path: string, size: number, mode: number): Buffer {
	const header = Buffer.alloc(512);
	// Long paths: the last 100 bytes in name, the rest in the 155-byte prefix (split at a slash).
	let name = path;
	let prefix = '';
	if (Buffer.byteLength(path) > 100) {
		const cut = findSplit(path);
		if (cut < 0) throw new Error(`path too long for a tarball: ${path}`);
		prefix = path.slice(0, cut);
		name = path.slice(cut + 1);
	}
	const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
	header.write(name, 0, 100, 'utf8');
	header.write(octal(mode, 8), 100, 'ascii');
	header.write(octal(0, 8), 108, 'ascii');
	header.write(octal(0, 8), 116, 'ascii');
	header.write(octal(size, 12), 124, 'ascii');
	header.write(octal(499162500, 12), 136, 'ascii'); // a fixed time, as npm pack writes (1985-10-26)
	header.write('        ', 148, 'ascii');
	header.write('0', 156, 'ascii');
	header.write('ustar\u000000', 257, 'binary');
	header.write(prefix, 345, 155, 'utf8');
	let sum = 0;
	for (const byte of header) sum += byte;
	header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
	return header;
}

function findSplit(path: string): number {
	for (let cut = path.indexOf('/'); cut >= 0; cut = path.indexOf('/', cut + 1)) {
		if (Buffer.byteLength(path.slice(cut + 1)) <= 100 && Buffer.byteLength(path.slice(0, cut)) <= 155) return cut;
	}
	return -1;
}
