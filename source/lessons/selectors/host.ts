// What checks read from the simulated Linux hosts (source/engine/host).
import {lookupFile} from '../../engine/host/filesystem.ts';
import type {Cgroup, Host, NamespaceKind, Process} from '../../engine/host/types.ts';
import type {World} from '../../engine/world.ts';

export function hostNamed(world: World, name: string): Host | undefined {
	return world.hosts.get(name);
}

export function processesMatching(host: Host, command: string): Process[] {
	return [...host.processes.values()].filter(p => p.command.includes(command));
}

/** True when the process is in a namespace of this kind that is not the host's initial one. */
export function inOwnNamespace(host: Host, process: Process, kind: NamespaceKind): boolean {
	return process.namespaces[kind] !== host.initNamespaces[kind];
}

/** The pid a process has inside its own pid namespace (1 for the init of a new one). */
export function pidInside(process: Process): number {
	return process.nsPids[process.namespaces.pid] ?? process.pid;
}

export function cgroupAt(host: Host, path: string): Cgroup | undefined {
	const key = '/' + path.split('/').filter(Boolean).join('/');
	return host.cgroups.get(key);
}

export function processCountInCgroup(host: Host, path: string): number {
	const key = '/' + path.split('/').filter(Boolean).join('/');
	return [...host.processes.values()].filter(p => p.cgroup === key).length;
}

/** Hostnames of the UTS namespaces that processes hold, apart from the host's own. */
export function ownUtsHostnames(host: Host): string[] {
	const out: string[] = [];
	for (const ns of host.namespaces.values()) {
		if (ns.kind === 'uts' && ns.id !== host.initNamespaces.uts && ns.hostname !== undefined) out.push(ns.hostname);
	}
	return out;
}

export function hostHostname(host: Host): string {
	return host.namespaces.get(host.initNamespaces.uts)?.hostname ?? host.name;
}

/** A file on the host's root filesystem (what a login shell sees), or undefined. */
export function hostFile(world: World, host: Host, path: string): string | undefined {
	const fs = host.filesystems.get(`${host.name}:/`);
	const found = fs && lookupFile(world, fs, path);
	return found?.node.type === 'file' ? found.node.content : undefined;
}

/** A file in any filesystem of the host by its id (a container's overlay root). */
export function filesystemFile(world: World, host: Host, filesystemId: string, path: string): string | undefined {
	const fs = host.filesystems.get(filesystemId);
	const found = fs && lookupFile(world, fs, path);
	return found?.node.type === 'file' ? found.node.content : undefined;
}
