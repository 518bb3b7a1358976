// PersistentVolumes, PersistentVolumeClaims and StorageClasses: defaulting and validation in the
// API server's words, the DefaultStorageClass admission, and the persistent volume controller that
// binds claims lives in controllers/volumes.ts.
import type {World} from '../world.ts';
import {digestHex} from '../hash.ts';
import {timestampAt} from './metadata.ts';
import {fieldsAt, fieldsIn, type ObjectInput} from './object-input.ts';
import type {PersistentVolumeClaim} from './kinds-more.ts';

export const defaultClassAnnotation = 'storageclass.kubernetes.io/is-default-class';

export function defaultStorageObject(obj: ObjectInput): void {
	// A StorageClass has no spec: its fields sit at the top level.
	const spec = obj.kind === 'StorageClass' ? undefined : fieldsAt(obj, 'spec');
	if (obj.kind === 'PersistentVolume' && spec) {
		spec.persistentVolumeReclaimPolicy ??= 'Retain';
		spec.volumeMode ??= 'Filesystem';
	}
	if (obj.kind === 'PersistentVolumeClaim' && spec) spec.volumeMode ??= 'Filesystem';
	if (obj.kind === 'StorageClass') {
		obj.reclaimPolicy ??= 'Delete';
		obj.volumeBindingMode ??= 'Immediate';
	}
}

export function validateStorageObject(obj: ObjectInput, errors: string[]): void {
	const spec = fieldsIn(obj, 'spec') ?? {};
	if (obj.kind === 'PersistentVolume') {
		if (!fieldsIn(spec, 'capacity')?.storage) errors.push('spec.capacity: Required value');
		if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errors.push('spec.accessModes: Required value');
		const sources = ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'vsphereVolume', 'flexVolume', 'portworxVolume', 'glusterfs'];
		if (!sources.some(s => spec[s])) errors.push('spec: Required value: must specify a volume type');
	}
	if (obj.kind === 'PersistentVolumeClaim') {
		if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) errors.push('spec.accessModes: Required value: at least 1 access mode is required');
		if (!fieldsIn(fieldsIn(spec, 'resources'), 'requests')?.storage) errors.push('spec.resources[storage]: Required value');
	}
	if (obj.kind === 'StorageClass' && !obj.provisioner) errors.push('provisioner: Required value');
}

/** The DefaultStorageClass admission plugin: a claim that names no class gets the default one. */
export function admitClaim(w: World, claim: PersistentVolumeClaim): void {
	if (claim.spec.storageClassName === undefined) {
		const def = [...w.cluster!.store.storageclasses.values()].find(sc => sc.metadata.annotations?.[defaultClassAnnotation] === 'true');
		if (def) claim.spec.storageClassName = def.metadata.name;
	}
	claim.status = {phase: 'Pending'};
}

/** The default class a minikube-like cluster has, stored without a draw from the world's RNG. */
export function addDefaultStorageClass(w: World): void {
	const c = w.cluster!;
	const hex = digestHex('storageclass/standard', 32);
	c.store.storageclasses.set('standard', {
		apiVersion: 'storage.k8s.io/v1',
		kind: 'StorageClass',
		metadata: {name: 'standard', uid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`, resourceVersion: String(c.resourceVersion), creationTimestamp: timestampAt(w.time), annotations: {[defaultClassAnnotation]: 'true'}, labels: {'addonmanager.kubernetes.io/mode': 'EnsureExists'}},
		provisioner: 'k8s.io/minikube-hostpath',
		reclaimPolicy: 'Delete',
		volumeBindingMode: 'Immediate',
	});
}

/** "RWO,ROX": GetAccessModesAsString. */
export function accessModesText(modes: string[] | undefined): string {
	const short: Record<string, string> = {ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP'};
	return ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'].filter(m => (modes ?? []).includes(m)).map(m => short[m]).join(',');
}
