// docker network create | ls | inspect | connect | disconnect | rm: user-defined bridge networks,
// whose containers find each other by name through Docker's embedded DNS (127.0.0.11).
// Formats (docker CLI 28): `docker network ls` columns "NETWORK ID     NAME      DRIVER    SCOPE";
// inspect is the daemon's JSON (4-space indent); the daemon's errors: "network with name %s
// already exists", "network %s not found", "%s is a pre-defined network and cannot be removed".
import {produce} from 'immer';
import {attachInterface, containersOn, createNetwork, detachInterfaces, embeddedResolvConf, findNetwork, leaveNetwork, removeNetwork, userNetworks} from '../../../engine/docker/networks.ts';
import {findContainer} from '../../../engine/docker/runtime.ts';
import type {Container, DockerNetwork} from '../../../engine/docker/types.ts';
import {digestHex} from '../../../engine/hash.ts';
import {worldEpoch} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import type {DockerCall} from './context.ts';
import {fail, ok, table, usageError} from './format.ts';
import {dockerFlags, flagSet, flagValue, flagValues, parseFlags} from './flags.ts';
import {applyFormat} from './inspect.ts';
import {argumentCountText} from './usage-lines.ts';

const usage = `
Usage:  docker network COMMAND

Manage networks

Commands:
  connect     Connect a container to a network
  create      Create a network
  disconnect  Disconnect a container from a network
  inspect     Display detailed information on one or more networks
  ls          List networks
  prune       Remove all unused networks
  rm          Remove one or more networks

Run 'docker network COMMAND --help' for more information on a command.
`;

export function dockerNetwork(args: string[], call: DockerCall): CommandOutcome {
	const [sub, ...rest] = args;
	switch (sub) {
		case 'create':
			return networkCreate(rest, call);
		case 'ls':
		case 'list':
			return networkLs(rest, call);
		case 'inspect':
			return networkInspect(rest, call);
		case 'connect':
			return networkConnect(rest, call);
		case 'disconnect':
			return networkDisconnect(rest, call);
		case 'rm':
		case 'remove':
			return networkRm(rest, call);
		case 'prune':
			return ok('[simulator] docker network prune is not simulated here; remove networks with docker network rm NAME\n');
		case undefined:
		case '--help':
			return ok(usage);
		default:
			return fail(`docker: unknown command: docker network ${sub}\n\nRun 'docker network --help' for more information`, 1);
	}
}

/** The predefined networks' ids: fixed per host, as a daemon keeps them across restarts. */
function predefinedId(host: string, name: string): string {
	return digestHex(`${host}/network/${name}`, 64);
}

type Listed = {id: string; name: string; driver: string; network?: DockerNetwork};

function listed(call: DockerCall): Listed[] {
	const builtins: Listed[] = [
		{id: predefinedId(call.host, 'bridge'), name: 'bridge', driver: 'bridge'},
		{id: predefinedId(call.host, 'host'), name: 'host', driver: 'host'},
		{id: predefinedId(call.host, 'none'), name: 'none', driver: 'null'},
	];
	return [...builtins, ...userNetworks(call.daemon).map(n => ({id: n.id, name: n.name, driver: n.driver, network: n}))].sort((a, b) => a.name.localeCompare(b.name));
}

function networkCreate(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network create'));
	if (!parsed.ok) return usageError(parsed.error, 'network create');
	const [name, extra] = parsed.flags.positionals;
	if (!name || extra !== undefined) return fail(argumentCountText('network create', '1 argument'), 1);
	const driver = flagValue(parsed.flags, '-d') ?? 'bridge';
	if (driver !== 'bridge') return fail(`[simulator] the ${driver} network driver is not simulated here; user networks use the bridge driver`, 1);
	const subnet = flagValue(parsed.flags, '--subnet');
	if (subnet !== undefined && !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(subnet)) return fail(`invalid argument "${subnet}" for "--subnet" flag: invalid CIDR address: ${subnet}`, 125);
	let created: DockerNetwork | {error: string} = {error: ''};
	const world = produce(call.world, w => {
		created = createNetwork(w, w.dockers.get(call.host)!, name, subnet);
	});
	if ('error' in created) return fail(`Error response from daemon: ${(created as {error: string}).error}`, 1);
	const notes = parsed.flags.notSimulated.map(f => `[simulator] ${f} is accepted, not simulated here\n`).join('');
	return {stdout: (created as DockerNetwork).id + '\n', stderr: notes, exitCode: 0, world};
}

