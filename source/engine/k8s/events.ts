// Kubernetes Events, kept in the world's event stream: what `kubectl describe` and `get events` show.
import {recordEvent} from '../events.ts';
import type {World} from '../world.ts';
import type {KubeObject} from './types.ts';

/** "pod/default/kubia-manual": the object string of events about a namespaced object. */
export function eventObject(obj: KubeObject): string {
	const kind = obj.kind.toLowerCase();
	return obj.metadata.namespace ? `${kind}/${obj.metadata.namespace}/${obj.metadata.name}` : `${kind}//${obj.metadata.name}`;
}

export function recordObjectEvent(w: World, obj: KubeObject, type: 'Normal' | 'Warning', component: string, reason: string, message: string, host?: string): void {
	recordEvent(w, {type, component, reason, object: eventObject(obj), message, host});
}
