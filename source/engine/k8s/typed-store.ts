// The modelled kinds with their types. The store keeps every object as a KubeObject (whatever a
// learner applied, validated by the API server); this is the one place that says "the services
// map holds Services", so a controller reads svc.spec.ports as ServicePort[], not `any`.
import type {Cluster, KubeObject, ResourceName} from './types.ts';
import type {CronJob, Deployment, Endpoints, Ingress, Job, LimitRange, NetworkPolicy, Node, Pod, ReplicaSet, Role, RoleBinding, Service, StatefulSet} from './kinds.ts';

export const asPod = (o: KubeObject): Pod => o as Pod;
export const asService = (o: KubeObject): Service => o as Service;
export const asEndpoints = (o: KubeObject): Endpoints => o as Endpoints;
export const asReplicaSet = (o: KubeObject): ReplicaSet => o as ReplicaSet;
export const asDeployment = (o: KubeObject): Deployment => o as Deployment;
export const asNode = (o: KubeObject): Node => o as Node;
export const asJob = (o: KubeObject): Job => o as Job;
export const asRole = (o: KubeObject): Role => o as Role;
export const asRoleBinding = (o: KubeObject): RoleBinding => o as RoleBinding;
export const asLimitRange = (o: KubeObject): LimitRange => o as LimitRange;
export const asIngress = (o: KubeObject): Ingress => o as Ingress;
export const asNetworkPolicy = (o: KubeObject): NetworkPolicy => o as NetworkPolicy;

export const storedPods = (c: Cluster): ReadonlyMap<string, Pod> => c.store.pods as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Pod>;
export const storedServices = (c: Cluster): ReadonlyMap<string, Service> => c.store.services as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Service>;
export const storedEndpoints = (c: Cluster): ReadonlyMap<string, Endpoints> => c.store.endpoints as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Endpoints>;
export const storedReplicaSets = (c: Cluster): ReadonlyMap<string, ReplicaSet> => c.store.replicasets as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, ReplicaSet>;
export const storedNodes = (c: Cluster): ReadonlyMap<string, Node> => c.store.nodes as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Node>;
export const storedJobs = (c: Cluster): ReadonlyMap<string, Job> => c.store.jobs as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Job>;
export const storedStatefulSets = (c: Cluster): ReadonlyMap<string, StatefulSet> => c.store.statefulsets as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, StatefulSet>;
export const storedCronJobs = (c: Cluster): ReadonlyMap<string, CronJob> => c.store.cronjobs as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, CronJob>;
export const storedRoles = (c: Cluster, resource: 'roles' | 'clusterroles'): ReadonlyMap<string, Role> => c.store[resource] as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Role>;
export const storedRoleBindings = (c: Cluster, resource: 'rolebindings' | 'clusterrolebindings'): ReadonlyMap<string, RoleBinding> => c.store[resource] as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, RoleBinding>;
export const storedDeployments = (c: Cluster): ReadonlyMap<string, Deployment> => c.store.deployments as ReadonlyMap<string, KubeObject> as ReadonlyMap<string, Deployment>;

/** A pod's Ready condition is True (the endpoints, replication and status code all ask this). */
export const podIsReady = (pod: Pod): boolean => pod.status?.conditions?.some(x => x.type === 'Ready' && x.status === 'True') ?? false;

/**
 * One resource's map as a map of any stored object, for the API server's generic writes: the
 * caller has checked that the object's kind is the resource's (resourceByKind), which TypeScript
 * cannot follow from a ResourceName value to the map's element type.
 */
export const storeOf = (c: Cluster, resource: ResourceName): Map<string, KubeObject> => c.store[resource] as Map<string, KubeObject>;
/** The spec of an object whose kind has one (undefined for ConfigMaps, Roles, PriorityClasses...). */
export const specOf = (o: KubeObject): unknown => ('spec' in o ? o.spec : undefined);
/** The status of an object whose kind has one. */
export const statusOf = (o: KubeObject): unknown => ('status' in o ? o.status : undefined);
/** A field of an object's status (status.phase, status.observedGeneration), for the checks that read any kind. */
export function statusField(o: KubeObject, field: string): unknown {
	const status = statusOf(o);
	return status && typeof status === 'object' ? (status as Record<string, unknown>)[field] : undefined;
}
