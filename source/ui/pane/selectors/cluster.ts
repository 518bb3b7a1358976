// What the cluster depth shows, read from the world: control plane health, nodes with what
// they can give against what their pods request, pods per node with kubectl's STATUS word.
import {cpuMilli, memoryBytes} from '../../../engine/k8s/quantity.ts';
import {podStatusColumn} from '../../../engine/k8s/pod-status-column.ts';
import type {ContainerSpec, ContainerStatus, ControlPlaneComponent} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import type {Node, Pod} from '../../../engine/k8s/kinds.ts';

export type PodRow = {
	id: string; // "pod:namespace/name"
	key: string; // "namespace/name"
	name: string;
	namespace: string;
	node?: string;
	status: string; // kubectl get pods STATUS: Running, ContainerCreating, CrashLoopBackOff, Terminating...
	ready: number;
	containers: number;
	restarts: number;
};

export type NodeRow = {
	id: string; // "node:name"
	name: string;
	ready: boolean;
	unschedulable: boolean;
	roles: string;
	cpuAllocatableMilli: number;
	cpuRequestedMilli: number;
	memoryAllocatableBytes: number;
	memoryRequestedBytes: number;
	pods: PodRow[];
	statusCounts: [status: string, count: number][]; // most common first
};

export type ComponentRow = {name: ControlPlaneComponent; healthy: boolean};

export type ClusterView = {
	name: string;
	components: ComponentRow[];
	nodes: NodeRow[];
	unscheduled: PodRow[]; // pods no node holds yet
	podCount: number;
};

const componentOrder: ControlPlaneComponent[] = ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'];

/** kubectl's STATUS column, from the one function kubectl's own table uses. */
export const podStatusText = podStatusColumn;

export function podRow(key: string, pod: Pod): PodRow {
	const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
	const specs: ContainerSpec[] | undefined = pod.spec?.containers;
	const containers = specs?.length ?? statuses.length;
	return {
		id: `pod:${key}`,
		key,
		name: pod.metadata.name,
		namespace: pod.metadata.namespace ?? 'default',
		node: pod.spec?.nodeName as string | undefined,
		status: podStatusText(pod),
		ready: statuses.filter(s => s.ready).length,
		containers,
		restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
	};
}

function isReady(node: Node): boolean {
	return (node.status?.conditions ?? []).some((c: {type: string; status: string}) => c.type === 'Ready' && c.status === 'True');
}

function rolesOf(node: Node): string {
	const roles = Object.keys(node.metadata.labels ?? {})
		.filter(l => l.startsWith('node-role.kubernetes.io/'))
		.map(l => l.slice('node-role.kubernetes.io/'.length));
	return roles.join(',') || '<none>';
}

export function clusterView(world: World): ClusterView | null {
	const cluster = world.cluster;
	if (!cluster) return null;
	const byNode = new Map<string, PodRow[]>();
	const unscheduled: PodRow[] = [];
	for (const [key, pod] of cluster.store.pods) {
		const row = podRow(key, pod);
		if (!row.node) unscheduled.push(row);
		else {
			let list = byNode.get(row.node);
			if (!list) byNode.set(row.node, (list = []));
			list.push(row);
		}
	}
	const nodeNames = [...cluster.nodes];
	for (const name of cluster.store.nodes.keys()) if (!nodeNames.includes(name)) nodeNames.push(name);
	const nodes: NodeRow[] = [];
	for (const name of nodeNames) {
		const node = cluster.store.nodes.get(name);
		if (!node) continue;
		const pods = (byNode.get(name) ?? []).sort((a, b) => a.key.localeCompare(b.key));
		const requested = cluster.nodeUsage.get(name);
		const counts = new Map<string, number>();
		for (const p of pods) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
		nodes.push({
			id: `node:${name}`,
			name,
			ready: isReady(node),
			unschedulable: Boolean(node.spec?.unschedulable),
			roles: rolesOf(node),
			cpuAllocatableMilli: cpuMilli(node.status?.allocatable?.cpu),
			cpuRequestedMilli: requested?.cpuMilli ?? 0,
			memoryAllocatableBytes: memoryBytes(node.status?.allocatable?.memory),
			memoryRequestedBytes: requested?.memoryBytes ?? 0,
			pods,
			statusCounts: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
		});
	}
	return {
		name: cluster.name,
		components: componentOrder.map(name => ({name, healthy: Boolean(cluster.components[name])})),
		nodes,
		unscheduled: unscheduled.sort((a, b) => a.key.localeCompare(b.key)),
		podCount: cluster.store.pods.size,
	};
}
