// An object as a client sent it, before defaulting and validation: kind, apiVersion and metadata
// are there (the callers check), every other field may be missing or of any type. Defaulting and
// validation narrow it with these helpers; only a validated object becomes a KubeObject.
import type {ObjectMeta} from './object-types.ts';

export type Fields = {[field: string]: unknown};
/** Metadata as a client sends it: the API server sets uid, resourceVersion and creationTimestamp, and a name from generateName. */
export type InputMeta = Partial<ObjectMeta>;
export type ObjectInput = {apiVersion: string; kind: string; metadata: InputMeta; [field: string]: unknown};

export const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** parent[key] as an object, `{}` when it was unset (as `??= {}`); undefined when it holds something else (validation says so). */
export function fieldsAt(parent: Fields, key: string): Fields | undefined {
	parent[key] ??= {};
	const value = parent[key];
	return isFields(value) ? value : undefined;
}

/** parent[key] when it is an object (left alone otherwise). */
export const fieldsIn = (parent: unknown, key: string): Fields | undefined => (isFields(parent) && isFields(parent[key]) ? parent[key] : undefined);

/** The objects of a list field, skipping entries that are not objects (validation reports those). */
export const listIn = (parent: unknown, key: string): Fields[] => (isFields(parent) && Array.isArray(parent[key]) ? parent[key].filter(isFields) : []);

/** A new object a controller hands to createObject: its kind known, the rest checked there. */
export type NewObject<K extends string> = ObjectInput & {kind: K};
