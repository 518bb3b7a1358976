// kube-scheduler: filters the nodes a pending pod may run on, scores the feasible ones and binds
// the best. Works on a plain snapshot of the nodes taken once per pass, so thousands of pods
// schedule in one tick without touching the immer draft per node.
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
			labels: node.metadata.labels ?? {},
			taints: node.spec?.taints ?? [],
			unschedulable: !!node.spec?.unschedulable,
			cpu: cpuMilli(allocatable.cpu),
			memory: memoryBytes(allocatable.memory),
			maxPods: Number(allocatable.pods ?? 110),
			usedCpu: usage?.cpuMilli ?? 0,
			usedMemory: usage?.memoryBytes ?? 0,
			usedPods: usage?.pods ?? 0,
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

type PodFacts = {spec: any; requests: PodRequests; images: string[]};

/** The reasons a node cannot take the pod, in the wording of kube-scheduler's filter plugins; empty when it fits. */
function filterNode(node: NodeInfo, pod: PodFacts, firstOnly: boolean): string[] {
	const reasons: string[] = [];
	const spec = pod.spec;
	if (node.unschedulable && !tolerates(spec.tolerations, {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'})) return ['node(s) were unschedulable'];
	if (spec.nodeName && spec.nodeName !== node.name) return ["node(s) didn't match the requested node name"];
	for (const taint of node.taints) {
		if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(spec.tolerations, taint)) {
			return [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`];
		}
	}
	const selector = spec.nodeSelector as Record<string, string> | undefined;
	if (selector) for (const [k, v] of Object.entries(selector)) if (node.labels[k] !== v) return ["node(s) didn't match Pod's node affinity/selector"];
	for (const port of pod.requests.hostPorts) if (node.hostPorts.has(port)) return ["node(s) didn't have free ports for the requested pod ports"];
	if (node.usedPods + 1 > node.maxPods) reasons.push('Too many pods');
	if (pod.requests.cpuMilli > 0 && node.usedCpu + pod.requests.cpuMilli > node.cpu) reasons.push('Insufficient cpu');
	if (firstOnly && reasons.length) return reasons;
	if (pod.requests.memoryBytes > 0 && node.usedMemory + pod.requests.memoryBytes > node.memory) reasons.push('Insufficient memory');
	return reasons;
}

/** LeastAllocated + BalancedAllocation + ImageLocality, each 0-100. */
function scoreNode(node: NodeInfo, pod: PodFacts): number {
	// Like the real plugins, pods without requests count as 100m CPU and 200Mi for scoring.
	const cpuReq = pod.requests.cpuMilli || 100;
	const memReq = pod.requests.memoryBytes || 200 * 1024 * 1024;
	const cpuFrac = Math.min(1, (node.usedCpu + cpuReq) / Math.max(node.cpu, 1));
	const memFrac = Math.min(1, (node.usedMemory + memReq) / Math.max(node.memory, 1));
	const least = ((1 - cpuFrac) + (1 - memFrac)) * 50;
	const balanced = (1 - Math.abs(cpuFrac - memFrac)) * 100;
	let images = 0;
	for (const image of pod.images) if (node.images.has(image) || node.images.has(`${image}:latest`)) images += 1;
	const locality = pod.images.length ? (images / pod.images.length) * 30 : 0;
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
		const reasons = filterNode(node, pod, false);
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

function setScheduledCondition(pod: KubeObject, time: string, status: 'True' | 'False', message?: string): void {
	const conditions = (pod.status.conditions ??= []);
	const existing = conditions.find((x: any) => x.type === 'PodScheduled');
	const next = status === 'True' ? {type: 'PodScheduled', status, lastProbeTime: null, lastTransitionTime: time} : {type: 'PodScheduled', status, lastProbeTime: null, lastTransitionTime: time, reason: 'Unschedulable', message};
	if (existing) Object.assign(existing, next);
	else conditions.push(next);
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
	let start = c.resourceVersion % Math.max(nodes.length, 1);
	for (const key of queue) {
		const pod = c.store.pods.get(key);
		if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
		const spec = pod.spec;
		const facts: PodFacts = {spec, requests: podRequests(spec), images: (spec.containers as any[]).map(x => x.image)};
		let best: NodeInfo | undefined;
		let bestScore = -1;
		let found = 0;
		for (let i = 0; i < nodes.length && found < toFind; i++) {
			const node = nodes[(start + i) % nodes.length]!;
			if (filterNode(node, facts, true).length) continue;
			found++;
			const score = scoreNode(node, facts);
			if (score > bestScore) {
				bestScore = score;
				best = node;
			}
		}
		start = (start + 1) % Math.max(nodes.length, 1);
		if (!best) {
			const message = failureMessage(nodes, facts);
			setScheduledCondition(pod, time, 'False', message);
			pod.metadata.resourceVersion = nextResourceVersion(c);
			recordObjectEvent(w, pod, 'Warning', 'default-scheduler', 'FailedScheduling', message);
			c.unschedulable.set(key, w.time + unschedulableRetryMs);
			continue;
		}
		best.usedCpu += facts.requests.cpuMilli;
		best.usedMemory += facts.requests.memoryBytes;
		best.usedPods += 1;
		for (const p of facts.requests.hostPorts) best.hostPorts.add(p);
		bindPodToNode(w, key, best.name, facts.requests);
		setScheduledCondition(pod, time, 'True');
		pod.metadata.resourceVersion = nextResourceVersion(c);
		recordObjectEvent(w, pod, 'Normal', 'default-scheduler', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.name}`);
	}
}

/** After a change that may let waiting pods fit (a node labelled or uncordoned, a pod gone), retry them now. */
export function retryUnschedulablePods(w: World): void {
	const c = w.cluster!;
	for (const key of c.unschedulable.keys()) c.unschedulable.set(key, w.time);
}
