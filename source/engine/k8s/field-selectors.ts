// Field selectors as the API server answers them (`?fieldSelector=status.phase=Running`): each
// kind accepts its own few fields (its field label conversion), every other field is refused
// with the server's own words.
import type {KubeObject} from './types.ts';
import type {ObjectInput} from './object-input.ts';

export type FieldRequirement = {field: string; op: '=' | '!='; value: string};

/** fields.ParseSelector: `a=b,c!=d` (`==` means `=`); the server's error for a term it cannot read. */
export function parseFieldSelector(text: string): FieldRequirement[] | {error: string} {
	const out: FieldRequirement[] = [];
	if (text.trim() === '') return out;
	for (const term of text.split(',')) {
		const m = /^(.*?)(!=|==|=)(.*)$/s.exec(term);
		if (!m || m[1] === '') return {error: `invalid selector: '${text}'; can't understand '${term}'`};
		out.push({field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]!});
	}
	return out;
}

const meta = ['metadata.name', 'metadata.namespace'];

/**
 * The fields each kind's conversion accepts (k8s.io/kubernetes pkg/apis/*\/v1 conversion.go);
 * kinds not listed accept only metadata.name and metadata.namespace (the default conversion).
 */
const supported: Record<string, string[]> = {
	Pod: [...meta, 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName', 'spec.host'],
	Node: ['metadata.name', 'spec.unschedulable'],
	ReplicationController: [...meta, 'status.replicas'],
	ReplicaSet: [...meta, 'status.replicas'],
	Job: [...meta, 'status.successful'],
	Event: [...meta, 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
	Namespace: ['status.phase', 'metadata.name'],
	Secret: ['type', ...meta],
	Service: [...meta, 'spec.clusterIP', 'spec.type'],
};

/** The server's refusal of a field the kind cannot be selected by, or undefined when every field is accepted. */
export function unsupportedField(kind: string, reqs: FieldRequirement[]): string | undefined {
	const own = supported[kind];
	for (const r of reqs) {
		if (own && !own.includes(r.field)) return `field label not supported: ${r.field}`;
		if (!own && !meta.includes(r.field)) return `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
	}
	return undefined;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** The value of a selectable field, as the registry's field set holds it (a string; booleans as "true"/"false"). */
export function fieldValue(obj: KubeObject | ObjectInput, field: string): string {
	// Any kind's field by its dotted path (the selectable fields differ by kind).
	const at = (path: string): unknown => path.split('.').reduce<unknown>((value, step) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined), obj);
	switch (field) {
		case 'metadata.name':
			return obj.metadata.name ?? '';
		case 'metadata.namespace':
			return obj.metadata.namespace ?? '';
		case 'spec.host':
			return text(at('spec.nodeName'));
		case 'spec.hostNetwork':
		case 'spec.unschedulable':
			return String(Boolean(at(field)));
		case 'status.podIPs': {
			const ips = at('status.podIPs');
			return text(Array.isArray(ips) ? (ips as {ip: string}[]).map(p => p.ip).join(',') : at('status.podIP'));
		}
		case 'status.replicas':
		case 'status.successful':
			return String(at(field) ?? 0);
		case 'source':
			return text(at('source.component'));
	}
	return text(at(field));
}

export function matchesFields(obj: KubeObject | ObjectInput, reqs: FieldRequirement[]): boolean {
	return reqs.every(r => (fieldValue(obj, r.field) === r.value) === (r.op === '='));
}
