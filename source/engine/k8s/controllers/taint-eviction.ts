// The taint eviction controller for taints put on a node by hand (kubectl taint ... :NoExecute):
// a running pod that does not tolerate one is evicted at once; one that tolerates it for
// tolerationSeconds is evicted that long after the taint was added. (The unreachable and
// not-ready taints of a lost node are handled by the node lifecycle controller.)
import {baseOf} from '../../draft-reads.ts';
import type {World} from '../../world.ts';
import {recordObjectEvent} from '../events.ts';
import {msOf} from '../metadata.ts';
import {requestPodTermination} from '../pod-store.ts';
import {tolerates} from '../scheduler.ts';
import type {Taint, Toleration} from '../types.ts';

const lifecycleTaint = /^node\.kubernetes\.io\/(unreachable|not-ready)$/;

/** When the pod must go, or undefined while it may stay (it tolerates every NoExecute taint for ever). */
function evictAt(taints: Taint[], tolerations: Toleration[] | undefined): number | undefined {
	let at: number | undefined;
	for (const taint of taints) {
		const matching = (tolerations ?? []).filter(t => tolerates([t], taint));
		if (matching.length === 0) return -Infinity;
		if (matching.some(t => t.tolerationSeconds === undefined)) continue;
		const seconds = Math.min(...matching.map(t => t.tolerationSeconds!));
		const due = msOf(taint.timeAdded) + Math.max(0, seconds) * 1000;
		at = at === undefined ? due : Math.min(at, due);
	}
	return at;
}

export function runTaintEviction(w: World): void {
	const c = w.cluster!;
	const nodes = baseOf(c.nodes);
	const stored = baseOf(c.store.nodes);
	// An indexed loop: every tick, over every node (a for-of allocates per node until optimized).
	for (let i = 0; i < nodes.length; i++) {
		const name = nodes[i]!;
		const node = stored.get(name);
		if (!node?.spec?.taints?.length) continue;
		const taints = (node.spec.taints as Taint[]).filter(t => t.effect === 'NoExecute' && !lifecycleTaint.test(t.key));
		if (taints.length === 0) continue;
		for (const key of [...(c.podsByNode.get(name) ?? [])]) {
			const pod = c.store.pods.get(key);
			if (!pod || pod.metadata.deletionTimestamp) continue;
			const at = evictAt(taints, pod.spec.tolerations);
			if (at === undefined || w.time < at) continue;
			recordObjectEvent(w, pod, 'Normal', 'taint-eviction-controller', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
			requestPodTermination(w, key);
		}
	}
}
