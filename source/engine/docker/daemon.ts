// A host's Docker daemon state and the docker0 bridge it owns.
import type {Host, NetInterface} from '../host/types.ts';
import type {World} from '../world.ts';
import type {DockerDaemon} from './types.ts';

export const dockerVersion = '27.4.1';
export const bridgeGateway = '172.17.0.1';

/** Installs an (empty) Docker daemon on a host: image store, container table, docker0 bridge. Call on a draft. */
export function installDockerDaemon(w: World, hostName: string): DockerDaemon {
	const existing = w.dockers.get(hostName);
	if (existing) return existing;
	const daemon: DockerDaemon = {host: hostName, images: new Map(), tags: new Map(), layers: new Set(), containers: new Map(), buildCache: new Map(), version: dockerVersion};
	w.dockers.set(hostName, daemon);
	const host = w.hosts.get(hostName);
	const net = host && host.namespaces.get(host.initNamespaces.net);
	if (net?.interfaces && !net.interfaces.some(i => i.name === 'docker0')) {
		net.interfaces.push({name: 'docker0', kind: 'bridge', state: 'DOWN', mac: '02:42:ac:11:00:01', mtu: 1500, addresses: [`${bridgeGateway}/16`], index: nextInterfaceIndex(net.interfaces)});
	}
	return daemon;
}

export function nextInterfaceIndex(interfaces: NetInterface[]): number {
	return interfaces.reduce((max, i) => Math.max(max, i.index), 0) + 1;
}

export function hostInterfaces(host: Host): NetInterface[] {
	return host.namespaces.get(host.initNamespaces.net)?.interfaces ?? [];
}

/** The daemon's ID as `docker info` prints it (stable per host, as a real daemon keeps its engine id). */
export function daemonId(hostName: string): string {
	let h = 2166136261;
	for (const ch of hostName) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
	const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
	const a = hex(h);
	const b = hex(Math.imul(h, 2654435761));
	const c = hex(Math.imul(h ^ 0x9e3779b9, 40503));
	const d = hex(Math.imul(h, 48271));
	return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** What `docker` says when no daemon runs on the host. */
export const daemonDownMessage = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

/** The daemon of a host when it is installed and its service active. */
export function runningDaemon(w: World, hostName: string): DockerDaemon | undefined {
	const host = w.hosts.get(hostName);
	if (!host || host.services['dockerd'] === 'inactive') return undefined;
	return w.dockers.get(hostName);
}
