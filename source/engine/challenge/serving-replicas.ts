// How many replicas of the app really serve: Ready, not being deleted, on a powered host.
// (The API still shows a dead node's pods Ready for 40 s; a learner's users would not.)
import type {World} from '../world.ts';
import type {ChallengeApp} from './challenge-types.ts';

export function servingReplicas(w: World, app: ChallengeApp): number {
	const c = w.cluster;
	if (!c) return 0;
	let serving = 0;
	for (const pod of c.store.pods.values()) {
		if ((pod.metadata.namespace ?? 'default') !== app.namespace || pod.metadata.deletionTimestamp) continue;
		if (!Object.entries(app.selector).every(([k, v]) => pod.metadata.labels?.[k] === v)) continue;
		const ready = (pod.status?.conditions ?? []).some((cond: {type: string; status: string}) => cond.type === 'Ready' && cond.status === 'True');
		const host = pod.spec?.nodeName ? w.hosts.get(pod.spec.nodeName) : undefined;
		if (ready && host?.reachable) serving++;
	}
	return serving;
}
