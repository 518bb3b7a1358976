// The StatefulSet controller: pods with stable ordinal names (web-0, web-1, ...) and hostnames,
// created in order, each only once the one before it is Running and Ready (OrderedReady), removed
// from the highest ordinal down, each with its own claims from volumeClaimTemplates.
import type {World} from '../../world.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {cloneData, nextResourceVersion} from '../metadata.ts';
import {podIsReady} from '../typed-store.ts';
import type {KubeObject} from '../types.ts';
import type {Pod, StatefulSet, StatefulSetStatus} from '../kinds.ts';
import {templateHash} from './daemonset.ts';
import type {PersistentVolumeClaim} from '../kinds-more.ts';

const who = 'statefulset-controller';

const ready = (pod: Pod) => podIsReady(pod);

function ordinalOf(sts: StatefulSet, pod: Pod): number {
	const m = pod.metadata.name.slice(sts.metadata.name.length).match(/^-(\d+)$/);
	return m ? Number(m[1]) : -1;
}

/** Brings one StatefulSet to spec.replicas pods, in ordinal order. Call on a draft. */
export function reconcileStatefulSet(w: World, key: string): void {
	const c = w.cluster!;
	const sts = c.store.statefulsets.get(key);
	if (!sts || sts.metadata.deletionTimestamp) return;
	const ns = sts.metadata.namespace!;
	const replicas: number = sts.spec.replicas ?? 1;
	const parallel = sts.spec.podManagementPolicy === 'Parallel';
	const revision = `${sts.metadata.name}-${templateHash(sts.spec.template)}`;
	const pods = new Map<number, Pod>();
	for (const podKey of c.podsByOwner.get(sts.metadata.uid) ?? []) {
		const pod = c.store.pods.get(podKey);
		if (pod) pods.set(ordinalOf(sts, pod), pod);
	}
	// A failed pod is deleted and made again under the same name.
	for (const [ordinal, pod] of pods) {
		if (pod.status?.phase === 'Failed' && !pod.metadata.deletionTimestamp) {
			deleteObject(w, 'pods', ns, pod.metadata.name);
			recordObjectEvent(w, sts, 'Warning', who, 'RecreatingFailedPod', `StatefulSet ${ns}/${sts.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
			pods.delete(ordinal);
		}
	}
	for (let i = 0; i < replicas; i++) {
		const existing = pods.get(i);
		if (existing) {
			if (!parallel && (!ready(existing) || existing.metadata.deletionTimestamp)) break;
			continue;
		}
		const name = `${sts.metadata.name}-${i}`;
		if (c.store.pods.has(`${ns}/${name}`)) break; // the old one is still terminating
		createClaims(w, sts, i);
		const template = sts.spec.template;
		const spec = cloneData(template.spec);
		spec.hostname = name;
		if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
		const claims = sts.spec.volumeClaimTemplates ?? [];
		if (claims.length) {
			const volumes = (spec.volumes ?? []).filter((v: {name?: string}) => !claims.some(t => t.metadata?.name === v.name));
			spec.volumes = [...claims.map(t => ({name: t.metadata?.name as string, persistentVolumeClaim: {claimName: `${t.metadata?.name}-${name}`}})), ...volumes];
		}
		const pod = {
			apiVersion: 'v1',
			kind: 'Pod' as const,
			metadata: {
				name,
				namespace: ns,
				labels: {...template.metadata?.labels, 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name},
				...(template.metadata?.annotations ? {annotations: {...template.metadata.annotations}} : {}),
				ownerReferences: [{apiVersion: 'apps/v1', kind: 'StatefulSet', name: sts.metadata.name, uid: sts.metadata.uid, controller: true, blockOwnerDeletion: true}],
			}, // createObject gives it a uid, resourceVersion and creationTimestamp
			spec,
		};
		const result = createObject(w, pod);
		if (!result.ok) {
			recordObjectEvent(w, sts, 'Warning', who, 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${result.error.message}`);
			break;
		}
		pods.set(i, result.object);
		recordObjectEvent(w, sts, 'Normal', who, 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`);
		if (!parallel) break;
	}
	// Scale down from the highest ordinal, one at a time unless Parallel.
	const extra = [...pods.keys()].filter(i => i >= replicas).sort((a, b) => b - a);
	for (const i of extra) {
		const pod = pods.get(i)!;
		if (pod.metadata.deletionTimestamp) {
			if (!parallel) break;
			continue;
		}
		deleteObject(w, 'pods', ns, pod.metadata.name);
		recordObjectEvent(w, sts, 'Normal', who, 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
		if (!parallel) break;
	}
	const live = [...pods.values()].filter(p => c.store.pods.has(`${ns}/${p.metadata.name}`) && !p.metadata.deletionTimestamp);
	const readyCount = live.filter(ready).length;
	const status: StatefulSetStatus = {
		availableReplicas: readyCount,
		collisionCount: 0,
		currentReplicas: live.length,
		currentRevision: revision,
		observedGeneration: sts.metadata.generation ?? 1,
		readyReplicas: readyCount,
		replicas: live.length,
		updateRevision: revision,
		updatedReplicas: live.length,
	};
	if (readyCount === 0) delete status.readyReplicas;
	if (JSON.stringify(status) !== JSON.stringify(sts.status ?? {})) {
		sts.status = status;
		sts.metadata.resourceVersion = nextResourceVersion(c);
	}
}

/** The pod's claims from volumeClaimTemplates, made once and kept (whenScaled/whenDeleted: Retain). */
function createClaims(w: World, sts: StatefulSet, ordinal: number): void {
	const c = w.cluster!;
	const store = c.store.persistentvolumeclaims;
	if (!store) return;
	for (const template of sts.spec.volumeClaimTemplates ?? []) {
		const name = `${template.metadata?.name}-${sts.metadata.name}-${ordinal}`;
		if (store.has(`${sts.metadata.namespace}/${name}`)) continue;
		const claim = {
			apiVersion: 'v1',
			kind: 'PersistentVolumeClaim' as const,
			metadata: {name, namespace: sts.metadata.namespace, labels: {...sts.spec.selector?.matchLabels}},
			spec: cloneData(template.spec ?? {}),
		};
		const result = createObject(w, claim);
		if (result.ok) recordObjectEvent(w, sts, 'Normal', who, 'SuccessfulCreate', `create Claim ${name} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`);
	}
}
