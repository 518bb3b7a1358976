// X-ray of one selected object: what is inside it and who did what to it, as plain text
// sections. Ids: "pod:ns/name", "node:name", "container:host/id", "image:host/id"
// ("image:registry/id" for the registry's copy), "process:host/pid", "cgroup:host/path".
import {formatCpu} from '../../../engine/k8s/quantity.ts';
import type {ContainerSpec, ContainerStatus, KubeObject} from '../../../engine/k8s/types.ts';
import {namespaceKinds, type Host} from '../../../engine/host/types.ts';
import type {Image} from '../../../engine/docker/types.ts';
import type {World} from '../../../engine/world.ts';
import {clusterView, podRow} from './cluster.ts';
import {kubeletContainerName, writableLayer} from './docker.ts';
import {clockText} from './events.ts';
import {cgroupRows} from './host.ts';

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
function timeline(world: World, matches: (object: string) => boolean): string[] {
	const events = world.events.filter(e => matches(e.object));
	if (events.length === 0) return ['(no events yet)'];
	const start = events[0]!.time;
	return events.map(e => `${clockText(e.time)} +${Math.round((e.time - start) / 1000)}s  ${e.component}: ${e.reason}${e.message ? ` · ${e.message}` : ''}`);
}

function namespaceLines(host: Host, pid: number): string[] {
	const proc = host.processes.get(pid);
	if (!proc) return [`(process ${pid} is gone)`];
	return namespaceKinds.map(kind => {
		const id = proc.namespaces[kind];
		const shared = id === host.initNamespaces[kind];
		return `${kind.padEnd(6)} ${id}  ${shared ? 'shared with the host' : 'its own'}`;
	});
}