function networkLs(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network ls'));
	if (!parsed.ok) return usageError(parsed.error, 'network ls');
	let list = listed(call);
	for (const filter of flagValues(parsed.flags, '-f')) {
		const [key, value = ''] = [filter.slice(0, filter.indexOf('=')), filter.slice(filter.indexOf('=') + 1)];
		if (key === 'name') list = list.filter(n => n.name.includes(value));
		else if (key === 'driver') list = list.filter(n => n.driver === value);
		else if (key === 'type') list = list.filter(n => (value === 'custom') === !!n.network);
		else return fail(`Error response from daemon: invalid filter '${key}'`, 1);
	}
	const full = flagSet(parsed.flags, '--no-trunc');
	const id = (n: Listed) => (full ? n.id : n.id.slice(0, 12));
	const format = flagValue(parsed.flags, '--format');
	if (format) return ok(list.map(n => applyFormat(format, {ID: id(n), Name: n.name, Driver: n.driver, Scope: 'local'}) + '\n').join(''));
	if (flagSet(parsed.flags, '-q')) return ok(list.map(n => id(n) + '\n').join(''));
	return ok(table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...list.map(n => [id(n), n.name, n.driver, 'local'])]));
}

function timestamp(ms: number): string {
	return new Date(worldEpoch + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

function endpoint(container: Container, ip: string, prefix: string): Record<string, string> {
	return {Name: container.name, EndpointID: digestHex(`endpoint/${container.id}/${ip}`, 64), MacAddress: ['02', '42', ...ip.split('.').map(n => Number(n).toString(16).padStart(2, '0'))].join(':'), IPv4Address: `${ip}/${prefix}`, IPv6Address: ''};
}

function inspectJson(call: DockerCall, n: Listed): object {
	const network = n.network;
	const containers: Record<string, Record<string, string>> = {};
	if (network) {
		for (const c of containersOn(call.daemon, network)) {
			const ip = c.networkAddresses?.[network.name];
			if (c.state === 'running' && ip) containers[c.id] = endpoint(c, ip, network.subnet.split('/')[1]!);
		}
	} else if (n.name === 'bridge') {
		for (const c of call.daemon.containers.values()) if (c.state === 'running' && c.hostVeth && c.ipAddress) containers[c.id] = endpoint(c, c.ipAddress, '16');
	}
	const config = network ? [{Subnet: network.subnet, Gateway: network.gateway}] : n.name === 'bridge' ? [{Subnet: '172.17.0.0/16', Gateway: '172.17.0.1'}] : [];
	const options = n.name === 'bridge' ? {'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.enable_icc': 'true', 'com.docker.network.bridge.enable_ip_masquerade': 'true', 'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0', 'com.docker.network.bridge.name': 'docker0', 'com.docker.network.driver.mtu': '1500'} : {};
	return {
		Name: n.name,
		Id: n.id,
		Created: timestamp(network?.created ?? 0),
		Scope: 'local',
		Driver: n.driver,
		EnableIPv4: n.name !== 'none' && n.name !== 'host',
		EnableIPv6: false,
		IPAM: {Driver: 'default', Options: network || n.name !== 'bridge' ? {} : null, Config: config},
		Internal: false,
		Attachable: false,
		Ingress: false,
		ConfigFrom: {Network: ''},
		ConfigOnly: false,
		Containers: containers,
		Options: options,
		Labels: {},
	};
}

function networkInspect(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network inspect'));
	if (!parsed.ok) return usageError(parsed.error, 'network inspect');
	const names = parsed.flags.positionals;
	if (names.length === 0) return fail(argumentCountText('network inspect', 'at least 1 argument'), 1);
	const all = listed(call);
	const found: object[] = [];
	let stderr = '';
	for (const name of names) {
		const hit = all.find(n => n.name === name) ?? all.find(n => n.id === name) ?? (name.length >= 3 ? all.find(n => n.id.startsWith(name)) : undefined);
		if (hit) found.push(inspectJson(call, hit));
		else stderr += `Error response from daemon: network ${name} not found\n`;
	}
	const format = flagValue(parsed.flags, '-f');
	const stdout = format ? found.map(j => applyFormat(format, j) + '\n').join('') : found.length || !stderr ? JSON.stringify(found, null, 4) + '\n' : '[]\n';
	return {stdout, stderr, exitCode: stderr ? 1 : 0};
}

/** The net namespace of a running container's main process. */
function runningNetns(call: DockerCall, container: Container): number | undefined {
	const main = container.state === 'running' && container.pid !== undefined ? call.world.hosts.get(call.host)?.processes.get(container.pid) : undefined;
	return main?.namespaces.net;
}

function networkConnect(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network connect'));
	if (!parsed.ok) return usageError(parsed.error, 'network connect');
	const [networkName, containerName, extra] = parsed.flags.positionals;
	if (!networkName || !containerName || extra !== undefined) return fail(argumentCountText('network connect', '2 arguments'), 1);
	const network = findNetwork(call.daemon, networkName);
	if (!network) {
		if (['bridge', 'host', 'none'].includes(networkName)) return fail(`[simulator] connecting a container to the predefined ${networkName} network is not simulated here`, 1);
		return fail(`Error response from daemon: network ${networkName} not found`, 1);
	}
	const container = findContainer(call.daemon, containerName);
	if (!container) return fail(`Error response from daemon: No such container: ${containerName}`, 1);
	if (container.networks?.includes(network.name)) return fail(`Error response from daemon: endpoint with name ${container.name} already exists in network ${network.name}`, 1);
	if (container.namespaceModes?.net) return fail(`Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network`, 1);
	const aliases = flagValues(parsed.flags, '--alias');
	const netns = runningNetns(call, container);
	const world = produce(call.world, w => {
		const daemon = w.dockers.get(call.host)!;
		const c = daemon.containers.get(container.id)!;
		// A container on the default bridge keeps it when it joins a user network (and gains the embedded DNS).
		c.networks = c.networks?.length ? [...c.networks, network.name] : ['bridge', network.name];
		if (aliases.length) c.networkAliases = {...c.networkAliases, [network.name]: aliases};
		w.layers.get(`${c.id}-init`)?.files.set('/etc/resolv.conf', {type: 'file', content: embeddedResolvConf});
		if (netns !== undefined) attachInterface(w, w.hosts.get(call.host)!, daemon, c, daemon.networks!.get(network.id)!, netns);
	});
	return {stdout: '', exitCode: 0, world};
}

function networkDisconnect(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network disconnect'));
	if (!parsed.ok) return usageError(parsed.error, 'network disconnect');
	const [networkName, containerName, extra] = parsed.flags.positionals;
	if (!networkName || !containerName || extra !== undefined) return fail(argumentCountText('network disconnect', '2 arguments'), 1);
	const network = findNetwork(call.daemon, networkName);
	if (!network) return fail(`Error response from daemon: network ${networkName} not found`, 1);
	const container = findContainer(call.daemon, containerName);
	if (!container) return fail(`Error response from daemon: No such container: ${containerName}`, 1);
	if (!container.networks?.includes(network.name)) return fail(`Error response from daemon: container ${container.id} is not connected to network ${network.name}`, 1);
	const world = produce(call.world, w => {
		const c = w.dockers.get(call.host)!.containers.get(container.id)!;
		detachInterfaces(w.hosts.get(call.host)!, c, network.name);
		leaveNetwork(c, network.name);
	});
	return {stdout: '', exitCode: 0, world};
}

function networkRm(args: string[], call: DockerCall): CommandOutcome {
	const parsed = parseFlags(args, dockerFlags('network rm'));
	if (!parsed.ok) return usageError(parsed.error, 'network rm');
	const names = parsed.flags.positionals;
	if (names.length === 0) return fail(argumentCountText('network rm', 'at least 1 argument'), 1);
	let stdout = '';
	let stderr = '';
	const world = produce(call.world, w => {
		const daemon = w.dockers.get(call.host)!;
		for (const name of names) {
			const error = removeNetwork(daemon, name);
			if (error) stderr += `Error response from daemon: ${error}\n`;
			else stdout += name + '\n';
		}
	});
	return {stdout, stderr, exitCode: stderr ? 1 : 0, world};
}
