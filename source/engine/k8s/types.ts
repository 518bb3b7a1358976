// The simulated Kubernetes cluster: API objects as the API server stores them, plus the
// control plane's own bookkeeping (scheduling queue, per-node usage, kubelet timers).
// Objects are plain data shaped like the real API's JSON, so -o yaml/json and etcdctl print them as they are.

export type {Affinity, ContainerPort, ContainerSpec, ContainerState, ContainerStatus, NodeSelectorRequirement, NodeSelectorTerm, ObjectMeta, OwnerReference, PodCondition, PodSpec, PodStatus, ResourceList, ResourceName, Taint, Toleration} from './object-types.ts';
import type {ResourceName} from './object-types.ts';
import type {CronJob, Deployment, Endpoints, Ingress, Job, LimitRange, NetworkPolicy, Node, Pod, ReplicaSet, Role, RoleBinding, Service, StatefulSet} from './kinds.ts';
import type {ConfigMap, DaemonSet, EndpointSlice, KubeEvent, Lease, Namespace, PersistentVolume, PersistentVolumeClaim, PodDisruptionBudget, PriorityClass, ReplicationController, ResourceQuota, Secret, ServiceAccount, StorageClass} from './kinds-more.ts';

/** The kind each resource's map in the store holds. */
export type StoredKinds = {
	pods: Pod;
	replicationcontrollers: ReplicationController;
	replicasets: ReplicaSet;
	deployments: Deployment;
	services: Service;
	endpoints: Endpoints;
	nodes: Node;
	namespaces: Namespace;
	configmaps: ConfigMap;
	secrets: Secret;
	serviceaccounts: ServiceAccount;
	jobs: Job;
	cronjobs: CronJob;
	daemonsets: DaemonSet;
	statefulsets: StatefulSet;
	persistentvolumes: PersistentVolume;
	persistentvolumeclaims: PersistentVolumeClaim;
	storageclasses: StorageClass;
	limitranges: LimitRange;
	resourcequotas: ResourceQuota;
	ingresses: Ingress;
	networkpolicies: NetworkPolicy;
	roles: Role;
	rolebindings: RoleBinding;
	clusterroles: Role;
	clusterrolebindings: RoleBinding;
	endpointslices: EndpointSlice;
	leases: Lease;
	poddisruptionbudgets: PodDisruptionBudget;
	priorityclasses: PriorityClass;
};

/** Any object the API serves: one of the modelled kinds (the stored ones and Events), told apart by `kind`. */
export type KubeObject = StoredKinds[ResourceName] | KubeEvent;
/** One resource's map in the store, typed by its kind. */
export type Store = {[R in ResourceName]: Map<string, StoredKinds[R]>};

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
	store: Store;
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
