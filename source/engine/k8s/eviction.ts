// The pods/eviction subresource (policy/v1 Eviction), as the API server's EvictionREST answers it:
// a pod that has already stopped, is pending or is terminating is deleted at once; otherwise the
// one PodDisruptionBudget covering it must allow a disruption (429 TooManyRequests when it does
// not, with the budget's numbers as the cause), and the allowance goes down at once. Both the
// built-in `kubectl drain` and the endpoint's POST .../pods/NAME/eviction come here.
import type {World} from '../world.ts';
import {deleteObject, type DeleteOptions} from './api-server.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {podReady} from './policy-objects.ts';
import {matchesSelector} from './selectors.ts';
import type {Pod} from './kinds.ts';
import type {PodDisruptionBudget} from './kinds-more.ts';

export type EvictionRefusal = {code: number; reason: 'NotFound' | 'TooManyRequests' | 'Forbidden' | ''; message: string; retryAfterSeconds?: number; causes?: {reason: string; message: string}[]};

export type EvictionResult = {ok: true} | {ok: false; error: EvictionRefusal};

const budgetMessage = "Cannot evict pod as it would violate the pod's disruption budget.";

/** canIgnorePDB: a pod whose disruption has already happened (or never started) needs no budget. */
function canIgnoreBudget(pod: Pod): boolean {
	const phase = pod.status?.phase;
	return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/** The DisruptionTarget condition the eviction adds before it deletes (PodDisruptionConditions, on since 1.31). */
function markDisruption(w: World, pod: Pod): void {
	const conditions = (pod.status?.conditions ?? []).filter((c: {type: string}) => c.type !== 'DisruptionTarget');
	pod.status = {...pod.status, conditions: [...conditions, {type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: now(w), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting'}]};
	pod.metadata.resourceVersion = nextResourceVersion(w.cluster!);
}

/** checkAndDecrement: the budget's verdict; on yes its allowance is spent. */
function spendBudget(w: World, pdb: PodDisruptionBudget, dryRun: boolean): EvictionRefusal | undefined {
	const status = pdb.status ?? {};
	if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
		return {code: 429, reason: 'TooManyRequests', message: budgetMessage, retryAfterSeconds: 10, causes: [{reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} is still being processed by the server.`}]};
	}
	const allowed = status.disruptionsAllowed ?? 0;
	if (allowed < 0) return {code: 403, reason: 'Forbidden', message: `poddisruptionbudgets.policy "${pdb.metadata.name}" is forbidden: pdb disruptions allowed is negative`};
	if (allowed === 0) {
		return {code: 429, reason: 'TooManyRequests', message: budgetMessage, causes: [{reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`}]};
	}
	if (dryRun) return undefined;
	pdb.status = {...status, disruptionsAllowed: allowed - 1};
	if (allowed - 1 === 0) pdb.status.conditions = (status.conditions ?? []).map(c => (c.type === 'DisruptionAllowed' ? {...c, status: 'False', reason: 'InsufficientPods', lastTransitionTime: now(w)} : c));
	pdb.metadata.resourceVersion = nextResourceVersion(w.cluster!);
	return undefined;
}

/** Evicts one pod (call on a draft): deleted gracefully with `options`, or refused. */
export function evictPod(w: World, namespace: string, name: string, options: DeleteOptions = {}, dryRun = false): EvictionResult {
	const c = w.cluster!;
	const pod = c.store.pods.get(`${namespace}/${name}`);
	if (!pod) return {ok: false, error: {code: 404, reason: 'NotFound', message: `pods "${name}" not found`}};
	const remove = (): EvictionResult => {
		if (dryRun) return {ok: true};
		if (!pod.metadata.deletionTimestamp) markDisruption(w, pod);
		const done = deleteObject(w, 'pods', namespace, name, options);
		return done.ok ? {ok: true} : {ok: false, error: {...done.error, reason: done.error.reason === 'NotFound' ? 'NotFound' : ''}};
	};
	if (canIgnoreBudget(pod)) return remove();
	const budgets = [...c.store.poddisruptionbudgets.values()].filter(pdb => pdb.metadata.namespace === namespace && pdb.spec?.selector && matchesSelector(pod.metadata.labels, pdb.spec.selector));
	if (budgets.length > 1) return {ok: false, error: {code: 500, reason: '', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'}};
	const pdb = budgets[0];
	if (pdb) {
		const status = pdb.status ?? {};
		// An unready pod does not count as healthy: it may go while the budget is met (IfHealthyBudget), or always (AlwaysAllow).
		const unhealthyMayGo = !podReady(pod) && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0));
		if (!unhealthyMayGo) {
			const refused = spendBudget(w, pdb, dryRun);
			if (refused) return {ok: false, error: refused};
		}
	}
	return remove();
}
