// X-ray of one selected object: what is inside it and who did what to it, as plain text
// sections. Ids: "pod:ns/name", "node:name", "container:host/id", "image:host/id"
// ("image:registry/id" for the registry's copy), "process:host/pid", "cgroup:host/path".
import {formatCpu} from '../../../engine/k8s/quantity.ts';
import type {ContainerStatus} from '../../../engine/k8s/types.ts';
import {namespaceKinds, type Host} from '../../../engine/host/types.ts';
import type {Image} from '../../../engine/docker/types.ts';
import type {World} from '../../../engine/world.ts';
import {clusterView, podRow} from './cluster.ts';
import {kubeletContainerName, writableLayer} from './docker.ts';
import {simClockText} from './events.ts';
import {cgroupRows} from './host.ts';
import {en} from '../../../i18n/en.ts';
import type {XrayText} from '../../../i18n/messages.ts';
import type {Pod} from '../../../engine/k8s/kinds.ts';

export type XraySection = {title: string; lines: string[]};
export type XrayView = {title: string; sections: XraySection[]};

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)}Gi`;
	if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)}Mi`;
	if (bytes >= 1024) return `${Math.round(bytes / 1024)}Ki`;
	return `${bytes}B`;
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

/** "+12s" after the first event: a timeline reads better relative to its start. */
function timeline(world: World, matches: (object: string) => boolean, t: XrayText): string[] {
	const events = world.events.filter(e => matches(e.object));
	if (events.length === 0) return [t.noEvents];
	const start = events[0]!.time;
	return events.map(e => `${simClockText(e.time)} +${Math.round((e.time - start) / 1000)}s  ${e.component}: ${e.reason}${e.message ? ` · ${e.message}` : ''}`);
}

function namespaceLines(host: Host, pid: number, t: XrayText): string[] {
	const proc = host.processes.get(pid);
	if (!proc) return [t.processGone(pid)];
	return namespaceKinds.map(kind => {
		const id = proc.namespaces[kind];
		const shared = id === host.initNamespaces[kind];
		return `${kind.padEnd(6)} ${id}  ${shared ? t.sharedWithHost : t.itsOwn}`;
	});
}

function cgroupLines(host: Host, path: string, t: XrayText): string[] {
	const row = cgroupRows(host).find(r => r.path === path);
	if (!row) return [`${path}  ${t.noLimits}`];
	const memory = t.memoryUsage(formatBytes(row.memoryUsed), row.memoryMax === 'max' ? undefined : formatBytes(row.memoryMax));
	const cpu = t.cpuLimit(row.cpuQuotaCores === 'max' ? undefined : row.cpuQuotaCores);
	const pids = t.pidsUsage(row.pids, row.pidsMax === 'max' ? undefined : row.pidsMax);
	return [path, memory, `${cpu} · ${pids}`, ...(row.oomKills ? [t.oomKills(row.oomKills)] : [])];
}

function sharersOf(world: World, layer: string, except: string): string[] {
	const out = new Set<string>();
	for (const [hostName, daemon] of world.dockers) {
		for (const image of daemon.images.values()) {
			if (image.id === except || !image.layers.includes(layer)) continue;
			const tag = [...daemon.tags].find(([, id]) => id === image.id)?.[0] ?? short(image.id);
			out.add(`${tag}@${hostName}`);
		}
	}
	for (const repo of world.registry.repositories.values()) {
		for (const [tag, id] of Object.entries(repo.tags)) {
			if (id === except || out.size > 6) continue;
			if (world.registry.images.get(id)?.layers.includes(layer)) out.add(`${repo.name.replace(/^library\//, '')}:${tag}`);
		}
	}
	const all = [...out];
	return all.length > 6 ? [...all.slice(0, 6), `${all.length - 6} more`] : all;
}

function imageLayers(world: World, image: Image, t: XrayText): string[] {
	return image.layers.map((id, i) => {
		const layer = world.layers.get(id);
		const sharers = sharersOf(world, id, image.id);
		const size = layer ? formatBytes(layer.sizeBytes) : '?';
		const by = layer?.createdBy ? `  ${layer.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').slice(0, 60)}` : '';
		return `${i + 1}. ${short(id)} ${size.padStart(6)}${by}${sharers.length ? `  ${t.sharedWith(sharers.join(', '))}` : ''}`;
	});
}

function podXray(world: World, key: string, t: XrayText): XrayView | null {
	const pod: Pod | undefined = world.cluster?.store.pods.get(key);
	if (!pod) return null;
	const row = podRow(key, pod);
	const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
	const containers = (pod.spec?.containers ?? []).map(c => {
		const status = statuses.find(s => s.name === c.name);
		const state = status ? Object.keys(status.state)[0] : 'waiting';
		const requests = c.resources?.requests ? ` ${t.requests} ${Object.entries(c.resources.requests).map(([k, v]) => `${k}=${v}`).join(',')}` : '';
		return `${c.name}  ${c.image}  ${state}${status?.restartCount ? t.restarts(status.restartCount) : ''}${requests}`;
	});
	const runtime = world.cluster?.podRuntimes.get(key);
	const processes = runtime ? [t.pauseHolds(String(runtime.sandboxPid ?? '-')), ...runtime.containers.map(c => `${c.name}: ${c.stage}${c.pid ? `, pid ${c.pid}` : ''}`)] : [];
	return {
		title: t.podTitle(row.name, row.status, `${row.ready}/${row.containers}`),
		sections: [
			{title: t.where, lines: [t.placed(row.node, pod.status?.podIP ?? '-', row.namespace)]},
			{title: t.containers, lines: containers},
			...(processes.length ? [{title: t.onTheNode, lines: processes}] : []),
			{title: t.whoDidWhat, lines: timeline(world, object => object === `pod/${key}` || object.startsWith(`pod/${key}/`), t)},
		],
	};
}

