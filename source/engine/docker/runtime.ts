// The container runtime: what dockerd (and the Kubernetes kubelet, through the same calls) does to
// a host when it creates, starts, stops and removes containers. Pure functions on an immer draft
// of the World; each returns {ok: true, ...} or {ok: false, error} with the daemon's own error
// text (callers prefix "Error response from daemon: " as the docker CLI does).
// Longer than ~300 lines because the lifecycle below is one API that dockerd and the kubelet both call.
//
//   resolveImage(daemon, "nginx" | "nginx:1.27" | "luksa/kubia" | "docker.io/library/node:7" | id prefix)
//   planPull(w, host, ref) -> {plan: {image, layers: [{id, sizeBytes, present}], manifestDigest}}
//       nothing changes; pullTimeMs(plan) is a realistic download time for the missing layers.
//   applyPull(w, host, plan) / pullImage(w, host, ref): stores the image + missing layers, tags it.
//       unknown repository: "pull access denied for x, repository does not exist or may require 'docker login': ..."
//   createContainer(w, host, {image, name?, command?, entrypoint?, env?, ports?, memoryBytes?, cpus?,
//       hostname?, joinNamespacesOf?: pid, cgroup?, labels?, autoRemove?, tty?, interactive?,
//       restartPolicy?, namespaceModes?: {net?: 'host'|'none'|'container:NAME', pid?, uts?, ipc?}})
//       -> {container}: an overlay rootfs (image layers + a per-container init layer + an empty
//       upper layer) registered in host.filesystems; state 'created'.
//   startContainer(w, host, idOrName) -> {container, process}: fresh mnt/pid/cgroup namespaces, and
//       fresh net/uts/ipc unless joinNamespacesOf names a process whose net/uts/ipc it shares (a
//       pod's pause container); a containerd-shim process on the host, the main process under it
//       (entrypoint + cmd, a {kind: 'server', port, app} workload when the image's app serves
//       HTTP), cgroup /system.slice/docker-<id>.scope (or opts.cgroup) with memory.max / cpu.max
//       from memoryBytes / cpus, a 172.17.0.N address on docker0, a veth pair, and a docker-proxy
//       NAT rule per published port (host.natRules). Known programs behave (behaviourOf): `sleep N`
//       ends, `stress --vm` grows memory until the OOM killer ends it, `stress --cpu` burns CPU.
//   stopContainer(w, host, id, {timeoutSeconds?, kill?}) -> {exitCode, waitedMs}: SIGTERM, then
//       SIGKILL after the timeout when the app ignores SIGTERM (node as PID 1 does: exit 137).
//   recordContainerExit(w, host, id, exitCode, output?): the main process ended by itself.
//   removeContainer(w, host, id, {force?}); execInContainer(w, host, id, argv) -> {process} (a
//   process in all the container's namespaces; endExec(w, host, pid) when it is done).
//   reconcileContainers(w, host): containers whose main process died (exit, OOM kill, kill -9)
//       become exited (137 + OOMKilled, 128+signal, the status `exit N` left (exitProcess), or 0) and
//       restart per their policy; tick runs it every slice (advance-docker.ts). Containers labelled
//       io.kubernetes.pod.uid are left to the kubelet. isLongRunning / appProfileOf tell whether a command keeps running / serves HTTP.
//   containerChanges(w, host, container) -> [{kind: 'A'|'C'|'D', path}] from the upper layer.
// Every change records an event from component "dockerd" (or the `component` option).
import {recordEvent} from '../events.ts';
import {ensureCgroup, normalizeCgroupPath} from '../host/cgroups.ts';
import {listenerOf} from '../host/listeners.ts';
import {createNamespace} from '../host/namespaces.ts';
import {exitProcess, killProcess, reapExitStatus, spawnProcess} from '../host/processes.ts';
import {unsimulatedPrograms, type ExternalProgramRunner} from '../script/external-programs.ts';
import {shellScriptOf, startScriptProcess, runsAsProcess} from '../script/script-processes.ts';
import type {NatRule} from '../network/types.ts';
import type {FileNode, Host, NamespaceKind, Process} from '../host/types.ts';
import {randomHex} from '../rng.ts';
import type {World} from '../world.ts';
import {renderParts} from './apps.ts';
import {appendLog} from './logs.ts';
import {mainProcessTitle, spawnAppWorkers} from './app-processes.ts';
import {bridgeGateway, hostInterfaces, nextInterfaceIndex} from './daemon.ts';
import {parseImageRef, tagKey} from './image-ref.ts';
import {randomContainerName} from './names.ts';
import {worldEpoch} from '../world.ts';
import type {Container, DockerDaemon, Image, PortBinding, RestartPolicy} from './types.ts';
import {mountTable, prepareMounts, removeVolume, type MountSpec} from './volumes.ts';
import {attachInterface, detachInterfaces, embeddedResolvConf, findNetwork, userNetworkNamespace} from './networks.ts';

