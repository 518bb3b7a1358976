// PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (lists merged by their keys,
// as kubectl's client-side apply, label, annotate and scale send them) and JSON patch (RFC 6902).

/** A JSON value: the object patched, a patch, an operation's value. */
type Json = unknown;

/** List fields the API merges by a key instead of replacing (the patchMergeKey of the Go types). */
const mergeKeys: Record<string, string> = {
	containers: 'name',
	initContainers: 'name',
	ephemeralContainers: 'name',
	env: 'name',
	volumes: 'name',
	volumeMounts: 'mountPath',
	volumeDevices: 'devicePath',
	imagePullSecrets: 'name',
	ownerReferences: 'uid',
	conditions: 'type',
	hostAliases: 'ip',
	topologySpreadConstraints: 'topologyKey',
	ports: 'containerPort', // Service ports are keyed by port: see portKey
};

const isObject = (v: unknown): v is Record<string, Json> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

export function mergePatch(target: Json, patch: Json): Json {
	if (!isObject(patch)) return patch;
	const out: Record<string, Json> = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete out[key];
		else out[key] = mergePatch(out[key], value);
	}
	return out;
}

function portKey(list: Json[], patchList: Json[]): string {
	const sample = [...patchList, ...list].find(isObject);
	return sample && 'port' in sample && !('containerPort' in sample) ? 'port' : 'containerPort';
}

function mergeList(key: string, target: Json, patch: Json[]): Json[] {
	const current: Json[] = Array.isArray(target) ? target : [];
	let mergeKey = mergeKeys[key];
	if (mergeKey === 'containerPort') mergeKey = portKey(current, patch);
	if (!mergeKey || !patch.every(item => isObject(item))) return patch.filter(item => !(isObject(item) && item.$patch));
	const out: Json[] = current.map(item => (isObject(item) ? {...item} : item));
	for (const item of patch as Record<string, Json>[]) { // (every item is an object: checked above)
		const at = out.findIndex(x => isObject(x) && x[mergeKey!] === item[mergeKey!]);
		if (item.$patch === 'delete') {
			if (at >= 0) out.splice(at, 1);
			continue;
		}
		if (item.$patch === 'replace') return patch.filter(x => (x as Record<string, Json>).$patch !== 'replace');
		if (at >= 0) out[at] = strategicMergePatch(out[at], item);
		else out.push(strategicMergePatch({}, item));
	}
	return out;
}

/** Strategic merge: as a merge patch, but keyed lists merge item by item and `$patch`/`$setElementOrder` directives apply. */
export function strategicMergePatch(target: Json, patch: Json): Json {
	if (!isObject(patch)) return patch;
	if (patch.$patch === 'replace') {
		const {$patch: _, ...rest} = patch;
		return rest;
	}
	if (patch.$patch === 'delete') return undefined;
	const out: Record<string, Json> = isObject(target) ? {...target} : {};
	const retain = Array.isArray(patch.$retainKeys) ? (patch.$retainKeys as Json[]) : undefined;
	for (const [key, value] of Object.entries(patch)) {
		if (key.startsWith('$deleteFromPrimitiveList/')) {
			const field = key.slice('$deleteFromPrimitiveList/'.length);
			const list = out[field];
			if (Array.isArray(list)) out[field] = (list as Json[]).filter(x => !(value as Json[]).includes(x));
			continue;
		}
		if (key.startsWith('$')) continue; // $setElementOrder/..., $retainKeys
		if (value === null) delete out[key];
		else if (Array.isArray(value)) out[key] = mergeList(key, out[key], value);
		else out[key] = strategicMergePatch(out[key], value);
		if (out[key] === undefined) delete out[key];
	}
	if (retain) for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key];
	return out;
}

function pointer(path: string): string[] {
	if (path === '') return [];
	if (!path.startsWith('/')) throw new Error(`invalid JSON pointer: ${path}`);
	return path
		.slice(1)
		.split('/')
		.map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** JSON patch (RFC 6902): add, remove, replace, move, copy, test. Throws with the reason when an operation cannot apply. */
export function jsonPatch(target: Json, ops: Json): Json {
	if (!Array.isArray(ops)) throw new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
	let doc = structuredClone(target);
	// A list's item by index, an object's field; nothing inside a string or a number (the path is missing there).
	const child = (at: Json, key: string): Json => (Array.isArray(at) ? (at as Json[])[Number(key)] : isObject(at) ? at[key] : undefined);
	const parentOf = (path: string[]): [Json[] | Record<string, Json>, string] => {
		let at = doc;
		for (const key of path.slice(0, -1)) at = child(at, key);
		if (!Array.isArray(at) && !isObject(at)) throw new Error(`doc is missing path: "/${path.join('/')}": missing value`);
		return [at, path[path.length - 1]!];
	};
	const get = (path: string[]) => path.reduce((at: Json, key) => child(at, key), doc);
	const add = (path: string[], value: Json) => {
		if (path.length === 0) return void (doc = value);
		const [parent, key] = parentOf(path);
		if (Array.isArray(parent)) parent.splice(key === '-' ? parent.length : Number(key), 0, value);
		else parent[key] = value;
	};
	const remove = (path: string[]) => {
		const [parent, key] = parentOf(path);
		if (child(parent, key) === undefined) throw new Error(`doc is missing path: "/${path.join('/')}": missing value`);
		if (Array.isArray(parent)) parent.splice(Number(key), 1);
		else delete parent[key];
	};
	for (const entry of ops as Json[]) {
		// json-patch's Operation is a map: a null or non-object entry has no fields, and its kind is "unknown".
		const op: Record<string, Json> = isObject(entry) ? entry : {};
		const path = pointer(String(op.path ?? ''));
		switch (op.op) {
			case 'add':
				add(path, op.value);
				break;
			case 'remove':
				remove(path);
				break;
			case 'replace':
				remove(path);
				add(path, op.value);
				break;
			case 'move':
			case 'copy': {
				const from = pointer(String(op.from ?? ''));
				const value = structuredClone(get(from));
				if (value === undefined) throw new Error(`doc is missing from path: "${op.from}": missing value`);
				if (op.op === 'move') remove(from);
				add(path, value);
				break;
			}
			case 'test':
				if (JSON.stringify(get(path)) !== JSON.stringify(op.value)) throw new Error(`testing value /${path.join('/')} failed: test failed`);
				break;
			default:
				throw new Error(`Unexpected kind: ${typeof op.op === 'string' ? op.op : 'unknown'}`);
		}
	}
	return doc;
}
