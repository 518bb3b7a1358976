// The endpoints controller: a Service's Endpoints list the ready pods its selector matches.
import type {World} from '../../world.ts';
import {newUid, nextResourceVersion, now} from '../metadata.ts';
import {matchesMap} from '../selectors.ts';
import {writeEndpointSlice} from '../endpoint-slices.ts';
import {podIsReady} from '../typed-store.ts';
import type {KubeObject} from '../types.ts';
import type {EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod} from '../kinds.ts';

function isReady(pod: Pod): boolean {
	return !pod.metadata.deletionTimestamp && podIsReady(pod);
}

/** Recomputes the Endpoints of every Service in one namespace. Call on a draft. */
export function reconcileEndpoints(w: World, namespace: string, podsInNamespace: Pod[]): void {
	const c = w.cluster!;
	for (const svc of c.store.services.values()) {
		if (svc.metadata.namespace !== namespace || !svc.spec.selector) continue;
		const selector = svc.spec.selector;
		const pods = podsInNamespace.filter((p): p is Pod & {status: {podIP: string}} => !!p.status?.podIP && matchesMap(p.metadata.labels, selector)).sort((a, b) => a.status.podIP.localeCompare(b.status.podIP, undefined, {numeric: true}));
		// A pod whose subdomain names this Service is published under its hostname (web-0.nginx.ns.svc...).
		const address = (p: Pod & {status: {podIP: string}}): EndpointAddress => ({...(p.spec.hostname && p.spec.subdomain === svc.metadata.name ? {hostname: p.spec.hostname} : {}), ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: {kind: 'Pod', namespace, name: p.metadata.name, uid: p.metadata.uid}});
		const ready = pods.filter(isReady).map(address);
		const notReady = pods.filter(p => !isReady(p)).map(address);
		const ports = (svc.spec.ports ?? []).map(p => {
			const named = typeof p.targetPort === 'string';
			const container = named ? pods[0]?.spec.containers.flatMap(x => x.ports ?? []).find(x => x.name === p.targetPort) : undefined;
			const out: EndpointPort = {port: named ? (container?.containerPort ?? 0) : typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP'};
			if (p.name) out.name = p.name;
			return out;
		});
		const subsets: EndpointSubset[] | undefined = ready.length || notReady.length ? [{...(ready.length ? {addresses: ready} : {}), ...(notReady.length ? {notReadyAddresses: notReady} : {}), ports}] : undefined;
		const key = `${namespace}/${svc.metadata.name}`;
		const existing = c.store.endpoints.get(key);
		if (existing && JSON.stringify(existing.subsets) === JSON.stringify(subsets)) continue;
		writeEndpointSlice(w, svc, subsets);
		const ep: Endpoints = existing ?? {
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
