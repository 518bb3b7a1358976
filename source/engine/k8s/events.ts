// Kubernetes Events, kept in the world's event stream: what `kubectl describe` and `get events` show.
import {recordEvent} from '../events.ts';
import {digestHex} from '../hash.ts';
import type {World} from '../world.ts';
import {timestampAt} from './metadata.ts';
import type {KubeEvent} from './kinds-more.ts';
import type {KubeObject} from './types.ts';

/** "pod/default/kubia-manual": the object string of events about a namespaced object. */
export function eventObject(obj: KubeObject): string {
	const kind = obj.kind.toLowerCase();
	return obj.metadata.namespace ? `${kind}/${obj.metadata.namespace}/${obj.metadata.name}` : `${kind}//${obj.metadata.name}`;
}

export function recordObjectEvent(w: World, obj: KubeObject, type: 'Normal' | 'Warning', component: string, reason: string, message: string, host?: string): void {
	recordEvent(w, {type, component, reason, object: eventObject(obj), message, host});
}

const involvedKinds: Record<string, {kind: string; apiVersion: string}> = {
	pod: {kind: 'Pod', apiVersion: 'v1'},
	node: {kind: 'Node', apiVersion: 'v1'},
	replicationcontroller: {kind: 'ReplicationController', apiVersion: 'v1'},
	replicaset: {kind: 'ReplicaSet', apiVersion: 'apps/v1'},
	deployment: {kind: 'Deployment', apiVersion: 'apps/v1'},
	service: {kind: 'Service', apiVersion: 'v1'},
	namespace: {kind: 'Namespace', apiVersion: 'v1'},
	job: {kind: 'Job', apiVersion: 'batch/v1'},
	cronjob: {kind: 'CronJob', apiVersion: 'batch/v1'},
	daemonset: {kind: 'DaemonSet', apiVersion: 'apps/v1'},
	statefulset: {kind: 'StatefulSet', apiVersion: 'apps/v1'},
	persistentvolumeclaim: {kind: 'PersistentVolumeClaim', apiVersion: 'v1'},
	persistentvolume: {kind: 'PersistentVolume', apiVersion: 'v1'},
	ingress: {kind: 'Ingress', apiVersion: 'networking.k8s.io/v1'},
};

/**
 * The cluster's Event objects, as the API serves them (`kubectl get events -o yaml`, etcd's
 * /registry/events): one per object, reason, source and message, with a count, as the event
 * recorder folds repeats.
 */
export function kubeEvents(w: World): KubeEvent[] {
	const byKey = new Map<string, KubeEvent>();
	for (const e of w.events) {
		const [kindWord, ns, name] = e.object.split('/');
		const involved = kindWord ? involvedKinds[kindWord] : undefined;
		if (!involved || !name) continue;
		const key = [e.object, e.type, e.reason, e.component, e.message].join('\0');
		const at = timestampAt(e.time);
		const seen = byKey.get(key);
		if (seen) {
			seen.count += 1;
			seen.lastTimestamp = at;
			continue;
		}
		const namespace = ns || 'default';
		const id = digestHex(`${e.seq}:${e.object}`, 16);
		const [component, host] = e.component.includes('/') ? e.component.split('/') : [e.component, e.host];
		byKey.set(key, {
			apiVersion: 'v1',
			kind: 'Event',
			metadata: {name: `${name}.${id}`, namespace, uid: `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${digestHex(id, 3)}-${digestHex(id + 'u', 12)}`, resourceVersion: String(1000 + e.seq), creationTimestamp: at},
			involvedObject: {apiVersion: involved.apiVersion, kind: involved.kind, name, ...(ns ? {namespace: ns} : {})},
			reason: e.reason,
			message: e.message,
			type: e.type,
			count: 1,
			firstTimestamp: at,
			lastTimestamp: at,
			source: {component, ...(host ? {host} : {})},
			reportingComponent: component,
			reportingInstance: host ?? '',
		});
	}
	return [...byKey.values()];
}
