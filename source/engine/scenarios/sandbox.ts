import {produce} from 'immer';
import {installDockerDaemon} from '../docker/daemon.ts';
import {seedDockerHub} from '../docker/hub-catalog.ts';
import {createHost, gib} from '../host/create-host.ts';
import {spawnProcess} from '../host/processes.ts';
import {createCluster, type ClusterOptions} from '../k8s/create-cluster.ts';
import {tick} from '../tick.ts';
import {emptyWorld, type World} from '../world.ts';

/** `cluster: false` leaves the cluster out (the container chapters, before Kubernetes is met). */
export type SandboxOptions = {seed?: number; cluster?: ClusterOptions | false};

/** The learner's own machine: where the tutor's shell starts. */
export const learnerHost = 'host-1';
/** A second Docker host, reachable with `ssh host-2`, for push here / pull there. */
export const secondHost = 'host-2';

/**
 * The free-play world of `k8s-tutor sandbox`: the learner's host with Docker, a second Docker
 * host, the registry, and (once the Kubernetes engine adds it) a cluster.
 */
export function createSandboxWorld(options: SandboxOptions = {}): World {
	const world = produce(emptyWorld(options.seed ?? 1), w => {
		createHost(w, {name: learnerHost, ip: '192.168.56.10', cpus: 4, memoryBytes: 8 * gib, services: ['sshd', 'containerd', 'dockerd']});
		createHost(w, {name: secondHost, ip: '192.168.56.11', cpus: 2, memoryBytes: 4 * gib, services: ['sshd', 'containerd', 'dockerd']});
		seedDockerHub(w);
		installDockerDaemon(w, learnerHost);
		installDockerDaemon(w, secondHost);
		if (options.cluster !== false) createCluster(w, {kubectlHosts: [learnerHost], ...options.cluster});
	});
	// Let the control plane and kube-proxy pods come up, so the sandbox starts with a running cluster.
	return tick(world, clusterWarmUpMs);
}

/** How long a fresh sandbox's cluster runs before the learner arrives. */
export const clusterWarmUpMs = 60_000;

/** A sandbox whose cluster has `workers` worker nodes (lessons that need another shape). */
export function createClusterWorld(options: ClusterOptions & {seed?: number} = {}): World {
	return createSandboxWorld({seed: options.seed, cluster: options});
}

/** Starts a login shell for `user` on `hostName` and returns its host pid. Call on a draft. */
export function startLoginShell(w: World, hostName: string, user = 'root'): number {
	const host = w.hosts.get(hostName);
	if (!host) throw new Error(`no host ${hostName}`);
	const sshd = [...host.processes.values()].find(p => p.command.startsWith('sshd'));
	const uid = host.users[user] ?? 0;
	return spawnProcess(w, host, {parentPid: sshd?.pid ?? 1, command: '-bash', user, uid, cgroup: '/user.slice', cwd: user === 'root' ? '/root' : `/home/${user}`, tty: 'pts/0', memoryBytes: 5 * 1024 * 1024}).pid;
}
