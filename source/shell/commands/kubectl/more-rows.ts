// `kubectl get` columns of the kinds beyond the book's first chapters, as the printers in
// k8s.io/kubernetes pkg/printers/internalversion print them.
import type {KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {msOf} from '../../../engine/k8s/metadata.ts';
import {humanDuration} from './table.ts';

function age(w: World, obj: KubeObject): string {
	return humanDuration(w.time - msOf(obj.metadata.creationTimestamp));
}

export function moreHeaders(resource: ResourceName, wide: boolean): string[] {
	void wide;
	switch (resource) {
		case 'configmaps':
			return ['NAME', 'DATA', 'AGE'];
		case 'secrets':
			return ['NAME', 'TYPE', 'DATA', 'AGE'];
		case 'serviceaccounts':
			return ['NAME', 'SECRETS', 'AGE'];
		default:
			return ['NAME', 'AGE'];
	}
}

export function moreRow(w: World, resource: ResourceName, obj: KubeObject, wide: boolean): string[] {
	void wide;
	const name = obj.metadata.name;
	const count = (map: unknown) => (map && typeof map === 'object' ? Object.keys(map).length : 0);
	switch (resource) {
		case 'configmaps':
			return [name, String(count(obj.data) + count(obj.binaryData)), age(w, obj)];
		case 'secrets':
			return [name, obj.type ?? 'Opaque', String(count(obj.data)), age(w, obj)];
		case 'serviceaccounts':
			return [name, String(obj.secrets?.length ?? 0), age(w, obj)];
		default:
			return [name, age(w, obj)];
	}
}
