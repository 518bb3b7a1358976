// A pod on its node's host: a containerd-shim, the pause process that holds the pod's net, uts
// and ipc namespaces, and one process per container that joins them (with its own pid and mount
// namespaces and an overlay root). Docker on the node lists them as k8s_* containers.
import {exitProcess, killProcess, spawnProcess} from '../host/processes.ts';
import type {ExternalProgramRunner} from '../script/external-programs.ts';
import {runsAsProcess, shellScriptOf, startScriptProcess} from '../script/script-processes.ts';
import {appendLog} from '../docker/runtime.ts';
import {podContainerMounts, releasePodVolumes} from './pod-volumes.ts';
import {normalizeCgroupPath} from '../host/cgroups.ts';
import {createNamespace} from '../host/namespaces.ts';
import type {FileNode, Host, Process} from '../host/types.ts';
import {fastHex} from './metadata.ts';
import type {Container} from '../docker/types.ts';
import type {World} from '../world.ts';
import {appWorkload, type ResolvedImage} from './images.ts';
import type {ContainerRuntime, ContainerSpec, PodRuntime} from './types.ts';
import {containerEnvironment, parentDirectories, serviceEnvironment, volumeFiles} from './container-config.ts';
import type {Pod} from './kinds.ts';

const mib = 1024 * 1024;

function podCgroup(pod: Pod): string {
	const qos = (pod.status?.qosClass ?? 'BestEffort').toLowerCase();
	const uid = pod.metadata.uid.replace(/-/g, '_');
	return qos === 'guaranteed' ? `/kubepods.slice/kubepods-pod${uid}.slice` : `/kubepods.slice/kubepods-${qos}.slice/kubepods-${qos}-pod${uid}.slice`;
}

/** The next free address in the node's pod CIDR (10.244.N.0/24; .1 is the node's cni0 bridge). */
export function allocatePodIp(w: World, node: string): string {
	const c = w.cluster!;
	const cidr = c.store.nodes.get(node)?.spec?.podCIDR as string | undefined;
	const base = (cidr ?? '10.244.0.0/24').split('/')[0]!.split('.').slice(0, 3).join('.');
	// The cursor counts up through the /24; once it has wrapped (values above 254), every
	// allocation skips the addresses pods on this node still hold.
	const cursor = c.podIpCursor[node] ?? 1;
	let n: number;
	if (cursor < 254) n = cursor + 1;
	else {
		const used = new Set<string>();
		for (const key of c.podsByNode.get(node) ?? []) {
			const ip = c.store.pods.get(key)?.status?.podIP;
			if (ip) used.add(ip);
		}
		n = cursor >= 254 + 253 || cursor === 254 ? 2 : cursor - 254 + 1;
		for (let tries = 0; tries < 253 && used.has(`${base}.${n}`); tries++) n = n >= 254 ? 2 : n + 1;
	}
	c.podIpCursor[node] = cursor < 254 ? n : 254 + n;
	return `${base}.${n}`;
}

