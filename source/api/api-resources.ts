// The resource types the endpoint serves: the engine's modelled ones plus the events it derives,
// each with its group and version, as discovery and the request router see them.
import {apiCatalogue} from '../engine/k8s/api-catalogue.ts';
import {resourceInfos, type ResourceInfo} from '../engine/k8s/resources.ts';

export type ServedResource = {
	resource: string;
	singular: string;
	kind: string;
	group: string; // '' for the core group
	version: string;
	namespaced: boolean;
	shortNames: string[];
	verbs: string[];
	info?: ResourceInfo; // undefined for events, which the engine derives rather than stores
	/** A real type of a 1.32 cluster that the simulation does not model: listed, always empty, with a warning. */
	unmodelled?: boolean;
};

const allCategory = new Set(['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'replicationcontrollers', 'cronjobs', 'jobs']);

function split(apiVersion: string): [string, string] {
	const slash = apiVersion.indexOf('/');
	return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

export const servedResources: ServedResource[] = [
	...resourceInfos.map(info => {
		const [group, version] = split(info.apiVersion);
		return {resource: info.resource, singular: info.singular, kind: info.kind, group, version, namespaced: info.namespaced, shortNames: info.shortNames, verbs: info.verbs, info};
	}),
	{resource: 'events', singular: 'event', kind: 'Event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], verbs: ['get', 'list', 'watch']},
];
for (const entry of apiCatalogue) {
	const [group, version] = split(entry.apiVersion);
	if (servedResources.some(r => r.resource === entry.resource && r.group === group)) continue;
	servedResources.push({resource: entry.resource, singular: entry.kind.toLowerCase(), kind: entry.kind, group, version, namespaced: entry.namespaced, shortNames: entry.shortNames, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], unmodelled: true});
}

export function findServed(group: string, version: string, resource: string): ServedResource | undefined {
	const exact = servedResources.find(r => r.group === group && r.version === version && r.resource === resource);
	// A real type the simulation does not model answers its [simulator] line in every version a client may use (kubectl autoscale posts autoscaling/v1).
	return exact ?? servedResources.find(r => r.unmodelled && r.group === group && r.resource === resource);
}

/** `deployments.apps`: how the API server names a resource in its messages. */
export function qualifiedResource(r: {resource: string; group: string}): string {
	return r.group ? `${r.resource}.${r.group}` : r.resource;
}

export function inAllCategory(resource: string): boolean {
	return allCategory.has(resource);
}

export const scalable = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);
export const withStatus = new Set(['pods', 'nodes', 'namespaces', 'services', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'replicationcontrollers', 'jobs', 'cronjobs', 'persistentvolumes', 'persistentvolumeclaims', 'resourcequotas', 'ingresses']);
