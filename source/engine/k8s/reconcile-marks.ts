// Marks for the control loops: what a change makes due for reconciliation or another scheduling try.
import {resourceByKind} from './resources.ts';
import type {World} from '../world.ts';
import type {Cluster, KubeObject} from './types.ts';

/** Marks whatever controls `obj` for reconciliation, and its namespace's services for new endpoints. */
export function markOwnersDirty(c: Cluster, obj: KubeObject): void {
	for (const ref of obj.metadata.ownerReferences ?? []) {
		const owner = resourceByKind(ref.kind);
		if (owner) c.dirtyControllers.add(`${owner.resource}/${obj.metadata.namespace}/${ref.name}`);
	}
	if (obj.kind === 'Pod') c.dirtyServices.add(obj.metadata.namespace ?? 'default');
}

/** After a change that may let waiting pods fit (a node labelled or uncordoned, a pod gone), retry them now. */
export function retryUnschedulablePods(w: World): void {
	const c = w.cluster!;
	for (const key of c.unschedulable.keys()) c.unschedulable.set(key, w.time);
}

/** A node joined, left or changed: every DaemonSet looks again at which nodes want its pods. */
export function markDaemonSetsDirty(c: Cluster): void {
	for (const key of c.store.daemonsets?.keys() ?? []) c.dirtyControllers.add(`daemonsets/${key}`);
}