/** Creates the pod's sandbox: shim + pause with fresh net (eth0 = pod IP), uts (hostname = pod name) and ipc namespaces. */
export function createSandbox(w: World, runtime: PodRuntime, pod: Pod, podIp: string): void {
	const host = w.hosts.get(runtime.node);
	if (!host) return;
	const cgroup = podCgroup(pod);
	const shim = spawnProcess(w, host, {parentPid: 1, command: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${fastHex(w, 64)} -address /run/containerd/containerd.sock`, cgroup: '/system.slice/containerd.service', memoryBytes: 9 * mib});
	const hostNetwork = !!pod.spec.hostNetwork;
	const net = hostNetwork ? host.initNamespaces.net : createNamespace(host, 'net', shim.pid, {interfaces: [{name: 'lo', kind: 'loopback', state: 'UP', mac: '00:00:00:00:00:00', mtu: 65536, addresses: ['127.0.0.1/8'], index: 1}, {name: 'eth0', kind: 'veth', state: 'UP', mac: macOf(podIp), mtu: 1450, addresses: [`${podIp}/24`], index: 3}]}).id;
	const uts = hostNetwork ? host.initNamespaces.uts : createNamespace(host, 'uts', shim.pid, {hostname: pod.metadata.name}).id;
	const ipc = createNamespace(host, 'ipc', shim.pid).id;
	const pidNs = createNamespace(host, 'pid', shim.pid, {parentId: host.initNamespaces.pid}).id;
	const mnt = createNamespace(host, 'mnt', shim.pid, {rootfs: `${host.name}:/`}).id;
	const pause = spawnProcess(w, host, {parentPid: shim.pid, command: '/pause', namespaces: {net, uts, ipc, pid: pidNs, mnt}, cgroup: `${cgroup}/docker-pause.scope`, memoryBytes: 1 * mib, user: '65535', uid: 65535});
	runtime.sandboxPid = pause.pid;
	runtime.sandboxNetns = net;
	const daemon = w.dockers.get(host.name);
	if (daemon) {
		const id = fastHex(w, 64);
		daemon.containers.set(id, dockerRecord(w, {id, name: `k8s_POD_${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_0`, imageRef: 'registry.k8s.io/pause:3.10', command: ['/pause'], pid: pause.pid, hostname: pod.metadata.name, pod, cgroup, imageId: daemon.tags.get('registry.k8s.io/pause:3.10')}));
	}
}

function macOf(ip: string): string {
	return ['0a', '58', ...ip.split('.').map(n => Number(n).toString(16).padStart(2, '0'))].join(':');
}

function dockerRecord(w: World, o: {id: string; name: string; imageRef: string; command: string[]; pid: number; hostname: string; pod: Pod; cgroup: string; imageId?: string; rootfs?: string}): Container {
	return {
		id: o.id,
		name: o.name,
		image: o.imageId ?? `sha256:${o.id.slice(0, 64)}`,
		imageRef: o.imageRef,
		command: o.command,
		created: w.time,
		startedAt: w.time,
		state: 'running',
		exitCode: 0,
		pid: o.pid,
		rootfs: o.rootfs ?? `${o.id}:rootfs`,
		ports: [],
		env: {},
		cgroup: o.cgroup,
		autoRemove: false,
		logs: [],
		hostname: o.hostname,
		labels: {'io.kubernetes.pod.name': o.pod.metadata.name, 'io.kubernetes.pod.namespace': o.pod.metadata.namespace!, 'io.kubernetes.pod.uid': o.pod.metadata.uid},
		restartCount: 0,
		workdir: '/',
	};
}

/**
 * The pod's /etc/resolv.conf as the kubelet writes it (pkg/kubelet/network/dns): ClusterFirst
 * names the cluster DNS with the namespace's search list, except on the host network (there, as
 * Default, the node's upstream resolver); ClusterFirstWithHostNet uses the cluster DNS anyway;
 * None takes only spec.dnsConfig, whose nameservers, searches and options are added in any case.
 */
export function podResolvConf(pod: Pod): string {
	const ns = pod.metadata.namespace ?? 'default';
	const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
	const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.spec?.hostNetwork);
	const config = (pod.spec?.dnsConfig ?? {}) as {nameservers?: string[]; searches?: string[]; options?: {name: string; value?: string}[]};
	const nameservers = policy === 'None' ? [] : cluster ? ['10.96.0.10'] : ['192.168.56.1'];
	const searches = policy === 'None' || !cluster ? [] : [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'];
	const options = cluster ? ['ndots:5'] : [];
	for (const n of config.nameservers ?? []) if (!nameservers.includes(n)) nameservers.push(n);
	for (const d of config.searches ?? []) if (!searches.includes(d)) searches.push(d);
	for (const o of config.options ?? []) {
		const text = o.value === undefined ? o.name : `${o.name}:${o.value}`;
		const at = options.findIndex(x => x.split(':')[0] === o.name);
		if (at >= 0) options[at] = text;
		else options.push(text);
	}
	return `${searches.length ? `search ${searches.join(' ')}\n` : ''}${nameservers.map(n => `nameserver ${n}\n`).join('')}${options.length ? `options ${options.join(' ')}\n` : ''}`;
}

/** Starts one container's main process inside the sandbox's namespaces. Returns its host pid. */
export function startContainerProcess(w: World, runtime: PodRuntime, pod: Pod, container: ContainerRuntime, image: ResolvedImage, command: string, programs: ExternalProgramRunner): number | undefined {
	const host = w.hosts.get(runtime.node);
	const pause = runtime.sandboxPid !== undefined ? host?.processes.get(runtime.sandboxPid) : undefined;
	if (!host || !pause) return undefined;
	const id = fastHex(w, 64);
	const fsId = `${host.name}:container:${id}`;
	// The kubelet bind-mounts these three files into every container of the pod.
	const ip = pod.status?.podIP ?? '';
	const managed: [string, string][] = [
		['/etc/hostname', `${pod.metadata.name}\n`],
		['/etc/hosts', `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${pod.metadata.name}\n`],
		['/etc/resolv.conf', podResolvConf(pod)],
	];
	const spec = (pod.spec.containers as ContainerSpec[]).find(c => c.name === container.name);
	if (spec) managed.push(...volumeFiles(w, pod, spec));
	const upper = new Map<string, FileNode>([['/etc', {type: 'dir'}], ...parentDirectories(managed).map((dir): [string, FileNode] => [dir, {type: 'dir'}]), ...managed.map(([path, content]): [string, FileNode] => [path, {type: 'file', content}])]);
	const envResult = spec ? containerEnvironment(w, pod, spec) : undefined;
	// As the container runtime assembles it: the image's ENV, the pod's hostname, the Services
	// known at start, the container's own env (which wins), and HOME from the user's entry.
	const ownEnv = envResult && 'env' in envResult ? envResult.env : {};
	const configEnv: Record<string, string> = {...image.env, ...serviceEnvironment(w, pod), ...ownEnv};
	const env: Record<string, string> = {PATH: configEnv['PATH'] ?? '', HOSTNAME: pod.metadata.name, ...configEnv};
	env['HOME'] ??= '/root';
	const mounts = podContainerMounts(w, host, pod, container.name);
	for (const m of mounts) for (let dir = m.target; dir !== '/'; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') if (!upper.has(dir)) upper.set(dir, {type: 'dir'});
	host.filesystems.set(fsId, {id: fsId, kind: 'overlay', lower: image.layers.map(l => l.id).filter(l => w.layers.has(l)).reverse(), upper});
	const pidNs = createNamespace(host, 'pid', pause.pid, {parentId: host.initNamespaces.pid}).id;
	// The container's /proc shows its own pid namespace, as runc mounts it; its volumes are mounted in its mount namespace.
	const mnt = createNamespace(host, 'mnt', pause.pid, {rootfs: fsId, procMountedFromPidNs: pidNs, ...(mounts.length ? {mounts} : {})}).id;
	const cgroup = `${podCgroup(pod)}/docker-${id}.scope`;
	// cgroup v2: the runtime gives each container a private cgroup namespace rooted at its own cgroup, as docker run does.
	const cgroupNs = createNamespace(host, 'cgroup', pause.pid, {cgroupRoot: normalizeCgroupPath(cgroup)}).id;
	const app = image.app;
	const proc = spawnProcess(w, host, {
		parentPid: pause.ppid,
		command,
		namespaces: {net: pause.namespaces.net, uts: pause.namespaces.uts, ipc: pause.namespaces.ipc, mnt, pid: pidNs, cgroup: cgroupNs},
		cgroup,
		memoryBytes: app.name === 'kubia' ? 28 * mib : 6 * mib,
		workload: appWorkload(app, host.ip, host.name),
		containerId: id,
		cwd: '/',
		env,
	});
	const mntNs = host.namespaces.get(mnt);
	if (mntNs) mntNs.creatorPid = proc.pid;
	const pidNamespace = host.namespaces.get(pidNs);
	if (pidNamespace) pidNamespace.creatorPid = proc.pid;
	container.pid = proc.pid;
	container.containerId = id;
	const daemon = w.dockers.get(host.name);
	if (daemon) {
		const record = dockerRecord(w, {id, name: `k8s_${container.name}_${pod.metadata.name}_${pod.metadata.namespace}_${pod.metadata.uid}_${container.attempt}`, imageRef: image.familiar.replace(/:latest$/, ''), command: command.split(' '), pid: proc.pid, hostname: pod.metadata.name, pod, cgroup, imageId: image.id, rootfs: fsId});
		record.logs = [...container.logs];
		record.env = configEnv; // docker inspect's Config.Env: HOSTNAME and HOME are the runtime's
		daemon.containers.set(id, record);
	}
	runPodContainerScript(w, host, pod, container, proc, daemon?.containers.get(id), programs);
	return proc.pid;
}

/** Ends a container's process; its docker record shows it exited. */
export function stopContainerProcess(w: World, node: string, container: ContainerRuntime, exitCode: number): void {
	const host = w.hosts.get(node);
	if (host && container.pid !== undefined && containerAlive(host, container)) killProcess(host, container.pid);
	const record = container.containerId ? w.dockers.get(node)?.containers.get(container.containerId) : undefined;
	if (record) {
		record.state = 'exited';
		record.exitCode = exitCode;
		record.finishedAt = w.time;
		record.pid = undefined;
	}
	if (host && container.containerId) host.filesystems.delete(`${host.name}:container:${container.containerId}`);
	container.pid = undefined;
}

/** Removes every process and docker record the pod has on its node. Call on a draft. */
export function tearDownPod(w: World, key: string): void {
	const c = w.cluster!;
	const runtime = c.podRuntimes.get(key);
	if (!runtime) return;
	const host: Host | undefined = w.hosts.get(runtime.node);
	for (const container of runtime.containers) stopContainerProcess(w, runtime.node, container, 137);
	if (host && runtime.sandboxPid !== undefined && sandboxAlive(w, runtime)) {
		const pause = host.processes.get(runtime.sandboxPid)!;
		killProcess(host, pause.ppid);
	}
	const daemon = w.dockers.get(runtime.node);
	if (daemon) {
		const uid = w.cluster!.store.pods.get(key)?.metadata.uid;
		for (const [id, record] of daemon.containers) if (record.labels['io.kubernetes.pod.uid'] === uid) daemon.containers.delete(id);
	}
	releasePodVolumes(host, w.cluster!.store.pods.get(key));
	c.podRuntimes.delete(key);
}

/** A container whose command is a shell loop or sleep runs it as a process in virtual time; its output goes to its log. */
function runPodContainerScript(w: World, host: Host, pod: Pod, container: ContainerRuntime, proc: Process, record: Container | undefined, programs: ExternalProgramRunner): void {
	const spec = (pod.spec.containers as {name: string; command?: string[]; args?: string[]}[]).find(c => c.name === container.name);
	const argv = [...(spec?.command ?? []), ...(spec?.args ?? [])];
	const script = shellScriptOf(argv);
	if (script === undefined || !runsAsProcess(script)) return;
	const step = startScriptProcess(w, host, proc, script, argv[0]!, programs);
	if (step.output) {
		if (record) appendLog(record, step.output);
		else container.logs.push(...step.output.replace(/\n$/, '').split('\n'));
	}
	if (step.exited !== undefined) exitProcess(host, proc.pid, step.exited);
}

/** The pod's pause process still runs (a reboot wipes it, and pids start again from 1). */
export function sandboxAlive(w: World, runtime: PodRuntime): boolean {
	const pause = runtime.sandboxPid === undefined ? undefined : w.hosts.get(runtime.node)?.processes.get(runtime.sandboxPid);
	return !!pause && pause.command === '/pause' && pause.namespaces.net === runtime.sandboxNetns;
}

/** The container's main process still runs (same pid AND same container, since pids are reused). */
export function containerAlive(host: Host | undefined, ct: ContainerRuntime): boolean {
	const proc = ct.pid === undefined ? undefined : host?.processes.get(ct.pid);
	return !!proc && proc.containerId === ct.containerId;
}
