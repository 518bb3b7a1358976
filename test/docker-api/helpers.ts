// Shared by the Docker Engine endpoint's tests: a seeded world, requests as the docker CLI 28
// sends them, the built-in docker as the handler's shell, and a tar archive in memory.
import {createSandboxWorld, learnerHost} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';
import {builtInDocker} from '../../source/docker-api/built-in-docker.ts';
import type {DockerEnv, DockerHandled, DockerRequest, ExecInstance} from '../../source/docker-api/docker-types.ts';
import {handleDockerRequest} from '../../source/docker-api/handle-docker-request.ts';
import {learnerRuntime} from '../../source/shell/runtime.ts';
import {memoryDisk} from '../../source/shell/memory-disk.ts';
import {createShellState} from '../../source/shell/session.ts';

let base: World | undefined;
/** The sandbox a minute after boot, with the learner logged in on host-1 (as the tutor has it). */
export const seededWorld = () => (base ??= createShellState(tick(createSandboxWorld({seed: 3}), 60_000), learnerHost).world);

export const shell = builtInDocker(learnerRuntime(memoryDisk({})), learnerHost);

export function dockerRequest(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): DockerRequest {
	const parsed = new URL(url, 'http://docker');
	const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return {method, path: parsed.pathname, query: parsed.searchParams, headers: {'user-agent': 'Docker-Client/28.2.2 (linux)', ...headers}, body: bytes, apiVersion: '1.47'};
}

export function envWith(execs: Map<string, ExecInstance> = new Map()): DockerEnv {
	let n = 0;
	return {host: learnerHost, shell, offsetMs: 0, execs, newId: () => `exec${++n}`.padEnd(64, '0')};
}

/** One request; the world it leaves (the old one when nothing changed). */
export function send(world: World, req: DockerRequest, env = envWith()): DockerHandled & {next: World; body: any} {
	const handled = handleDockerRequest(req, world, env);
	return {...handled, next: handled.world ?? world, body: handled.response.body};
}

/** A ustar archive of text files, as the CLI uploads a build context. */
export function tarOf(files: Record<string, string>): Buffer {
	const blocks: Buffer[] = [];
	for (const [name, content] of Object.entries(files)) {
		const data = Buffer.from(content);
		const header = Buffer.alloc(512);
		header.write(name, 0, 100);
		header.write('0000644\0', 100);
		header.write('0000000\0', 108);
		header.write('0000000\0', 116);
		header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
		header.write('00000000000\0', 136);
		header.write('        ', 148);
		header.write('0', 156);
		header.write('ustar\0', 257);
		header.write('00', 263);
		let sum = 0;
		for (const byte of header) sum += byte;
		header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
		blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
	}
	blocks.push(Buffer.alloc(1024));
	return Buffer.concat(blocks);
}

/** The stdout of a multiplexed stream (8-byte headers), stream by stream. */
export function demultiplex(bytes: Buffer): {stdout: string; stderr: string} {
	let stdout = '';
	let stderr = '';
	let offset = 0;
	while (offset + 8 <= bytes.length) {
		const size = bytes.readUInt32BE(offset + 4);
		const text = bytes.subarray(offset + 8, offset + 8 + size).toString('utf8');
		if (bytes[offset] === 2) stderr += text;
		else stdout += text;
		offset += 8 + size;
	}
	return {stdout, stderr};
}
