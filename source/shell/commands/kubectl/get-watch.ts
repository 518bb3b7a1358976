// kubectl get -w / --watch-only: the list, then one row each time an object changes (a new
// resourceVersion, as a watch event), for as long as the learner watches. The command returns a
// follow effect (data); the runner steps it as virtual time passes (follow.ts).
import {listObjects} from '../../../engine/k8s/api-server.ts';
import type {ResourceInfo} from '../../../engine/k8s/resources.ts';
import type {KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import {matchesFields, parseFieldSelector} from '../../../engine/k8s/field-selectors.ts';
import {matchesRequirements, parseSelector} from '../../../engine/k8s/selectors.ts';
import type {World} from '../../../engine/world.ts';
import type {FollowSpec} from '../../types.ts';
import {headers, row} from './rows.ts';

export type GetWatch = Extract<FollowSpec, {kind: 'kubectl-get-watch'}>;

/** The widths of the first table's columns: later rows line up with them where they fit. */
export function columnWidths(table: string): number[] {
	return table.split('\n')[0]!.match(/\S+(\s+|$)/g)?.map(x => x.length) ?? [];
}

function cellsOf(spec: GetWatch, world: World, obj: KubeObject): string[] {
	const cells = row(world, spec.resource as ResourceName, obj, false);
	return spec.allNamespaces ? [obj.metadata.namespace ?? '', ...cells] : cells;
}

function line(cells: string[], widths: number[]): string {
	return cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(Math.max(widths[i] ?? 0, cell.length + 3)))).join('');
}

/** The watch as it starts: every object seen at its current version. */
/** The objects the watch covers: its namespace, label selector and field selector. */
function watched(world: World, spec: Pick<GetWatch, 'resource' | 'namespace' | 'labelSelector' | 'fieldSelector'>): KubeObject[] {
	const labels = parseSelector(spec.labelSelector ?? '') ?? [];
	const fields = parseFieldSelector(spec.fieldSelector ?? '');
	const reqs = 'error' in fields ? [] : fields;
	return listObjects(world.cluster!, spec.resource as ResourceName, spec.namespace).filter(o => matchesRequirements(o.metadata.labels, labels) && matchesFields(o, reqs));
}

export function startWatch(world: World, info: ResourceInfo, namespace: string | undefined, initialTable: string, watchOnly: boolean, selectors: {labelSelector?: string; fieldSelector?: string} = {}): GetWatch {
	const seen: Record<string, string> = {};
	for (const o of watched(world, {resource: info.resource, namespace, ...selectors})) seen[`${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o.metadata.resourceVersion;
	const allNamespaces = namespace === undefined && info.namespaced;
	const head = [...(allNamespaces ? ['NAMESPACE'] : []), ...headers(info.resource, false)];
	return {kind: 'kubectl-get-watch', resource: info.resource, namespace, allNamespaces, seen, widths: initialTable ? columnWidths(initialTable) : [], header: watchOnly ? head : undefined, ...selectors};
}

/** The rows of the objects that changed since the watch last looked (a deleted object prints its last row once). */
export function stepWatch(spec: GetWatch, before: World, world: World): {text: string; spec: GetWatch} {
	if (!world.cluster) return {text: '', spec};
	const seen = {...spec.seen};
	const rows: string[][] = [];
	const now = watched(world, spec);
	const present = new Set<string>();
	for (const o of now) {
		const key = `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
		present.add(key);
		if (seen[key] === o.metadata.resourceVersion) continue;
		seen[key] = o.metadata.resourceVersion;
		rows.push(cellsOf(spec, world, o));
	}
	for (const key of Object.keys(seen)) {
		if (present.has(key)) continue;
		delete seen[key];
		const [ns, name] = key.split('/') as [string, string];
		const last = before.cluster ? watched(before, spec).find(o => (o.metadata.namespace ?? '') === ns && o.metadata.name === name) : undefined;
		if (last) rows.push(cellsOf(spec, before, last));
	}
	if (rows.length === 0) return {text: '', spec: {...spec, seen}};
	let widths = spec.widths;
	let text = '';
	if (spec.header) {
		// --watch-only: the header comes with the first event, aligned with it.
		const table = [spec.header, rows[0]!];
		widths = table[0]!.map((_, i) => Math.max(...table.map(r => (r[i] ?? '').length)) + 3);
		text += line(spec.header, widths) + '\n';
	}
	text += rows.map(cells => line(cells, widths) + '\n').join('');
	return {text, spec: {...spec, seen, widths, header: undefined}};
}