function nodeXray(world: World, name: string, t: XrayText): XrayView | null {
	const node = clusterView(world)?.nodes.find(n => n.name === name);
	if (!node) return null;
	return {
		title: `node/${name}  ${node.ready ? 'Ready' : 'NotReady'}  ${node.roles}`,
		sections: [
			{title: t.allocatable, lines: [t.cpuOf(formatCpu(node.cpuRequestedMilli), formatCpu(node.cpuAllocatableMilli)), t.memoryOf(formatBytes(node.memoryRequestedBytes), formatBytes(node.memoryAllocatableBytes))]},
			{title: t.pods(node.pods.length), lines: node.pods.map(p => `${p.namespace}/${p.name}  ${p.status}  ${p.ready}/${p.containers}`)},
			{title: t.timeline, lines: timeline(world, object => object === `node//${name}` || object === `node/${name}`, t)},
		],
	};
}

function containerXray(world: World, hostName: string, id: string, t: XrayText): XrayView | null {
	const container = world.dockers.get(hostName)?.containers.get(id);
	const host = world.hosts.get(hostName);
	if (!container || !host) return null;
	const image = world.dockers.get(hostName)?.images.get(container.image);
	const writable = writableLayer(world, hostName, container.rootfs);
	return {
		title: t.containerTitle(kubeletContainerName(container.name), id.slice(0, 12), container.state),
		sections: [
			{title: t.namespacesOf(String(container.pid ?? '-')), lines: container.pid ? namespaceLines(host, container.pid, t) : [t.notRunning]},
			{title: t.cgroup, lines: cgroupLines(host, container.cgroup, t)},
			{title: t.filesystem, lines: [...(image ? imageLayers(world, image, t) : []), t.writableLayer(writable.files, formatBytes(writable.bytes))]},
			{title: t.timeline, lines: timeline(world, object => object === `container/${id}` || object === `container/${container.name}`, t)},
		],
	};
}

function imageXray(world: World, where: string, id: string, t: XrayText): XrayView | null {
	const image = where === 'registry' ? world.registry.images.get(id) : world.dockers.get(where)?.images.get(id);
	if (!image) return null;
	const tags = where === 'registry' ? [...world.registry.repositories.values()].flatMap(r => Object.entries(r.tags).filter(([, i]) => i === id).map(([t]) => `${r.name}:${t}`)) : [...(world.dockers.get(where)?.tags ?? [])].filter(([, i]) => i === id).map(([t]) => t);
	return {
		title: t.imageTitle(tags[0] ?? short(id), where),
		sections: [
			{title: t.id, lines: [id, ...(tags.length > 1 ? [t.alsoTagged(tags.slice(1).join(', '))] : [])]},
			{title: t.layers, lines: imageLayers(world, image, t)},
		],
	};
}

function processXray(world: World, hostName: string, pid: number, t: XrayText): XrayView | null {
	const host = world.hosts.get(hostName);
	const proc = host?.processes.get(pid);
	if (!host || !proc) return null;
	return {
		title: t.processTitle(pid, hostName, proc.command),
		sections: [
			{title: t.namespaces, lines: namespaceLines(host, pid, t)},
			{title: t.cgroup, lines: cgroupLines(host, proc.cgroup, t)},
			{title: t.memory, lines: [`${t.resident(formatBytes(proc.memoryBytes))}${proc.containerId ? ` · ${t.inContainer(proc.containerId.slice(0, 12))}` : ''}`]},
		],
	};
}

export function xrayView(world: World, id: string, t: XrayText = en.ui.xray): XrayView | null {
	const colon = id.indexOf(':');
	const kind = id.slice(0, colon);
	const rest = id.slice(colon + 1);
	const slash = rest.indexOf('/');
	switch (kind) {
		case 'pod':
			return podXray(world, rest, t);
		case 'node':
			return nodeXray(world, rest, t);
		case 'container':
			return containerXray(world, rest.slice(0, slash), rest.slice(slash + 1), t);
		case 'image':
			return imageXray(world, rest.slice(0, slash), rest.slice(slash + 1), t);
		case 'process':
			return processXray(world, rest.slice(0, slash), Number(rest.slice(slash + 1)), t);
		case 'cgroup': {
			const host = world.hosts.get(rest.slice(0, slash));
			return host ? {title: t.cgroupTitle(rest.slice(slash), host.name), sections: [{title: t.limitsAndUsage, lines: cgroupLines(host, rest.slice(slash), t)}]} : null;
		}
		default:
			return null;
	}
}
