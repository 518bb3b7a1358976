// kube-scheduler: filters the nodes a pending pod may run on, scores the feasible ones and binds
// the best. Works on a plain snapshot of the nodes taken once per pass, so thousands of pods
// schedule in one tick without touching the immer draft per node.
import {isDraft, original} from 'immer';
import type {World} from '../world.ts';
import {apiServerUp} from './api-server.ts';
import {recordObjectEvent} from './events.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {bindPodToNode, podRequests, type PodRequests} from './pod-store.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import type {KubeObject, Taint, Toleration} from './types.ts';

/** How long an unschedulable pod waits before the scheduler tries it again without a cluster change. */
export const unschedulableRetryMs = 5 * 60_000;

type NodeInfo = {
	name: string;
	labels: Record<string, string>;
	taints: Taint[];
	unschedulable: boolean;
	cpu: number; // allocatable millicores
	memory: number;
	maxPods: number;
	usedCpu: number;
	usedMemory: number;
	usedPods: number;
	nonZeroCpu: number;
	nonZeroMemory: number;
	hostPorts: Set<string>;
	images: Set<string>;
};

function snapshotNodes(w: World): NodeInfo[] {
	const c = w.cluster!;
	const out: NodeInfo[] = [];
	for (const node of c.store.nodes.values()) {
		const usage = c.nodeUsage.get(node.metadata.name);
		const allocatable = node.status?.allocatable ?? {};
		const daemon = w.dockers.get(node.metadata.name);
		out.push({
			name: node.metadata.name,
			labels: {...node.metadata.labels},
			taints: (node.spec?.taints ?? []).map((t: Taint) => ({...t})),
			unschedulable: !!node.spec?.unschedulable,
			cpu: cpuMilli(allocatable.cpu),
			memory: memoryBytes(allocatable.memory),
			maxPods: Number(allocatable.pods ?? 110),
			usedCpu: usage?.cpuMilli ?? 0,
			usedMemory: usage?.memoryBytes ?? 0,
			usedPods: usage?.pods ?? 0,
			nonZeroCpu: usage?.nonZeroCpuMilli ?? 0,
			nonZeroMemory: usage?.nonZeroMemoryBytes ?? 0,
			hostPorts: new Set(usage?.hostPorts ?? []),
			images: new Set(daemon ? daemon.tags.keys() : []),
		});
	}
	return out;
}

function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
	return (tolerations ?? []).some(t => {
		if (t.effect && t.effect !== taint.effect) return false;
		if (t.operator === 'Exists') return !t.key || t.key === taint.key;
		return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
	});
}

/** What the scheduler needs of a pod, read once per pod (not once per node). */
type PodFacts = {
	nodeName?: string;
	tolerations: Toleration[];
	selector: [string, string][];
	requests: PodRequests;
	imageKeys: string[];
	owner?: string; // controller uid, for spreading its pods
};

function podFacts(pod: KubeObject): PodFacts {
	const spec = pod.spec;
	const images = (spec.containers as any[]).map(x => String(x.image));
	return {
		nodeName: spec.nodeName,
		tolerations: (spec.tolerations ?? []).map((t: Toleration) => ({...t})),
		selector: Object.entries((spec.nodeSelector ?? {}) as Record<string, string>),
		requests: podRequests(spec),
		imageKeys: images.map(i => (i.slice(i.lastIndexOf('/') + 1).includes(':') ? i : `${i}:latest`)),
		owner: pod.metadata.ownerReferences?.find(r => r.controller)?.uid,
	};
}

