// The node lifecycle controller and the kubelets' heartbeats: a node whose kubelet stops renewing
// its Lease turns NotReady after the grace period (40 s), gets the unreachable taints, and its pods
// are evicted when their 300 s toleration runs out. A node that comes back is Ready again.
import {baseOf} from '../../draft-reads.ts';
import type {World} from '../../world.ts';
import {recordObjectEvent} from '../events.ts';
import {nextResourceVersion, now, timestampAt} from '../metadata.ts';
import {renewNodeLease} from '../leases.ts';
import {kubeletAlive} from '../node-health.ts';
import {requestPodTermination} from '../pod-store.ts';
import type {Taint} from '../types.ts';
import type {Node} from '../kinds.ts';

export const nodeMonitorGraceMs = 40_000;
/** Kubelets renew their Lease every 10 s (the heartbeat the controller watches)... */
export const nodeStatusUpdateMs = 10_000;
/** ...and rewrite the Node's status only on a change or every 5 minutes (nodeStatusReportFrequency). */
export const nodeStatusReportMs = 300_000;
export const nodeMonitorPeriodMs = 5_000;
export const defaultEvictionMs = 300_000;

const unreachableTaints: Taint[] = [
	{key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule'},
	{key: 'node.kubernetes.io/unreachable', effect: 'NoExecute'},
];

const healthyReason: Record<string, string> = {MemoryPressure: 'KubeletHasSufficientMemory', DiskPressure: 'KubeletHasNoDiskPressure', PIDPressure: 'KubeletHasSufficientPID'};
const healthyMessage: Record<string, string> = {MemoryPressure: 'kubelet has sufficient memory available', DiskPressure: 'kubelet has no disk pressure', PIDPressure: 'kubelet has sufficient PID available'};

function setReadyCondition(node: Node, status: 'True' | 'Unknown', time: string, heartbeat: string): void {
	for (const cond of node.status.conditions ?? []) {
		const ready = cond.type === 'Ready';
		const healthy = ready ? 'True' : 'False';
		const target = status === 'True' ? healthy : 'Unknown';
		if (cond.status !== target) {
			cond.status = target;
			cond.lastTransitionTime = time;
			if (status === 'Unknown') {
				cond.reason = 'NodeStatusUnknown';
				cond.message = 'Kubelet stopped posting node status.';
			} else if (ready) {
				cond.reason = 'KubeletReady';
				cond.message = 'kubelet is posting ready status';
			} else {
				cond.reason = healthyReason[cond.type] ?? cond.reason;
				cond.message = healthyMessage[cond.type] ?? cond.message;
			}
		}
		if (status === 'True') cond.lastHeartbeatTime = heartbeat;
	}
}

/** Kubelets post status every 10 s; the controller checks every 5 s. Call on a draft. */
export function runNodeLifecycle(w: World, controllerManagerUp: boolean): void {
	const c = w.cluster!;
	// Read-only scans go to the tick's base state: reading a draft makes a proxy per node.
	const nodes = baseOf(c.nodes);
	const lastSeen = baseOf(c.nodeLastSeen);
	// Indexed loops: a for-of over a thousand nodes, every tick, in code not yet optimized allocates an iterator result per node.
	for (let i = 0; i < nodes.length; i++) {
		const name = nodes[i]!;
		// The kubelet's heartbeat: it renews its Lease in kube-node-lease every 10 s (recreating it if
		// gone). The Lease's renewTime is indexed in nodeLastSeen; the base value is current unless
		// renewed this tick.
		const last = Math.max(lastSeen.get(name) ?? -Infinity, c.nodeLastSeen.get(name) ?? -Infinity);
		if (w.time - last < nodeStatusUpdateMs || !kubeletAlive(w, name)) continue;
		renewNodeLease(w, name);
		const wasDown = c.nodeNotReadySince.has(name);
		if (!wasDown && w.time - (c.nodeStatusPostedAt.get(name) ?? 0) < nodeStatusReportMs) continue;
		const node = c.store.nodes.get(name);
		if (!node) continue;
		c.nodeStatusPostedAt.set(name, w.time);
		setReadyCondition(node, 'True', now(w), now(w));
		if (wasDown) {
			c.nodeNotReadySince.delete(name);
			node.spec.taints = (node.spec.taints ?? []).filter(t => !t.key.startsWith('node.kubernetes.io/unreachable') && !t.key.startsWith('node.kubernetes.io/not-ready'));
			if (node.spec.taints.length === 0) delete node.spec.taints;
			recordObjectEvent(w, node, 'Normal', `kubelet/${name}`, 'NodeReady', `Node ${name} status is now: NodeReady`, name);
			for (const key of c.podsByNode.get(name) ?? []) {
				c.kubeletTimers.set(key, w.time);
				const runtime = c.podRuntimes.get(key);
				if (runtime) runtime.statusResync = true;
			}
			for (const key of c.unschedulable.keys()) c.unschedulable.set(key, w.time);
		}
		node.metadata.resourceVersion = nextResourceVersion(c);
	}
	if (!controllerManagerUp || w.time - c.lastNodeMonitor < nodeMonitorPeriodMs) return;
	c.lastNodeMonitor = w.time;
	for (let i = 0; i < nodes.length; i++) {
		const name = nodes[i]!;
		// NotReady follows from the Lease: its last renewTime the controller has seen (every write of
		// the Lease moves it, see leases.ts).
		const last = c.nodeLastSeen.get(name) ?? 0;
		const since = c.nodeNotReadySince.get(name);
		if (since === undefined && w.time - last <= nodeMonitorGraceMs) continue;
		const node = c.store.nodes.get(name);
		if (!node) continue;
		if (since === undefined && w.time - last > nodeMonitorGraceMs) {
			c.nodeNotReadySince.set(name, w.time);
			const heartbeat = timestampAt(last);
			setReadyCondition(node, 'Unknown', now(w), heartbeat);
			node.spec.taints = [...(node.spec.taints ?? []).filter(t => !t.key.startsWith('node.kubernetes.io/unreachable')), ...unreachableTaints.map(t => ({...t, timeAdded: now(w)}))];
			node.metadata.resourceVersion = nextResourceVersion(c);
			recordObjectEvent(w, node, 'Normal', 'node-controller', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
			for (const key of c.podsByNode.get(name) ?? []) {
				const pod = c.store.pods.get(key);
				if (!pod) continue;
				// MarkPodsNotReady: the pod still shows Running but is no longer Ready, so Services drop it.
				for (const cond of pod.status?.conditions ?? []) if (cond.type === 'Ready' || cond.type === 'ContainersReady') {
					cond.status = 'False';
					cond.lastTransitionTime = now(w);
				}
				for (const s of pod.status?.containerStatuses ?? []) s.ready = false;
				pod.metadata.resourceVersion = nextResourceVersion(c);
				recordObjectEvent(w, pod, 'Warning', 'node-controller', 'NodeNotReady', 'Node is not ready');
				c.dirtyServices.add(pod.metadata.namespace!);
			}
		}
		if (since !== undefined) {
			// Taint-based eviction: each pod goes when its toleration for the unreachable taint runs out.
			for (const key of [...(c.podsByNode.get(name) ?? [])]) {
				const pod = c.store.pods.get(key);
				if (!pod || pod.metadata.deletionTimestamp) continue;
				const toleration = (pod.spec.tolerations ?? []).find(t => (t.key === 'node.kubernetes.io/unreachable' || (t.operator === 'Exists' && !t.key)) && (!t.effect || t.effect === 'NoExecute'));
				if (toleration && toleration.tolerationSeconds === undefined) continue;
				const after = toleration ? (toleration.tolerationSeconds ?? 0) * 1000 : 0;
				if (w.time - since >= after) {
					recordObjectEvent(w, pod, 'Normal', 'taint-eviction-controller', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
					requestPodTermination(w, key);
				}
			}
		}
	}
}
