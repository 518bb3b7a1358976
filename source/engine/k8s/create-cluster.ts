// Builds a kubeadm-style cluster in a world: a control-plane node running etcd, the API server,
// the scheduler and the controller manager as static pods, and workers with kubelet + kube-proxy.
import {installDockerDaemon} from '../docker/daemon.ts';
import {createHost, gib} from '../host/create-host.ts';
import type {World} from '../world.ts';
import {digestHex} from '../hash.ts';
import {createObject} from './api-server.ts';
import {resolveImage} from './images.ts';
import {emptyStore} from './resources.ts';
import {markDaemonSetsDirty} from './reconcile-marks.ts';
import {populateNamespace} from './config-objects.ts';
import {addDefaultStorageClass} from './storage-objects.ts';
import {addCoreDns, coreDnsImage} from './core-dns.ts';
import {writeEndpointSlice} from './endpoint-slices.ts';
import {renewNodeLease} from './leases.ts';
import {addDefaultRbac} from './rbac-defaults.ts';
import {controlPlaneFiles, kubeletKubeconfig, writeLearnerKubeconfig} from './kubeconfig-files.ts';
import {addSystemPriorityClasses} from './policy-objects.ts';
import {canonicalQuantity} from './quantity.ts';
import {timestampAt, newUid} from './metadata.ts';
import type {Cluster, ControlPlaneComponent, KubeObject} from './types.ts';
import type {Node, Pod} from './kinds.ts';

export const kubernetesVersion = 'v1.31.2';
export const controlPlaneName = 'control-plane';
export const manifestsDir = '/etc/kubernetes/manifests';

export type ClusterOptions = {
	workers?: number; // default 3
	workerCpus?: number; // default 2
	workerMemoryBytes?: number; // default 4 GiB
	kubectlHosts?: string[]; // hosts whose kubectl is configured (the learner's)
	nodeIpBase?: string; // default "192.168.56."
};

export function workerName(i: number): string {
	return `worker-${i}`;
}

function emptyCluster(controlPlane: string, apiIp: string, kubectlHosts: string[]): Cluster {
	return {
		name: 'kubernetes',
		controlPlane,
		nodes: [],
		apiServerAddress: `https://${apiIp}:6443`,
		kubectlHosts: [...kubectlHosts, controlPlane],
		resourceVersion: 1000,
		store: emptyStore(),
		podsByNode: new Map(),
		podsByOwner: new Map(),
		orphanPods: new Set(),
		nodeUsage: new Map(),
		schedulingQueue: [],
		unschedulable: new Map(),
		dirtyControllers: new Set(),
		dirtyServices: new Set(),
		podRuntimes: new Map(),
		kubeletTimers: new Map(),
		nodeLastSeen: new Map(),
		nodeStatusPostedAt: new Map(),
		nodeNotReadySince: new Map(),
		components: {etcd: true, 'kube-apiserver': true, 'kube-scheduler': true, 'kube-controller-manager': true},
		staticManifests: '',
		nextPodCidr: 0,
		podIpCursor: {},
		nextServiceIp: 1,
		usedNodePorts: [],
		proxyCursor: {},
		lastNodeMonitor: 0,
		relistedEventSeq: 0,
	};
}

const components: {name: ControlPlaneComponent; image: string; cpu: string; memory?: string; port: number}[] = [
	{name: 'etcd', image: 'registry.k8s.io/etcd:3.5.15-0', cpu: '100m', memory: '100Mi', port: 2381},
	{name: 'kube-apiserver', image: `registry.k8s.io/kube-apiserver:${kubernetesVersion}`, cpu: '250m', port: 6443},
	{name: 'kube-controller-manager', image: `registry.k8s.io/kube-controller-manager:${kubernetesVersion}`, cpu: '200m', port: 10257},
	{name: 'kube-scheduler', image: `registry.k8s.io/kube-scheduler:${kubernetesVersion}`, cpu: '100m', port: 10259},
];

