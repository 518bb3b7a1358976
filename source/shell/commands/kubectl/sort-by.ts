// kubectl's --sort-by: a relaxed JSONPath (`.metadata.name`, `{.status.startTime}`) evaluated on
// each object, compared as kubectl's sorter compares (numbers as numbers, two quantities as
// quantities, other strings byte-wise; an object without the field first).
import type {KubeObject} from '../../../engine/k8s/types.ts';
import {evaluatePath} from './jsonpath.ts';

const relaxed = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `metadata.name` and `.metadata.name` become `{.metadata.name}`. */
export function relaxedPath(text: string): {path: string} | {error: string} {
	const m = relaxed.exec(text);
	if (!m) return {error: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"};
	return {path: `{.${m[1] || m[2]}}`};
}

const suffixes: Record<string, number> = {n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60};

/** resource.ParseQuantity's reading of a string (`100m`, `1Gi`, `3`), or undefined when it is not a quantity. */
export function quantityValue(text: string): number | undefined {
	const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(text);
	if (!m) return undefined;
	return Number(m[1]) * (m[2] ? 10 ** Number(m[2].slice(1)) : suffixes[m[3] ?? '']!);
}

function firstValue(obj: KubeObject, path: string): unknown {
	const values = evaluatePath(JSON.parse(JSON.stringify(obj)), path.slice(1, -1));
	return 'error' in values ? undefined : values[0];
}

function less(a: unknown, b: unknown): boolean {
	if (typeof a === 'number' && typeof b === 'number') return a < b;
	if (typeof a === 'string' && typeof b === 'string') {
		const qa = quantityValue(a);
		const qb = quantityValue(b);
		if (qa !== undefined && qb !== undefined) return qa < qb;
		return a < b;
	}
	return false;
}

/** The objects in kubectl's order for --sort-by, or kubectl's error. */
export function sortObjects(objects: KubeObject[], sortBy: string): {objects: KubeObject[]} | {error: string} {
	const parsed = relaxedPath(sortBy);
	if ('error' in parsed) return parsed;
	if (objects.length === 0) return {objects};
	const keyed = objects.map(obj => ({obj, value: firstValue(obj, parsed.path)}));
	if (keyed.every(k => k.value === undefined)) return {error: `error: couldn't find any field with path "${parsed.path}" in the list of objects`};
	const unsortable = keyed.find(k => k.value !== undefined && k.value !== null && typeof k.value === 'object');
	if (unsortable) return {error: `error: Field ${parsed.path} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: ${Array.isArray(unsortable.value) ? '[]interface {}' : 'map[string]interface {}'}`};
	const sorted = [...keyed].sort((x, y) => {
		if (x.value === undefined) return y.value === undefined ? 0 : -1;
		if (y.value === undefined) return 1;
		return less(x.value, y.value) ? -1 : less(y.value, x.value) ? 1 : 0;
	});
	return {objects: sorted.map(k => k.obj)};
}