/** The fast path: does the node pass every filter? (No allocation, no reasons.) */
function fits(node: NodeInfo, pod: PodFacts): boolean {
	if (node.unschedulable && !tolerates(pod.tolerations, {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'})) return false;
	if (pod.nodeName && pod.nodeName !== node.name) return false;
	for (const taint of node.taints) if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(pod.tolerations, taint)) return false;
	for (const [k, v] of pod.selector) if (node.labels[k] !== v) return false;
	for (const port of pod.requests.hostPorts) if (node.hostPorts.has(port)) return false;
	if (node.usedPods + 1 > node.maxPods) return false;
	if (pod.requests.cpuMilli > 0 && node.usedCpu + pod.requests.cpuMilli > node.cpu) return false;
	if (pod.requests.memoryBytes > 0 && node.usedMemory + pod.requests.memoryBytes > node.memory) return false;
	return true;
}

/** Why a node cannot take the pod, in the wording of kube-scheduler's filter plugins (first failing plugin). */
function filterReasons(node: NodeInfo, pod: PodFacts): string[] {
	if (node.unschedulable && !tolerates(pod.tolerations, {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'})) return ['node(s) were unschedulable'];
	if (pod.nodeName && pod.nodeName !== node.name) return ["node(s) didn't match the requested node name"];
	for (const taint of node.taints) {
		if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(pod.tolerations, taint)) return [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`];
	}
	for (const [k, v] of pod.selector) if (node.labels[k] !== v) return ["node(s) didn't match Pod's node affinity/selector"];
	for (const port of pod.requests.hostPorts) if (node.hostPorts.has(port)) return ["node(s) didn't have free ports for the requested pod ports"];
	const reasons: string[] = [];
	if (node.usedPods + 1 > node.maxPods) reasons.push('Too many pods');
	if (pod.requests.cpuMilli > 0 && node.usedCpu + pod.requests.cpuMilli > node.cpu) reasons.push('Insufficient cpu');
	if (pod.requests.memoryBytes > 0 && node.usedMemory + pod.requests.memoryBytes > node.memory) reasons.push('Insufficient memory');
	return reasons;
}

/** NodeResourcesFit (least allocated) + BalancedAllocation + ImageLocality, each 0-100. */
function resourceScore(node: NodeInfo, pod: PodFacts): number {
	const cpuFrac = Math.min(1, (node.nonZeroCpu + pod.requests.nonZeroCpuMilli) / Math.max(node.cpu, 1));
	const memFrac = Math.min(1, (node.nonZeroMemory + pod.requests.nonZeroMemoryBytes) / Math.max(node.memory, 1));
	const least = (1 - cpuFrac + (1 - memFrac)) * 50;
	const balanced = (1 - Math.abs(cpuFrac - memFrac)) * 100;
	let present = 0;
	for (const image of pod.imageKeys) if (node.images.has(image)) present++;
	const locality = pod.imageKeys.length ? (present / pod.imageKeys.length) * 30 : 0;
	return least + balanced + locality;
}

/** kube-scheduler's percentageOfNodesToScore: stop looking once this many feasible nodes are found. */
export function feasibleNodesToFind(total: number): number {
	if (total < 100) return total;
	const percentage = Math.max(5, 50 - Math.floor(total / 125));
	return Math.max(100, Math.floor((total * percentage) / 100));
}

function failureMessage(nodes: NodeInfo[], pod: PodFacts): string {
	const counts = new Map<string, number>();
	const preemption = new Map<string, number>();
	for (const node of nodes) {
		const reasons = filterReasons(node, pod);
		for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
		const resourceOnly = reasons.every(r => r.startsWith('Insufficient') || r === 'Too many pods');
		const key = resourceOnly ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling';
		preemption.set(key, (preemption.get(key) ?? 0) + 1);
	}
	const histogram = (m: Map<string, number>) => [...m].map(([r, n]) => `${n} ${r}`).sort().join(', ');
	const total = nodes.length;
	if (total === 0) return 'no nodes available to schedule pods';
	return `0/${total} nodes are available: ${histogram(counts)}. preemption: 0/${total} nodes are available: ${histogram(preemption)}.`;
}

/** How many pods of one controller each node already runs (PodTopologySpread's system default: spread by hostname). */
function ownerSpread(w: World, nodes: NodeInfo[], owner: string): Int32Array {
	const c = w.cluster!;
	const index = new Map(nodes.map((n, i) => [n.name, i]));
	const counts = new Int32Array(nodes.length);
	for (const key of c.podsByOwner.get(owner) ?? []) {
		const node = c.store.pods.get(key)?.spec.nodeName;
		const i = node === undefined ? undefined : index.get(node);
		if (i !== undefined) counts[i]! += 1;
	}
	return counts;
}

/** One scheduling pass over every queued pod. Call on a draft, once per slice. */
export function runScheduler(w: World): void {
	const c = w.cluster!;
	if (!c.components['kube-scheduler'] || !apiServerUp(w)) return;
	if (c.unschedulable.size) {
		for (const [key, at] of c.unschedulable) {
			if (at <= w.time) {
				c.unschedulable.delete(key);
				c.schedulingQueue.push(key);
			}
		}
	}
	if (c.schedulingQueue.length === 0) return;
	const queue = c.schedulingQueue;
	c.schedulingQueue = [];
	const nodes = snapshotNodes(w);
	const toFind = feasibleNodesToFind(nodes.length);
	const time = now(w);
	const spreads = new Map<string, Int32Array>();
	const feasible: number[] = [];
	const scores: number[] = [];
	let start = c.resourceVersion % Math.max(nodes.length, 1);
	// Read each pod's spec from the state the tick started with when it has one: reading through
	// the draft would create a proxy per nested field and make immer walk them all at the end.
	const basePods = isDraft(c.store.pods) ? (original(c.store.pods) as Map<string, KubeObject>) : c.store.pods;
	for (const key of queue) {
		const pod = c.store.pods.get(key);
		if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
		const facts = podFacts(basePods.get(key) ?? pod);
		feasible.length = 0;
		for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
			const index = (start + i) % nodes.length;
			if (fits(nodes[index]!, facts)) feasible.push(index);
		}
		start = (start + 1) % Math.max(nodes.length, 1);
		if (feasible.length === 0) {
			const message = failureMessage(nodes, facts);
			pod.status.conditions = [{type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: time, reason: 'Unschedulable', message}];
			pod.metadata.resourceVersion = nextResourceVersion(c);
			recordObjectEvent(w, pod, 'Warning', 'default-scheduler', 'FailedScheduling', message);
			c.unschedulable.set(key, w.time + unschedulableRetryMs);
			continue;
		}
		let spread: Int32Array | undefined;
		if (facts.owner) {
			spread = spreads.get(facts.owner);
			if (!spread) spreads.set(facts.owner, (spread = ownerSpread(w, nodes, facts.owner)));
		}
		let most = 0;
		let least = Infinity;
		if (spread) {
			for (const i of feasible) {
				most = Math.max(most, spread[i]!);
				least = Math.min(least, spread[i]!);
			}
		}
		scores.length = 0;
		let best = feasible[0]!;
		let bestScore = -1;
		for (const i of feasible) {
			const spreadScore = spread && most > least ? (100 * (most - spread[i]!)) / (most - least) : 100;
			const score = resourceScore(nodes[i]!, facts) + 2 * spreadScore;
			if (score > bestScore) {
				bestScore = score;
				best = i;
			}
		}
		const node = nodes[best]!;
		node.usedCpu += facts.requests.cpuMilli;
		node.usedMemory += facts.requests.memoryBytes;
		node.nonZeroCpu += facts.requests.nonZeroCpuMilli;
		node.nonZeroMemory += facts.requests.nonZeroMemoryBytes;
		node.usedPods += 1;
		for (const p of facts.requests.hostPorts) node.hostPorts.add(p);
		if (spread) spread[best]! += 1;
		pod.spec.nodeName = node.name;
		pod.status.conditions = [{type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: time}];
		pod.metadata.resourceVersion = nextResourceVersion(c);
		bindPodToNode(w, key, node.name, facts.requests, pod);
		recordObjectEvent(w, pod, 'Normal', 'default-scheduler', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.name}`);
	}
}

/** After a change that may let waiting pods fit (a node labelled or uncordoned, a pod gone), retry them now. */
export function retryUnschedulablePods(w: World): void {
	const c = w.cluster!;
	for (const key of c.unschedulable.keys()) c.unschedulable.set(key, w.time);
}
