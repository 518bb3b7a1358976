// PodDisruptionBudgets (policy/v1) and PriorityClasses (scheduling.k8s.io/v1): their defaults and
// validation, the two system PriorityClasses every cluster has, the Priority admission plugin
// (a pod's priorityClassName becomes its priority), and the disruption controller, which keeps
// each budget's status (how many pods are healthy, how many may be disrupted) for evictions.
import {digestHex} from '../hash.ts';
import type {World} from '../world.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {matchesSelector} from './selectors.ts';
import {fieldsIn, type ObjectInput} from './object-input.ts';
import type {Pod} from './kinds.ts';
import type {PodDisruptionBudget, PriorityClass} from './kinds-more.ts';

/** scheduling.HighestUserDefinablePriority */
const highestUserPriority = 1_000_000_000;

export const systemPriorityClasses = [
	{name: 'system-cluster-critical', value: 2_000_000_000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'},
	{name: 'system-node-critical', value: 2_000_001_000, description: 'Used for system critical pods that must not be moved from their current node.'},
];

/** The PriorityClasses the API server creates at start-up (uids from a hash: they must not shift the world's RNG). */
export function addSystemPriorityClasses(w: World, createdAt: string): void {
	const c = w.cluster!;
	for (const pc of systemPriorityClasses) {
		const hex = digestHex(`priorityclass/${pc.name}`, 32);
		const uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
		c.store.priorityclasses.set(pc.name, {apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: pc.name, uid, resourceVersion: nextResourceVersion(c), creationTimestamp: createdAt, generation: 1}, value: pc.value, globalDefault: false, description: pc.description, preemptionPolicy: 'PreemptLowerPriority'});
	}
}

export function defaultPolicyObject(obj: ObjectInput): void {
	if (obj.kind === 'PriorityClass') obj.preemptionPolicy ??= 'PreemptLowerPriority';
}

function intOrPercent(value: unknown, path: string, errors: string[]): void {
	if (value === undefined || value === null) return;
	if (typeof value === 'number') {
		if (value < 0) errors.push(`${path}: Invalid value: ${value}: must be greater than or equal to 0`);
		return;
	}
	const m = /^(\d+)%$/.exec(String(value));
	if (!m) errors.push(`${path}: Invalid value: "${value}": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`);
	else if (Number(m[1]) > 100) errors.push(`${path}: Invalid value: "${value}": must not be greater than 100%`);
}

export function validatePolicyObject(obj: ObjectInput, errors: string[]): void {
	if (obj.kind === 'PodDisruptionBudget') {
		const spec = fieldsIn(obj, 'spec') ?? {};
		intOrPercent(spec.minAvailable, 'spec.minAvailable', errors);
		intOrPercent(spec.maxUnavailable, 'spec.maxUnavailable', errors);
		if (spec.minAvailable !== undefined && spec.minAvailable !== null && spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) errors.push('spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set');
	}
	if (obj.kind === 'PriorityClass') {
		if (typeof obj.value !== 'number' || !Number.isInteger(obj.value)) {
			errors.push('value: Required value');
			return;
		}
		const system = systemPriorityClasses.some(pc => pc.name === obj.metadata.name && pc.value === obj.value && !obj.globalDefault);
		if (!system && obj.metadata.name?.startsWith('system-')) errors.push("metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only");
		else if (!system && obj.value > highestUserPriority) errors.push(`value: Forbidden: maximum allowed value of a user defined priority is ${highestUserPriority}`);
		if (obj.preemptionPolicy !== 'PreemptLowerPriority' && obj.preemptionPolicy !== 'Never') errors.push(`preemptionPolicy: Unsupported value: "${obj.preemptionPolicy}": supported values: "Never", "PreemptLowerPriority"`);
	}
}

/** The Priority admission plugin on a new PriorityClass: only one may be the global default. */
export function priorityClassRefusal(w: World, pc: PriorityClass): string | undefined {
	if (!pc.globalDefault) return undefined;
	const other = [...w.cluster!.store.priorityclasses.values()].find(x => x.globalDefault && x.metadata.name !== pc.metadata.name);
	return other ? `priorityclasses.scheduling.k8s.io "${pc.metadata.name}" is forbidden: PriorityClass ${other.metadata.name} is already marked as default. Only one default can exist` : undefined;
}

