// Pods' place in the control plane's indexes: which node holds them, what they request there,
// and their removal once the kubelet (or a forced delete) has finished with them.
import type {World} from '../world.ts';
import {markOwnersDirty, retryUnschedulablePods} from './reconcile-marks.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import {tearDownPod} from './pod-sandbox.ts';
import type {Cluster, NodeUsage, PodSpec} from './types.ts';
import type {Pod} from './kinds.ts';

export type PodRequests = {cpuMilli: number; memoryBytes: number; hostPorts: string[]; nonZeroCpuMilli: number; nonZeroMemoryBytes: number};

/** kube-scheduler scores a container without requests as if it asked for 100m CPU and 200Mi. */
export const defaultCpuMilli = 100;
export const defaultMemoryBytes = 200 * 1024 * 1024;

export function podRequests(spec: PodSpec): PodRequests {
	let cpu = 0;
	let memory = 0;
	let nonZeroCpu = 0;
	let nonZeroMemory = 0;
	const hostPorts: string[] = [];
	for (const c of spec.containers ?? []) {
		const containerCpu = cpuMilli(c.resources?.requests?.cpu);
		const containerMemory = memoryBytes(c.resources?.requests?.memory);
		cpu += containerCpu;
		memory += containerMemory;
		nonZeroCpu += containerCpu || defaultCpuMilli;
		nonZeroMemory += containerMemory || defaultMemoryBytes;
		for (const p of c.ports ?? []) if (p.hostPort) hostPorts.push(`${p.hostPort}/${p.protocol ?? 'TCP'}`);
	}
	return {cpuMilli: cpu, memoryBytes: memory, hostPorts, nonZeroCpuMilli: nonZeroCpu, nonZeroMemoryBytes: nonZeroMemory};
}

export function usageOf(c: Cluster, node: string): NodeUsage {
	let usage = c.nodeUsage.get(node);
	if (!usage) {
		usage = {cpuMilli: 0, memoryBytes: 0, pods: 0, hostPorts: [], nonZeroCpuMilli: 0, nonZeroMemoryBytes: 0};
		c.nodeUsage.set(node, usage);
	}
	return usage;
}

/** Records that a pod runs on `node` (the scheduler's bind, or a pod created with nodeName). Call on a draft. */
export function bindPodToNode(w: World, key: string, node: string, requests?: PodRequests, podDraft?: Pod): void {
	const c = w.cluster!;
	const pod = podDraft ?? c.store.pods.get(key)!;
	if (pod.spec.nodeName !== node) pod.spec.nodeName = node;
	const r = requests ?? podRequests(pod.spec);
	const usage = usageOf(c, node);
	usage.cpuMilli += r.cpuMilli;
	usage.memoryBytes += r.memoryBytes;
	usage.pods += 1;
	usage.nonZeroCpuMilli += r.nonZeroCpuMilli;
	usage.nonZeroMemoryBytes += r.nonZeroMemoryBytes;
	if (r.hostPorts.length) usage.hostPorts.push(...r.hostPorts);
	let set = c.podsByNode.get(node);
	if (!set) {
		set = new Set();
		c.podsByNode.set(node, set);
	}
	set.add(key);
	c.kubeletTimers.set(key, w.time);
}

function releaseNodeUsage(c: Cluster, pod: Pod, key: string): void {
	const node = pod.spec.nodeName as string | undefined;
	if (!node) return;
	const set = c.podsByNode.get(node);
	if (!set?.has(key)) return;
	set.delete(key);
	const r = podRequests(pod.spec);
	const usage = usageOf(c, node);
	usage.cpuMilli -= r.cpuMilli;
	usage.memoryBytes -= r.memoryBytes;
	usage.pods -= 1;
	usage.nonZeroCpuMilli -= r.nonZeroCpuMilli;
	usage.nonZeroMemoryBytes -= r.nonZeroMemoryBytes;
	for (const port of r.hostPorts) {
		const i = usage.hostPorts.indexOf(port);
		if (i >= 0) usage.hostPorts.splice(i, 1);
	}
}

/** Terminated pods (Succeeded/Failed) keep their object but give back what they requested. */
export function releasePodResources(w: World, key: string): void {
	const c = w.cluster!;
	const pod = c.store.pods.get(key);
	if (pod && c.podsByNode.get(pod.spec.nodeName ?? '')?.has(key)) {
		releaseNodeUsage(c, pod, key);
		retryUnschedulablePods(w);
	}
}

/** The pod object goes from the store, its processes from its node. Call on a draft. */
export function removePod(w: World, key: string): void {
	const c = w.cluster!;
	const pod = c.store.pods.get(key);
	if (!pod) return;
	releaseNodeUsage(c, pod, key);
	// Freed requests and ports may let waiting pods fit: the scheduler retries them now.
	if (pod.spec.nodeName) retryUnschedulablePods(w);
	unindexPodOwner(c, key, pod);
	tearDownPod(w, key);
	c.store.pods.delete(key);
	c.kubeletTimers.delete(key);
	c.unschedulable.delete(key);
	// As the real scheduler requeues on an assigned pod's deletion: the room it frees may fit a waiting pod.
	if (pod.spec.nodeName) for (const waiting of c.unschedulable.keys()) c.unschedulable.set(waiting, w.time);
	markOwnersDirty(c, pod);
}

/** A graceful delete: the pod shows Terminating until its kubelet has stopped the containers. */
export function requestPodTermination(w: World, key: string, gracePeriodSeconds?: number): void {
	const c = w.cluster!;
	const pod = c.store.pods.get(key)!;
	if (pod.metadata.deletionTimestamp) return;
	const grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
	pod.metadata.deletionTimestamp = now(w);
	pod.metadata.deletionGracePeriodSeconds = grace;
	pod.metadata.resourceVersion = nextResourceVersion(c);
	c.kubeletTimers.set(key, w.time);
	markOwnersDirty(c, pod);
}

/** Files a pod under its controller (or as an orphan) in the owner index. */
export function indexPodOwner(c: Cluster, key: string, pod: Pod): void {
	const controller = pod.metadata.ownerReferences?.find(r => r.controller);
	if (!controller) {
		c.orphanPods.add(key);
		return;
	}
	c.orphanPods.delete(key);
	let set = c.podsByOwner.get(controller.uid);
	if (!set) c.podsByOwner.set(controller.uid, (set = new Set()));
	set.add(key);
}

export function unindexPodOwner(c: Cluster, key: string, pod: Pod): void {
	c.orphanPods.delete(key);
	for (const ref of pod.metadata.ownerReferences ?? []) {
		const set = c.podsByOwner.get(ref.uid);
		if (!set) continue;
		set.delete(key);
		if (set.size === 0) c.podsByOwner.delete(ref.uid);
	}
}