/** The YAML kubeadm writes to /etc/kubernetes/manifests for one control-plane component. */
export function staticPodManifest(component: ControlPlaneComponent): string {
	const c = components.find(x => x.name === component)!;
	return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${c.name}
    tier: control-plane
  name: ${c.name}
  namespace: kube-system
spec:
  containers:
  - command:
    - ${c.name}
    image: ${c.image}
    imagePullPolicy: IfNotPresent
    name: ${c.name}
    resources:
      requests:
        cpu: ${c.cpu}
${c.memory ? `        memory: ${c.memory}\n` : ''}  hostNetwork: true
  priorityClassName: system-node-critical
status: {}
`;
}

/** The mirror pod the kubelet posts for a static pod. Call on a draft. */
export function createStaticPod(w: World, component: ControlPlaneComponent): void {
	const c = w.cluster!;
	const spec = components.find(x => x.name === component)!;
	const node = c.store.nodes.get(c.controlPlane)!;
	const pod = {
		apiVersion: 'v1',
		kind: 'Pod' as const,
		metadata: {
			name: `${component}-${c.controlPlane}`,
			namespace: 'kube-system',
			labels: {component, tier: 'control-plane'},
			annotations: {'kubernetes.io/config.source': 'file', 'kubernetes.io/config.mirror': newUid(w).replace(/-/g, '').slice(0, 32)},
			ownerReferences: [{apiVersion: 'v1', kind: 'Node', name: c.controlPlane, uid: node.metadata.uid, controller: true}],
		},
		spec: {
			containers: [{name: component, image: spec.image, imagePullPolicy: 'IfNotPresent', command: [component], resources: {requests: {cpu: spec.cpu, ...(spec.memory ? {memory: spec.memory} : {})}}}],
			hostNetwork: true,
			nodeName: c.controlPlane,
			priorityClassName: 'system-node-critical',
			priority: 2000001000,
			tolerations: [{operator: 'Exists', effect: 'NoExecute'}],
		},
	};
	createObject(w, pod);
}

function nodeObject(w: World, name: string, ip: string, cidrIndex: number, cpus: number, memory: number, controlPlane: boolean, createdAt: number): Node {
	const time = timestampAt(createdAt);
	const condition = (type: string, status: 'True' | 'False', reason: string, message: string) => ({type, status, lastHeartbeatTime: time, lastTransitionTime: time, reason, message});
	const labels: Record<string, string> = {
		'beta.kubernetes.io/arch': 'amd64',
		'beta.kubernetes.io/os': 'linux',
		'kubernetes.io/arch': 'amd64',
		'kubernetes.io/hostname': name,
		'kubernetes.io/os': 'linux',
	};
	if (controlPlane) {
		labels['node-role.kubernetes.io/control-plane'] = '';
		labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
	}
	return {
		apiVersion: 'v1',
		kind: 'Node',
		metadata: {
			name,
			uid: newUid(w),
			resourceVersion: String(++w.cluster!.resourceVersion),
			creationTimestamp: time,
			labels,
			annotations: {'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true'},
		},
		spec: {podCIDR: `10.244.${cidrIndex}.0/24`, podCIDRs: [`10.244.${cidrIndex}.0/24`], ...(controlPlane ? {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]} : {})},
		status: {
			// Quantities as the API server writes them back (canonical: 4194304Ki is 4Gi), with the
			// hugepages a kubeadm VM reports (none reserved).
			capacity: {cpu: String(cpus), 'ephemeral-storage': '61202244Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: canonicalQuantity(`${Math.round(memory / 1024)}Ki`)!, pods: '110'},
			allocatable: {cpu: String(cpus), 'ephemeral-storage': '56403987978', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: canonicalQuantity(`${Math.round(memory / 1024) - 102400}Ki`)!, pods: '110'},
			conditions: [
				condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
				condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
				condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
				condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
			],
			addresses: [{address: ip, type: 'InternalIP'}, {address: name, type: 'Hostname'}],
			daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
			nodeInfo: {architecture: 'amd64', bootID: newUid(w), containerRuntimeVersion: 'docker://27.4.1', kernelVersion: '6.8.0-49-generic', kubeProxyVersion: '', kubeletVersion: kubernetesVersion, machineID: newUid(w).replace(/-/g, ''), operatingSystem: 'linux', osImage: 'Ubuntu 24.04.1 LTS', systemUUID: newUid(w)},
		},
	};
}

/** Adds a node: a host with docker + kubelet, its Node object, its kube-proxy pod. Call on a draft. */
export function addNode(w: World, name: string, ip: string, options: {cpus: number; memoryBytes: number; controlPlane?: boolean}): void {
	const c = w.cluster!;
	const files: Record<string, string> = {'/var/lib/kubelet/config.yaml': 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nstaticPodPath: /etc/kubernetes/manifests\n', '/etc/kubernetes/kubelet.conf': kubeletKubeconfig(c.apiServerAddress, name)};
	if (options.controlPlane) {
		for (const comp of components) files[`${manifestsDir}/${comp.name}.yaml`] = staticPodManifest(comp.name);
		Object.assign(files, controlPlaneFiles(c.apiServerAddress));
	} else files[`${manifestsDir}/.keep`] = '';
	createHost(w, {name, ip, cpus: options.cpus, memoryBytes: options.memoryBytes, services: ['sshd', 'containerd', 'dockerd', 'kubelet'], files});
	installDockerDaemon(w, name);
	const createdAt = w.time;
	const node = nodeObject(w, name, ip, c.nextPodCidr++, options.cpus, options.memoryBytes, !!options.controlPlane, createdAt);
	c.store.nodes.set(name, node);
	c.nodes.push(name);
	// Kubelets are not synchronised: spread their 10 s status updates over the interval.
	const heartbeat = w.time - ((c.nodes.length * 7919) % 10_000);
	renewNodeLease(w, name, heartbeat);
	c.nodeStatusPostedAt.set(name, w.time - ((c.nodes.length * 7919) % 300_000));
	markDaemonSetsDirty(c); // a joining node gets its daemon pods
}

const kubeProxyUid = 'a3c0e1f2-5b7d-4c1e-9f0a-6d2b8e4c7a10';

function addKubeProxy(w: World, node: string): void {
	const pod = {
		apiVersion: 'v1',
		kind: 'Pod' as const,
		metadata: {
			generateName: 'kube-proxy-',
			namespace: 'kube-system',
			labels: {'controller-revision-hash': '77c69d4f85', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1'},
			ownerReferences: [{apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: kubeProxyUid, controller: true, blockOwnerDeletion: true}],
		},
		spec: {containers: [{name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${kubernetesVersion}`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', `--hostname-override=${node}`]}], hostNetwork: true, nodeName: node, priorityClassName: 'system-node-critical', tolerations: [{operator: 'Exists'}]},
	};
	createObject(w, pod);
}

