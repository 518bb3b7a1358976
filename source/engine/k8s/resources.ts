import type {ResourceName, Store} from './types.ts';

/** What the API server knows about each resource type (what `kubectl api-resources` lists). */
export type ResourceInfo = {
	resource: ResourceName;
	singular: string;
	kind: string;
	apiVersion: string;
	shortNames: string[];
	namespaced: boolean;
	etcdPrefix: string; // the key prefix under /registry
	verbs: string[];
};

const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const resourceInfos: ResourceInfo[] = [
	{resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', apiVersion: 'v1', shortNames: ['cm'], namespaced: true, etcdPrefix: 'configmaps', verbs: allVerbs},
	{resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', apiVersion: 'v1', shortNames: ['ep'], namespaced: true, etcdPrefix: 'services/endpoints', verbs: allVerbs},
	{resource: 'limitranges', singular: 'limitrange', kind: 'LimitRange', apiVersion: 'v1', shortNames: ['limits'], namespaced: true, etcdPrefix: 'limitranges', verbs: allVerbs},
	{resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', kind: 'PersistentVolumeClaim', apiVersion: 'v1', shortNames: ['pvc'], namespaced: true, etcdPrefix: 'persistentvolumeclaims', verbs: allVerbs},
	{resource: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', apiVersion: 'v1', shortNames: ['pv'], namespaced: false, etcdPrefix: 'persistentvolumes', verbs: allVerbs},
	{resource: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', apiVersion: 'v1', shortNames: ['quota'], namespaced: true, etcdPrefix: 'resourcequotas', verbs: allVerbs},
	{resource: 'namespaces', singular: 'namespace', kind: 'Namespace', apiVersion: 'v1', shortNames: ['ns'], namespaced: false, etcdPrefix: 'namespaces', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']},
	{resource: 'nodes', singular: 'node', kind: 'Node', apiVersion: 'v1', shortNames: ['no'], namespaced: false, etcdPrefix: 'minions', verbs: allVerbs},
	{resource: 'pods', singular: 'pod', kind: 'Pod', apiVersion: 'v1', shortNames: ['po'], namespaced: true, etcdPrefix: 'pods', verbs: allVerbs},
	{resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', apiVersion: 'v1', shortNames: ['rc'], namespaced: true, etcdPrefix: 'controllers', verbs: allVerbs},
	{resource: 'secrets', singular: 'secret', kind: 'Secret', apiVersion: 'v1', shortNames: [], namespaced: true, etcdPrefix: 'secrets', verbs: allVerbs},
	{resource: 'serviceaccounts', singular: 'serviceaccount', kind: 'ServiceAccount', apiVersion: 'v1', shortNames: ['sa'], namespaced: true, etcdPrefix: 'serviceaccounts', verbs: allVerbs},
	{resource: 'services', singular: 'service', kind: 'Service', apiVersion: 'v1', shortNames: ['svc'], namespaced: true, etcdPrefix: 'services/specs', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']},
	{resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', apiVersion: 'apps/v1', shortNames: ['ds'], namespaced: true, etcdPrefix: 'daemonsets', verbs: allVerbs},
	{resource: 'deployments', singular: 'deployment', kind: 'Deployment', apiVersion: 'apps/v1', shortNames: ['deploy'], namespaced: true, etcdPrefix: 'deployments', verbs: allVerbs},
	{resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', apiVersion: 'apps/v1', shortNames: ['rs'], namespaced: true, etcdPrefix: 'replicasets', verbs: allVerbs},
	{resource: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', apiVersion: 'apps/v1', shortNames: ['sts'], namespaced: true, etcdPrefix: 'statefulsets', verbs: allVerbs},
	{resource: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', shortNames: [], namespaced: true, etcdPrefix: 'endpointslices', verbs: allVerbs},
	{resource: 'ingresses', singular: 'ingress', kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', shortNames: ['ing'], namespaced: true, etcdPrefix: 'ingress', verbs: allVerbs},
	{resource: 'networkpolicies', singular: 'networkpolicy', kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', shortNames: ['netpol'], namespaced: true, etcdPrefix: 'networkpolicies', verbs: allVerbs},
	{resource: 'storageclasses', singular: 'storageclass', kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1', shortNames: ['sc'], namespaced: false, etcdPrefix: 'storageclasses', verbs: allVerbs},
	{resource: 'clusterrolebindings', singular: 'clusterrolebinding', kind: 'ClusterRoleBinding', apiVersion: 'rbac.authorization.k8s.io/v1', shortNames: [], namespaced: false, etcdPrefix: 'clusterrolebindings', verbs: allVerbs},
	{resource: 'clusterroles', singular: 'clusterrole', kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', shortNames: [], namespaced: false, etcdPrefix: 'clusterroles', verbs: allVerbs},
	{resource: 'rolebindings', singular: 'rolebinding', kind: 'RoleBinding', apiVersion: 'rbac.authorization.k8s.io/v1', shortNames: [], namespaced: true, etcdPrefix: 'rolebindings', verbs: allVerbs},
	{resource: 'roles', singular: 'role', kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', shortNames: [], namespaced: true, etcdPrefix: 'roles', verbs: allVerbs},
	{resource: 'poddisruptionbudgets', singular: 'poddisruptionbudget', kind: 'PodDisruptionBudget', apiVersion: 'policy/v1', shortNames: ['pdb'], namespaced: true, etcdPrefix: 'poddisruptionbudgets', verbs: allVerbs},
	{resource: 'priorityclasses', singular: 'priorityclass', kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', shortNames: ['pc'], namespaced: false, etcdPrefix: 'priorityclasses', verbs: allVerbs},
	{resource: 'leases', singular: 'lease', kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', shortNames: [], namespaced: true, etcdPrefix: 'leases', verbs: allVerbs},
	{resource: 'cronjobs', singular: 'cronjob', kind: 'CronJob', apiVersion: 'batch/v1', shortNames: ['cj'], namespaced: true, etcdPrefix: 'cronjobs', verbs: allVerbs},
	{resource: 'jobs', singular: 'job', kind: 'Job', apiVersion: 'batch/v1', shortNames: [], namespaced: true, etcdPrefix: 'jobs', verbs: allVerbs},
];

export function resourceByKind(kind: string): ResourceInfo | undefined {
	return resourceInfos.find(r => r.kind === kind);
}

export function resourceInfo(resource: ResourceName): ResourceInfo {
	return resourceInfos.find(r => r.resource === resource)!;
}

/** The key an object has in the store: "namespace/name", or "name" when cluster-scoped. */
export function storeKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
	return info.namespaced ? `${namespace ?? 'default'}/${name}` : name;
}

/** Where etcd keeps the object: /registry/pods/default/kubia-manual, /registry/minions/worker-1. */
export function etcdKey(info: ResourceInfo, namespace: string | undefined, name: string): string {
	return info.namespaced ? `/registry/${info.etcdPrefix}/${namespace ?? 'default'}/${name}` : `/registry/${info.etcdPrefix}/${name}`;
}

/** One empty map per resource the API server stores (a world saved before a type existed gets its map here). */
export function emptyStore(existing?: Partial<Store>): Store {
	return Object.fromEntries(resourceInfos.map(r => [r.resource, existing?.[r.resource] ?? new Map()])) as Store; // one entry per resource, as Store lists them
}
