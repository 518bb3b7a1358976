// kube-scheduler: filters the nodes a pending pod may run on, scores the feasible ones and binds
// the best. Works on a plain snapshot of the nodes taken once per pass, so thousands of pods
// schedule in one tick without touching the immer draft per node.
// Longer than ~300 lines because its filters and scores are small and read together, as in kube-scheduler.
import {baseOf} from '../draft-reads.ts';
import type {World} from '../world.ts';
import {apiServerUp} from './api-server-up.ts';
import {recordObjectEvent} from './events.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {nextRandom} from '../rng.ts';
import {bindPodToNode, podRequests, type PodRequests} from './pod-store.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import type {KubeObject, PodSpec, Taint, Toleration} from './types.ts';
import type {Pod} from './kinds.ts';

/** How long an unschedulable pod waits before the scheduler tries it again without a cluster change. */
export const unschedulableRetryMs = 5 * 60_000;

type NodeInfo = {
	name: string;
	labels: Record<string, string>;
	taints: Taint[];
	unschedulable: boolean;
	cpu: number; // allocatable millicores
	memory: number;
	perCpu: number; // 1 / allocatable, so scoring multiplies instead of dividing
	perMemory: number;
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
			perCpu: 1 / Math.max(cpuMilli(allocatable.cpu), 1),
			perMemory: 1 / Math.max(memoryBytes(allocatable.memory), 1),
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

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
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
	affinity?: NodeTerm[]; // required node affinity: the node must match one term
};

/** One nodeSelectorTerm of required node affinity: label expressions and metadata.name fields. */
type NodeTerm = {labels: {key: string; operator: string; values: string[]}[]; names?: string[]};

function nodeTerms(spec: PodSpec): NodeTerm[] | undefined {
	const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
	if (!Array.isArray(terms) || terms.length === 0) return undefined;
	return terms.map(t => {
		const name = (t.matchFields ?? []).find(f => f.key === 'metadata.name' && f.operator === 'In');
		return {labels: (t.matchExpressions ?? []).map(e => ({key: String(e.key), operator: String(e.operator), values: (e.values ?? []).map(String)})), ...(name ? {names: (name.values ?? []).map(String)} : {})};
	});
}

function matchesAffinity(node: NodeInfo, terms: NodeTerm[] | undefined): boolean {
	if (!terms) return true;
	return terms.some(term => {
		if (term.names && !term.names.includes(node.name)) return false;
		return term.labels.every(e => {
			const value = node.labels[e.key];
			if (e.operator === 'In') return value !== undefined && e.values.includes(value);
			if (e.operator === 'NotIn') return value === undefined || !e.values.includes(value);
			if (e.operator === 'Exists') return value !== undefined;
			if (e.operator === 'DoesNotExist') return value === undefined;
			return true;
		});
	});
}

function podFacts(pod: Pod): PodFacts {
	const spec = pod.spec;
	const images = spec.containers.map(x => String(x.image));
	return {
		nodeName: spec.nodeName,
		tolerations: (spec.tolerations ?? []).map(t => ({...t})),
		selector: Object.entries(spec.nodeSelector ?? {}),
		requests: podRequests(spec),
		imageKeys: images.map(i => (i.slice(i.lastIndexOf('/') + 1).includes(':') ? i : `${i}:latest`)),
		owner: pod.metadata.ownerReferences?.find(r => r.controller)?.uid,
		affinity: nodeTerms(spec),
	};
}

