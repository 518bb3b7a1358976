// EndpointSlices (discovery.k8s.io/v1), as the EndpointSlice controller writes them beside a
// Service's Endpoints: one slice per Service here, named from the Service with a stable suffix.
import type {World} from '../world.ts';
import {digestHex} from '../hash.ts';
import {nextResourceVersion, now} from './metadata.ts';
import type {EndpointAddress, EndpointSubset, Service} from './kinds.ts';
import type {EndpointSlice} from './kinds-more.ts';

const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** The slice's name: the Service's name and five characters derived from its uid (no draw from the RNG). */
function sliceName(svc: Service): string {
	if (svc.metadata.name === 'kubernetes' && svc.metadata.namespace === 'default') return 'kubernetes';
	const hex = digestHex(svc.metadata.uid, 10);
	let suffix = '';
	for (let i = 0; i < 5; i++) suffix += suffixAlphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % suffixAlphabet.length];
	return `${svc.metadata.name}-${suffix}`;
}

/** Writes the Service's slice from its Endpoints' subsets. Call on a draft whenever the Endpoints change. */
export function writeEndpointSlice(w: World, service: Service, subsets: EndpointSubset[] | undefined): void {
	const c = w.cluster!;
	const svc = service;
	const ns = svc.metadata.namespace!;
	const name = sliceName(svc);
	const key = `${ns}/${name}`;
	const endpoint = (a: EndpointAddress, ready: boolean) => ({addresses: [a.ip], conditions: {ready, serving: ready, terminating: false}, ...(a.nodeName ? {nodeName: a.nodeName} : {}), ...(a.targetRef ? {targetRef: a.targetRef} : {})});
	const endpoints = (subsets ?? []).flatMap(s => [...(s.addresses ?? []).map(a => endpoint(a, true)), ...(s.notReadyAddresses ?? []).map(a => endpoint(a, false))]);
	const fromService = (svc.spec?.ports ?? []).map(p => ({name: p.name, port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol ?? 'TCP'}));
	const ports = (subsets?.[0]?.ports ?? fromService).map(p => ({name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP'}));
	const existing = c.store.endpointslices.get(key);
	if (existing && JSON.stringify(existing.endpoints ?? []) === JSON.stringify(endpoints) && JSON.stringify(existing.ports) === JSON.stringify(ports)) return;
	const hex = digestHex(`slice/${svc.metadata.uid}`, 32);
	const slice: EndpointSlice = existing ?? {
		apiVersion: 'discovery.k8s.io/v1',
		kind: 'EndpointSlice',
		addressType: 'IPv4',
		metadata: {
			name,
			namespace: ns,
			uid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
			resourceVersion: '',
			creationTimestamp: now(w),
			generation: 1,
			labels: {...svc.metadata.labels, 'endpointslice.kubernetes.io/managed-by': name === 'kubernetes' ? 'endpointslice-controller.k8s.io' : 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata.name},
			ownerReferences: [{apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true}],
		},
	};
	if (endpoints.length) slice.endpoints = endpoints;
	else delete slice.endpoints;
	slice.ports = ports;
	if (existing) slice.metadata.generation = (slice.metadata.generation ?? 1) + 1;
	slice.metadata.resourceVersion = nextResourceVersion(c);
	if (!existing) c.store.endpointslices.set(key, slice);
}

/** Deletes the slices of a Service that is gone. */
export function deleteEndpointSlices(w: World, svc: Service): void {
	const c = w.cluster!;
	for (const [key, slice] of c.store.endpointslices) if (slice.metadata.namespace === svc.metadata.namespace && slice.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name) c.store.endpointslices.delete(key);
}
