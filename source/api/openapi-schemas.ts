// OpenAPI v3 component schemas for the modelled kinds, made from the same field descriptions the
// built-in `kubectl explain` prints (engine/k8s/explain-schema.ts, from the Kubernetes OpenAPI), in
// the shapes the real API server publishes them: a reference to another type as allOf [$ref], lists
// as items, maps as additionalProperties, Time as a date-time string, and each top-level kind
// marked with x-kubernetes-group-version-kind, which is how the real kubectl explain finds it.
import {explainEnums} from '../engine/k8s/explain-enums.ts';
import {explainSchemaJson} from '../engine/k8s/explain-schema.ts';

type Field = [string, string, number, string, string?];
type ExplainSchema = {kinds: Record<string, string>; types: Record<string, {description: string; fields: Field[]}>};

let parsed: ExplainSchema | undefined;
const explain = () => (parsed ??= JSON.parse(explainSchemaJson) as ExplainSchema);

/** "core/v1:Pod" -> io.k8s.api.core.v1.Pod; meta, api/resource and util/intstr live in apimachinery. */
export function schemaName(key: string): string {
	const [path, kind] = key.split(':') as [string, string];
	const machinery = path.startsWith('meta/') ? `io.k8s.apimachinery.pkg.apis.${path.replace('/', '.')}` : path === 'api/resource' || path === 'util/intstr' ? `io.k8s.apimachinery.pkg.${path.replace('/', '.')}` : `io.k8s.api.${path.replace('/', '.')}`;
	return `${machinery}.${kind}`;
}

const groupOf = (path: string) => ({core: '', apps: 'apps', batch: 'batch', rbac: 'rbac.authorization.k8s.io', networking: 'networking.k8s.io', storage: 'storage.k8s.io', discovery: 'discovery.k8s.io', coordination: 'coordination.k8s.io'})[path] ?? path;

/** Types without fields are the API's scalars: their real schemas. */
function scalar(key: string, description: string): object | undefined {
	switch (key) {
		case 'meta/v1:Time':
		case 'meta/v1:MicroTime':
			return {description, type: 'string', format: 'date-time'};
		case 'meta/v1:FieldsV1':
			return {description, type: 'object'};
		case 'api/resource:Quantity':
			return {description, oneOf: [{type: 'string'}, {type: 'number'}]};
		case 'util/intstr:IntOrString':
			return {description, type: 'string', format: 'int-or-string'};
		default:
			return undefined;
	}
}

/** An enum field as the API server publishes it: `enum` on the value, the "Possible enum values" text after the description. */
function fieldSchema(type: string, ref: string | undefined, description: string, values?: {values: string[]; doc: string}): object {
	const element = (t: string): object => {
		if (t.startsWith('[]')) return {type: 'array', items: element(t.slice(2))};
		if (values && t === 'string') return {type: 'string', enum: values.values};
		if (t.startsWith('map[string]')) return {type: 'object', additionalProperties: element(t.slice('map[string]'.length))};
		if (ref) return {allOf: [{$ref: `#/components/schemas/${schemaName(ref)}`}], default: {}};
		if (t === 'integer') return {type: 'integer', format: 'int32'};
		return {type: t === 'Object' ? 'object' : t};
	};
	const base = element(type);
	return {description: values ? `${description}\n\n${values.doc}` : description, ...base};
}

function typeSchema(key: string): object {
	const type = explain().types[key]!;
	const special = type.fields.length === 0 ? scalar(key, type.description) : undefined;
	if (special) return special;
	const required = type.fields.filter(f => f[2]).map(f => f[0]);
	const [path, kind] = key.split(':') as [string, string];
	const isKind = explain().kinds[kind] === key;
	return {
		description: type.description,
		type: 'object',
		...(required.length ? {required} : {}),
		properties: Object.fromEntries(type.fields.map(([name, t, , description, ref]) => [name, fieldSchema(t, ref, description, explainEnums[`${key}.${name}`])])),
		...(isKind ? {'x-kubernetes-group-version-kind': [{group: groupOf(path.split('/')[0]!), kind, version: path.split('/')[1]}]} : {}),
	};
}

/** The schemas a group-version's document carries: its kinds and every type they refer to. */
export function schemasFor(group: string, version: string): Record<string, object> {
	const out: Record<string, object> = {};
	const visit = (key: string) => {
		const name = schemaName(key);
		if (out[name] || !explain().types[key]) return;
		out[name] = typeSchema(key);
		for (const field of explain().types[key]!.fields) if (field[4]) visit(field[4]);
	};
	for (const key of Object.values(explain().kinds)) {
		const path = key.split(':')[0]!;
		if (groupOf(path.split('/')[0]!) === group && path.split('/')[1] === version) visit(key);
	}
	return out;
}
