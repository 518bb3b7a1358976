// Field managers (metadata.managedFields), as server-side apply keeps them: who set which field.
// An Update (create, a patch, kubectl scale) makes its manager own the fields it changed and takes
// them from the others; an Apply makes its manager own exactly the fields of its configuration,
// and is refused (409, "Apply failed with N conflict...") where it would change a field another
// manager owns, unless forced, which takes the field over. Fields are FieldsV1 trees ("f:spec",
// "k:{\"name\":\"web\"}" for an item of a list keyed by name, "." for the item or map itself).
// A simplification: lists other than the keyed ones below are owned whole (atomic).
import type {FieldsV1 as Fields, ManagedFieldsEntry} from './object-types.ts';
import type {KubeObject} from './types.ts';

export type {FieldsV1 as Fields, ManagedFieldsEntry} from './object-types.ts';

/** An object's managed fields (none for objects no manager wrote through the API). */
export function managedFieldsOf(obj: KubeObject | undefined): ManagedFieldsEntry[] {
	return obj?.metadata.managedFields ?? [];
}

export function setManagedFields(obj: KubeObject, entries: ManagedFieldsEntry[]): void {
	obj.metadata.managedFields = entries;
}
/** A JSON value of an object or an applied configuration, walked by path. */
type Json = unknown;

/** Lists merged by key (as their strategic-merge keys): an item is owned by its key. */
const keyedLists: Record<string, (item: Json) => string[]> = {
	containers: () => ['name'],
	initContainers: () => ['name'],
	ephemeralContainers: () => ['name'],
	env: () => ['name'],
	volumes: () => ['name'],
	volumeMounts: () => ['mountPath'],
	imagePullSecrets: () => ['name'],
	ports: item => (isObject(item) && 'containerPort' in item ? ['containerPort', 'protocol'] : ['port', 'protocol']),
};

/** Maps (not structs): their own node carries ".". */
const maps = new Set(['labels', 'annotations', 'matchLabels', 'nodeSelector', 'data', 'binaryData', 'stringData', 'limits', 'requests', 'hard']);
const unownedMeta = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function keyOf(field: string, item: Json): string | undefined {
	const keys = keyedLists[field]?.(item);
	if (!keys || !isObject(item)) return undefined;
	const key: Record<string, Json> = {};
	for (const k of keys) key[k] = item[k] ?? (k === 'protocol' ? 'TCP' : undefined);
	return key[keys[0]!] === undefined ? undefined : `k:${JSON.stringify(key)}`;
}

function fieldsOfValue(value: Json, field: string): Fields {
	if (Array.isArray(value)) {
		if (!keyedLists[field] || !value.every(item => keyOf(field, item))) return {};
		return Object.fromEntries(value.map(item => [keyOf(field, item)!, {'.': {}, ...fieldsOfObject(item as Record<string, Json>)}])); // (keyOf found each an object)
	}
	if (!isObject(value)) return {};
	return {...(maps.has(field) && Object.keys(value).length ? {'.': {}} : {}), ...fieldsOfObject(value)};
}

function fieldsOfObject(obj: Record<string, Json>): Fields {
	const out: Fields = {};
	for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[`f:${k}`] = fieldsOfValue(v, k);
	return out;
}

/** The fields an object (or an applied configuration) sets, as a FieldsV1 tree. */
export function fieldsOf(obj: KubeObject | Record<string, Json>): Fields {
	const {apiVersion: _v, kind: _k, status: _s, metadata, ...rest}: Record<string, Json> = obj;
	const meta = Object.fromEntries(Object.entries(isObject(metadata) ? metadata : {}).filter(([k]) => !unownedMeta.has(k)));
	return {...(Object.keys(meta).length ? {'f:metadata': fieldsOfObject(meta)} : {}), ...fieldsOfObject(rest)};
}

/** Every path to a leaf ({}), or to a "." (the item or map itself). */
export function leafPaths(fields: Fields, prefix: string[] = []): string[][] {
	const out: string[][] = [];
	for (const [key, child] of Object.entries(fields)) {
		const path = [...prefix, key];
		if (Object.keys(child).length === 0) out.push(path);
		else out.push(...leafPaths(child, path));
	}
	return out;
}

function has(fields: Fields | undefined, path: string[]): boolean {
	let node = fields;
	for (const key of path) {
		node = node?.[key];
		if (!node) return false;
	}
	return true;
}

