// Writes source/engine/k8s/explain-schema.ts: the API documentation `kubectl explain` prints
// (each type's description, its fields with their types, descriptions and whether required),
// for the kinds the simulated API server serves and every type they reach.
// The source is the kubernetes-types package (TypeScript definitions generated from the
// Kubernetes OpenAPI, with its descriptions as doc comments):
//   npm pack kubernetes-types@1.30.0 && tar xzf kubernetes-types-1.30.0.tgz
//   node scripts/explain-schema.mjs package
import {readFileSync, readdirSync, writeFileSync, statSync} from 'node:fs';
import {join} from 'node:path';

const root = process.argv[2];
if (!root) throw new Error('usage: node scripts/explain-schema.mjs <unpacked kubernetes-types folder>');

/** Kinds served (engine/k8s/resources.ts) with the file and interface that define them. */
const kinds = {
	'core/v1': ['ConfigMap', 'Endpoints', 'LimitRange', 'PersistentVolumeClaim', 'PersistentVolume', 'ResourceQuota', 'Namespace', 'Node', 'Pod', 'ReplicationController', 'Secret', 'ServiceAccount', 'Service', 'Event'],
	'apps/v1': ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
	'discovery/v1': ['EndpointSlice'],
	'networking/v1': ['Ingress', 'NetworkPolicy'],
	'storage/v1': ['StorageClass'],
	'rbac/v1': ['ClusterRoleBinding', 'ClusterRole', 'RoleBinding', 'Role'],
	'batch/v1': ['CronJob', 'Job'],
	'coordination/v1': ['Lease'],
	'policy/v1': ['PodDisruptionBudget'],
	'scheduling/v1': ['PriorityClass'],
};

function cleanDoc(raw) {
	return raw
		.replace(/^\/\*\*\s?/, '')
		.replace(/\s*\*\/$/, '')
		.split('\n')
		.map(line => line.replace(/^\s*\* ?/, ''))
		.join('\n')
		.trim();
}

/** Every interface of every .d.ts: name -> {file, description, fields}. */
function readAll(dir) {
	const types = new Map();
	const walk = d => {
		for (const name of readdirSync(d)) {
			const path = join(d, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith('.d.ts')) parseFile(path.slice(root.length + 1).replace(/\.d\.ts$/, ''), readFileSync(path, 'utf8'), types);
		}
	};
	walk(dir);
	return types;
}

function parseFile(file, text, types) {
	const block = /(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*export interface (\w+) \{([\s\S]*?)\n\}/g;
	for (const m of text.matchAll(block)) {
		const fields = [];
		const field = /(\/\*\*(?:[^*]|\*(?!\/))*\*\/)?\s*(?:readonly )?([\w$]+)(\??): ([^;{]+|\{\s*\[name: string\]: [^;]+;\s*\});/g;
		for (const f of m[3].matchAll(field)) fields.push({name: f[2], type: f[4].replace(/\s+/g, ' ').trim(), required: f[3] !== '?', description: f[1] ? cleanDoc(f[1]) : ''});
		types.set(`${file}:${m[2]}`, {description: cleanDoc(m[1]), fields});
		if (!types.has(m[2])) types.set(m[2], {file, description: cleanDoc(m[1]), fields});
	}
	// Scalar types with a schema of their own (Quantity, Time): a description and no fields.
	for (const m of text.matchAll(/(\/\*\*(?:[^*]|\*(?!\/))*\*\/)\s*export type (\w+) = string;/g)) {
		types.set(`${file}:${m[2]}`, {description: cleanDoc(m[1]), fields: []});
		types.set(m[2], {file, description: cleanDoc(m[1]), fields: []});
	}
}

const types = readAll(root);
// kubernetes-types writes IntOrString inline (number | string); its schema's description:
types.set('util/intstr:IntOrString', {description: 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.', fields: []});
types.set('IntOrString', {...types.get('util/intstr:IntOrString'), file: 'util/intstr'});

/** kubectl explain's type names: []Container, map[string]string, integer, IntOrString, Quantity. */
function typeName(ts) {
	const array = /^Array<(.+)>$/.exec(ts);
	if (array) return `[]${typeName(array[1])}`;
	const map = /^\{ \[name: string\]: (.+); \}$/.exec(ts);
	if (map) return `map[string]${typeName(map[1])}`;
	if (ts === 'number') return 'integer';
	if (ts === 'number | string') return 'IntOrString';
	if (ts === 'Time' || ts === 'MicroTime') return 'string';
	if (/^".*"$/.test(ts)) return 'string';
	if (ts === 'RawExtension') return 'Object';
	return ts;
}

function refOf(ts) {
	const inner = /^Array<(.+)>$/.exec(ts)?.[1] ?? /^\{ \[name: string\]: (.+); \}$/.exec(ts)?.[1] ?? ts;
	if (inner === 'number | string') return 'IntOrString';
	return /^[A-Z]\w*$/.test(inner) && inner !== 'RawExtension' ? inner : undefined;
}

const out = {kinds: {}, types: {}};
const pending = [];
for (const [path, names] of Object.entries(kinds)) {
	for (const name of names) {
		const t = types.get(`${path}:${name}`);
		if (!t) throw new Error(`no ${path} ${name}`);
		out.kinds[name] = `${path}:${name}`;
		pending.push([`${path}:${name}`, t]);
	}
}
while (pending.length) {
	const [key, t] = pending.pop();
	if (out.types[key]) continue;
	out.types[key] = {
		description: t.description,
		fields: t.fields.map(f => {
			const ref = refOf(f.type);
			let target;
			if (ref) {
				const file = key.split(':')[0];
				const local = types.get(`${file}:${ref}`);
				target = local ? `${file}:${ref}` : types.get(ref) ? `${types.get(ref).file}:${ref}` : undefined;
				if (target && !out.types[target]) pending.push([target, types.get(target)]);
			}
			return [f.name, typeName(f.type), f.required ? 1 : 0, f.description, ...(target ? [target] : [])];
		}),
	};
}
const header = '// Generated by scripts/explain-schema.mjs from kubernetes-types 1.30.0 (the descriptions of the\n// Kubernetes OpenAPI). Do not edit. A JSON string: parsed on the first `kubectl explain` only.\n';
writeFileSync(new URL('../source/engine/k8s/explain-schema.ts', import.meta.url), `${header}export const explainSchemaJson = ${JSON.stringify(JSON.stringify(out))};\n`);
console.log(`${Object.keys(out.types).length} types, ${JSON.stringify(out).length} bytes`);
