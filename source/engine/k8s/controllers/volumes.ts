// The persistent volume controller: binds a pending claim to the smallest matching Available
// volume, or has the claim's StorageClass provisioner make one (Immediate binding); a volume whose
// claim is deleted is Released (Retain) or deleted (Delete).
import type {World} from '../../world.ts';
import {createObject, deleteObject} from '../api-server.ts';
import {recordObjectEvent} from '../events.ts';
import {nextResourceVersion, now} from '../metadata.ts';
import {memoryBytes} from '../quantity.ts';
import type {KubeObject} from '../types.ts';
import type {PersistentVolume, PersistentVolumeClaim} from '../kinds-more.ts';

const who = 'persistentvolume-controller';

function fits(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
	if (pv.status?.phase !== 'Available' || pv.spec.claimRef) return false;
	if ((pv.spec.storageClassName ?? '') !== (claim.spec.storageClassName ?? '')) return false;
	if (memoryBytes(pv.spec.capacity?.storage) < memoryBytes(claim.spec.resources?.requests?.storage)) return false;
	return (claim.spec.accessModes ?? []).every((m: string) => (pv.spec.accessModes ?? []).includes(m));
}

function bind(w: World, pv: PersistentVolume, claim: PersistentVolumeClaim): void {
	const c = w.cluster!;
	pv.spec.claimRef = {apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid};
	pv.metadata.annotations = {...pv.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes'};
	pv.status = {phase: 'Bound', lastPhaseTransitionTime: now(w)};
	pv.metadata.resourceVersion = nextResourceVersion(c);
	claim.spec.volumeName = pv.metadata.name;
	claim.metadata.annotations = {...claim.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes'};
	claim.status = {phase: 'Bound', accessModes: [...(pv.spec.accessModes ?? [])], capacity: {...pv.spec.capacity}};
	claim.metadata.resourceVersion = nextResourceVersion(c);
}

/** The persistent volume controller's pass: bind pending claims, provision, release. Call on a draft. */
export function reconcileVolumes(w: World): void {
	const c = w.cluster!;
	for (const claim of [...c.store.persistentvolumeclaims.values()]) {
		if (claim.status?.phase !== 'Pending' || claim.metadata.deletionTimestamp) continue;
		const named = claim.spec.volumeName ? c.store.persistentvolumes.get(claim.spec.volumeName) : undefined;
		const candidates = [...c.store.persistentvolumes.values()].filter(pv => fits(pv, claim)).sort((a, b) => memoryBytes(a.spec.capacity?.storage) - memoryBytes(b.spec.capacity?.storage));
		const pv = named && (!named.spec.claimRef || named.spec.claimRef.uid === claim.metadata.uid) ? named : claim.spec.volumeName ? undefined : candidates[0];
		if (pv) {
			bind(w, pv, claim);
			continue;
		}
		const className = claim.spec.storageClassName;
		const sc = className ? c.store.storageclasses.get(className) : undefined;
		if (sc && sc.volumeBindingMode !== 'WaitForFirstConsumer' && !claim.spec.volumeName) {
			const name = `pvc-${claim.metadata.uid}`;
			const created = createObject(w, {
				apiVersion: 'v1',
				kind: 'PersistentVolume',
				metadata: {name, annotations: {hostPathProvisionerIdentity: c.controlPlane, 'pv.kubernetes.io/provisioned-by': String(sc.provisioner)}},
				spec: {accessModes: [...(claim.spec.accessModes ?? [])], capacity: {storage: claim.spec.resources?.requests?.storage}, hostPath: {path: `/tmp/hostpath-provisioner/${claim.metadata.namespace}/${claim.metadata.name}`, type: ''}, persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete', storageClassName: sc.metadata.name, volumeMode: claim.spec.volumeMode ?? 'Filesystem'},
			});
			if (created.ok) {
				recordObjectEvent(w, claim, 'Normal', who, 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
				recordObjectEvent(w, claim, 'Normal', `${sc.provisioner}_${c.controlPlane}`, 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
				bind(w, created.object, claim);
			}
			continue;
		}
		const already = w.events.some(e => e.object === `persistentvolumeclaim/${claim.metadata.namespace}/${claim.metadata.name}` && e.reason === 'FailedBinding' && e.time === w.time);
		if (!already && !className) recordObjectEvent(w, claim, 'Normal', who, 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
	}
	// A volume whose claim is gone is released (Retain) or deleted (Delete).
	for (const pv of [...c.store.persistentvolumes.values()]) {
		const ref = pv.spec.claimRef;
		if (!ref || pv.status?.phase !== 'Bound') continue;
		const claim = c.store.persistentvolumeclaims.get(`${ref.namespace}/${ref.name}`);
		if (claim && claim.metadata.uid === ref.uid) continue;
		if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') deleteObject(w, 'persistentvolumes', undefined, pv.metadata.name);
		else {
			pv.status = {phase: 'Released', lastPhaseTransitionTime: now(w)};
			pv.metadata.resourceVersion = nextResourceVersion(c);
		}
	}
}