function withPath(fields: Fields, path: string[]): Fields {
	const out = JSON.parse(JSON.stringify(fields)) as Fields;
	let node = out;
	for (const key of path) node = node[key] ??= {};
	return out;
}

function withoutPath(fields: Fields, path: string[]): Fields {
	const out = JSON.parse(JSON.stringify(fields)) as Fields;
	const chain: Fields[] = [out];
	for (const key of path.slice(0, -1)) {
		const next = chain[chain.length - 1]![key];
		if (!next) return out;
		chain.push(next);
	}
	delete chain[chain.length - 1]![path[path.length - 1]!];
	// Parents left with nothing (or only ".") go too.
	for (let i = chain.length - 1; i > 0; i--) {
		const keys = Object.keys(chain[i]!);
		if (keys.length === 0 || (keys.length === 1 && keys[0] === '.')) delete chain[i - 1]![path[i - 1]!];
		else break;
	}
	return out;
}

/** The value a path names in an object (undefined when absent; "." names the item or map itself). */
export function valueAt(obj: Json, path: string[]): Json {
	let node = obj;
	for (let i = 0; i < path.length; i++) {
		const key = path[i]!;
		if (key === '.') continue;
		if (key.startsWith('f:')) node = isObject(node) ? node[key.slice(2)] : undefined;
		else if (key.startsWith('k:')) {
			const field = path[i - 1]?.slice(2) ?? '';
			node = Array.isArray(node) ? (node as Json[]).find(item => keyOf(field, item) === key) : undefined;
		} else return undefined;
		if (node === undefined) return undefined;
	}
	return node;
}

/** fieldpath.Path's String(): .spec.template.spec.containers[name="web"].image */
export function pathText(path: string[]): string {
	return path
		.filter(k => k !== '.')
		.map(k => {
			if (k.startsWith('f:')) return `.${k.slice(2)}`;
			const key = JSON.parse(k.slice(2)) as Record<string, Json>;
			return `[${Object.entries(key)
				.map(([name, v]) => `${name}=${JSON.stringify(v)}`)
				.join(',')}]`;
		})
		.join('');
}

const same = (a: ManagedFieldsEntry, manager: string, operation: string, subresource?: string) => a.manager === manager && a.operation === operation && (a.subresource ?? '') === (subresource ?? '');
const entryFields = (e: ManagedFieldsEntry) => (e.fieldsV1 ?? {}) as Fields;
const nonEmpty = (entries: ManagedFieldsEntry[]) => entries.filter(e => Object.keys(entryFields(e)).length > 0);

/** printManager: "kubectl" with subresource "scale" using apps/v1 (an Update names its API version). */
export function managerText(e: ManagedFieldsEntry): string {
	return `"${e.manager}"${e.subresource ? ` with subresource "${e.subresource}"` : ''}${e.operation === 'Update' ? ` using ${e.apiVersion}` : ''}`;
}

/** An Update by `manager`: it now owns what it changed from `before` to `after`; the others lose those fields. */
export function recordUpdate(before: KubeObject | undefined, after: KubeObject, manager: string, time: string, subresource?: string): ManagedFieldsEntry[] {
	const entries = before ? managedFieldsOf(before) : managedFieldsOf(after);
	const changed = leafPaths(fieldsOf(after)).filter(p => !before || JSON.stringify(valueAt(before, p)) !== JSON.stringify(valueAt(after, p)));
	let mine = entryFields(entries.find(e => same(e, manager, 'Update', subresource)) ?? ({} as ManagedFieldsEntry));
	for (const p of changed) mine = withPath(mine, p);
	const others = entries.filter(e => !same(e, manager, 'Update', subresource)).map(e => ({...e, fieldsV1: changed.reduce((f, p) => withoutPath(f, p), entryFields(e))}));
	if (changed.length === 0 && !entries.some(e => same(e, manager, 'Update', subresource))) return nonEmpty(others);
	const entry: ManagedFieldsEntry = {manager, operation: 'Update', apiVersion: after.apiVersion, time, fieldsType: 'FieldsV1', fieldsV1: mine, ...(subresource ? {subresource} : {})};
	return nonEmpty([...others, entry]);
}

export type ApplyConflict = {manager: ManagedFieldsEntry; path: string[]};

