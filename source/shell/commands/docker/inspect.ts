// docker inspect (containers and images): a useful subset of the real JSON, same field names.
import {findContainer, resolveImage} from '../../../engine/docker/runtime.ts';
import {manifestDigestOf} from '../../../engine/docker/registry.ts';
import {imageSize, tagsOf} from '../../../engine/docker/images.ts';
import {bridgeGateway} from '../../../engine/docker/daemon.ts';
import {findNetwork} from '../../../engine/docker/networks.ts';
import {digestHex} from '../../../engine/hash.ts';
import type {Container, Image} from '../../../engine/docker/types.ts';
import {worldEpoch, type World} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {fail, usageError} from './format.ts';
import {flagValue, parseFlags} from './flags.ts';

const zeroTime = '0001-01-01T00:00:00Z';

function iso(virtual: number | undefined): string {
	return virtual === undefined ? zeroTime : new Date(worldEpoch + virtual).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function layerDir(id: string): string {
	return `/var/lib/docker/overlay2/${id.replace('sha256:', '').slice(0, 25)}`;
}

/** The container's CMD part (after the entrypoint), or null when it has none, as docker prints it. */
function cmdOf(c: Container, image: Image | undefined): string[] | null {
	const cmd = c.command.slice((image?.config.entrypoint ?? []).length);
	return cmd.length ? cmd : null;
}

/** An EndpointSettings as the daemon (27) writes it: addresses while the container runs, kept empty when stopped. */
function endpoint(c: Container, networkId: string, ip: string | undefined, gateway: string, prefix: number, dnsNames: string[] | null, aliases: string[] | null): object {
	const up = c.state === 'running' && !!ip;
	return {
		IPAMConfig: null,
		Links: null,
		Aliases: aliases,
		MacAddress: up ? '02:42:' + ip!.split('.').map(n => Number(n).toString(16).padStart(2, '0')).join(':') : '',
		DriverOpts: null,
		NetworkID: networkId,
		EndpointID: up ? digestHex(`endpoint/${c.id}/${networkId}/${c.startedAt ?? 0}`, 64) : '',
		Gateway: up ? gateway : '',
		IPAddress: up ? ip : '',
		IPPrefixLen: up ? prefix : 0,
		IPv6Gateway: '',
		GlobalIPv6Address: '',
		GlobalIPv6PrefixLen: 0,
		DNSNames: up ? dnsNames : null,
	};
}

/** NetworkSettings.Networks: every network the container is on (the default bridge, user networks, host or none), keys sorted as Go writes a map. */
function networksOf(world: World, host: string, c: Container): Record<string, object> {
	const mode = c.namespaceModes?.net;
	if (mode === 'host' || mode === 'none') return {[mode]: endpoint(c, digestHex(`network/${host}/${mode}`, 64), undefined, '', 0, null, null)};
	if (c.joinedNamespacesOf !== undefined || mode) return {};
	const daemon = world.dockers.get(host)!;
	const out: Record<string, object> = {};
	for (const name of c.networks ?? ['bridge']) {
		if (name === 'bridge') {
			out[name] = endpoint(c, digestHex(`network/${host}/bridge`, 64), c.ipAddress, bridgeGateway, 16, null, null);
			continue;
		}
		const network = findNetwork(daemon, name);
		if (!network) continue;
		const aliases = c.networkAliases?.[name]?.length ? c.networkAliases[name]! : null;
		out[name] = endpoint(c, network.id, c.networkAddresses?.[name], network.gateway, Number(network.subnet.split('/')[1]), [c.name, c.id.slice(0, 12), ...(aliases ?? [])], aliases);
	}
	return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function containerJson(world: World, host: string, c: Container): object {
	const image = world.dockers.get(host)!.images.get(c.image);
	const exposed = Object.fromEntries((image?.config.exposedPorts ?? []).map(p => [p, {}]));
	const ports: Record<string, {HostIp: string; HostPort: string}[] | null> = {};
	for (const p of image?.config.exposedPorts ?? []) ports[p] = null;
	for (const p of c.ports) (ports[`${p.containerPort}/${p.protocol}`] ??= []).push({HostIp: p.hostIp, HostPort: String(p.hostPort)}, ...(p.hostIp === '0.0.0.0' ? [{HostIp: '::', HostPort: String(p.hostPort)}] : []));
	const lower = [`${layerDir(c.id)}-init/diff`, ...[...(image?.layers ?? [])].reverse().map(l => `${layerDir(l)}/diff`)].join(':');
	const running = c.state === 'running';
	return {
		Id: c.id,
		Created: iso(c.created),
		Path: c.command[0],
		Args: c.command.slice(1),
		State: {Status: c.state, Running: running, Paused: c.state === 'paused', Restarting: c.state === 'restarting', OOMKilled: c.oomKilled ?? false, Dead: false, Pid: running ? (c.pid ?? 0) : 0, ExitCode: c.exitCode, Error: '', StartedAt: iso(c.startedAt), FinishedAt: iso(c.finishedAt)},
		Image: c.image,
		Name: `/${c.name}`,
		RestartCount: c.restartCount,
		Driver: 'overlay2',
		Platform: 'linux',
		HostConfig: {
			NetworkMode: c.namespaceModes?.net ?? (c.joinedNamespacesOf !== undefined ? `container:${c.joinedNamespacesOf}` : (c.networks?.[0] ?? 'bridge')),
			PidMode: c.namespaceModes?.pid ?? '',
			UTSMode: c.namespaceModes?.uts ?? '',
			IpcMode: c.namespaceModes?.ipc ?? 'private',
			PortBindings: Object.fromEntries(c.ports.map(p => [`${p.containerPort}/${p.protocol}`, [{HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp, HostPort: String(p.hostPort)}]])),
			RestartPolicy: {Name: c.restartPolicy?.name ?? 'no', MaximumRetryCount: c.restartPolicy?.maxRetries ?? 0},
			AutoRemove: c.autoRemove,
			Memory: c.memoryLimit ?? 0,
			NanoCpus: c.cpus ? Math.round(c.cpus * 1e9) : 0,
			CgroupParent: '',
			CpuQuota: 0,
			CpuPeriod: 0,
		},
		Mounts: (c.mounts ?? []).map(m => (m.type === 'volume' ? {Type: 'volume', Name: m.name, Source: m.source, Destination: m.destination, Driver: 'local', Mode: m.readOnly ? 'ro' : 'z', RW: !m.readOnly, Propagation: ''} : {Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.readOnly ? 'ro' : '', RW: !m.readOnly, Propagation: 'rprivate'})),
		GraphDriver: {Data: {LowerDir: lower, MergedDir: `${layerDir(c.id)}/merged`, UpperDir: `${layerDir(c.id)}/diff`, WorkDir: `${layerDir(c.id)}/work`}, Name: 'overlay2'},
		Config: {Hostname: c.hostname, User: c.user ?? '', Tty: c.tty ?? false, OpenStdin: c.interactive ?? false, Env: Object.entries(c.env).filter(([k]) => k !== 'HOSTNAME').map(([k, v]) => `${k}=${v}`), Cmd: cmdOf(c, image), Image: c.imageRef, WorkingDir: c.workdir === '/' ? '' : c.workdir, Entrypoint: image?.config.entrypoint ?? null, ExposedPorts: Object.keys(exposed).length ? exposed : undefined, Labels: c.labels},
		NetworkSettings: {
			Ports: ports,
			SandboxKey: running && c.pid ? `/var/run/docker/netns/${c.id.slice(0, 12)}` : '',
			Gateway: running && c.ipAddress ? bridgeGateway : '',
			IPAddress: running ? (c.ipAddress ?? '') : '',
			IPPrefixLen: running && c.ipAddress ? 16 : 0,
			MacAddress: running && c.ipAddress ? '02:42:' + c.ipAddress.split('.').map(n => Number(n).toString(16).padStart(2, '0')).join(':') : '',
			Networks: networksOf(world, host, c),
		},
	};
}

export function imageJson(world: World, host: string, image: Image): object {
	const daemon = world.dockers.get(host)!;
	const tags = tagsOf(daemon, image.id);
	return {
		Id: image.id,
		RepoTags: tags,
		RepoDigests: world.registry.images.has(image.id) ? [...new Set(tags.map(t => t.slice(0, t.lastIndexOf(':'))))].map(r => `${r}@${manifestDigestOf(image)}`) : [],
		Parent: image.intermediate || image.parent ? (image.parent ?? '') : '',
		Created: iso(image.created),
		DockerVersion: image.dockerVersion ?? '27.4.1',
		Config: {Env: Object.entries({PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...image.config.env}).map(([k, v]) => `${k}=${v}`), Cmd: image.config.cmd ?? null, Entrypoint: image.config.entrypoint ?? null, WorkingDir: image.config.workdir === '/' ? '' : image.config.workdir, ExposedPorts: image.config.exposedPorts.length ? Object.fromEntries(image.config.exposedPorts.map(p => [p, {}])) : undefined, ...(image.config.volumes?.length ? {Volumes: Object.fromEntries(image.config.volumes.map(v => [v, {}]))} : {}), User: image.config.user ?? '', Labels: Object.keys(image.config.labels).length ? image.config.labels : null},
		Architecture: image.config.arch,
		Os: image.config.os ?? 'linux',
		Size: imageSize(world, image),
		GraphDriver: {Data: {LowerDir: [...image.layers].reverse().slice(1).map(l => `${layerDir(l)}/diff`).join(':'), MergedDir: `${layerDir(image.layers[image.layers.length - 1] ?? image.id)}/merged`, UpperDir: `${layerDir(image.layers[image.layers.length - 1] ?? image.id)}/diff`}, Name: 'overlay2'},
		RootFS: {Type: 'layers', Layers: image.layers},
	};
}

/** Reads `{{.State.Status}}`-style templates: dotted paths into the JSON, `{{json .X}}`. */
export function applyFormat(template: string, json: object): string {
	return template.replace(/\{\{\s*(json\s+)?((?:\.[A-Za-z0-9_]+)*|\.)\s*\}\}/g, (_, asJson: string | undefined, path: string) => {
		let value: unknown = json;
		for (const key of path.split('.').filter(Boolean)) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
		if (asJson) return JSON.stringify(value ?? null);
		if (value === undefined || value === null) return '<no value>';
		if (typeof value === 'object') return Array.isArray(value) ? `[${value.join(' ')}]` : `map[${Object.entries(value).map(([k, v]) => `${k}:${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' ')}]`;
		return String(value);
	}).replace(/\\n/g, '\n');
}

export function dockerInspect(args: string[], call: DockerCall, only?: 'container' | 'image'): CommandOutcome {
	const parsed = parseFlags(args, [{names: ['-f', '--format'], value: true}, {names: ['--type'], value: true}, {names: ['-s', '--size'], modelled: false}]);
	if (!parsed.ok) return usageError(parsed.error, 'inspect');
	const names = parsed.flags.positionals;
	if (names.length === 0) return fail(`docker: 'docker inspect' requires at least 1 argument\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information`, 1);
	const type = only ?? flagValue(parsed.flags, '--type');
	const found: object[] = [];
	let stderr = '';
	for (const name of names) {
		const container = type === 'image' ? undefined : findContainer(call.daemon, name);
		const image = container || type === 'container' ? undefined : resolveImage(call.daemon, name);
		if (container) found.push(containerJson(call.world, call.host, container));
		else if (image) found.push(imageJson(call.world, call.host, image));
		else stderr += `Error: No such ${type ?? 'object'}: ${name}\n`;
	}
	const format = flagValue(parsed.flags, '-f');
	const stdout = format ? found.map(j => applyFormat(format, j) + '\n').join('') : JSON.stringify(found, null, 4) + '\n';
	return {stdout: found.length || !stderr ? stdout : '[]\n', stderr, exitCode: stderr ? 1 : 0};
}
