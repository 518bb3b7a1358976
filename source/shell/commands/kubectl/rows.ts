// One table row per object, with the columns `kubectl get` prints for each resource type.
import {msOf} from '../../../engine/k8s/metadata.ts';
import {podStatusColumn} from '../../../engine/k8s/pod-status-column.ts';
import {formatLabels} from '../../../engine/k8s/selectors.ts';
import type {ContainerSpec, KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {humanDuration} from './table.ts';
import {moreHeaders, moreRow} from './more-rows.ts';
import type {Deployment, Endpoints, Node, NodeSystemInfo, Pod, ReplicaSet, Service} from '../../../engine/k8s/kinds.ts';
import type {ReplicationController} from '../../../engine/k8s/kinds-more.ts';

export function age(w: World, obj: KubeObject): string {
	return humanDuration(w.time - msOf(obj.metadata.creationTimestamp));
}

/** The STATUS column of a pod: the same words the cluster pane shows. */
export const podStatus = podStatusColumn;

export function podReady(pod: Pod): string {
	const statuses = pod.status?.containerStatuses ?? [];
	return `${statuses.filter(s => s.ready).length}/${pod.spec?.containers?.length ?? 0}`;
}

export function podRestarts(w: World, pod: Pod): string {
	const statuses = pod.status?.containerStatuses ?? [];
	const restarts = statuses.reduce((s, x) => s + (x.restartCount ?? 0), 0);
	const last = Math.max(0, ...statuses.map(x => msOf(x.lastState?.terminated?.finishedAt)).filter(x => x > 0));
	return restarts > 0 && last > 0 ? `${restarts} (${humanDuration(w.time - last)} ago)` : String(restarts);
}

function nodeStatus(node: Node): string {
	const ready = node.status?.conditions?.find(x => x.type === 'Ready');
	const parts = [ready?.status === 'True' ? 'Ready' : 'NotReady'];
	if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
	return parts.join(',');
}

function nodeRoles(node: Node): string {
	const roles = Object.keys(node.metadata.labels ?? {}).filter(k => k.startsWith('node-role.kubernetes.io/')).map(k => k.slice('node-role.kubernetes.io/'.length));
	return roles.length ? roles.sort().join(',') : '<none>';
}

function servicePorts(svc: Service): string {
	const ports = svc.spec?.ports ?? [];
	return ports.length ? ports.map(p => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') : '<none>';
}

function endpointsColumn(ep: Endpoints): string {
	const list: string[] = [];
	for (const subset of ep.subsets ?? []) for (const a of subset.addresses ?? []) for (const p of subset.ports ?? []) list.push(`${a.ip}:${p.port}`);
	if (list.length === 0) return '<none>';
	return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

function selectorText(obj: ReplicationController | ReplicaSet | Deployment | Service): string {
	if (!obj.spec?.selector) return '<none>';
	return formatLabels(obj.kind === 'ReplicationController' || obj.kind === 'Service' ? obj.spec.selector : obj.spec.selector.matchLabels);
}

function containersAndImages(obj: ReplicationController | ReplicaSet | Deployment): [string, string] {
	const containers: ContainerSpec[] = obj.spec?.template?.spec?.containers ?? [];
	return [containers.map(c => c.name).join(','), containers.map(c => c.image).join(',')];
}

export function headers(resource: ResourceName, wide: boolean): string[] {
	switch (resource) {
		case 'pods':
			return ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : [])];
		case 'nodes':
			return ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION', ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : [])];
		case 'replicationcontrollers':
		case 'replicasets':
			return ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
		case 'deployments':
			return ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
		case 'services':
			return ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])];
		case 'endpoints':
			return ['NAME', 'ENDPOINTS', 'AGE'];
		case 'namespaces':
			return ['NAME', 'STATUS', 'AGE'];
		default:
			return moreHeaders(resource, wide);
	}
}

export function row(w: World, resource: ResourceName, obj: KubeObject, wide: boolean): string[] {
	const name = obj.metadata.name;
	switch (obj.kind) {
		case 'Pod':
			return [name, podReady(obj), podStatus(obj), podRestarts(w, obj), age(w, obj), ...(wide ? [obj.status?.podIP ?? '<none>', obj.spec?.nodeName ?? '<none>', '<none>', '<none>'] : [])];
		case 'Node': {
			const info: NodeSystemInfo = obj.status?.nodeInfo ?? {};
			const ip = obj.status?.addresses?.find(a => a.type === 'InternalIP')?.address ?? '<none>';
			return [name, nodeStatus(obj), nodeRoles(obj), age(w, obj), info.kubeletVersion ?? '', ...(wide ? [ip, '<none>', info.osImage ?? '', info.kernelVersion ?? '', info.containerRuntimeVersion ?? ''] : [])];
		}
		case 'ReplicationController':
		case 'ReplicaSet':
			return [name, String(obj.spec?.replicas ?? 0), String(obj.status?.replicas ?? 0), String(obj.status?.readyReplicas ?? 0), age(w, obj), ...(wide ? [...containersAndImages(obj), selectorText(obj)] : [])];
		case 'Deployment':
			return [name, `${obj.status?.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`, String(obj.status?.updatedReplicas ?? 0), String(obj.status?.availableReplicas ?? 0), age(w, obj), ...(wide ? [...containersAndImages(obj), selectorText(obj)] : [])];
		case 'Service':
			return [name, obj.spec?.type ?? 'ClusterIP', obj.spec?.clusterIPs?.[0] ?? obj.spec?.clusterIP ?? '<none>', obj.spec?.type === 'ExternalName' ? (obj.spec.externalName ?? '') : (obj.spec?.externalIPs?.join(',') ?? (obj.spec?.type === 'LoadBalancer' ? '<pending>' : '<none>')), servicePorts(obj), age(w, obj), ...(wide ? [selectorText(obj)] : [])];
		case 'Endpoints':
			return [name, endpointsColumn(obj), age(w, obj)];
		case 'Namespace':
			return [name, obj.status?.phase ?? 'Active', age(w, obj)];
		default:
			return moreRow(w, resource, obj, wide);
	}
}
