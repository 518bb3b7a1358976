// The three patch kinds kubectl patch sends: JSON merge patch (RFC 7386), a strategic merge patch
// (lists of named things merged by their key, as the API server does for pods), and JSON patch (RFC 6902).

/** A JSON value: the object patched, a patch, an operation's value. */
type Json = unknown;

function isObject(v: unknown): v is Record<string, Json> {
	return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 7386: objects merge recursively, null deletes a key, anything else (lists too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
	if (!isObject(patch)) return structuredClone(patch);
	const out: Record<string, Json> = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete out[key];
		else out[key] = mergePatch(out[key], value);
	}
	return out;
}

/** The patchMergeKey of the list fields a learner patches (containers, ports, env, volumes...). */
const mergeKeys: Record<string, string> = {
	containers: 'name',
	initContainers: 'name',
	env: 'name',
	volumes: 'name',
	volumeMounts: 'mountPath',
	ports: 'containerPort',
	imagePullSecrets: 'name',
};

/** A strategic merge patch for the simple cases: keyed lists merge element by element; other lists replace. */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
	if (Array.isArray(patch)) {
		const key = mergeKeys[field];
		if (!key || !Array.isArray(target) || !patch.every(isObject)) return structuredClone(patch);
		const out: Json[] = target.map(x => structuredClone(x));
		for (const item of patch as Record<string, Json>[]) { // (every item is an object: checked above)
			const i = out.findIndex(x => isObject(x) && x[key] === item[key]);
			if (item['$patch'] === 'delete') {
				if (i >= 0) out.splice(i, 1);
			} else if (i >= 0) out[i] = strategicMergePatch(out[i], item);
			else out.push(structuredClone(item));
		}
		return out;
	}
	if (!isObject(patch)) return structuredClone(patch);
	const out: Record<string, Json> = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete out[key];
		else out[key] = strategicMergePatch(out[key], value, key);
	}
	return out;
}

function pointer(path: unknown): string[] | undefined {
	if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) return undefined;
	return path === '' ? [] : path.slice(1).split('/').map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902: add, remove, replace, move, copy, test; the error names the failing operation as the API server does. */
export function applyJsonPatch(doc: Json, ops: Json[]): {value: Json} | {error: string} {
	let root = structuredClone(doc);
	const child = (node: Json, p: string): Json => (Array.isArray(node) ? (node as Json[])[Number(p)] : isObject(node) ? node[p] : undefined);
	const parentOf = (parts: string[]): Json[] | Record<string, Json> | undefined => {
		let node = root;
		for (const p of parts.slice(0, -1)) {
			node = child(node, p);
			if (node === undefined || node === null || typeof node !== 'object') return undefined;
		}
		return node as Json[] | Record<string, Json>;
	};
	const read = (parts: string[]) => {
		let node = root;
		for (const p of parts) {
			if (node === undefined || node === null || typeof node !== 'object') return undefined;
			node = child(node, p);
		}
		return node;
	};
	const remove = (parts: string[]): boolean => {
		const parent = parentOf(parts);
		const last = parts[parts.length - 1]!;
		if (!parent) return false;
		if (Array.isArray(parent)) {
			const i = Number(last);
			if (!Number.isInteger(i) || i < 0 || i >= parent.length) return false;
			parent.splice(i, 1);
		} else {
			if (!(last in parent)) return false;
			delete parent[last];
		}
		return true;
	};
	const add = (parts: string[], value: Json, replace: boolean): boolean => {
		if (parts.length === 0) {
			root = structuredClone(value);
			return true;
		}
		const parent = parentOf(parts);
		const last = parts[parts.length - 1]!;
		if (!parent) return false;
		if (Array.isArray(parent)) {
			const i = last === '-' ? parent.length : Number(last);
			if (!Number.isInteger(i) || i < 0 || i > parent.length || (replace && i >= parent.length)) return false;
			if (replace) parent[i] = structuredClone(value);
			else parent.splice(i, 0, structuredClone(value));
		} else {
			if (replace && !(last in parent)) return false;
			parent[last] = structuredClone(value);
		}
		return true;
	};
	for (const op of ops) {
		const path = pointer(isObject(op) ? op.path : undefined);
		if (!isObject(op) || !path) return {error: `doc is missing path: ${JSON.stringify(op)}`};
		const missing = `doc is missing key: ${op.path}`;
		switch (op.op) {
			case 'add':
				if (!add(path, op.value, false)) return {error: `add operation does not apply: doc is missing path: "${op.path}": missing value`};
				break;
			case 'remove':
				if (!remove(path)) return {error: `remove operation does not apply: ${missing}`};
				break;
			case 'replace':
				if (!add(path, op.value, true)) return {error: `replace operation does not apply: ${missing}`};
				break;
			case 'test':
				if (JSON.stringify(read(path)) !== JSON.stringify(op.value)) return {error: 'testing value ' + op.path + ' failed: test failed'};
				break;
			case 'move':
			case 'copy': {
				const from = pointer(op.from);
				const value = from ? read(from) : undefined;
				if (!from || value === undefined) return {error: `${op.op} operation does not apply: doc is missing from path: ${op.from}`};
				if (op.op === 'move') remove(from);
				if (!add(path, value, false)) return {error: `${op.op} operation does not apply: ${missing}`};
				break;
			}
			default:
				return {error: `Unexpected kind: ${String(op.op)}`};
		}
	}
	return {value: root};
}