/** The Priority admission plugin on a new pod: its class (or the global default) gives its priority. */
export function admitPodPriority(w: World, pod: Pod): string | undefined {
	const spec = pod.spec;
	const classes = w.cluster!.store.priorityclasses;
	const name = spec.priorityClassName;
	if (name) {
		const pc = classes.get(name);
		if (!pc) return `pods "${pod.metadata.name}" is forbidden: no PriorityClass with name ${name} was found`;
		spec.priority = pc.value;
		spec.preemptionPolicy = pc.preemptionPolicy ?? 'PreemptLowerPriority';
		return undefined;
	}
	const globalDefault = [...classes.values()].find(pc => pc.globalDefault);
	if (globalDefault) {
		spec.priorityClassName = globalDefault.metadata.name;
		spec.priority = globalDefault.value;
		spec.preemptionPolicy = globalDefault.preemptionPolicy ?? 'PreemptLowerPriority';
	}
	return undefined;
}

/** GetScaledValueFromIntOrPercent: an int as it is, a percentage of `total` rounded up or down. */
function scaled(value: number | string, total: number, roundUp: boolean): number {
	if (typeof value === 'number') return value;
	const percent = Number(String(value).replace('%', '')) || 0;
	return roundUp ? Math.ceil((percent * total) / 100) : Math.floor((percent * total) / 100);
}

export function podReady(pod: Pod): boolean {
	return !pod.metadata.deletionTimestamp && pod.status?.phase === 'Running' && (pod.status?.conditions ?? []).some((x: {type: string; status: string}) => x.type === 'Ready' && x.status === 'True');
}

/** What the disruption controller computes for one budget. */
function budgetStatus(w: World, pdb: PodDisruptionBudget): {expectedPods: number; currentHealthy: number; desiredHealthy: number; disruptionsAllowed: number} {
	const c = w.cluster!;
	const selector = pdb.spec?.selector;
	const pods: Pod[] = [];
	// policy/v1: an empty selector selects every pod of the namespace; none selects none.
	if (selector) for (const pod of c.store.pods.values()) if (pod.metadata.namespace === pdb.metadata.namespace && matchesSelector(pod.metadata.labels, selector)) pods.push(pod);
	const currentHealthy = pods.filter(podReady).length;
	const {minAvailable, maxUnavailable} = pdb.spec ?? {};
	let expectedPods = pods.length;
	let desiredHealthy: number;
	if (typeof minAvailable === 'number') desiredHealthy = minAvailable;
	else {
		// A percentage or maxUnavailable counts against the pods' controllers' scale.
		const owners = new Map<string, number>();
		for (const pod of pods) {
			const ref = pod.metadata.ownerReferences?.find(r => r.controller);
			if (!ref) continue;
			const resource = {ReplicaSet: 'replicasets', ReplicationController: 'replicationcontrollers', StatefulSet: 'statefulsets', Job: 'jobs'}[ref.kind] as 'replicasets' | undefined;
			const owner = resource ? c.store[resource].get(`${pod.metadata.namespace}/${ref.name}`) : undefined;
			if (owner) owners.set(ref.uid, Number(owner.spec?.replicas ?? (owner.spec as {parallelism?: number} | undefined)?.parallelism ?? 1)); // (a Job's count is its parallelism)
		}
		if (owners.size) expectedPods = [...owners.values()].reduce((a, b) => a + b, 0);
		desiredHealthy = minAvailable !== undefined && minAvailable !== null ? scaled(minAvailable, expectedPods, true) : Math.max(0, expectedPods - scaled(maxUnavailable ?? 0, expectedPods, true));
	}
	return {expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy)};
}

/** The disruption controller: each budget's status, rewritten only when it changed. Call on a draft. */
export function refreshDisruptionBudgets(w: World): void {
	const c = w.cluster!;
	for (const pdb of c.store.poddisruptionbudgets.values()) {
		const next = budgetStatus(w, pdb);
		const old = pdb.status ?? {};
		const allowed = next.disruptionsAllowed > 0;
		const condition = (old.conditions ?? [])[0];
		const same = old.observedGeneration === pdb.metadata.generation && (['expectedPods', 'currentHealthy', 'desiredHealthy', 'disruptionsAllowed'] as const).every(k => old[k] === next[k]) && condition?.status === (allowed ? 'True' : 'False');
		if (same) continue;
		const changed = condition?.status !== (allowed ? 'True' : 'False');
		pdb.status = {
			conditions: [{type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '', observedGeneration: pdb.metadata.generation, lastTransitionTime: changed || !condition ? now(w) : condition.lastTransitionTime}],
			currentHealthy: next.currentHealthy,
			desiredHealthy: next.desiredHealthy,
			disruptionsAllowed: next.disruptionsAllowed,
			expectedPods: next.expectedPods,
			observedGeneration: pdb.metadata.generation,
		};
		pdb.metadata.resourceVersion = nextResourceVersion(c);
	}
}
