// The shapes of the Kubernetes API's objects that several kinds share (metadata, a pod's spec
// and status), as the API server stores them. The kinds themselves are in kinds.ts.
export type OwnerReference = {
	apiVersion: string;
	kind: string;
	name: string;
	uid: string;
	controller?: boolean;
	blockOwnerDeletion?: boolean;
};

export type ObjectMeta = {
	name: string;
	generateName?: string;
	namespace?: string;
	uid: string;
	resourceVersion: string;
	generation?: number;
	creationTimestamp: string; // RFC 3339, e.g. "2026-01-05T09:00:00Z"
	deletionTimestamp?: string;
	deletionGracePeriodSeconds?: number;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
	ownerReferences?: OwnerReference[];
	finalizers?: string[];
	managedFields?: ManagedFieldsEntry[];
};

/** A FieldsV1 tree: "f:spec", "k:{...}" for a keyed list item, "." for the item or map itself (field-managers.ts). */
export type FieldsV1 = {[key: string]: FieldsV1};
export type ManagedFieldsEntry = {manager: string; operation: 'Apply' | 'Update'; apiVersion: string; time: string; fieldsType: 'FieldsV1'; fieldsV1: FieldsV1; subresource?: string};

export type ContainerPort = {containerPort: number; protocol?: string; name?: string; hostPort?: number};

export type ResourceList = {cpu?: string; memory?: string; [name: string]: string | undefined};

export type EnvVar = {name: string; value?: string; valueFrom?: {configMapKeyRef?: {name?: string; key?: string; optional?: boolean}; secretKeyRef?: {name?: string; key?: string; optional?: boolean}; fieldRef?: {fieldPath: string; apiVersion?: string}; resourceFieldRef?: {resource: string; containerName?: string; divisor?: string | number}}};
export type EnvFromSource = {prefix?: string; configMapRef?: {name?: string; optional?: boolean}; secretRef?: {name?: string; optional?: boolean}};
export type VolumeMount = {name: string; mountPath: string; readOnly?: boolean; subPath?: string};
/** A probe as the API stores it (defaults.ts fills in the numbers); the handler fields as written. */
export type Probe = {
	exec?: {command?: string[]};
	httpGet?: {path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: {name: string; value: string}[]};
	tcpSocket?: {port: number | string; host?: string};
	grpc?: {port: number; service?: string};
	initialDelaySeconds?: number;
	timeoutSeconds?: number;
	periodSeconds?: number;
	successThreshold?: number;
	failureThreshold?: number;
	terminationGracePeriodSeconds?: number;
};

export type ContainerSpec = {
	name: string;
	image: string;
	command?: string[];
	args?: string[];
	workingDir?: string;
	ports?: ContainerPort[];
	env?: EnvVar[];
	envFrom?: EnvFromSource[];
	resources?: {requests?: ResourceList; limits?: ResourceList};
	volumeMounts?: VolumeMount[];
	livenessProbe?: Probe;
	readinessProbe?: Probe;
	startupProbe?: Probe;
	imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
	terminationMessagePath?: string;
	terminationMessagePolicy?: string;
	securityContext?: {privileged?: boolean; runAsUser?: number; runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: {add?: string[]; drop?: string[]}; [field: string]: unknown};
	stdin?: boolean;
	stdinOnce?: boolean;
	tty?: boolean;
	[field: string]: unknown;
};

export type Toleration = {key?: string; operator?: 'Exists' | 'Equal'; value?: string; effect?: string; tolerationSeconds?: number};
export type Taint = {key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'; timeAdded?: string};

/** A nodeSelectorTerm of node affinity: label expressions and metadata.name fields, as the learner wrote them. */
export type NodeSelectorRequirement = {key: string; operator: string; values?: string[]};
export type NodeSelectorTerm = {matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[]};
export type Affinity = {nodeAffinity?: {requiredDuringSchedulingIgnoredDuringExecution?: {nodeSelectorTerms?: NodeSelectorTerm[]}; [field: string]: unknown}; [field: string]: unknown};

/** A pod volume: the sources the kubelet mounts are typed, others kept as written. */
export type Volume = {
	name: string;
	emptyDir?: {medium?: string; sizeLimit?: string};
	hostPath?: {path: string; type?: string};
	configMap?: {name?: string; optional?: boolean; defaultMode?: number; items?: {key: string; path: string}[]};
	secret?: {secretName?: string; optional?: boolean; defaultMode?: number; items?: {key: string; path: string}[]};
	persistentVolumeClaim?: {claimName: string; readOnly?: boolean};
	projected?: {defaultMode?: number; sources?: unknown[]};
	[field: string]: unknown;
};

export type PodSpec = {
	containers: ContainerSpec[];
	initContainers?: ContainerSpec[];
	volumes?: Volume[];
	nodeName?: string;
	nodeSelector?: Record<string, string>;
	tolerations?: Toleration[];
	affinity?: Affinity;
	restartPolicy?: 'Always' | 'OnFailure' | 'Never';
	hostNetwork?: boolean;
	hostPID?: boolean;
	hostname?: string;
	subdomain?: string;
	serviceAccountName?: string;
	serviceAccount?: string;
	automountServiceAccountToken?: boolean;
	priorityClassName?: string;
	priority?: number;
	preemptionPolicy?: string;
	terminationGracePeriodSeconds?: number;
	activeDeadlineSeconds?: number;
	dnsPolicy?: string;
	schedulerName?: string;
	securityContext?: {[field: string]: unknown};
	enableServiceLinks?: boolean;
	[field: string]: unknown;
};

/** As the API has it: at most one of the three is set. */
export type ContainerState = {
	waiting?: {reason: string; message?: string};
	running?: {startedAt: string};
	terminated?: {exitCode: number; reason: string; signal?: number; startedAt?: string; finishedAt: string; message?: string; containerID?: string};
};

export type ContainerStatus = {
	name: string;
	state: ContainerState;
	lastState: Partial<ContainerState>;
	ready: boolean;
	restartCount: number;
	image: string;
	imageID: string;
	containerID?: string;
	started: boolean;
};

export type PodCondition = {type: string; status: 'True' | 'False' | 'Unknown'; lastProbeTime: null; lastTransitionTime: string; reason?: string; message?: string};

export type PodStatus = {
	phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
	conditions?: PodCondition[];
	hostIP?: string;
	podIP?: string;
	podIPs?: {ip: string}[];
	startTime?: string;
	containerStatuses?: ContainerStatus[];
	qosClass?: string;
	reason?: string;
	message?: string;
};

/** The resources the API server serves, by their plural name (the word in etcd keys and URLs). */
export type ResourceName =
	| 'pods'
	| 'replicationcontrollers'
	| 'replicasets'
	| 'deployments'
	| 'services'
	| 'endpoints'
	| 'nodes'
	| 'namespaces'
	| 'configmaps'
	| 'secrets'
	| 'serviceaccounts'
	| 'jobs'
	| 'cronjobs'
	| 'daemonsets'
	| 'statefulsets'
	| 'persistentvolumes'
	| 'persistentvolumeclaims'
	| 'storageclasses'
	| 'limitranges'
	| 'resourcequotas'
	| 'ingresses'
	| 'networkpolicies'
	| 'roles'
	| 'rolebindings'
	| 'clusterroles'
	| 'clusterrolebindings'
	| 'endpointslices'
	| 'leases'
	| 'poddisruptionbudgets'
	| 'priorityclasses';

