import {cloneData} from '../metadata.ts';
// The deployment controller: one ReplicaSet per pod template (named by the template's hash),
// a rolling update that scales the new one up and the old ones down within maxSurge/maxUnavailable.
import {canonicalJson, digestHex} from '../../hash.ts';
import type {World} from '../../world.ts';
import {createObject, deleteObject, patchObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {nextResourceVersion, now} from '../metadata.ts';
import type {KubeObject} from '../types.ts';
import type {Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet} from '../kinds.ts';

const hashAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** The pod-template-hash label: a short hash of the template, in the alphabet of generated names. */
export function templateHash(template: unknown): string {
	// Go hashes the template's fields in a fixed order: a manifest's key order must not change the hash.
	const hex = digestHex(canonicalJson(template), 20);
	let out = '';
	for (let i = 0; i < 10; i++) out += hashAlphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % hashAlphabet.length];
	return out;
}

function percentOf(value: string | number | undefined, total: number, roundUp: boolean): number {
	if (typeof value === 'number') return value;
	const m = String(value ?? '25%').match(/^(\d+)%$/);
	if (!m) return Number(value) || 0;
	const exact = (Number(m[1]) * total) / 100;
	return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** The size a new ReplicaSet is created with (the real NewRSNewReplicas): all at once, or as far as maxSurge allows beside the old sets. */
function initialReplicas(d: Deployment, desired: number, old: ReplicaSet[]): number {
	if (old.length === 0 || d.spec.strategy?.type === 'Recreate') return desired;
	const maxSurge = percentOf(d.spec.strategy?.rollingUpdate?.maxSurge, desired, true);
	const oldTotal = old.reduce((s, rs) => s + (rs.spec.replicas ?? 0), 0);
	return Math.max(0, Math.min(desired, desired + maxSurge - oldTotal));
}

export function reconcileDeployment(w: World, key: string): void {
	const c = w.cluster!;
	const d = c.store.deployments.get(key);
	if (!d) return;
	const ns = d.metadata.namespace!;
	const owned = [...c.store.replicasets.values()].filter(rs => rs.metadata.namespace === ns && rs.metadata.ownerReferences?.some(r => r.uid === d.metadata.uid));
	const hash = templateHash(d.spec.template);
	const desired = d.spec.replicas ?? 1;
	let current = owned.find(rs => rs.metadata.labels?.['pod-template-hash'] === hash);
	const old = owned.filter(rs => rs !== current);
	const revisionOf = (rs: ReplicaSet) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
	const maxOld = Math.max(0, ...old.map(revisionOf));
	const revision = current ? Math.max(revisionOf(current), maxOld + 1) : maxOld + 1;
	const changeCause = d.metadata.annotations?.['kubernetes.io/change-cause'];
	// An old ReplicaSet brought back (rollout undo) becomes the newest revision, as in the real controller.
	if (current && revisionOf(current) !== revision) {
		patchObject(w, 'replicasets', `${ns}/${current.metadata.name}`, rs => {
			rs.metadata.annotations = {...rs.metadata.annotations, 'deployment.kubernetes.io/revision': String(revision), ...(changeCause ? {'kubernetes.io/change-cause': changeCause} : {})};
		});
	}
	if (!current) {
		const template = cloneData(d.spec.template);
		template.metadata = {...template.metadata, labels: {...template.metadata?.labels, 'pod-template-hash': hash}};
		const rs = {
			apiVersion: 'apps/v1',
			kind: 'ReplicaSet' as const,
			metadata: {
				name: `${d.metadata.name}-${hash}`,
				namespace: ns,
				labels: {...d.spec.template.metadata?.labels, 'pod-template-hash': hash},
				annotations: {'deployment.kubernetes.io/desired-replicas': String(desired), 'deployment.kubernetes.io/max-replicas': String(desired + percentOf(d.spec.strategy?.rollingUpdate?.maxSurge, desired, true)), 'deployment.kubernetes.io/revision': String(revision), ...(changeCause ? {'kubernetes.io/change-cause': changeCause} : {})},
				ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true}],
			},
			spec: {replicas: initialReplicas(d, desired, old), selector: {matchLabels: {...d.spec.selector?.matchLabels, 'pod-template-hash': hash}}, template},
		};
		const result = createObject(w, rs);
		if (!result.ok) return;
		current = result.object;
		// The real controller names the creation only when the new set starts with pods (getNewReplicaSet).
		if (rs.spec.replicas > 0) recordObjectEvent(w, d, 'Normal', 'deployment-controller', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} from 0 to ${rs.spec.replicas}`);
	}
	// Like SetDeploymentRevision: the Deployment carries its newest revision too (describe and -o yaml show it).
	if (d.metadata.annotations?.['deployment.kubernetes.io/revision'] !== String(revision)) {
		patchObject(w, 'deployments', key, obj => {
			obj.metadata.annotations = {...obj.metadata.annotations, 'deployment.kubernetes.io/revision': String(revision)};
		});
	}
	const setReplicas = (rs: ReplicaSet, n: number) => {
		if (rs.spec.replicas === n) return;
		const verb = n > rs.spec.replicas ? 'up' : 'down';
		recordObjectEvent(w, d, 'Normal', 'deployment-controller', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} to ${n} from ${rs.spec.replicas}`);
		rs.spec.replicas = n;
		rs.metadata.generation = (rs.metadata.generation ?? 1) + 1;
		rs.metadata.resourceVersion = nextResourceVersion(c);
		c.dirtyControllers.add(`replicasets/${ns}/${rs.metadata.name}`);
	};
	if (d.spec.strategy?.type === 'Recreate') {
		for (const rs of old) setReplicas(rs, 0);
		if (old.every(rs => (rs.status?.replicas ?? 0) === 0)) setReplicas(current, desired);
	} else {
		const maxSurge = percentOf(d.spec.strategy?.rollingUpdate?.maxSurge, desired, true);
		const maxUnavailable = percentOf(d.spec.strategy?.rollingUpdate?.maxUnavailable, desired, false) || (maxSurge === 0 ? 1 : 0);
		const total = owned.reduce((s, rs) => s + (rs.spec.replicas ?? 0), 0) + (owned.includes(current) ? 0 : current.spec.replicas);
		if (old.length === 0) setReplicas(current, desired);
		else {
			const room = desired + maxSurge - total;
			if (room > 0 && current.spec.replicas < desired) setReplicas(current, Math.min(desired, current.spec.replicas + room));
			// Like the real controller's cleanupUnhealthyReplicas: old pods that are not ready (a
			// rollout of a bad image, then a rollback) are scaled away first, as far as availability allows.
			const newUnavailable = Math.max(0, current.spec.replicas - (current.status?.readyReplicas ?? 0));
			let maxCleanup = total - (desired - maxUnavailable) - newUnavailable;
			for (const rs of old) {
				if (maxCleanup <= 0) break;
				const cut = Math.min(maxCleanup, Math.max(0, rs.spec.replicas - (rs.status?.readyReplicas ?? 0)));
				if (cut > 0) {
					setReplicas(rs, rs.spec.replicas - cut);
					maxCleanup -= cut;
				}
			}
			const available = [current, ...old].reduce((s, rs) => s + (rs.status?.readyReplicas ?? 0), 0);
			let canRemove = available - (desired - maxUnavailable);
			for (const rs of old) {
				if (canRemove <= 0) break;
				const cut = Math.min(rs.spec.replicas, canRemove);
				if (cut > 0) {
					setReplicas(rs, rs.spec.replicas - cut);
					canRemove -= cut;
				}
			}
		}
	}
	// Old ReplicaSets beyond revisionHistoryLimit are deleted once empty.
	const empties = old.filter(rs => rs.spec.replicas === 0 && (rs.status?.replicas ?? 0) === 0);
	const limit = d.spec.revisionHistoryLimit ?? 10;
	for (const rs of empties.slice(0, Math.max(0, empties.length - limit))) deleteObject(w, 'replicasets', ns, rs.metadata.name);
	const all = [current, ...old];
	const ready = all.reduce((s, rs) => s + (rs.status?.readyReplicas ?? 0), 0);
	const replicas = all.reduce((s, rs) => s + (rs.status?.replicas ?? 0), 0);
	const updated = current.status?.replicas ?? 0;
	const time = now(w);
	const previous: DeploymentStatus = d.status ?? {};
	const cond = (type: string, status: DeploymentCondition['status'], reason: string, message: string): DeploymentCondition => {
		const before = previous.conditions?.find(x => x.type === type);
		return {type, status, lastUpdateTime: before?.status === status && before?.reason === reason ? before.lastUpdateTime : time, lastTransitionTime: before?.status === status ? before.lastTransitionTime : time, reason, message};
	};
	const availableOk = ready >= desired - percentOf(d.spec.strategy?.rollingUpdate?.maxUnavailable, desired, false);
	const complete = updated === desired && replicas === desired && ready === desired;
	const status: DeploymentStatus = {
		observedGeneration: d.metadata.generation,
		replicas,
		updatedReplicas: updated,
		readyReplicas: ready,
		availableReplicas: ready,
		unavailableReplicas: Math.max(0, desired - ready),
		conditions: [
			cond('Available', availableOk ? 'True' : 'False', availableOk ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', availableOk ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.'),
			cond('Progressing', 'True', complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', complete ? `ReplicaSet "${current.metadata.name}" has successfully progressed.` : `ReplicaSet "${current.metadata.name}" is progressing.`),
		],
	};
	for (const k of ['readyReplicas', 'availableReplicas', 'unavailableReplicas', 'replicas', 'updatedReplicas'] as const) if (status[k] === 0) delete status[k];
	if (JSON.stringify(status) !== JSON.stringify(d.status)) {
		d.status = status;
		d.metadata.resourceVersion = nextResourceVersion(c);
	}
}
