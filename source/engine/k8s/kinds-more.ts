// The modelled kinds that kinds.ts does not hold: configuration, storage, policy and the
// control plane's own objects (Leases, EndpointSlices), typed as the API server stores them.
import type {DaemonSetStatus, LabelSelector, ObjectBase, ObjectReference, PersistentVolumeClaimSpec, PodTemplateSpec, ReplicaSetStatus, ResourceMap} from './kinds.ts';

export type ConfigMap = ObjectBase & {kind: 'ConfigMap'; data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean};
/** stringData only on the way in: the API server merges it into data (config-objects.ts). */
export type Secret = ObjectBase & {kind: 'Secret'; type?: string; data?: Record<string, string>; stringData?: Record<string, string>; immutable?: boolean};
export type ServiceAccount = ObjectBase & {kind: 'ServiceAccount'; secrets?: ObjectReference[]; imagePullSecrets?: {name: string}[]; automountServiceAccountToken?: boolean};
export type Namespace = ObjectBase & {kind: 'Namespace'; spec?: {finalizers?: string[]}; status?: {phase?: 'Active' | 'Terminating'}};

export type ReplicationControllerSpec = {replicas: number; selector?: Record<string, string>; template: PodTemplateSpec; minReadySeconds?: number};
export type ReplicationController = ObjectBase & {kind: 'ReplicationController'; spec: ReplicationControllerSpec; status?: ReplicaSetStatus};

export type DaemonSetSpec = {
	selector: LabelSelector;
	template: PodTemplateSpec;
	updateStrategy?: {type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}};
	revisionHistoryLimit?: number;
	minReadySeconds?: number;
};
export type DaemonSet = ObjectBase & {kind: 'DaemonSet'; spec: DaemonSetSpec; status?: DaemonSetStatus};

export type PersistentVolumeSpec = {
	capacity?: ResourceMap;
	accessModes?: string[];
	hostPath?: {path: string; type?: string};
	claimRef?: ObjectReference;
	storageClassName?: string;
	persistentVolumeReclaimPolicy?: 'Retain' | 'Delete' | 'Recycle';
	volumeMode?: string;
	volumeAttributesClassName?: string;
	nfs?: {server: string; path: string; readOnly?: boolean};
	[field: string]: unknown;
};
export type PersistentVolume = ObjectBase & {kind: 'PersistentVolume'; spec: PersistentVolumeSpec; status?: {phase?: 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed'; reason?: string; message?: string; lastPhaseTransitionTime?: string}};
export type PersistentVolumeClaim = ObjectBase & {kind: 'PersistentVolumeClaim'; spec: PersistentVolumeClaimSpec; status?: {phase?: 'Pending' | 'Bound' | 'Lost'; accessModes?: string[]; capacity?: ResourceMap}};
export type StorageClass = ObjectBase & {kind: 'StorageClass'; provisioner: string; reclaimPolicy?: string; volumeBindingMode?: string; parameters?: Record<string, string>; allowVolumeExpansion?: boolean; mountOptions?: string[]};

export type ResourceQuota = ObjectBase & {kind: 'ResourceQuota'; spec?: {hard?: ResourceMap; scopes?: string[]}; status?: {hard?: ResourceMap; used?: ResourceMap}};
export type PodDisruptionBudgetStatus = {currentHealthy: number; desiredHealthy: number; disruptionsAllowed: number; expectedPods: number; observedGeneration?: number; conditions?: {type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number}[]; disruptedPods?: Record<string, string>};
export type PodDisruptionBudget = ObjectBase & {kind: 'PodDisruptionBudget'; spec?: {minAvailable?: number | string | null; maxUnavailable?: number | string | null; selector?: LabelSelector; unhealthyPodEvictionPolicy?: string}; status: PodDisruptionBudgetStatus};
export type PriorityClass = ObjectBase & {kind: 'PriorityClass'; value: number; globalDefault?: boolean; preemptionPolicy?: 'PreemptLowerPriority' | 'Never'; description?: string};

export type LeaseSpec = {holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number};
export type Lease = ObjectBase & {kind: 'Lease'; spec?: LeaseSpec};
export type SliceEndpoint = {addresses: string[]; conditions?: {ready?: boolean; serving?: boolean; terminating?: boolean}; nodeName?: string; hostname?: string; targetRef?: ObjectReference};
export type EndpointSlice = ObjectBase & {kind: 'EndpointSlice'; addressType: string; endpoints?: SliceEndpoint[]; ports?: {name?: string; port?: number; protocol?: string; appProtocol?: string}[] | null};


/** The Events the API serves (kubectl get events), made from the world's event log (events.ts), not stored. */
export type KubeEvent = ObjectBase & {
	kind: 'Event';
	involvedObject: ObjectReference;
	reason: string;
	message: string;
	type: string;
	count: number;
	firstTimestamp: string;
	lastTimestamp: string;
	source: {component: string; host?: string};
	reportingComponent: string;
	reportingInstance: string;
};
