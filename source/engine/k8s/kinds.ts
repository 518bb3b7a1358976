// The modelled Kubernetes kinds, typed as the API server stores them (validated and defaulted):
// workloads, Services, Nodes, RBAC and network objects here, the rest in kinds-more.ts. KubeObject
// (types.ts) is their union, told apart by `kind`; input not yet validated is an ObjectInput.
import type {ObjectMeta, PodSpec, PodStatus, ResourceList, Taint} from './object-types.ts';

/** What every stored object has; a modelled kind adds its own spec and status (no `any` in them). */
export type ObjectBase = {apiVersion: string; kind: string; metadata: ObjectMeta};

/** As stored: admission gave it a status (defaults.ts admitNewPod). */
export type Pod = ObjectBase & {kind: 'Pod'; spec: PodSpec; status: PodStatus};

export type LabelSelectorRequirement = {key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[]};
export type LabelSelector = {matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[]};
export type PodTemplateSpec = {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>; [field: string]: unknown}; spec: PodSpec};

export type ServicePort = {name?: string; protocol?: 'TCP' | 'UDP' | 'SCTP'; port: number; targetPort?: number | string; nodePort?: number; appProtocol?: string};
export type ServiceSpec = {
	type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
	clusterIP?: string;
	clusterIPs?: string[];
	externalIPs?: string[];
	ipFamilies?: string[];
	ipFamilyPolicy?: string;
	internalTrafficPolicy?: string;
	ports?: ServicePort[];
	selector?: Record<string, string>;
	externalName?: string;
	sessionAffinity?: string;
	externalTrafficPolicy?: string;
	[field: string]: unknown;
};
export type Service = ObjectBase & {kind: 'Service'; spec: ServiceSpec; status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}}};

export type ObjectReference = {apiVersion?: string; kind: string; namespace?: string; name: string; uid?: string; resourceVersion?: string; fieldPath?: string};
export type EndpointAddress = {ip: string; hostname?: string; nodeName?: string; targetRef?: ObjectReference};
export type EndpointPort = {name?: string; port: number; protocol?: 'TCP' | 'UDP' | 'SCTP'; appProtocol?: string};
export type EndpointSubset = {addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: EndpointPort[]};
export type Endpoints = ObjectBase & {kind: 'Endpoints'; subsets?: EndpointSubset[]};

// Deployments and ReplicaSets as stored: the API server has defaulted replicas, strategy and revisionHistoryLimit (defaults.ts).
export type ReplicaSetSpec = {replicas: number; selector: LabelSelector; template: PodTemplateSpec; minReadySeconds?: number};
/** (A ReplicationController's status has the same fields.) */
export type ReplicaSetStatus = {replicas: number; fullyLabeledReplicas?: number; readyReplicas?: number; availableReplicas?: number; observedGeneration?: number};
export type ReplicaSet = ObjectBase & {kind: 'ReplicaSet'; spec: ReplicaSetSpec; status?: ReplicaSetStatus};

export type DeploymentStrategy = {type: 'RollingUpdate' | 'Recreate'; rollingUpdate?: {maxSurge?: number | string; maxUnavailable?: number | string}};
export type DeploymentSpec = {replicas: number; selector: LabelSelector; template: PodTemplateSpec; strategy?: DeploymentStrategy; revisionHistoryLimit?: number; progressDeadlineSeconds?: number; minReadySeconds?: number; paused?: boolean};
export type DeploymentCondition = {type: string; status: 'True' | 'False' | 'Unknown'; lastUpdateTime?: string; lastTransitionTime?: string; reason?: string; message?: string};
export type DeploymentStatus = {observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number; unavailableReplicas?: number; conditions?: DeploymentCondition[]; collisionCount?: number};
export type Deployment = ObjectBase & {kind: 'Deployment'; spec: DeploymentSpec; status?: DeploymentStatus};

export type NodeCondition = {type: string; status: 'True' | 'False' | 'Unknown'; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string};
export type NodeSpec = {podCIDR?: string; podCIDRs?: string[]; taints?: Taint[]; unschedulable?: boolean; providerID?: string};
export type NodeSystemInfo = {kubeletVersion?: string; kubeProxyVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string; operatingSystem?: string; architecture?: string; machineID?: string; systemUUID?: string; bootID?: string};
export type NodeStatus = {conditions?: NodeCondition[]; addresses?: {type: string; address: string}[]; capacity?: ResourceList; allocatable?: ResourceList; nodeInfo?: NodeSystemInfo; [field: string]: unknown};
export type Node = ObjectBase & {kind: 'Node'; spec: NodeSpec; status: NodeStatus};