/**
 * kube-proxy's DaemonSet, as kubeadm installs it: stored directly (the uid its pods already name,
 * no draw from the world's RNG) so that adding it shifts no random name of an existing world.
 */
function addKubeProxyDaemonSet(w: World): void {
	const c = w.cluster!;
	const labels = {'k8s-app': 'kube-proxy'};
	const n = c.nodes.length;
	c.store.daemonsets.set('kube-system/kube-proxy', {
		apiVersion: 'apps/v1',
		kind: 'DaemonSet',
		metadata: {name: 'kube-proxy', namespace: 'kube-system', uid: kubeProxyUid, resourceVersion: String(c.resourceVersion), generation: 1, creationTimestamp: timestampAt(w.time), labels, annotations: {'deprecated.daemonset.template.generation': '1'}},
		spec: {
			selector: {matchLabels: labels},
			template: {metadata: {creationTimestamp: null, labels}, spec: {containers: [{name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${kubernetesVersion}`, imagePullPolicy: 'IfNotPresent', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], env: [{name: 'NODE_NAME', valueFrom: {fieldRef: {apiVersion: 'v1', fieldPath: 'spec.nodeName'}}}], resources: {}, securityContext: {privileged: true}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File'}], dnsPolicy: 'ClusterFirst', hostNetwork: true, nodeSelector: {'kubernetes.io/os': 'linux'}, priorityClassName: 'system-node-critical', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, serviceAccount: 'kube-proxy', serviceAccountName: 'kube-proxy', terminationGracePeriodSeconds: 30, tolerations: [{operator: 'Exists'}]}},
			updateStrategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: 0, maxUnavailable: 1}},
			revisionHistoryLimit: 10,
		},
		status: {currentNumberScheduled: n, desiredNumberScheduled: n, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: n, numberUnavailable: n},
	});
	c.store.serviceaccounts.set('kube-system/kube-proxy', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'kube-proxy', namespace: 'kube-system', uid: 'b7d1f0a2-3c4e-4f5a-8b6c-7d8e9f0a1b2c', resourceVersion: String(c.resourceVersion), creationTimestamp: timestampAt(w.time)}});
	c.dirtyControllers.add('daemonsets/kube-system/kube-proxy');
}

/** Creates the cluster's nodes and control plane inside a world (on a draft). Objects look a few minutes old. */
export function createCluster(w: World, options: ClusterOptions = {}): void {
	const base = options.nodeIpBase ?? '192.168.56.';
	const workers = options.workers ?? 3;
	const cpIp = `${base}20`;
	w.cluster = emptyCluster(controlPlaneName, cpIp, options.kubectlHosts ?? []);
	const c = w.cluster;
	for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
		c.store.namespaces.set(ns, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: ns, uid: newUid(w), resourceVersion: String(++c.resourceVersion), creationTimestamp: timestampAt(w.time), labels: {'kubernetes.io/metadata.name': ns}}, spec: {finalizers: ['kubernetes']}, status: {phase: 'Active'}});
		populateNamespace(w, ns);
	}
	addSystemPriorityClasses(w, timestampAt(w.time));
	addNode(w, controlPlaneName, cpIp, {cpus: 2, memoryBytes: 4 * gib, controlPlane: true});
	for (let i = 1; i <= workers; i++) {
		const ip = workers > 200 ? `10.${Math.floor(i / 250) + 1}.${i % 250}.10` : `${base}${20 + i}`;
		addNode(w, workerName(i), ip, {cpus: options.workerCpus ?? 2, memoryBytes: options.workerMemoryBytes ?? 4 * gib});
	}
	for (const comp of components) createStaticPod(w, comp.name);
	for (const node of c.nodes) addKubeProxy(w, node);
	addKubeProxyDaemonSet(w);
	addDefaultStorageClass(w);
	addDefaultRbac(w);
	// The control plane's own images are pre-pulled on every node, as kubeadm's preflight does.
	for (const node of c.nodes) {
		const daemon = w.dockers.get(node)!;
		for (const ref of [...components.map(x => x.image), `registry.k8s.io/kube-proxy:${kubernetesVersion}`, coreDnsImage, 'registry.k8s.io/pause:3.10']) daemon.tags.set(ref, resolveImage(w, ref)?.id ?? `sha256:${digestHex(ref)}`);
	}
	const kubernetesSvc = {apiVersion: 'v1', kind: 'Service' as const, metadata: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}}, spec: {ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}]}};
	createObject(w, kubernetesSvc);
	c.store.endpoints.set('default/kubernetes', {apiVersion: 'v1', kind: 'Endpoints', metadata: {name: 'kubernetes', namespace: 'default', uid: newUid(w), resourceVersion: String(++c.resourceVersion), creationTimestamp: timestampAt(w.time), labels: {'endpointslice.kubernetes.io/skip-mirror': 'true'}}, subsets: [{addresses: [{ip: cpIp}], ports: [{name: 'https', port: 6443, protocol: 'TCP'}]}]});
	writeEndpointSlice(w, c.store.services.get('default/kubernetes')!, c.store.endpoints.get('default/kubernetes')!.subsets);
	addCoreDns(w);
	for (const host of options.kubectlHosts ?? []) writeLearnerKubeconfig(w, host);
}
