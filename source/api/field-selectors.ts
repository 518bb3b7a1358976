// Field selectors as the API server takes them: `metadata.name=x,status.phase!=Running`.
import type {KubeObject} from '../engine/k8s/types.ts';

export type FieldRequirement = {path: string[]; op: '=' | '!='; value: string};

/** Parses a field selector; a string with the reason when it does not parse. */
export function parseFieldSelector(text: string): FieldRequirement[] | string {
	const out: FieldRequirement[] = [];
	for (const part of text.split(',')) {
		const trimmed = part.trim();
		if (!trimmed) continue;
		const m = trimmed.match(/^([A-Za-z0-9_.-]+)\s*(!=|==|=)\s*(.*)$/);
		if (!m) return `invalid selector: '${text}'; can't understand '${trimmed}'`;
		out.push({path: m[1]!.split('.'), op: m[2] === '!=' ? '!=' : '=', value: m[3]!});
	}
	return out;
}

function valueAt(obj: KubeObject, path: string[]): string {
	let at: unknown = obj;
	for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined; // (a list by its index too)
	if (at === undefined || at === null) return '';
	return typeof at === 'object' ? JSON.stringify(at) : String(at);
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
	return reqs.every(r => (valueAt(obj, r.path) === r.value) === (r.op === '='));
}