export type JobSpec = {template: PodTemplateSpec; completions?: number | null; parallelism?: number; backoffLimit?: number; activeDeadlineSeconds?: number; suspend?: boolean; ttlSecondsAfterFinished?: number; selector?: LabelSelector; completionMode?: 'NonIndexed' | 'Indexed'; manualSelector?: boolean; [field: string]: unknown};
export type JobCondition = {type: string; status: 'True' | 'False' | 'Unknown'; lastProbeTime?: string; lastTransitionTime?: string; reason?: string; message?: string};
export type JobStatus = {
	startTime?: string;
	completionTime?: string;
	active?: number;
	ready?: number;
	succeeded?: number;
	failed?: number;
	terminating?: number;
	uncountedTerminatedPods?: {succeeded?: string[]; failed?: string[]};
	conditions?: JobCondition[];
};
export type Job = ObjectBase & {kind: 'Job'; spec: JobSpec; status?: JobStatus};

export type DaemonSetStatus = {currentNumberScheduled: number; desiredNumberScheduled: number; numberMisscheduled: number; numberReady: number; observedGeneration?: number; updatedNumberScheduled?: number; numberAvailable?: number; numberUnavailable?: number};

export type PersistentVolumeClaimSpec = {accessModes?: string[]; resources?: {requests?: ResourceMap; limits?: ResourceMap}; storageClassName?: string; volumeName?: string; volumeMode?: string; volumeAttributesClassName?: string; [field: string]: unknown};
export type PersistentVolumeClaimTemplate = {metadata?: {name?: string; labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: PersistentVolumeClaimSpec};
export type StatefulSetSpec = {replicas?: number; selector: LabelSelector; serviceName?: string; template: PodTemplateSpec; volumeClaimTemplates?: PersistentVolumeClaimTemplate[]; podManagementPolicy?: 'OrderedReady' | 'Parallel'; updateStrategy?: {type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: {partition?: number; maxUnavailable?: number | string}}; [field: string]: unknown};
export type StatefulSetStatus = {availableReplicas?: number; collisionCount?: number; currentReplicas?: number; currentRevision?: string; observedGeneration?: number; readyReplicas?: number; replicas: number; updateRevision?: string; updatedReplicas?: number};
export type StatefulSet = ObjectBase & {kind: 'StatefulSet'; spec: StatefulSetSpec; status?: StatefulSetStatus};

export type CronJobSpec = {
	schedule: string;
	timeZone?: string;
	jobTemplate?: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec?: JobSpec};
	suspend?: boolean;
	concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
	successfulJobsHistoryLimit?: number;
	startingDeadlineSeconds?: number;
	failedJobsHistoryLimit?: number;
	[field: string]: unknown;
};
export type CronJobStatus = {active?: ObjectReference[]; lastScheduleTime?: string; lastSuccessfulTime?: string};
export type CronJob = ObjectBase & {kind: 'CronJob'; spec: CronJobSpec; status?: CronJobStatus};

export type PolicyRule = {verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[]};
export type Role = ObjectBase & {kind: 'Role' | 'ClusterRole'; rules?: PolicyRule[]};
export type RbacSubject = {kind?: string; name?: string; namespace?: string; apiGroup?: string};
export type RoleBinding = ObjectBase & {kind: 'RoleBinding' | 'ClusterRoleBinding'; subjects?: RbacSubject[]; roleRef?: {apiGroup?: string; kind?: string; name?: string}};

export type ResourceMap = Record<string, string>;
export type LimitRangeItem = {type: string; min?: ResourceMap; max?: ResourceMap; default?: ResourceMap; defaultRequest?: ResourceMap; maxLimitRequestRatio?: ResourceMap};
export type LimitRange = ObjectBase & {kind: 'LimitRange'; spec?: {limits?: LimitRangeItem[]}};

export type IngressBackend = {service?: {name: string; port?: {number?: number; name?: string}}; [field: string]: unknown};
export type IngressRule = {host?: string; http?: {paths?: {path?: string; pathType?: string; backend?: IngressBackend}[]}};
export type Ingress = ObjectBase & {
	kind: 'Ingress';
	spec?: {ingressClassName?: string; defaultBackend?: IngressBackend; tls?: {hosts?: string[]; secretName?: string}[]; rules?: IngressRule[]};
	status?: {loadBalancer?: {ingress?: {ip?: string; hostname?: string}[]}};
};

export type NetworkPolicyPeer = {podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: {cidr: string; except?: string[]}};
export type NetworkPolicyRule = {ports?: {port?: number | string; protocol?: string}[]; from?: NetworkPolicyPeer[]; to?: NetworkPolicyPeer[]};
export type NetworkPolicy = ObjectBase & {kind: 'NetworkPolicy'; spec?: {podSelector?: LabelSelector; policyTypes?: string[]; ingress?: NetworkPolicyRule[]; egress?: NetworkPolicyRule[]}};