/** The fast path: does the node pass every filter? (No allocation, no reasons.) */
function fits(node: NodeInfo, pod: PodFacts): boolean {
	if (node.unschedulable && !tolerates(pod.tolerations, {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'})) return false;
	if (pod.nodeName && pod.nodeName !== node.name) return false;
	for (const taint of node.taints) if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(pod.tolerations, taint)) return false;
	for (const [k, v] of pod.selector) if (node.labels[k] !== v) return false;
	if (!matchesAffinity(node, pod.affinity)) return false;
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
	if (!matchesAffinity(node, pod.affinity)) return ["node(s) didn't match Pod's node affinity/selector"];
	for (const port of pod.requests.hostPorts) if (node.hostPorts.has(port)) return ["node(s) didn't have free ports for the requested pod ports"];
	const reasons: string[] = [];
	if (node.usedPods + 1 > node.maxPods) reasons.push('Too many pods');
	if (pod.requests.cpuMilli > 0 && node.usedCpu + pod.requests.cpuMilli > node.cpu) reasons.push('Insufficient cpu');
	if (pod.requests.memoryBytes > 0 && node.usedMemory + pod.requests.memoryBytes > node.memory) reasons.push('Insufficient memory');
	return reasons;
}

/**
 * The default profile's resource scores, each 0-100 and rounded as the plugins' int64 scores are:
 * NodeResourcesFit (LeastAllocated, cpu and memory weighted 1:1) and NodeResourcesBalancedAllocation,
 * both on non-zero requests (a pod without requests counts as 100m CPU and 200Mi).
 */
function resourceScore(node: NodeInfo, pod: PodFacts): number {
	let cpuFrac = (node.nonZeroCpu + pod.requests.nonZeroCpuMilli) * node.perCpu;
	let memFrac = (node.nonZeroMemory + pod.requests.nonZeroMemoryBytes) * node.perMemory;
	if (cpuFrac > 1) cpuFrac = 1;
	if (memFrac > 1) memFrac = 1;
	const diff = cpuFrac > memFrac ? cpuFrac - memFrac : memFrac - cpuFrac;
	// LeastAllocated + BalancedAllocation, each truncated to an integer as the plugins' int64 scores are.
	return ((100 - 50 * (cpuFrac + memFrac)) | 0) + ((100 - 50 * diff) | 0);
}

/**
 * ImageLocality, kept small as the real one is for common images: the share of the pod's images the
 * node has, scaled by how many nodes have each image (the real plugin's spread factor, so one node
 * holding an image does not attract every replica), at most 25 points.
 */
function imageScore(node: NodeInfo, pod: PodFacts, nodesWithImage: (image: string) => number, totalNodes: number): number {
	if (!pod.imageKeys.length) return 0;
	let sum = 0;
	for (const image of pod.imageKeys) if (node.images.has(image)) sum += nodesWithImage(image) / totalNodes;
	return Math.floor((sum / pod.imageKeys.length) * 25);
}

/** The system-default PodTopologySpread constraints (ScheduleAnyway): per hostname maxSkew 3, per zone maxSkew 5. */
const zoneLabel = 'topology.kubernetes.io/zone';
const hostnameMaxSkew = 3;
const zoneMaxSkew = 5;

/**
 * PodTopologySpread scores for the feasible nodes, as the real plugin computes them: per node the
 * sum over constraints of count(pods of the owner in the node's domain) * log(domains + 2) + maxSkew - 1,
 * then normalized (normalizedSpreadScore) so the emptiest domain scores 100: 100 * (max + min - s) / max.
 */
function rawSpreadScores(nodes: NodeInfo[], feasible: number[], perNode: Int32Array, out: Float64Array, zoned: boolean): {max: number; min: number} {
	const zoneCounts = new Map<string, number>();
	if (zoned) {
		for (let i = 0; i < nodes.length; i++) {
			const zone = nodes[i]!.labels[zoneLabel];
			if (zone !== undefined) zoneCounts.set(zone, (zoneCounts.get(zone) ?? 0) + perNode[i]!);
		}
	}
	const hostWeight = Math.log(feasible.length + 2);
	const zoneWeight = Math.log(zoneCounts.size + 2);
	let max = 0;
	let min = Infinity;
	for (const i of feasible) {
		let raw = perNode[i]! * hostWeight + (hostnameMaxSkew - 1);
		const zone = zoned ? nodes[i]!.labels[zoneLabel] : undefined;
		if (zone !== undefined) raw += zoneCounts.get(zone)! * zoneWeight + (zoneMaxSkew - 1);
		raw = Math.round(raw);
		out[i] = raw;
		max = Math.max(max, raw);
		min = Math.min(min, raw);
	}
	return {max, min};
}

function normalizedSpreadScore(raw: number, range: {max: number; min: number}): number {
	return range.max === 0 ? 100 : Math.floor((100 * (range.max + range.min - raw)) / range.max);
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

/** How many live (not terminating) pods of one controller each node already runs. */
function ownerSpread(w: World, nodes: NodeInfo[], owner: string): Int32Array {
	const c = w.cluster!;
	const index = new Map(nodes.map((n, i) => [n.name, i]));
	const counts = new Int32Array(nodes.length);
	for (const key of c.podsByOwner.get(owner) ?? []) {
		const pod = c.store.pods.get(key); // the draft: pods bound earlier in this tick count too
		if (!pod || pod.metadata.deletionTimestamp) continue;
		const node = pod.spec.nodeName;
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
	const spreadByNode = new Float64Array(nodes.length);
	const zoned = nodes.some(n => n.labels[zoneLabel] !== undefined);
	const imageNodeCounts = new Map<string, number>();
	const nodesWithImage = (image: string): number => {
		let n = imageNodeCounts.get(image);
		if (n === undefined) {
			n = 0;
			for (const node of nodes) if (node.images.has(image)) n++;
			imageNodeCounts.set(image, n);
		}
		return n;
	};
	let start = c.resourceVersion % Math.max(nodes.length, 1);
	// Read each pod's spec from the state the tick started with when it has one: reading through
	// the draft would create a proxy per nested field and make immer walk them all at the end.
	const basePods = baseOf(c.store.pods);
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
		const range = spread ? rawSpreadScores(nodes, feasible, spread, spreadByNode, zoned) : undefined;
		// Weights of the default profile: PodTopologySpread 2, the others 1. Among equal best
		// scores the real scheduler picks one at random (reservoir sampling); so do we, seeded.
		let best = feasible[0]!;
		let bestScore = -1;
		let ties = 0;
		const seedBefore = w.rng;
		let seed = seedBefore; // drawn locally, written back once per pod: a draft write per draw costs at 10,000 pods
		const anyImage = facts.imageKeys.some(image => nodesWithImage(image) > 0);
		for (const i of feasible) {
			let score = resourceScore(nodes[i]!, facts) + 2 * (range ? normalizedSpreadScore(spreadByNode[i]!, range) : 100);
			if (anyImage) score += imageScore(nodes[i]!, facts, nodesWithImage, nodes.length);
			if (score > bestScore) {
				bestScore = score;
				best = i;
				ties = 1;
			} else if (score === bestScore) {
				const [r, next] = nextRandom(seed);
				seed = next;
				if (Math.floor(r * ++ties) === 0) best = i;
			}
		}
		if (seed !== seedBefore) w.rng = seed;
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

