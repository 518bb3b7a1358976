import {cloneData} from '../metadata.ts';
// The replication controllers of kube-controller-manager (ReplicationController and ReplicaSet):
// count the live pods a controller owns, create or delete pods to reach spec.replicas, report status.
import type {World} from '../../world.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {nextResourceVersion} from '../metadata.ts';
import {matchesMap, matchesRequirements, type Requirement} from '../selectors.ts';
import {indexPodOwner, unindexPodOwner} from '../pod-store.ts';
import {peek} from '../../draft-reads.ts';
import {podIsReady} from '../typed-store.ts';
import type {KubeObject} from '../types.ts';
import type {Pod, ReplicaSet, ReplicaSetStatus} from '../kinds.ts';
import type {ReplicationController} from '../kinds-more.ts';

const componentName: Record<string, string> = {ReplicationController: 'replication-controller', ReplicaSet: 'replicaset-controller'};

/** The selector of an RC (a map) or a ReplicaSet (matchLabels + matchExpressions) as requirements. */
export function controllerSelector(obj: ReplicationController | ReplicaSet): Requirement[] {
	if (obj.kind === 'ReplicationController') return Object.entries((obj.spec.selector ?? {}) as Record<string, string>).map(([key, value]) => ({key, op: '=' as const, value}));
	const sel = obj.spec.selector ?? {};
	const reqs: Requirement[] = Object.entries((sel.matchLabels ?? {}) as Record<string, string>).map(([key, value]) => ({key, op: '=' as const, value}));
	for (const e of sel.matchExpressions ?? []) {
		const op = String(e.operator).toLowerCase();
		if (op === 'in' || op === 'notin') reqs.push({key: e.key, op, values: e.values ?? []});
		else if (op === 'exists') reqs.push({key: e.key, op: 'exists'});
		else if (op === 'doesnotexist') reqs.push({key: e.key, op: '!exists'});
	}
	return reqs;
}

function isActive(pod: Pod): boolean {
	return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

const isReady = (pod: Pod): boolean => podIsReady(pod);

/** Brings one RC or ReplicaSet to its desired replica count. Call on a draft. */
export function reconcileReplicas(w: World, resource: 'replicationcontrollers' | 'replicasets', key: string): void {
	const c = w.cluster!;
	const rc = c.store[resource].get(key);
	if (!rc) return;
	const selector = controllerSelector(rc);
	const ns = rc.metadata.namespace!;
	// The pods are read plainly (peek): drafting each of thousands of pods costs more than the count.
	const owned: Pod[] = [];
	for (const podKey of c.podsByOwner.get(rc.metadata.uid) ?? []) {
		const pod = peek(c.store.pods, podKey);
		if (pod) owned.push(pod);
	}
	if (selector.length) {
		for (const podKey of c.orphanPods) {
			if (!podKey.startsWith(`${ns}/`)) continue;
			const orphan = peek(c.store.pods, podKey);
			if (!orphan || !isActive(orphan) || !matchesRequirements(orphan.metadata.labels, selector)) continue;
			const pod = c.store.pods.get(podKey)!;
			// Adopt an orphan that matches, as the real controller does.
			pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), {apiVersion: rc.apiVersion, kind: rc.kind, name: rc.metadata.name, uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true}];
			pod.metadata.resourceVersion = nextResourceVersion(c);
			indexPodOwner(c, podKey, pod);
			owned.push(pod);
		}
	}
	// A pod whose labels no longer match is released (the book's "relabel a pod out of the RC").
	const kept: Pod[] = [];
	for (const pod of owned) {
		if (matchesRequirements(pod.metadata.labels, selector)) kept.push(pod);
		else {
			const podKey = `${ns}/${pod.metadata.name}`;
			const draft = c.store.pods.get(podKey)!;
			unindexPodOwner(c, podKey, draft);
			draft.metadata.ownerReferences = draft.metadata.ownerReferences?.filter(r => r.uid !== rc.metadata.uid);
			if (draft.metadata.ownerReferences?.length === 0) delete draft.metadata.ownerReferences;
			draft.metadata.resourceVersion = nextResourceVersion(c);
			indexPodOwner(c, podKey, draft);
		}
	}
	const active = kept.filter(isActive);
	const desired = rc.spec.replicas ?? 1;
	const who = componentName[rc.kind]!;
	if (active.length < desired) {
		for (let i = active.length; i < desired; i++) {
			const template = rc.spec.template;
			const pod = {
				apiVersion: 'v1',
				kind: 'Pod' as const,
				metadata: {
					generateName: `${rc.metadata.name}-`,
					namespace: rc.metadata.namespace,
					labels: {...template.metadata?.labels},
					...(template.metadata?.annotations ? {annotations: {...template.metadata.annotations}} : {}),
					ownerReferences: [{apiVersion: rc.apiVersion, kind: rc.kind, name: rc.metadata.name, uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true}],
				},
				spec: cloneData(template.spec),
			};
			const result = createObject(w, pod);
			if (result.ok) {
				active.push(result.object);
				recordObjectEvent(w, rc, 'Normal', who, 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
			} else {
				recordObjectEvent(w, rc, 'Warning', who, 'FailedCreate', `Error creating: ${result.error.message}`);
				break;
			}
		}
	} else if (active.length > desired) {
		// Delete the least useful first: unscheduled, then not ready, then the youngest.
		const rank = (p: Pod) => (p.spec.nodeName ? 0 : 4) + (isReady(p) ? 0 : 2);
		const victims = [...active].sort((a, b) => rank(b) - rank(a) || b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp)).slice(0, active.length - desired);
		for (const pod of victims) {
			deleteObject(w, 'pods', pod.metadata.namespace, pod.metadata.name);
			recordObjectEvent(w, rc, 'Normal', who, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
		}
	}
	const live = kept.filter(p => c.store.pods.has(`${p.metadata.namespace}/${p.metadata.name}`) && isActive(peek(c.store.pods, `${p.metadata.namespace}/${p.metadata.name}`)!));
	const status: ReplicaSetStatus = {replicas: live.length, fullyLabeledReplicas: live.filter(p => matchesMap(p.metadata.labels, rc.spec.template?.metadata?.labels)).length, readyReplicas: live.filter(isReady).length, availableReplicas: live.filter(isReady).length, observedGeneration: rc.metadata.generation};
	if (status.readyReplicas === 0) delete status.readyReplicas;
	if (status.availableReplicas === 0) delete status.availableReplicas;
	if (JSON.stringify(status) !== JSON.stringify(rc.status)) {
		rc.status = status;
		rc.metadata.resourceVersion = nextResourceVersion(c);
		for (const ref of rc.metadata.ownerReferences ?? []) if (ref.kind === 'Deployment') c.dirtyControllers.add(`deployments/${rc.metadata.namespace}/${ref.name}`);
	}
}
