// The endpoints controller: a Service's Endpoints list the ready pods its selector matches.
import type {World} from '../../world.ts';
import {newUid, nextResourceVersion, now} from '../metadata.ts';
import {matchesMap} from '../selectors.ts';
import {writeEndpointSlice} from '../endpoint-slices.ts';
import type {KubeObject} from '../types.ts';

function isReady(pod: KubeObject): boolean {
	return !pod.metadata.deletionTimestamp && (pod.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True') ?? false);
}

/** Recomputes the Endpoints of every Service in one namespace. Call on a draft. */
export function reconcileEndpoints(w: World, namespace: string, podsInNamespace: KubeObject[]): void {
	const c = w.cluster!;
	for (const svc of c.store.services.values()) {
		if (svc.metadata.namespace !== namespace || !svc.spec.selector) continue;
		const pods = podsInNamespace.filter(p => p.status?.podIP && matchesMap(p.metadata.labels, svc.spec.selector)).sort((a, b) => a.status.podIP.localeCompare(b.status.podIP, undefined, {numeric: true}));
		// A pod whose subdomain names this Service is published under its hostname (web-0.nginx.ns.svc...).
		const address = (p: KubeObject) => ({...(p.spec.hostname && p.spec.subdomain === svc.metadata.name ? {hostname: p.spec.hostname} : {}), ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: {kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid}});
		const ready = pods.filter(isReady).map(address);
		const notReady = pods.filter(p => !isReady(p)).map(address);
		const ports = ((svc.spec.ports ?? []) as any[]).map(p => {
			const named = typeof p.targetPort === 'string';
			const container = named ? pods[0]?.spec.containers.flatMap((x: any) => x.ports ?? []).find((x: any) => x.name === p.targetPort) : undefined;
			const out: any = {port: named ? (container?.containerPort ?? 0) : p.targetPort, protocol: p.protocol ?? 'TCP'};
			if (p.name) out.name = p.name;
			return out;
		});
		const subsets = ready.length || notReady.length ? [{...(ready.length ? {addresses: ready} : {}), ...(notReady.length ? {notReadyAddresses: notReady} : {}), ports}] : undefined;
		const key = `${namespace}/${svc.metadata.name}`;
		const existing = c.store.endpoints.get(key);
		if (existing && JSON.stringify(existing.subsets) === JSON.stringify(subsets)) continue;
		writeEndpointSlice(w, svc, subsets);
		const ep: KubeObject = existing ?? {
			apiVersion: 'v1',
			kind: 'Endpoints',
			metadata: {name: svc.metadata.name, namespace, uid: newUid(w), resourceVersion: '', creationTimestamp: now(w), labels: {...svc.metadata.labels}},
		};
		if (!ep.metadata.labels || Object.keys(ep.metadata.labels).length === 0) delete ep.metadata.labels;
		if (subsets) ep.subsets = subsets;
		else delete ep.subsets;
		ep.metadata.resourceVersion = nextResourceVersion(c);
		if (!existing) c.store.endpoints.set(key, ep);
	}
}