/**
 * An Apply of `config` by `manager` onto `live` (undefined: it creates): the conflicts, or the
 * managed fields after it and the fields it stopped applying that nobody else owns (to remove).
 */
export function recordApply(live: KubeObject | undefined, config: Record<string, Json>, manager: string, force: boolean, time: string): {conflicts: ApplyConflict[]} | {managedFields: ManagedFieldsEntry[]; released: string[][]} {
	const entries = managedFieldsOf(live);
	const applied = fieldsOf(config);
	const paths = leafPaths(applied);
	const conflicts: ApplyConflict[] = [];
	let others = entries.filter(e => !same(e, manager, 'Apply'));
	for (const p of paths) {
		// A "." (a list item or map itself) conflicts only by existing or not; its fields are compared one by one.
		const differs = p[p.length - 1] === '.' ? valueAt(live, p) === undefined : JSON.stringify(valueAt(config, p)) !== JSON.stringify(valueAt(live, p));
		if (!live || !differs) continue;
		for (const e of others) if (has(entryFields(e), p)) conflicts.push({manager: e, path: p});
	}
	const remaining = conflicts.filter(c => !upgradedFromClientSide(live, manager, c));
	if (remaining.length && !force) return {conflicts: remaining};
	if (conflicts.length) others = others.map(e => ({...e, fieldsV1: conflicts.reduce((f, c) => withoutPath(f, c.path), entryFields(e))}));
	const before = entries.find(e => same(e, manager, 'Apply'));
	const released = before ? leafPaths(entryFields(before)).filter(p => !has(applied, p) && !others.some(e => has(entryFields(e), p))) : [];
	// (apiVersion: the version the configuration names)
	const entry: ManagedFieldsEntry = {manager, operation: 'Apply', apiVersion: config.apiVersion as string, time, fieldsType: 'FieldsV1', fieldsV1: applied};
	return {managedFields: nonEmpty([...others, entry]), released};
}

/**
 * lastAppliedManager: an apply by "kubectl" takes over, without a conflict, the fields of the
 * object's last-applied-configuration (it was client-side applied before) that nobody changed
 * since, so moving from `kubectl apply` to `kubectl apply --server-side` conflicts with nothing.
 */
function upgradedFromClientSide(live: KubeObject | undefined, manager: string, conflict: ApplyConflict): boolean {
	const annotation = live?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
	if (manager !== 'kubectl' || !annotation) return false;
	let lastApplied: Json;
	try {
		lastApplied = JSON.parse(annotation);
	} catch {
		return false;
	}
	if (!isObject(lastApplied)) return false;
	// Allowed: what the last client-side apply set and nobody has changed since, and the annotation itself.
	const annotationPath = ['f:metadata', 'f:annotations', 'f:kubectl.kubernetes.io/last-applied-configuration'];
	if (JSON.stringify(conflict.path) === JSON.stringify(annotationPath)) return true;
	return has(fieldsOf(lastApplied), conflict.path) && JSON.stringify(valueAt(lastApplied, conflict.path)) === JSON.stringify(valueAt(live, conflict.path));
}

/** The API server's 409 message for an Apply's conflicts (getConflictMessage). */
export function conflictMessage(conflicts: ApplyConflict[]): string {
	if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${managerText(conflicts[0]!.manager)}: ${pathText(conflicts[0]!.path)}`;
	const byManager = new Map<string, string[]>();
	for (const c of conflicts) {
		const text = managerText(c.manager);
		byManager.set(text, [...(byManager.get(text) ?? []), pathText(c.path)]);
	}
	const lines = [...byManager.keys()].sort().flatMap(m => [`conflicts with ${m}:`, ...byManager.get(m)!.map(p => `- ${p}`)]);
	return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** Removes what an applier stopped applying (and no one else owns) from the merged object. */
export function releaseFields(obj: Json, released: string[][]): void {
	for (const path of released) {
		const last = path[path.length - 1] === '.' ? path.length - 2 : path.length - 1;
		const parent = valueAt(obj, path.slice(0, last));
		const key = path[last]!;
		if (key.startsWith('f:') && isObject(parent)) delete parent[key.slice(2)];
		else if (key.startsWith('k:') && Array.isArray(parent)) {
			const field = path[last - 1]?.slice(2) ?? '';
			const at = (parent as Json[]).findIndex(item => keyOf(field, item) === key);
			if (at >= 0) parent.splice(at, 1);
		}
	}
}