export {applyPull, planPull, pullImage, pullTimeMs, type PullPlan, type PullResult} from './registry.ts';
export {appendLog} from './logs.ts';
export {appProfileOf, behaviourOf, defaultPath, effectiveCommand, findExecutable, imageOfContainer, isLongRunning} from './programs.ts';
export {containerChanges, type Change} from './changes.ts';
import {appProfileOf, behaviourOf, defaultPath, effectiveCommand, findExecutable, isLongRunningCommand} from './programs.ts';

export type Result<T> = ({ok: true} & T) | {ok: false; error: string};

/** The image a reference or an id (prefix) names on this daemon. */
export function resolveImage(daemon: DockerDaemon, text: string): Image | undefined {
	const hex = text.replace(/^sha256:/, '');
	if (/^[0-9a-f]{64}$/.test(hex)) return daemon.images.get(`sha256:${hex}`);
	const parsed = parseImageRef(text);
	if (!('error' in parsed)) {
		const id = daemon.tags.get(tagKey(parsed));
		if (id) return daemon.images.get(id);
	}
	if (/^[0-9a-f]{1,63}$/.test(hex)) {
		const matches = [...daemon.images.values()].filter(i => i.id.startsWith(`sha256:${hex}`));
		if (matches.length === 1) return matches[0];
	}
	return undefined;
}

