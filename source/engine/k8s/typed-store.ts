// Reading the typed store (types.ts Store: each resource's map holds its kind) where the kind is
// known only at run time: the API server's generic writes and the verbs that read any kind.
import {isFields} from './object-input.ts';
import type {Pod} from './kinds.ts';
import type {Cluster, KubeObject, ResourceName} from './types.ts';

/**
 * One resource's map as a map of any stored object, for the API server's generic writes: the
 * caller has checked that the object's kind is the resource's (resourceByKind), which TypeScript
 * cannot follow from a ResourceName value to the map's element type.
 */
export const storeOf = (c: Cluster, resource: ResourceName): Map<string, KubeObject> => c.store[resource] as Map<string, KubeObject>;
/** The spec of an object whose kind has one (undefined for ConfigMaps, Roles, PriorityClasses...). */
export const specOf = (o: KubeObject): unknown => ('spec' in o ? o.spec : undefined);
/** The status of an object whose kind has one. */
export const statusOf = (o: KubeObject): unknown => ('status' in o ? o.status : undefined);
/** A field of an object's status (status.phase, status.observedGeneration), for the checks that read any kind. */
export function statusField(o: KubeObject, field: string): unknown {
	const status = statusOf(o);
	return isFields(status) ? status[field] : undefined;
}

/** A pod's Ready condition is True (the endpoints, replication and status code all ask this). */
export const podIsReady = (pod: Pod): boolean => pod.status?.conditions?.some(x => x.type === 'Ready' && x.status === 'True') ?? false;