function cgroupLines(host: Host, path: string): string[] {
	const row = cgroupRows(host).find(r => r.path === path);
	if (!row) return [`${path}  (no limits)`];
	const memory = row.memoryMax === 'max' ? `${formatBytes(row.memoryUsed)} used, no limit` : `${formatBytes(row.memoryUsed)} of ${formatBytes(row.memoryMax)}`;
	const cpu = row.cpuQuotaCores === 'max' ? 'no CPU limit' : `CPU ${row.cpuQuotaCores} cores max`;
	const pids = row.pidsMax === 'max' ? `${row.pids} pids` : `${row.pids} of ${row.pidsMax} pids`;
	return [path, `memory ${memory}`, `${cpu} · ${pids}`, ...(row.oomKills ? [`OOM kills: ${row.oomKills}`] : [])];
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

function imageLayers(world: World, image: Image): string[] {
	return image.layers.map((id, i) => {
		const layer = world.layers.get(id);
		const sharers = sharersOf(world, id, image.id);
		const size = layer ? formatBytes(layer.sizeBytes) : '?';
		const by = layer?.createdBy ? `  ${layer.createdBy.replace(/^\/bin\/sh -c (#\(nop\) )?/, '').slice(0, 60)}` : '';
		return `${i + 1}. ${short(id)} ${size.padStart(6)}${by}${sharers.length ? `  shared with ${sharers.join(', ')}` : ''}`;
	});
}

function podXray(world: World, key: string): XrayView | null {
	const pod: KubeObject | undefined = world.cluster?.store.pods.get(key);
	if (!pod) return null;
	const row = podRow(key, pod);
	const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
	const containers = ((pod.spec?.containers ?? []) as ContainerSpec[]).map(c => {
		const status = statuses.find(s => s.name === c.name);
		const state = status ? Object.keys(status.state)[0] : 'waiting';
		const requests = c.resources?.requests ? ` requests ${Object.entries(c.resources.requests).map(([k, v]) => `${k}=${v}`).join(',')}` : '';
		return `${c.name}  ${c.image}  ${state}${status?.restartCount ? `, ${status.restartCount} restarts` : ''}${requests}`;
	});
	const runtime = world.cluster?.podRuntimes.get(key);
	const processes = runtime ? [`pause pid ${runtime.sandboxPid ?? '-'} holds net, uts, ipc`, ...runtime.containers.map(c => `${c.name}: ${c.stage}${c.pid ? `, pid ${c.pid}` : ''}`)] : [];
	return {
		title: `pod/${row.name}  ${row.status}  ${row.ready}/${row.containers} ready`,
		sections: [
			{title: 'where', lines: [`node ${row.node ?? '(not scheduled)'}  ip ${pod.status?.podIP ?? '-'}  namespace ${row.namespace}`]},
			{title: 'containers', lines: containers},
			...(processes.length ? [{title: 'on the node', lines: processes}] : []),
			{title: 'timeline: who did what', lines: timeline(world, object => object === `pod/${key}` || object.startsWith(`pod/${key}/`))},
		],
	};
}

function nodeXray(world: World, name: string): XrayView | null {
	const node = clusterView(world)?.nodes.find(n => n.name === name);
	if (!node) return null;
	return {
		title: `node/${name}  ${node.ready ? 'Ready' : 'NotReady'}  ${node.roles}`,
		sections: [
			{title: 'allocatable vs requested', lines: [`cpu ${formatCpu(node.cpuRequestedMilli)} of ${formatCpu(node.cpuAllocatableMilli)}`, `memory ${formatBytes(node.memoryRequestedBytes)} of ${formatBytes(node.memoryAllocatableBytes)}`]},
			{title: `pods (${node.pods.length})`, lines: node.pods.map(p => `${p.namespace}/${p.name}  ${p.status}  ${p.ready}/${p.containers}`)},
			{title: 'timeline', lines: timeline(world, object => object === `node//${name}` || object === `node/${name}`)},
		],
	};
}

function containerXray(world: World, hostName: string, id: string): XrayView | null {
	const container = world.dockers.get(hostName)?.containers.get(id);
	const host = world.hosts.get(hostName);
	if (!container || !host) return null;
	const image = world.dockers.get(hostName)?.images.get(container.image);
	const writable = writableLayer(world, hostName, container.rootfs);
	return {
		title: `container ${kubeletContainerName(container.name)} (${id.slice(0, 12)})  ${container.state}`,
		sections: [
			{title: `namespaces of pid ${container.pid ?? '-'}`, lines: container.pid ? namespaceLines(host, container.pid) : ['(not running: no process, no namespaces)']},
			{title: 'cgroup', lines: cgroupLines(host, container.cgroup)},
			{title: 'filesystem: layers, bottom first', lines: [...(image ? imageLayers(world, image) : []), `writable layer: ${writable.files} files, ${formatBytes(writable.bytes)}`]},
			{title: 'timeline', lines: timeline(world, object => object === `container/${id}` || object === `container/${container.name}`)},
		],
	};
}

function imageXray(world: World, where: string, id: string): XrayView | null {
	const image = where === 'registry' ? world.registry.images.get(id) : world.dockers.get(where)?.images.get(id);
	if (!image) return null;
	const tags = where === 'registry' ? [...world.registry.repositories.values()].flatMap(r => Object.entries(r.tags).filter(([, i]) => i === id).map(([t]) => `${r.name}:${t}`)) : [...(world.dockers.get(where)?.tags ?? [])].filter(([, i]) => i === id).map(([t]) => t);
	return {
		title: `image ${tags[0] ?? short(id)}  (${where})`,
		sections: [
			{title: 'id', lines: [id, ...(tags.length > 1 ? [`also tagged ${tags.slice(1).join(', ')}`] : [])]},
			{title: 'layers, bottom first', lines: imageLayers(world, image)},
		],
	};
}

function processXray(world: World, hostName: string, pid: number): XrayView | null {
	const host = world.hosts.get(hostName);
	const proc = host?.processes.get(pid);
	if (!host || !proc) return null;
	return {
		title: `pid ${pid} on ${hostName}: ${proc.command}`,
		sections: [
			{title: 'namespaces', lines: namespaceLines(host, pid)},
			{title: 'cgroup', lines: cgroupLines(host, proc.cgroup)},
			{title: 'memory', lines: [`${formatBytes(proc.memoryBytes)} resident${proc.containerId ? ` · container ${proc.containerId.slice(0, 12)}` : ''}`]},
		],
	};
}

export function xrayView(world: World, id: string): XrayView | null {
	const colon = id.indexOf(':');
	const kind = id.slice(0, colon);
	const rest = id.slice(colon + 1);
	const slash = rest.indexOf('/');
	switch (kind) {
		case 'pod':
			return podXray(world, rest);
		case 'node':
			return nodeXray(world, rest);
		case 'container':
			return containerXray(world, rest.slice(0, slash), rest.slice(slash + 1));
		case 'image':
			return imageXray(world, rest.slice(0, slash), rest.slice(slash + 1));
		case 'process':
			return processXray(world, rest.slice(0, slash), Number(rest.slice(slash + 1)));
		case 'cgroup': {
			const host = world.hosts.get(rest.slice(0, slash));
			return host ? {title: `cgroup ${rest.slice(slash)} on ${host.name}`, sections: [{title: 'limits and usage', lines: cgroupLines(host, rest.slice(slash))}]} : null;
		}
		default:
			return null;
	}
}
