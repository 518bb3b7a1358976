// DELETE with propagationPolicy=Orphan (kubectl delete --cascade=orphan): the owner goes, its
// dependents stay, no longer owned. A ReplicaSet's pods keep running without it, ready to be
// adopted by a new controller whose selector matches them.
import {nextResourceVersion} from './metadata.ts';
import {indexPodOwner, unindexPodOwner} from './pod-store.ts';
import type {World} from '../world.ts';
import type {KubeObject} from './types.ts';

export function orphanDependents(w: World, owner: KubeObject): void {
	const c = w.cluster!;
	const uid = owner.metadata.uid;
	const release = (obj: KubeObject) => {
		obj.metadata.ownerReferences = obj.metadata.ownerReferences?.filter(r => r.uid !== uid);
		if (obj.metadata.ownerReferences?.length === 0) delete obj.metadata.ownerReferences;
		obj.metadata.resourceVersion = nextResourceVersion(c);
	};
	for (const rs of c.store.replicasets.values()) {
		if (rs.metadata.namespace === owner.metadata.namespace && rs.metadata.ownerReferences?.some(r => r.uid === uid)) release(rs);
	}
	for (const key of [...(c.podsByOwner.get(uid) ?? [])]) {
		const pod = c.store.pods.get(key);
		if (!pod) continue;
		unindexPodOwner(c, key, pod);
		release(pod);
		indexPodOwner(c, key, pod);
	}
}
