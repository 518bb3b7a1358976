// kubectl delete waits (--wait=true by default) until the deleted objects are really gone: pods
// finish graceful termination, namespaces empty. Here the virtual clock runs meanwhile.
import {storeKey, type ResourceInfo} from '../../../engine/k8s/resources.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import {tick} from '../../../engine/tick.ts';
import type {World} from '../../../engine/world.ts';
import {bool, flag} from './args.ts';
import type {Kctx} from './context.ts';

export type DeletedObject = {info: ResourceInfo; namespace: string | undefined; obj: KubeObject};

/** Longest a delete waits: the pods' grace periods, then a little for the kubelet to report. */
function waitLimitMs(objects: DeletedObject[], grace: number | undefined): number {
	let seconds = 0;
	for (const {info, obj} of objects) {
		if (obj.kind === 'Pod') seconds = Math.max(seconds, grace ?? obj.spec?.terminationGracePeriodSeconds ?? 30);
		if (info.resource === 'namespaces') seconds = Math.max(seconds, 60);
	}
	return (seconds + 5) * 1000;
}

/**
 * The world once the objects are gone, or at the limit: a pod on a dead node never goes (real
 * kubectl would wait on; the simulation stops after the grace period). --wait=false: at once.
 */
export function waitUntilGone(k: Kctx, world: World, objects: DeletedObject[], grace?: number): World {
	if (flag(k.args, 'wait') !== undefined && !bool(k.args, 'wait')) return world;
	const limit = waitLimitMs(objects, grace);
	const present = (w: World) => objects.some(({info, namespace, obj}) => w.cluster?.store[info.resource].get(storeKey(info, namespace, obj.metadata.name))?.metadata.uid === obj.metadata.uid);
	for (let waited = 0; waited < limit && present(world); waited += 1000) world = tick(world, 1000, k.ctx.runtime.programs);
	return world;
}
