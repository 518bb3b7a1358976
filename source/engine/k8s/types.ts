// The simulated Kubernetes cluster: API objects as the API server stores them, plus the
// control plane's own bookkeeping (scheduling queue, per-node usage, kubelet timers).
// Objects are plain data shaped like the real API's JSON, so -o yaml/json and etcdctl print them as they are.

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
};

export type KubeObject = {
	apiVersion: string;
	kind: string;
	metadata: ObjectMeta;
	spec?: any;
	status?: any;
	[field: string]: any;
};

export type ContainerPort = {containerPort: number; protocol?: string; name?: string; hostPort?: number};

export type ResourceList = {cpu?: string; memory?: string; [name: string]: string | undefined};

export type ContainerSpec = {
	name: string;
	image: string;
	command?: string[];
	args?: string[];
	ports?: ContainerPort[];
	env?: {name: string; value?: string}[];
	resources?: {requests?: ResourceList; limits?: ResourceList};
	imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
	terminationMessagePath?: string;
	terminationMessagePolicy?: string;
	[field: string]: any;
};

export type Toleration = {key?: string; operator?: 'Exists' | 'Equal'; value?: string; effect?: string; tolerationSeconds?: number};
export type Taint = {key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'; timeAdded?: string};

/** A nodeSelectorTerm of node affinity: label expressions and metadata.name fields, as the learner wrote them. */
export type NodeSelectorRequirement = {key: string; operator: string; values?: string[]};
export type NodeSelectorTerm = {matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[]};
export type Affinity = {nodeAffinity?: {requiredDuringSchedulingIgnoredDuringExecution?: {nodeSelectorTerms?: NodeSelectorTerm[]}; [field: string]: unknown}; [field: string]: unknown};

export type PodSpec = {
	containers: ContainerSpec[];
	nodeName?: string;
	nodeSelector?: Record<string, string>;
	tolerations?: Toleration[];
	affinity?: Affinity;
	restartPolicy?: 'Always' | 'OnFailure' | 'Never';
	hostNetwork?: boolean;
	[field: string]: any;
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

/** One container as the kubelet runs it: the processes behind it and its lifecycle timers. */
export type ContainerRuntime = {
	name: string;
	image: string; // the spec's image this runtime was started for
	port?: number; // the port its app listens on, inside the pod's network namespace
	attempt: number; // restarts so far
	stage: 'waiting-image' | 'pulling' | 'pull-failed' | 'pull-backoff' | 'starting' | 'running' | 'exited' | 'crash-backoff';
	dueAt?: number; // virtual ms when the current stage ends
	backoffMs: number; // the next back-off delay (10 s doubling to 5 min)
	probes?: Partial<Record<'startup' | 'liveness' | 'readiness', {successes: number; failures: number}>>; // consecutive probe results (when they run follows from startedAtMs)
	ready?: boolean; // what its readiness probe last decided (true without one, once started)
	started?: boolean; // its startup probe has passed (true without one)
	killedByProbe?: 'liveness' | 'startup'; // being stopped after a failed probe
	cgroup?: string; // the cgroup its process runs in on the node (docker-<id>.scope under the pod's slice)
	pullBackoffMs?: number; // the next image pull back-off (its own 10 s doubling, per image)
	pid?: number; // host pid of the main process
	containerId?: string; // 64 hex
	startedAtMs?: number;
	logs: string[];
	previousLogs?: string[];
	pullStartedAt?: number;
	pullMs?: number;
	finishedAtMs?: number;
	exitCode?: number;
	exitReason?: string;
	pullError?: string;
	blocked?: {reason: string; message?: string}; // why the kubelet cannot create it yet (CreateContainerConfigError, a volume it cannot mount)
	lastTermination?: {exitCode: number; reason: string; startedAt: number; finishedAt: number; containerId?: string};
};

/** What the kubelet on a node knows about one pod. */
export type PodRuntime = {
	key: string; // "namespace/name"
	node: string;
	stage: 'sandbox' | 'containers' | 'killing';
	dueAt?: number;
	sandboxPid?: number; // the pause process holding net, uts and ipc
	sandboxNetns?: number; // its net namespace, to tell the pause process from a reused pid after a reboot
	containers: ContainerRuntime[];
	killDueAt?: number;
	/** Set when the kubelet reports again after its node was NotReady: the next sync writes its own view of the status back (the node controller marked the pods not ready meanwhile). */
	statusResync?: true;
};

/** What the pods bound to a node request; the non-zero figures count a pod without requests as 100m / 200Mi, as scoring does. */
export type NodeUsage = {cpuMilli: number; memoryBytes: number; pods: number; hostPorts: string[]; nonZeroCpuMilli: number; nonZeroMemoryBytes: number};

export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-scheduler' | 'kube-controller-manager';

export type Cluster = {
	name: string;
	controlPlane: string; // host name of the control-plane node
	nodes: string[]; // host names of every node, control plane first
	apiServerAddress: string; // "https://192.168.56.20:6443"
	kubectlHosts: string[]; // hosts with a kubeconfig: the learner's host and the control plane
	resourceVersion: number;
	/** Every stored object: resource -> "namespace/name" (or "name" for cluster-scoped) -> object. */
	store: Record<ResourceName, Map<string, KubeObject>>;
	// --- indexes and caches the control plane keeps (derived, maintained beside the store) ---
	podsByNode: Map<string, Set<string>>; // node -> pod keys bound there
	podsByOwner: Map<string, Set<string>>; // controller uid -> keys of the pods it controls
	orphanPods: Set<string>; // keys of pods without a controller (candidates for adoption)
	nodeUsage: Map<string, NodeUsage>; // node -> requests of the pods bound there
	schedulingQueue: string[]; // pod keys waiting for the scheduler
	unschedulable: Map<string, number>; // pod key -> when it may be retried
	dirtyControllers: Set<string>; // "replicationcontrollers/ns/name" to reconcile
	dirtyServices: Set<string>; // namespaces whose endpoints must be recomputed
	podRuntimes: Map<string, PodRuntime>; // kubelet state by pod key
	kubeletTimers: Map<string, number>; // pod key -> next time its kubelet has work
	nodeLastSeen: Map<string, number>; // node -> the last renewTime of its Lease in kube-node-lease the node lifecycle controller has seen (virtual ms)
	nodeStatusPostedAt: Map<string, number>; // node -> when its kubelet last wrote the Node's status
	nodeNotReadySince: Map<string, number>; // node -> when the node controller marked it NotReady
	components: Record<ControlPlaneComponent, boolean>; // running or not (static pods)
	staticManifests: string; // sorted file names last seen in /etc/kubernetes/manifests
	nextPodCidr: number; // N of 10.244.N.0/24 for the next node
	podIpCursor: Record<string, number>; // node -> last host number handed out in its CIDR
	nextServiceIp: number; // host number in 10.96.0.0/12 for the next ClusterIP
	usedNodePorts: number[];
	proxyCursor: Record<string, number>; // service key -> round-robin position (kube-proxy)
	lastNodeMonitor: number;
	relistedEventSeq: number; // the last world event the kubelets' relist has looked at
};
