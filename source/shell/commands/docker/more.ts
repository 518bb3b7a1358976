// docker stats / top / port / commit / rename / pause / unpause / container prune / image prune
import {produce} from 'immer';
import {commitContainer} from '../../../engine/docker/commit.ts';
import {removeImage, tagsOf} from '../../../engine/docker/images.ts';
import {findContainer, removeContainer} from '../../../engine/docker/runtime.ts';
import {humanSize} from '../../../engine/docker/units.ts';
import {cgroupMemoryCurrent} from '../../../engine/host/memory.ts';
import {listDirectory, lookupFile, normalizePath, writeFile} from '../../../engine/host/filesystem.ts';
import {makeDirectoryPath, pathKind, readPath, resolvePath, writePath} from '../../paths.ts';
import {worldEpoch} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {daemonError, fail, notSimulatedNote, ok, table, usageError} from './format.ts';
import {dockerFlags, flagSet, flagValue, intFlag, parseFlags} from './flags.ts';

/** go-units BytesSize: binary units, 4 significant digits ("28MiB", "7.773GiB"). */
/** go-units BytesSize: binary units, 4 significant digits ("8GiB", "1.953GiB"). */
export function bytesSize(bytes: number): string {
	const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
	let size = bytes;
	let i = 0;
	while (size >= 1024 && i < units.length - 1) {
		size /= 1024;
		i++;
	}
	return `${Number(size.toPrecision(4))}${units[i]}`;
}

export function dockerStats(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('stats'));
	if (!parsed.ok) return usageError(parsed.error, 'stats');
	const host = call.world.hosts.get(call.host)!;
	let list = [...call.daemon.containers.values()].sort((a, b) => b.created - a.created);
	if (parsed.flags.positionals.length) {
		const picked = [];
		for (const name of parsed.flags.positionals) {
			const c = findContainer(call.daemon, name);
			if (!c) return daemonError(`No such container: ${name}`);
			picked.push(c);
		}
		list = picked;
	} else if (!flagSet(parsed.flags, '-a')) list = list.filter(c => c.state === 'running');
	const rows = list.map(c => {
		const procs = [...host.processes.values()].filter(p => p.containerId === c.id && c.state === 'running');
		const cpu = procs.reduce((sum, p) => sum + (p.cpuUsage ?? 0), 0) * 100;
		const used = c.state === 'running' ? cgroupMemoryCurrent(host, c.cgroup) : 0;
		const limit = c.state === 'running' ? (c.memoryLimit ?? host.memoryBytes) : 0;
		const requests = c.logs.filter(l => l.startsWith('Received request') || / "GET /.test(l)).length;
		const net = c.state === 'running' ? `${humanSize(1046 + requests * 180)} / ${humanSize(requests * 220)}` : '0B / 0B';
		return [c.id.slice(0, 12), c.name, c.state === 'running' ? `${cpu.toFixed(2)}%` : '--', `${bytesSize(used)} / ${bytesSize(limit)}`, limit ? `${((used / limit) * 100).toFixed(2)}%` : '0.00%', net, '0B / 0B', String(procs.length)];
	});
	const note = flagSet(parsed.flags, '--no-stream') ? '' : '(docker stats refreshes every second in a real terminal until Ctrl-C; here it prints one sample, as with --no-stream)\n';
	return ok(table([['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS'], ...rows]), {stderr: note + notSimulatedNote(parsed.flags.notSimulated)});
}

