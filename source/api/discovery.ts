// Legacy discovery (/api, /api/v1, /apis, /apis/G/V): kubectl asks for the aggregated form
// first and falls back to this when the answer's content type is plain JSON.
import {apiServerVersion} from '../engine/k8s/api-server-http.ts';
import type {ApiResponse} from './api-types.ts';
import {inAllCategory, scalable, servedResources, withStatus, type ServedResource} from './api-resources.ts';

/** The simulated cluster's own version (its nodes' kubelets say the same), as GET /version answers. */
export const kubernetesVersion = apiServerVersion;

function groupVersions(): {group: string; version: string}[] {
	const seen = new Map<string, {group: string; version: string}>();
	for (const r of servedResources) if (r.group) seen.set(`${r.group}/${r.version}`, {group: r.group, version: r.version});
	return [...seen.values()];
}

const json = (body: unknown): ApiResponse => ({status: 200, body});

export function apiVersions(): ApiResponse {
	return json({kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443'}]});
}

export function apiGroupList(): ApiResponse {
	const groups = groupVersions().map(({group, version}) => {
		const gv = {groupVersion: `${group}/${version}`, version};
		return {name: group, versions: [gv], preferredVersion: gv};
	});
	return json({kind: 'APIGroupList', apiVersion: 'v1', groups});
}

export function apiGroup(group: string): ApiResponse | undefined {
	const found = groupVersions().find(g => g.group === group);
	if (!found) return undefined;
	const gv = {groupVersion: `${group}/${found.version}`, version: found.version};
	return json({kind: 'APIGroup', apiVersion: 'v1', name: group, versions: [gv], preferredVersion: gv});
}

function entries(r: ServedResource): object[] {
	const main = {
		name: r.resource,
		singularName: r.singular,
		namespaced: r.namespaced,
		kind: r.kind,
		verbs: r.verbs,
		...(r.shortNames.length ? {shortNames: r.shortNames} : {}),
		...(inAllCategory(r.resource) ? {categories: ['all']} : {}),
	};
	const sub = (name: string, kind: string, verbs: string[], extra: object = {}) => ({name: `${r.resource}/${name}`, singularName: '', namespaced: r.namespaced, kind, verbs, ...extra});
	const out: object[] = [main];
	if (withStatus.has(r.resource)) out.push(sub('status', r.kind, ['get', 'patch', 'update']));
	if (scalable.has(r.resource)) out.push(sub('scale', 'Scale', ['get', 'patch', 'update'], {group: 'autoscaling', version: 'v1'}));
	if (r.resource === 'pods') {
		out.push(sub('log', 'Pod', ['get']));
		out.push(sub('exec', 'PodExecOptions', ['create', 'get']));
		out.push(sub('eviction', 'Eviction', ['create'], {group: 'policy', version: 'v1'}));
		out.push(sub('binding', 'Binding', ['create']));
	}
	if (r.resource === 'serviceaccounts') out.push(sub('token', 'TokenRequest', ['create'], {group: 'authentication.k8s.io', version: 'v1'}));
	return out;
}

export function apiResourceList(group: string, version: string): ApiResponse | undefined {
	const served = servedResources.filter(r => r.group === group && r.version === version);
	if (served.length === 0) return undefined;
	return json({kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources: served.flatMap(entries)});
}

/** The aggregated discovery (apidiscovery.k8s.io/v2) media type kubectl 1.30+ asks for first. */
export const aggregatedType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
	return (accept ?? '').split(',').some(part => /g=apidiscovery\.k8s\.io/.test(part) && /v=v2(;|$)/.test(part.replace(/\s/g, '')) && /as=APIGroupDiscoveryList/.test(part));
}

function discoveredResource(r: ServedResource): object {
	const kindOf = (group: string, version: string, kind: string) => ({group, version, kind});
	const subresources = (entries(r) as {name: string; kind: string; verbs: string[]; group?: string; version?: string}[]).slice(1).map(sub => ({
		subresource: sub.name.split('/')[1],
		responseKind: kindOf(sub.group ?? r.group, sub.version ?? r.version, sub.kind),
		verbs: sub.verbs,
	}));
	return {
		resource: r.resource,
		responseKind: kindOf(r.group, r.version, r.kind),
		scope: r.namespaced ? 'Namespaced' : 'Cluster',
		singularResource: r.singular,
		verbs: r.verbs,
		...(r.shortNames.length ? {shortNames: r.shortNames} : {}),
		...(inAllCategory(r.resource) ? {categories: ['all']} : {}),
		...(subresources.length ? {subresources} : {}),
	};
}

/** /api or /apis as one document (aggregated discovery): every group, its versions and their resources. */
export function aggregatedDiscovery(core: boolean): ApiResponse {
	const groups = core ? [{group: '', version: 'v1'}] : groupVersions();
	const items = groups.map(({group, version}) => ({
		metadata: {...(group ? {name: group} : {}), creationTimestamp: null},
		versions: [{version, resources: servedResources.filter(r => r.group === group && r.version === version).map(discoveredResource), freshness: 'Current'}],
	}));
	return {status: 200, contentType: aggregatedType, body: {kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items}};
}
