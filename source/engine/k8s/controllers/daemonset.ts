// The DaemonSet controller: one pod per node that matches the template's nodeSelector and whose
// taints the pod tolerates, created as nodes join and deleted as they stop matching or leave.
// Its pods go through the default scheduler, pinned to their node by node affinity, as since 1.12.
import type {World} from '../../world.ts';
import {canonicalJson} from '../../hash.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {cloneData, nextResourceVersion} from '../metadata.ts';
import {podIsReady} from '../typed-store.ts';
import type {KubeObject, Taint, Toleration} from '../types.ts';
import type {DaemonSetStatus, Node, Pod, PodTemplateSpec} from '../kinds.ts';

const who = 'daemonset-controller';

/** The tolerations the DaemonSet controller adds to every daemon pod. */
export const daemonTolerations: Toleration[] = [
	{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute'},
	{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute'},
	{key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule'},
	{key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule'},
	{key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule'},
	{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'},
];

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
	return tolerations.some(t => {
		if (t.effect && t.effect !== taint.effect) return false;
		if (t.operator === 'Exists') return !t.key || t.key === taint.key;
		return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
	});
}

/** Whether a daemon pod of this template belongs on the node. */
export function nodeWantsDaemon(node: Node, template: PodTemplateSpec | undefined): boolean {
	const selector = template?.spec?.nodeSelector ?? {};
	for (const [k, v] of Object.entries(selector)) if (node.metadata.labels?.[k] !== v) return false;
	const tolerations = [...(template?.spec?.tolerations ?? []), ...daemonTolerations];
	for (const taint of node.spec?.taints ?? []) {
		if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(tolerations, taint)) return false;
	}
	return true;
}

/** The node a daemon pod is for: its nodeName once bound, else the node its affinity names. */
export function daemonPodNode(pod: Pod): string | undefined {
	if (pod.spec?.nodeName) return pod.spec.nodeName;
	const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
	for (const term of terms) for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.[0];
	return undefined;
}

const ready = (pod: Pod) => podIsReady(pod);

/** Brings one DaemonSet to a pod on every node that wants one. Call on a draft. */
export function reconcileDaemonSet(w: World, key: string): void {
	const c = w.cluster!;
	const ds = c.store.daemonsets.get(key);
	if (!ds || ds.metadata.deletionTimestamp) return;
	const template = ds.spec.template;
	const pods: Pod[] = [];
	for (const podKey of c.podsByOwner.get(ds.metadata.uid) ?? []) {
		const pod = c.store.pods.get(podKey);
		if (pod && !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Failed') pods.push(pod);
	}
	const byNode = new Map<string, Pod[]>();
	for (const pod of pods) {
		const node = daemonPodNode(pod) ?? '';
		byNode.set(node, [...(byNode.get(node) ?? []), pod]);
	}
	const wanted = c.nodes.filter(name => {
		const node = c.store.nodes.get(name);
		return node && nodeWantsDaemon(node, template);
	});
	const wantedSet = new Set(wanted); // a Set: a thousand nodes times a thousand pods must not be a million lookups
	for (const node of wanted) {
		if (byNode.get(node)?.length) continue;
		const pod = {
			apiVersion: 'v1',
			kind: 'Pod' as const,
			metadata: {
				generateName: `${ds.metadata.name}-`,
				namespace: ds.metadata.namespace,
				labels: {...template.metadata?.labels, 'controller-revision-hash': templateHash(template), 'pod-template-generation': String(ds.metadata.generation ?? 1)},
				...(template.metadata?.annotations ? {annotations: {...template.metadata.annotations}} : {}),
				ownerReferences: [{apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true}],
			},
			spec: {
				...cloneData(template.spec),
				affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: 'metadata.name', operator: 'In', values: [node]}]}]}}},
				tolerations: [...(template.spec.tolerations ?? []), ...daemonTolerations.filter(t => !(template.spec.tolerations ?? []).some((x: Toleration) => x.key === t.key))],
			},
		};
		const result = createObject(w, pod);
		if (result.ok) {
			pods.push(result.object);
			recordObjectEvent(w, ds, 'Normal', who, 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
		} else {
			recordObjectEvent(w, ds, 'Warning', who, 'FailedCreate', `Error creating: ${result.error.message}`);
			break;
		}
	}
	// Pods on nodes that no longer want them (relabelled, tainted, gone) are deleted.
	for (const [node, list] of byNode) {
		if (wantedSet.has(node)) continue;
		for (const pod of list) {
			deleteObject(w, 'pods', pod.metadata.namespace, pod.metadata.name);
			recordObjectEvent(w, ds, 'Normal', who, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
		}
	}
	const live = pods.filter(p => wantedSet.has(daemonPodNode(p) ?? '') && c.store.pods.has(`${p.metadata.namespace}/${p.metadata.name}`));
	const scheduled = live.filter(p => p.spec?.nodeName).length;
	const readyCount = live.filter(ready).length;
	const status: DaemonSetStatus = {
		currentNumberScheduled: scheduled,
		desiredNumberScheduled: wanted.length,
		numberMisscheduled: 0,
		numberReady: readyCount,
		observedGeneration: ds.metadata.generation ?? 1,
		updatedNumberScheduled: scheduled,
		numberAvailable: readyCount,
	};
	if (wanted.length - readyCount > 0) status.numberUnavailable = wanted.length - readyCount;
	if (readyCount === 0) delete status.numberAvailable;
	if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) {
		ds.status = status;
		ds.metadata.resourceVersion = nextResourceVersion(c);
	}
}

/** A stable hash of the template in the alphabet of rand.SafeEncodeString, as controller-revision-hash carries. */
export function templateHash(template: unknown): string {
	const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
	let h = 2166136261;
	for (const ch of canonicalJson(template ?? {})) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
	let out = '';
	for (let i = 0; i < 10; i++) {
		out += alphabet[h % alphabet.length];
		h = Math.imul(h ^ (h >>> 13), 2246822507) >>> 0;
	}
	return out;
}