export function dockerTop(args: string[], call: DockerCall): CommandOutcome {
	const name = args[0];
	if (!name) return fail(`docker: 'docker top' requires at least 1 argument\n\nUsage:  docker top CONTAINER [ps OPTIONS]\n\nSee 'docker top --help' for more information`, 1);
	const c = findContainer(call.daemon, name);
	if (!c) return daemonError(`No such container: ${name}`);
	if (c.state !== 'running') return daemonError(`container ${c.id} is not running`);
	const host = call.world.hosts.get(call.host)!;
	const procs = [...host.processes.values()].filter(p => p.containerId === c.id).sort((a, b) => a.pid - b.pid);
	const stime = (start: number) => new Date(worldEpoch + start).toISOString().slice(11, 16);
	const time = (ms: number) => {
		const s = Math.floor(ms / 1000);
		return `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
	};
	const rows = procs.map(p => [p.user, String(p.pid), String(p.ppid), '0', stime(p.startTime), p.tty ?? '?', time(p.cpuMillis), p.command]);
	return ok(table([['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...rows]));
}

export function dockerPort(args: string[], call: DockerCall): CommandOutcome {
	const [name, wanted] = args;
	if (!name) return fail(`docker: 'docker port' requires at least 1 and at most 2 arguments\n\nUsage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n\nRun 'docker port --help' for more information`, 1);
	const c = findContainer(call.daemon, name);
	if (!c) return daemonError(`No such container: ${name}`);
	if (c.state !== 'running') return ok('');
	const lines: string[] = [];
	for (const p of c.ports) {
		const key = `${p.containerPort}/${p.protocol}`;
		if (wanted && wanted !== key && wanted !== String(p.containerPort)) continue;
		const prefix = wanted ? '' : `${key} -> `;
		lines.push(`${prefix}${p.hostIp}:${p.hostPort}`);
		if (p.hostIp === '0.0.0.0') lines.push(`${prefix}[::]:${p.hostPort}`);
	}
	if (wanted && lines.length === 0) return fail(`Error: No public port '${wanted.includes('/') ? wanted : `${wanted}/tcp`}' published for ${name}`, 1);
	return ok(lines.map(l => l + '\n').join(''));
}

export function dockerCommit(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('commit'));
	if (!parsed.ok) return usageError(parsed.error, 'commit');
	const [name, target, ...extra] = parsed.flags.positionals;
	if (!name || extra.length) return fail(`docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information`, 1);
	let error = '';
	let imageId = '';
	const world = produce(call.world, w => {
		const result = commitContainer(w, call.host, name, target, {message: flagValue(parsed.flags, '-m'), author: flagValue(parsed.flags, '-a')});
		if (!result.ok) error = result.error;
		else imageId = result.image.id;
	});
	if (error) return daemonError(error);
	return ok(imageId + '\n', {world, stderr: notSimulatedNote(parsed.flags.notSimulated)});
}

export function dockerRename(args: string[], call: DockerCall): CommandOutcome {
	const [from, to, ...extra] = args;
	if (!from || !to || extra.length) return fail(`docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information`, 1);
	const c = findContainer(call.daemon, from);
	if (!c) return daemonError(`No such container: ${from}`);
	if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(to)) return daemonError(`Invalid container name (${to}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
	const holder = [...call.daemon.containers.values()].find(o => o.name === to);
	if (holder) return daemonError(`Error when allocating new name: Conflict. The container name "/${to}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
	const world = produce(call.world, w => {
		w.dockers.get(call.host)!.containers.get(c.id)!.name = to;
	});
	return ok('', {world});
}

export function dockerPause(args: string[], call: DockerCall, pause: boolean): CommandOutcome {
	const sub = pause ? 'pause' : 'unpause';
	if (args.length === 0) return fail(`docker: 'docker ${sub}' requires at least 1 argument\n\nUsage:  docker ${sub} CONTAINER [CONTAINER...]\n\nSee 'docker ${sub} --help' for more information`, 1);
	let stdout = '';
	let stderr = '';
	const world = produce(call.world, w => {
		const daemon = w.dockers.get(call.host)!;
		const host = w.hosts.get(call.host)!;
		for (const name of args) {
			const c = findContainer(daemon, name);
			if (!c) stderr += `Error response from daemon: No such container: ${name}\n`;
			else if (pause && c.state !== 'running') stderr += `Error response from daemon: container ${c.id} is not running\n`;
			else if (!pause && c.state !== 'paused') stderr += `Error response from daemon: Container ${c.id} is not paused\n`;
			else {
				c.state = pause ? 'paused' : 'running';
				// The freezer stops every process of the container: ps shows them in state D/T.
				for (const p of host.processes.values()) if (p.containerId === c.id) p.state = pause ? 'T' : 'S';
				stdout += name + '\n';
			}
		}
	});
	return {stdout, stderr, exitCode: stderr ? 1 : 0, world};
}

export function dockerPrune(kind: 'container' | 'image' | 'system', args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags(`${kind} prune`));
	if (!parsed.ok) return usageError(parsed.error, `${kind} prune`);
	const warning = {
		container: 'WARNING! This will remove all stopped containers.',
		image: flagSet(parsed.flags, '-a') ? 'WARNING! This will remove all images without at least one container associated to them.' : 'WARNING! This will remove all dangling images.',
		system: `WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all ${flagSet(parsed.flags, '-a') ? 'images without at least one container associated to them' : 'dangling images'}\n  - unused build cache\n`,
	}[kind];
	if (!flagSet(parsed.flags, '-f')) return fail(`${warning}${kind === 'system' ? '' : '\n'}Are you sure you want to continue? [y/N] (no answer without a terminal: add -f to confirm)`, 1);
	let out = '';
	let reclaimed = 0;
	const world = produce(call.world, w => {
		const daemon = w.dockers.get(call.host)!;
		if (kind !== 'image') {
			const removed: string[] = [];
			for (const c of [...daemon.containers.values()]) {
				if (c.state === 'running' || c.state === 'paused') continue;
				if (removeContainer(w, call.host, c.id).ok) removed.push(c.id);
			}
			if (removed.length) out += `Deleted Containers:\n${removed.join('\n')}\n\n`;
		}
		if (kind !== 'container') {
			const used = new Set([...daemon.containers.values()].map(c => c.image));
			const lines: string[] = [];
			for (const image of [...daemon.images.values()]) {
				if (!daemon.images.has(image.id) || image.intermediate || used.has(image.id)) continue;
				const dangling = tagsOf(daemon, image.id).length === 0;
				if (!dangling && !flagSet(parsed.flags, '-a')) continue;
				const before = [...daemon.layers].reduce((s, l) => s + (w.layers.get(l)?.sizeBytes ?? 0), 0);
				const result = removeImage(w, call.host, image.id.slice(7), true);
				if (!result.ok) continue;
				lines.push(...result.lines.map(l => l.replace(/^Untagged: /, 'untagged: ').replace(/^Deleted: /, 'deleted: ')));
				reclaimed += before - [...daemon.layers].reduce((s, l) => s + (w.layers.get(l)?.sizeBytes ?? 0), 0);
			}
			if (lines.length) out += `Deleted Images:\n${lines.join('\n')}\n\n`;
		}
	});
	return ok(`${out}Total reclaimed space: ${humanSize(reclaimed)}\n`, {world});
}

/** `docker cp CONTAINER:SRC DEST` and `docker cp SRC CONTAINER:DEST` (files; directories recursively). */
export function dockerCp(args: string[], call: DockerCall): CommandOutcome {
	const positionals = args.filter(a => !a.startsWith('-'));
	const [from, to] = positionals;
	if (!from || !to || positionals.length !== 2) return fail(`docker: 'docker cp' requires 2 arguments\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nRun 'docker cp --help' for more information`, 1);
	const split = (spec: string) => {
		const m = spec.match(/^([a-zA-Z0-9][a-zA-Z0-9_.-]*):(.*)$/);
		return m ? {container: m[1]!, path: m[2]!} : {path: spec};
	};
	const src = split(from);
	const dst = split(to);
	if ((src.container === undefined) === (dst.container === undefined)) return fail('must specify at least one container source', 1);
	const name = (src.container ?? dst.container)!;
	const container = findContainer(call.daemon, name);
	if (!container) return daemonError(`No such container: ${name}`);
	const fs = call.world.hosts.get(call.host)!.filesystems.get(container.rootfs);
	if (!fs) return daemonError(`No such container: ${name}`);
	const inContainer = (path: string) => normalizePath(path, container.workdir);
	let world = call.world;
	let copied = 0;
	if (src.container !== undefined) {
		const root = inContainer(src.path);
		const found = lookupFile(world, fs, root);
		if (!found) return fail(`Error response from daemon: Could not find the file ${root} in container ${name}`, 1);
		const files = found.node.type === 'dir' ? walk(world, fs, root) : [root];
		const destIsDir = pathKind(world, call.ctx.frame, dst.path) === 'dir';
		const base = root.split('/').pop() ?? '';
		for (const file of files) {
			const node = lookupFile(world, fs, file)!.node;
			if (node.type !== 'file') continue;
			const relative = found.node.type === 'dir' ? `${base}${file.slice(root.length)}` : base;
			const target = destIsDir ? `${dst.path.replace(/\/$/, '')}/${relative}` : found.node.type === 'dir' ? `${dst.path}${file.slice(root.length)}` : dst.path;
			for (let dir = target.slice(0, target.lastIndexOf('/')); dir && pathKind(world, call.ctx.frame, dir) === undefined; dir = dir.slice(0, dir.lastIndexOf('/'))) {
				const made = makeDirectoryPath(world, call.ctx.frame, dir, true);
				if (made.ok) world = made.world;
			}
			const written = writePath(world, call.ctx.frame, target, node.content, false);
			if (!written.ok) return fail(`open ${target}: ${written.error.toLowerCase()}`, 1);
			world = written.world;
			copied += node.content.length;
		}
		return {stdout: '', stderr: `Successfully copied ${humanSize(Math.max(copied, 512) + 1536)} to ${dst.path}\n`, exitCode: 0, world};
	}
	const read = readPath(world, call.ctx.frame, src.path);
	if ('error' in read) return fail(`lstat ${resolvePath(call.ctx.frame, src.path)}: no such file or directory`, 1);
	const dest = inContainer(dst.path);
	const destNode = lookupFile(world, fs, dest);
	const target = destNode?.node.type === 'dir' ? `${dest === '/' ? '' : dest}/${src.path.split('/').pop()}` : dest;
	world = produce(world, w => {
		writeFile(w, w.hosts.get(call.host)!.filesystems.get(container.rootfs)!, target, read.content);
	});
	return {stdout: '', stderr: `Successfully copied ${humanSize(read.content.length + 1536)} to ${name}:${dst.path}\n`, exitCode: 0, world};
}

function walk(world: Parameters<typeof listDirectory>[0], fs: Parameters<typeof listDirectory>[1], dir: string): string[] {
	const out: string[] = [];
	for (const name of listDirectory(world, fs, dir)) {
		const path = `${dir === '/' ? '' : dir}/${name}`;
		const node = lookupFile(world, fs, path)?.node;
		if (node?.type === 'dir') out.push(...walk(world, fs, path));
		else if (node?.type === 'file') out.push(path);
	}
	return out;
}

const hubDescriptions: Record<string, [string, number]> = {
	'library/nginx': ['Official build of Nginx.', 20769],
	'library/busybox': ['Busybox base image.', 3378],
	'library/alpine': ['A minimal Docker image based on Alpine Linux with a complete package index…', 11284],
	'library/ubuntu': ['Ubuntu is a Debian-based Linux operating system based on free software.', 17512],
	'library/debian': ['Debian is a Linux distribution that\'s composed entirely of free and open-s…', 5215],
	'library/node': ['Node.js is a JavaScript-based platform for server-side and networking app…', 13853],
	'library/buildpack-deps': ['A collection of common build dependencies used for installing various mo…', 491],
	'luksa/kubia': ['', 14],
	'polinux/stress': ['Docker container with stress-ng / stress utility', 41],
	'arm64v8/alpine': ['A minimal Docker image based on Alpine Linux with a complete package index…', 106],
};

/** `docker search TERM`: repositories on the (simulated) Docker Hub whose name contains TERM. */
export function dockerSearch(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('search'));
	if (!parsed.ok) return usageError(parsed.error, 'search');
	const term = parsed.flags.positionals[0];
	if (!term || parsed.flags.positionals.length > 1) return fail(`docker: 'docker search' requires 1 argument\n\nUsage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information`, 1);
	const limitValue = intFlag(parsed.flags, '--limit', '--limit');
	if (typeof limitValue === 'object') return usageError(limitValue.error, 'search');
	const limit = limitValue ?? 25;
	const matches = [...call.world.registry.repositories.values()]
		.filter(repo => repo.name.replace(/^library\//, '').includes(term.toLowerCase()))
		.map(repo => {
			const [description, stars] = hubDescriptions[repo.name] ?? ['', 0];
			return {name: repo.name.replace(/^library\//, ''), description, stars, official: repo.name.startsWith('library/')};
		})
		.sort((a, b) => b.stars - a.stars)
		.slice(0, limit);
	return ok(table([['NAME', 'DESCRIPTION', 'STARS', 'OFFICIAL'], ...matches.map(m => [m.name, m.description, String(m.stars), m.official ? '[OK]' : ''])]), {stderr: notSimulatedNote(parsed.flags.notSimulated)});
}