/** A container by name ("web" or "/web"), full id or unique id prefix. */
export function findContainer(daemon: DockerDaemon, text: string): Container | undefined {
	const name = text.replace(/^\//, '');
	for (const c of daemon.containers.values()) if (c.name === name) return c;
	if (daemon.containers.has(text)) return daemon.containers.get(text);
	if (/^[0-9a-f]+$/.test(text)) {
		const matches = [...daemon.containers.values()].filter(c => c.id.startsWith(text));
		if (matches.length === 1) return matches[0];
	}
	return undefined;
}

type SharableKind = 'net' | 'pid' | 'uts' | 'ipc';
const sharableWords: Record<SharableKind, string> = {net: 'network', pid: 'PID', uts: 'UTS', ipc: 'IPC'};

export type CreateOptions = {
	image: string; // reference or id, resolved on the host's daemon (pull first)
	name?: string;
	command?: string[]; // replaces the image's CMD
	entrypoint?: string[]; // replaces the image's ENTRYPOINT
	env?: Record<string, string>;
	ports?: PortBinding[];
	memoryBytes?: number;
	cpus?: number;
	hostname?: string;
	joinNamespacesOf?: number; // host pid whose net, uts and ipc namespaces the container shares
	cgroup?: string; // default /system.slice/docker-<id>.scope
	labels?: Record<string, string>;
	autoRemove?: boolean;
	tty?: boolean;
	interactive?: boolean;
	workdir?: string;
	user?: string;
	restartPolicy?: RestartPolicy;
	mounts?: MountSpec[]; // -v
	/** --network/--pid/--uts/--ipc: "host", "container:NAME", or (network) "none"; default: new namespaces. */
	namespaceModes?: Container['namespaceModes'];
	networks?: string[]; // --network NAME of a user-defined network
	networkAliases?: string[]; // --network-alias
	component?: string;
};

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function createContainer(w: World, hostName: string, options: CreateOptions): Result<{container: Container}> {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	if (!daemon || !host) return {ok: false, error: `no docker daemon on ${hostName}`};
	const image = resolveImage(daemon, options.image);
	if (!image) return {ok: false, error: `No such image: ${options.image}`};
	if (options.name !== undefined) {
		const name = options.name.replace(/^\//, '');
		if (!namePattern.test(name)) return {ok: false, error: `Invalid container name (${options.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`};
		const holder = findContainer(daemon, name);
		if (holder && holder.name === name) {
			return {ok: false, error: `Conflict. The container name "/${name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`};
		}
	}
	const entrypoint = options.entrypoint ?? image.config.entrypoint ?? [];
	const cmd = options.command && options.command.length > 0 ? options.command : options.entrypoint ? [] : (image.config.cmd ?? []);
	const command = [...entrypoint, ...cmd];
	if (command.length === 0) return {ok: false, error: 'No command specified'};
	// The image's VOLUMEs that no -v covers get anonymous volumes, as dockerd creates them.
	const requested = options.mounts ?? [];
	const imageVolumes = (image.config.volumes ?? []).filter(path => !requested.some(m => m.destination === path)).map(path => ({type: 'volume' as const, source: '', destination: path, readOnly: false}));
	const mounts = prepareMounts(w, hostName, [...requested, ...imageVolumes]);
	if ('error' in mounts) return {ok: false, error: mounts.error};
	const id = randomHex(w, 64);
	const name = options.name?.replace(/^\//, '') ?? randomContainerName(w, n => [...daemon.containers.values()].some(c => c.name === n));
	const hostname = options.hostname ?? id.slice(0, 12);
	const workdir = options.workdir ?? image.config.workdir ?? '/';
	const initLayerId = `${id}-init`;
	const initFiles = initLayerFiles(hostname);
	if (options.networks?.length) initFiles.set('/etc/resolv.conf', {type: 'file', content: embeddedResolvConf});
	// dockerd creates each mount point (and its parents) in the init layer, so `docker diff` does not list them.
	for (const m of mounts) for (let dir = m.destination; dir !== '/'; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') if (!initFiles.has(dir)) initFiles.set(dir, {type: 'dir'});
	w.layers.set(initLayerId, {id: initLayerId, sizeBytes: 0, createdBy: 'container init layer', files: initFiles});
	const rootfs = `overlay:${id}`;
	const lower = [initLayerId, ...[...image.layers].reverse()];
	host.filesystems.set(rootfs, {id: rootfs, kind: 'overlay', lower, upper: new Map()});
	const container: Container = {
		id,
		name,
		image: image.id,
		imageRef: options.image,
		command,
		created: w.time,
		state: 'created',
		exitCode: 0,
		rootfs,
		ports: options.ports ?? [],
		env: containerEnv(image.config.env, hostname, options),
		memoryLimit: options.memoryBytes,
		cpus: options.cpus,
		cgroup: normalizeCgroupPath(options.cgroup ?? `/system.slice/docker-${id}.scope`),
		autoRemove: options.autoRemove ?? false,
		logs: [],
		hostname,
		labels: {...image.config.labels, ...options.labels},
		joinedNamespacesOf: options.joinNamespacesOf,
		tty: options.tty,
		interactive: options.interactive,
		restartCount: 0,
		workdir,
		user: options.user ?? image.config.user,
		...(options.restartPolicy && options.restartPolicy.name !== 'no' ? {restartPolicy: options.restartPolicy} : {}),
		...(options.namespaceModes && Object.keys(options.namespaceModes).length ? {namespaceModes: options.namespaceModes} : {}),
		...(mounts.length > 0 ? {mounts} : {}),
		...(options.networks?.length ? {networks: [...options.networks]} : {}),
		...(options.networks?.length && options.networkAliases?.length ? {networkAliases: Object.fromEntries(options.networks.map(n => [n, [...options.networkAliases!]]))} : {}),
	};
	daemon.containers.set(id, container);
	recordEvent(w, {type: 'Normal', component: options.component ?? 'dockerd', reason: 'Created', object: `container/${name}`, message: `Created container ${name} (${id.slice(0, 12)}) from ${options.image}`, host: hostName});
	return {ok: true, container};
}

/** The environment dockerd gives the main process: PATH, HOSTNAME (TERM with -t), the image's and -e's variables, then HOME. */
function containerEnv(imageEnv: Record<string, string>, hostname: string, options: CreateOptions): Record<string, string> {
	const env: Record<string, string> = {PATH: defaultPath, HOSTNAME: hostname, ...(options.tty ? {TERM: 'xterm'} : {}), ...imageEnv, ...options.env};
	const user = options.user;
	if (env['HOME'] === undefined) env['HOME'] = !user || user === 'root' || user === '0' ? '/root' : '/';
	return env;
}

const hostsFile = `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n`;

/** The files docker bind-mounts into every container: kept in an init layer so `docker diff` ignores them. */
function initLayerFiles(hostname: string): Map<string, FileNode> {
	return new Map<string, FileNode>([
		['/etc', {type: 'dir'}],
		['/etc/hostname', {type: 'file', content: `${hostname}\n`}],
		['/etc/hosts', {type: 'file', content: hostsFile}],
		['/etc/resolv.conf', {type: 'file', content: 'nameserver 192.168.56.1\n'}],
		['/dev', {type: 'dir'}],
		['/proc', {type: 'dir'}],
		['/sys', {type: 'dir'}],
	]);
}

function allocateIp(daemon: DockerDaemon): string {
	const used = new Set([...daemon.containers.values()].filter(c => c.state === 'running' && c.ipAddress).map(c => c.ipAddress));
	for (let n = 2; n < 65000; n++) {
		const ip = `172.17.${Math.floor(n / 256)}.${n % 256}`;
		if (n % 256 !== 0 && n % 256 !== 255 && !used.has(ip)) return ip;
	}
	return '172.17.255.254';
}

function macForIp(ip: string): string {
	return ['02', '42', ...ip.split('.').map(n => Number(n).toString(16).padStart(2, '0'))].join(':');
}

function containerdPid(host: Host): number {
	for (const p of host.processes.values()) if (p.command === '/usr/bin/containerd') return p.pid;
	return 1;
}

/**
 * Starts a created or exited container. A shell script that takes time (`sh -c 'while true; do
 * date; sleep 5; done'`) runs as a process in virtual time from here on; with `runCommand`
 * (dockerd's restarts, where no terminal runs it) any other one-shot command does too.
 */
export function startContainer(w: World, hostName: string, idOrName: string, component = 'dockerd', options: {runCommand?: boolean; programs?: ExternalProgramRunner} = {}): Result<{container: Container; process: Process}> {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const container = daemon && findContainer(daemon, idOrName);
	if (!daemon || !host || !container) return {ok: false, error: `No such container: ${idOrName}`};
	if (container.state === 'running' && container.pid !== undefined && host.processes.has(container.pid)) {
		return {ok: true, container, process: host.processes.get(container.pid)!};
	}
	for (const binding of container.ports) {
		const listener = [...host.processes.values()].find(p => p.namespaces.net === host.initNamespaces.net && listenerOf(p, binding.hostPort));
		if (listener) {
			return {ok: false, error: `driver failed programming external connectivity on endpoint ${container.name} (${container.id}): failed to bind port ${binding.hostIp}:${binding.hostPort}/${binding.protocol}: Error starting userland proxy: listen ${binding.protocol}4 ${binding.hostIp}:${binding.hostPort}: bind: address already in use`};
		}
		const holder = [...daemon.containers.values()].find(c => c.id !== container.id && c.state === 'running' && c.ports.some(p => p.hostPort === binding.hostPort && p.protocol === binding.protocol));
		if (holder) {
			return {ok: false, error: `driver failed programming external connectivity on endpoint ${container.name} (${container.id}): Bind for ${binding.hostIp}:${binding.hostPort} failed: port is already allocated`};
		}
	}
	const joined = container.joinedNamespacesOf !== undefined ? host.processes.get(container.joinedNamespacesOf) : undefined;
	if (container.joinedNamespacesOf !== undefined && !joined) {
		return {ok: false, error: `cannot join network of a non running container: ${container.joinedNamespacesOf}`};
	}
	// --network/--pid/--uts/--ipc host or container:NAME: share those namespaces instead of new ones.
	const shared: Partial<Record<SharableKind, number>> = {};
	for (const [kind, mode] of Object.entries(container.namespaceModes ?? {}) as [SharableKind, string][]) {
		if (mode === 'host') shared[kind] = host.initNamespaces[kind];
		else if (mode.startsWith('container:')) {
			const other = findContainer(daemon, mode.slice('container:'.length));
			const otherMain = other?.pid !== undefined ? host.processes.get(other.pid) : undefined;
			if (!other) return {ok: false, error: `No such container: ${mode.slice('container:'.length)}`};
			if (!otherMain || other.state !== 'running') return {ok: false, error: `cannot join ${sharableWords[kind]} of a non running container: ${other.id}`};
			shared[kind] = otherMain.namespaces[kind];
		}
	}
	if (joined) {
		shared.net = joined.namespaces.net;
		shared.uts = joined.namespaces.uts;
		shared.ipc = joined.namespaces.ipc;
	}
	const shim = spawnProcess(w, host, {
		parentPid: containerdPid(host),
		command: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${container.id} -address /run/containerd/containerd.sock`,
		namespaces: host.initNamespaces,
		cgroup: '/system.slice/containerd.service',
		memoryBytes: 9 * 1024 * 1024,
		containerId: undefined,
	});
	const futurePid = host.nextPid;
	const pidNs = shared.pid ?? createNamespace(host, 'pid', futurePid, {parentId: host.initNamespaces.pid}).id;
	const mntNs = createNamespace(host, 'mnt', futurePid, {rootfs: container.rootfs, procMountedFromPidNs: pidNs});
	if (container.mounts?.length) mntNs.mounts = mountTable(w, host, container, host.filesystems.get(container.rootfs));
	// cgroup v2: docker gives each container a private cgroup namespace rooted at its own cgroup (/proc/self/cgroup reads 0::/).
	const cgroupNs = createNamespace(host, 'cgroup', futurePid, {cgroupRoot: normalizeCgroupPath(container.cgroup)});
	const namespaces: Partial<Record<NamespaceKind, number>> = {pid: pidNs, mnt: mntNs.id, cgroup: cgroupNs.id, user: host.initNamespaces.user, time: host.initNamespaces.time};
	namespaces.uts = shared.uts ?? createNamespace(host, 'uts', futurePid, {hostname: container.hostname, domainname: '(none)'}).id;
	namespaces.ipc = shared.ipc ?? createNamespace(host, 'ipc', futurePid).id;
	if (shared.net !== undefined) namespaces.net = shared.net;
	else if (container.namespaceModes?.net === 'none') {
		namespaces.net = createNamespace(host, 'net', futurePid, {interfaces: [{name: 'lo', kind: 'loopback', state: 'UP', mac: '00:00:00:00:00:00', mtu: 65536, addresses: ['127.0.0.1/8'], index: 1}]}).id;
	} else if (container.networks?.length && !container.networks.includes('bridge')) {
		const attached = userNetworkNamespace(w, host, daemon, container, futurePid);
		namespaces.net = attached.netns;
		container.ipAddress = attached.ip;
		if (attached.ip) w.layers.get(`${container.id}-init`)?.files.set('/etc/hosts', {type: 'file', content: `${hostsFile}${attached.ip}\t${container.hostname}\n`});
	} else {
		const ip = allocateIp(daemon);
		const hostNet = hostInterfaces(host);
		const vethIndex = nextInterfaceIndex(hostNet);
		const vethName = `veth${randomHex(w, 7)}`;
		const netNs = createNamespace(host, 'net', futurePid, {
			interfaces: [
				{name: 'lo', kind: 'loopback', state: 'UP', mac: '00:00:00:00:00:00', mtu: 65536, addresses: ['127.0.0.1/8'], index: 1},
				{name: 'eth0', kind: 'veth', state: 'UP', mac: macForIp(ip), mtu: 1500, addresses: [`${ip}/16`], index: vethIndex + 1, peer: {namespaceId: host.initNamespaces.net, name: vethName}},
			],
		});
		namespaces.net = netNs.id;
		hostNet.push({name: vethName, kind: 'veth', state: 'UP', mac: macForIp(ip).replace('02:42', 'e2:9a'), mtu: 1500, addresses: [], index: vethIndex, peer: {namespaceId: netNs.id, name: 'eth0'}});
		const bridge = hostNet.find(i => i.name === 'docker0');
		if (bridge) bridge.state = 'UP';
		container.ipAddress = ip;
		container.hostVeth = vethName;
		// Connected to user networks as well (docker network connect): an interface on each.
		for (const name of container.networks ?? []) {
			const network = name === 'bridge' ? undefined : findNetwork(daemon, name);
			if (network) attachInterface(w, host, daemon, container, network, netNs.id);
		}
		// docker writes the container's own address into its /etc/hosts (a bind mount, kept in the init layer).
		w.layers.get(`${container.id}-init`)?.files.set('/etc/hosts', {type: 'file', content: `${hostsFile}${ip}\t${container.hostname}\n`});
	}
	const profile = appProfileOf(w, hostName, container);
	ensureContainerCgroup(host, container);
	if (container.ipAddress) publishPorts(host, container);
	const process = spawnProcess(w, host, {
		parentPid: shim.pid,
		command: mainProcessTitle(profile, container.command),
		user: container.user ?? 'root',
		uid: container.user && container.user !== 'root' ? (host.users[container.user] ?? 1000) : 0,
		namespaces,
		cgroup: container.cgroup,
		memoryBytes: profile?.memoryBytes ?? 1024 * 1024,
		...(profile ? {workload: {kind: 'server', port: profile.port, protocol: 'http', app: profile.name}} : behaviourOf(effectiveCommand(container.command), w.time)),
		containerId: container.id,
		cwd: container.workdir,
		env: container.env,
		tty: container.tty ? 'pts/0' : undefined,
		state: 'S',
	});
	container.state = 'running';
	container.manuallyStopped = false;
	container.restartAt = undefined;
	container.pid = process.pid;
	container.shimPid = shim.pid;
	container.startedAt = w.time;
	container.finishedAt = undefined;
	container.exitCode = 0;
	container.oomKilled = false;
	if (profile) {
		for (const line of profile.startupLog) appendLog(container, renderParts(line, {hostname: container.hostname, remoteAddress: '', time: worldEpoch + w.time}));
		spawnAppWorkers(w, host, process, profile);
	} else runMainScript(w, host, container, process, options.runCommand === true, options.programs ?? unsimulatedPrograms);
	recordEvent(w, {type: 'Normal', component, reason: 'Started', object: `container/${container.name}`, message: `Started container ${container.name}: ${container.command.join(' ')} (pid ${process.pid})`, host: hostName});
	return {ok: true, container, process};
}

/** Runs the main process's shell script (or, when asked, its one-shot command) as a process in virtual time. */
function runMainScript(w: World, host: Host, container: Container, process: Process, runCommand: boolean, programs: ExternalProgramRunner): void {
	const argv = effectiveCommand(container.command);
	if (process.endsAt !== undefined || process.workload.kind !== 'idle') return; // sleep N, stress: modelled by behaviourOf
	const script = shellScriptOf(argv);
	const source = script !== undefined && (runsAsProcess(script) || runCommand) ? script : runCommand && !isLongRunningCommand(argv, container) ? quoteWords(argv) : undefined;
	if (source === undefined) return;
	const step = startScriptProcess(w, host, process, source, script !== undefined ? argv[0]! : 'sh', programs);
	if (step.output) appendLog(container, step.output);
	if (step.exited !== undefined) exitProcess(host, process.pid, step.exited);
}

/** Whether the main process is a script still running in virtual time. */
export function runsScript(w: World, hostName: string, container: Container): boolean {
	return container.pid !== undefined && w.hosts.get(hostName)?.processes.get(container.pid)?.script !== undefined;
}

/** The main process already ended (a script that finished, or failed, as it started). */
export function mainProcessEnded(w: World, hostName: string, container: Container): boolean {
	return container.state === 'running' && (container.pid === undefined || !w.hosts.get(hostName)?.processes.has(container.pid));
}

function quoteWords(argv: string[]): string {
	return argv.map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function ensureContainerCgroup(host: Host, container: Container): void {
	const group = ensureCgroup(host, container.cgroup);
	group.memoryMax = container.memoryLimit ?? 'max';
	group.cpuMax = {quota: container.cpus ? Math.round(container.cpus * 100000) : 'max', period: 100000};
}

/** docker-proxy's NAT rules: a published host port forwards to the container's address. */
function publishPorts(host: Host, container: Container): void {
	for (const p of container.ports) {
		const rule: NatRule = {destination: p.hostIp === '0.0.0.0' ? 'local' : p.hostIp, port: p.hostPort, protocol: p.protocol, targets: [{ip: container.ipAddress!, port: p.containerPort}], owner: 'docker-proxy', comment: container.id, sourceRewrite: bridgeGateway};
		host.natRules.push(rule);
	}
}

/** Tears down what a running container held on the host: processes, veth, NAT rules, cgroup. */
function releaseRunningState(host: Host, daemon: DockerDaemon, container: Container): void {
	if (container.pid !== undefined && host.processes.has(container.pid)) killProcess(host, container.pid);
	for (const p of [...host.processes.values()]) if (p.containerId === container.id && host.processes.has(p.pid)) killProcess(host, p.pid);
	if (container.shimPid !== undefined && host.processes.has(container.shimPid)) killProcess(host, container.shimPid);
	host.natRules = host.natRules.filter(r => !(r.owner === 'docker-proxy' && r.comment === container.id));
	const hostNet = hostInterfaces(host);
	const veth = hostNet.findIndex(i => i.name === container.hostVeth);
	if (veth >= 0) hostNet.splice(veth, 1);
	container.hostVeth = undefined;
	detachInterfaces(host, container);
	const group = host.cgroups.get(container.cgroup);
	if (group && ![...host.processes.values()].some(p => p.cgroup === container.cgroup)) host.cgroups.delete(container.cgroup);
	container.pid = undefined;
	container.shimPid = undefined;
	container.ipAddress = undefined;
	const bridge = hostNet.find(i => i.name === 'docker0');
	if (bridge && ![...daemon.containers.values()].some(c => c.state === 'running' && c.id !== container.id && c.ipAddress)) bridge.state = 'DOWN';
}

export function stopContainer(w: World, hostName: string, idOrName: string, options: {timeoutSeconds?: number; kill?: boolean; component?: string} = {}): Result<{container: Container; exitCode: number; waitedMs: number}> {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const container = daemon && findContainer(daemon, idOrName);
	if (!daemon || !host || !container) return {ok: false, error: `No such container: ${idOrName}`};
	if (container.state === 'restarting') {
		container.state = 'exited';
		container.restartAt = undefined;
		container.manuallyStopped = true;
	}
	if (container.state !== 'running' && container.state !== 'paused') return {ok: true, container, exitCode: container.exitCode, waitedMs: 0};
	container.manuallyStopped = true;
	const profile = appProfileOf(w, hostName, container);
	const graceful = !options.kill && profile?.handlesSigterm === true;
	const timeout = options.timeoutSeconds ?? 10;
	const exitCode = graceful ? 0 : 137;
	const waitedMs = options.kill ? 0 : graceful ? 100 : timeout * 1000;
	releaseRunningState(host, daemon, container);
	container.state = 'exited';
	container.exitCode = exitCode;
	container.finishedAt = w.time + waitedMs;
	recordEvent(w, {type: 'Normal', component: options.component ?? 'dockerd', reason: options.kill ? 'Killed' : 'Stopped', object: `container/${container.name}`, message: `${options.kill ? 'Killed' : 'Stopped'} container ${container.name} (exit code ${exitCode})`, host: hostName});
	if (container.autoRemove) removeContainer(w, hostName, container.id, {force: true});
	return {ok: true, container, exitCode, waitedMs};
}

/** The main process finished by itself (a one-shot command): the container exits with its code. */
export function recordContainerExit(w: World, hostName: string, idOrName: string, exitCode: number, output = ''): void {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const container = daemon && findContainer(daemon, idOrName);
	if (!daemon || !host || !container) return;
	if (output) appendLog(container, output);
	container.oomKilled = (host.cgroups.get(container.cgroup)?.memoryEvents.oom_kill ?? 0) > 0;
	releaseRunningState(host, daemon, container);
	container.state = 'exited';
	container.exitCode = exitCode;
	container.finishedAt = w.time;
	recordEvent(w, {type: exitCode === 0 ? 'Normal' : 'Warning', component: 'dockerd', reason: 'Exited', object: `container/${container.name}`, message: `Container ${container.name} exited with code ${exitCode}`, host: hostName});
	afterExit(w, hostName, container);
}

/** What dockerd does once a container's main process ended by itself: remove it (--rm) or schedule its restart. */
function afterExit(w: World, hostName: string, container: Container): void {
	if (container.autoRemove) {
		removeContainer(w, hostName, container.id, {force: true});
		return;
	}
	if (!wantsRestart(container)) return;
	container.state = 'restarting';
	container.restartDelayMs = nextRestartDelay(container);
	container.restartAt = w.time + container.restartDelayMs;
}

/**
 * Docker's restart back-off (moby restartmanager): 100 ms, doubled on each restart, at most one
 * minute, and back to 100 ms when the container had run for 10 s or more.
 */
function nextRestartDelay(container: Container): number {
	const ran = (container.finishedAt ?? 0) - (container.startedAt ?? 0);
	const previous = ran >= 10_000 ? 0 : (container.restartDelayMs ?? 0);
	return previous === 0 ? 100 : Math.min(60_000, previous * 2);
}

/** Containers whose main process is gone (exited, killed, OOM-killed) become exited; restarts run their scripts with `programs`. Call on a draft. */
export function reconcileContainers(w: World, hostName: string, programs: ExternalProgramRunner = unsimulatedPrograms): void {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	if (!daemon || !host || daemon.containers.size === 0) return;
	const exited: string[] = [];
	const due: string[] = [];
	for (const [id, c] of daemon.containers) {
		// A pod's containers belong to the kubelet, which records their exits and restarts itself.
		if (c.labels['io.kubernetes.pod.uid'] !== undefined) continue;
		if (c.state === 'running' || c.state === 'paused') {
			if (c.pid === undefined || !host.processes.has(c.pid)) exited.push(id);
		} else if (c.state === 'restarting' && c.restartAt !== undefined && w.time >= c.restartAt) due.push(id);
	}
	for (const id of exited) {
		const container = daemon.containers.get(id);
		if (!container || (container.state !== 'running' && container.state !== 'paused')) continue;
		const group = host.cgroups.get(container.cgroup);
		const oom = (group?.memoryEvents.oom_kill ?? 0) > 0;
		const killedBy = killSignalOf(w, hostName, container.pid);
		// An app that handles SIGTERM (nginx) shuts down and exits 0, as under docker stop.
		const signal = killedBy === 15 && appProfileOf(w, hostName, container)?.handlesSigterm ? undefined : killedBy;
		const status = container.pid === undefined ? undefined : reapExitStatus(host, container.pid);
		releaseRunningState(host, daemon, container);
		container.state = 'exited';
		container.exitCode = oom ? 137 : signal ? 128 + signal : (status ?? 0);
		container.oomKilled = oom;
		container.finishedAt = w.time;
		recordEvent(w, {type: oom ? 'Warning' : 'Normal', component: 'dockerd', reason: oom ? 'OOMKilled' : 'Exited', object: `container/${container.name}`, message: `Container ${container.name} exited with code ${container.exitCode}${oom ? ' (OOMKilled)' : ''}`, host: hostName});
		afterExit(w, hostName, container);
	}
	for (const id of due) {
		const container = daemon.containers.get(id);
		if (!container || container.state !== 'restarting') continue;
		const restarted = startContainer(w, hostName, container.id, 'dockerd', {runCommand: true, programs});
		if (!restarted.ok) {
			container.state = 'exited';
			container.restartAt = undefined;
			continue;
		}
		container.restartCount++;
		recordEvent(w, {type: 'Normal', component: 'dockerd', reason: 'Restarted', object: `container/${container.name}`, message: `Restarted ${container.name} (restart policy ${container.restartPolicy!.name}, restart ${container.restartCount})`, host: hostName});
	}
}

/** Whether the restart policy brings an exited container back (never after docker stop). */
function wantsRestart(container: Container): boolean {
	const policy = container.restartPolicy;
	if (!policy || container.manuallyStopped) return false;
	if (policy.name === 'always' || policy.name === 'unless-stopped') return true;
	return policy.name === 'on-failure' && container.exitCode !== 0 && (policy.maxRetries === 0 || container.restartCount < policy.maxRetries);
}

const signalNumbers: Record<string, number> = {SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15};

/** The signal that killed a process, from the kernel's event ("... killed by SIGKILL"), if any. */
function killSignalOf(w: World, hostName: string, pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	const object = `process/${hostName}/${pid}`;
	for (let i = w.events.length - 1; i >= 0 && i >= w.events.length - 200; i--) {
		const e = w.events[i]!;
		if (e.object !== object) continue;
		const name = e.message.match(/killed by (SIG[A-Z]+)/)?.[1];
		if (name) return signalNumbers[name] ?? 9;
		if (e.reason === 'OOMKilled' || e.reason === 'Killed') return 9;
	}
	return undefined;
}

/** Removes a container; its anonymous volumes go too with -v, or when it was started with --rm (named volumes stay). */
export function removeContainer(w: World, hostName: string, idOrName: string, options: {force?: boolean; component?: string; volumes?: boolean} = {}): Result<{container: Container}> {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const container = daemon && findContainer(daemon, idOrName);
	if (!daemon || !host || !container) return {ok: false, error: `No such container: ${idOrName}`};
	if (container.state === 'running' || container.state === 'paused') {
		if (!options.force) return {ok: false, error: `cannot remove container "/${container.name}": container is ${container.state}: ${container.state === 'paused' ? 'unpause and then ' : ''}stop the container before removing or force remove`};
		releaseRunningState(host, daemon, container);
		container.state = 'exited';
		container.exitCode = 137;
	}
	host.filesystems.delete(container.rootfs);
	w.layers.delete(`${container.id}-init`);
	daemon.containers.delete(container.id);
	if (options.volumes || container.autoRemove) {
		for (const m of container.mounts ?? []) if (m.type === 'volume' && daemon.volumes?.get(m.name!)?.anonymous) removeVolume(w, hostName, m.name!);
	}
	recordEvent(w, {type: 'Normal', component: options.component ?? 'dockerd', reason: 'Removed', object: `container/${container.name}`, message: `Removed container ${container.name}`, host: hostName});
	return {ok: true, container};
}

export function execInContainer(w: World, hostName: string, idOrName: string, argv: string[], options: {tty?: boolean; user?: string; workdir?: string; env?: Record<string, string>} = {}): Result<{container: Container; process: Process}> {
	const daemon = w.dockers.get(hostName);
	const host = w.hosts.get(hostName);
	const container = daemon && findContainer(daemon, idOrName);
	if (!daemon || !host || !container) return {ok: false, error: `No such container: ${idOrName}`};
	const main = container.pid !== undefined ? host.processes.get(container.pid) : undefined;
	if (container.state === 'paused') return {ok: false, error: `Container ${container.id} is paused, unpause the container before exec`};
	if (container.state !== 'running' || !main) return {ok: false, error: `container ${container.id} is not running`};
	const fs = host.filesystems.get(container.rootfs);
	const program = argv[0] ?? '';
	if (!fs || !findExecutable(w, fs, program, container.env['PATH'])) {
		return {ok: false, error: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`};
	}
	const process = spawnProcess(w, host, {
		parentPid: container.shimPid ?? main.pid,
		command: argv.join(' '),
		user: options.user ?? container.user ?? 'root',
		namespaces: main.namespaces,
		cgroup: main.cgroup,
		memoryBytes: 3 * 1024 * 1024,
		containerId: container.id,
		cwd: options.workdir ?? container.workdir,
		env: {...container.env, ...options.env},
		tty: options.tty ? 'pts/0' : undefined,
		state: 'R',
	});
	return {ok: true, container, process};
}

/** An exec'd process finished. */
export function endExec(w: World, hostName: string, pid: number): void {
	const host = w.hosts.get(hostName);
	if (host?.processes.has(pid)) killProcess(host, pid);
}

/** The container a host pid belongs to, on any daemon of the world. */
export function containerOfProcess(w: World, hostName: string, pid: number): Container | undefined {
	const containerId = w.hosts.get(hostName)?.processes.get(pid)?.containerId;
	return containerId ? w.dockers.get(hostName)?.containers.get(containerId) : undefined;
}

export {bridgeGateway};
