// GET /containers/json (what `docker ps` reads) and the unix times the CLI turns into ages.
import {parseImageRef, tagKey} from '../engine/docker/image-ref.ts';
import type {Container, DockerDaemon} from '../engine/docker/types.ts';
import {worldEpoch, type World} from '../engine/world.ts';
import {statusText} from '../shell/commands/docker/containers.ts';
import {unknownFilter, type Filters} from './filters.ts';

/** Seconds since 1970 on the learner's clock, for a virtual time. */
export function unixSeconds(virtualMs: number, offsetMs: number): number {
	return Math.floor((worldEpoch + virtualMs + offsetMs) / 1000);
}

/** The reference the container was made from while its tag still names that image, else the image id (the CLI shortens it). */
function imageField(daemon: DockerDaemon, c: Container): string {
	const parsed = parseImageRef(c.imageRef);
	if (!('error' in parsed) && daemon.tags.get(tagKey(parsed)) === c.image) return c.imageRef;
	if (c.image.replace('sha256:', '').startsWith(c.imageRef)) return c.imageRef;
	return c.image;
}

function portsOf(daemon: DockerDaemon, c: Container): object[] {
	if (c.state !== 'running' && c.state !== 'paused') return [];
	if (c.namespaceModes?.net || c.joinedNamespacesOf !== undefined) return [];
	const out: object[] = [];
	for (const p of c.ports) {
		out.push({IP: p.hostIp, PrivatePort: p.containerPort, PublicPort: p.hostPort, Type: p.protocol});
		if (p.hostIp === '0.0.0.0') out.push({IP: '::', PrivatePort: p.containerPort, PublicPort: p.hostPort, Type: p.protocol});
	}
	for (const port of daemon.images.get(c.image)?.config.exposedPorts ?? []) {
		const [num, proto = 'tcp'] = port.split('/');
		if (!c.ports.some(p => p.containerPort === Number(num) && p.protocol === proto)) out.push({PrivatePort: Number(num), Type: proto});
	}
	return out;
}

function networkMode(c: Container): string {
	return c.namespaceModes?.net ?? (c.joinedNamespacesOf !== undefined ? `container:${c.joinedNamespacesOf}` : (c.networks?.[0] ?? 'bridge'));
}

export function containerSummary(world: World, daemon: DockerDaemon, c: Container, offsetMs: number): object {
	return {
		Id: c.id,
		Names: [`/${c.name}`],
		Image: imageField(daemon, c),
		ImageID: c.image,
		Command: c.command.join(' '),
		Created: unixSeconds(c.created, offsetMs),
		Ports: portsOf(daemon, c),
		Labels: c.labels,
		State: c.state,
		Status: statusText(c, world.time),
		HostConfig: {NetworkMode: networkMode(c)},
		NetworkSettings: {Networks: Object.fromEntries((c.networks ?? (c.namespaceModes?.net || c.joinedNamespacesOf !== undefined ? [] : ['bridge'])).map(n => [n, {IPAddress: c.state === 'running' ? (n === 'bridge' ? (c.ipAddress ?? '') : (c.networkAddresses?.[n] ?? '')) : ''}]))},
		Mounts: (c.mounts ?? []).map(m => ({Type: m.type, ...(m.name ? {Name: m.name} : {}), Source: m.source, Destination: m.destination, RW: !m.readOnly})),
	};
}

/** dockerd reads a name filter as a regular expression; one that does not compile matches as plain text. */
function matches(pattern: string, name: string): boolean {
	try {
		return new RegExp(pattern).test(name);
	} catch {
		return name.includes(pattern);
	}
}

const containerFilters = ['name', 'status', 'ancestor', 'id', 'label', 'exited'];

/** The containers `GET /containers/json?all=&limit=&filters=` lists, newest first, as dockerd lists them. */
export function listContainers(daemon: DockerDaemon, query: {all: boolean; limit?: number; filters: Filters}): Container[] | {error: string} {
	const unknown = unknownFilter(query.filters, containerFilters);
	if (unknown) return {error: `invalid filter '${unknown}'`};
	let list = [...daemon.containers.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1));
	const limited = query.limit !== undefined && query.limit > 0;
	if (!query.all && !limited) list = list.filter(c => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
	const any = (key: string, test: (value: string, c: Container) => boolean) => {
		const values = query.filters[key];
		if (values?.length) list = list.filter(c => values.some(v => test(v, c)));
	};
	any('name', (v, c) => matches(v, c.name));
	any('status', (v, c) => c.state === v);
	any('ancestor', (v, c) => c.imageRef === v || c.image.includes(v));
	any('id', (v, c) => c.id.startsWith(v));
	any('exited', (v, c) => c.state === 'exited' && String(c.exitCode) === v);
	any('label', (v, c) => {
		const eq = v.indexOf('=');
		return eq < 0 ? v in c.labels : c.labels[v.slice(0, eq)] === v.slice(eq + 1);
	});
	return limited ? list.slice(0, query.limit) : list;
}
