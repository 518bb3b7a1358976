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
import {typePrefix} from './resource-names.ts';
import {sortKeys, toYaml} from './yaml-print.ts';

export type GetWatch = Extract<FollowSpec, {kind: 'kubectl-get-watch'}>;

/** The widths of the first table's columns, found from its header cells (a header may hold a space: NOMINATED NODE). */
export function columnWidths(table: string, header: string[]): number[] {
	const line = table.split('\n')[0]!;
	const starts: number[] = [];
	let from = 0;
	for (const cell of header) {
		const at = line.indexOf(cell, from);
		if (at < 0) return [];
		starts.push(at);
		from = at + cell.length;
	}
	return starts.map((start, i) => (i + 1 < starts.length ? starts[i + 1]! - start : line.length - start));
}

function cellsOf(spec: GetWatch, world: World, obj: KubeObject): string[] {
	const cells = row(world, spec.resource as ResourceName, obj, spec.output === 'wide');
	return spec.allNamespaces ? [obj.metadata.namespace ?? '', ...cells] : cells;
}

/** A row in the remembered widths; like kubectl's tabwriter (RememberWidths), a wider cell widens its column for good. */
function line(cells: string[], widths: number[]): string {
	return cells
		.map((cell, i) => {
			if (i === cells.length - 1) return cell;
			widths[i] = Math.max(widths[i] ?? 0, cell.length + 3);
			return cell.padEnd(widths[i]!);
		})
		.join('');
}

/** The objects the watch covers: its namespace, names, label selector and field selector. */
function watched(world: World, spec: Pick<GetWatch, 'resource' | 'namespace' | 'labelSelector' | 'fieldSelector' | 'names'>): KubeObject[] {
	const labels = parseSelector(spec.labelSelector ?? '') ?? [];
	const fields = parseFieldSelector(spec.fieldSelector ?? '');
	const reqs = 'error' in fields ? [] : fields;
	return listObjects(world.cluster!, spec.resource as ResourceName, spec.namespace).filter(o => (!spec.names?.length || spec.names.includes(o.metadata.name)) && matchesRequirements(o.metadata.labels, labels) && matchesFields(o, reqs));
}

export type WatchStart = {labelSelector?: string; fieldSelector?: string; names?: string[]; output?: GetWatch['output']; printed?: number};

/** The watch as it starts: every object seen at its current version. */
export function startWatch(world: World, info: ResourceInfo, namespace: string | undefined, initialTable: string, watchOnly: boolean, options: WatchStart = {}): GetWatch {
	const seen: Record<string, string> = {};
	for (const o of watched(world, {resource: info.resource, namespace, ...options})) seen[`${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o.metadata.resourceVersion;
	const allNamespaces = namespace === undefined && info.namespaced;
	const head = [...(allNamespaces ? ['NAMESPACE'] : []), ...headers(info.resource, options.output === 'wide')];
	const table = options.output === undefined || options.output === 'wide';
	return {kind: 'kubectl-get-watch', resource: info.resource, namespace, allNamespaces, seen, widths: initialTable && table ? columnWidths(initialTable, head) : [], header: (watchOnly || !initialTable) && table ? head : undefined, typePrefix: typePrefix(info), ...options};
}

/**
 * The objects of a watch in -o yaml|json|name, as kubectl's printers print watch events: one
 * object at a time, YAML documents after the first behind a ---, JSON indented by 4.
 */
export function watchObjects(objects: KubeObject[], output: 'yaml' | 'json' | 'name', prefix: string, printedBefore: number): string {
	return objects
		.map((o, i) => {
			if (output === 'name') return `${prefix}/${o.metadata.name}\n`;
			const plain = JSON.parse(JSON.stringify(o));
			if (output === 'json') return JSON.stringify(sortKeys(plain), null, 4) + '\n';
			return (printedBefore + i > 0 ? '---\n' : '') + toYaml(plain);
		})
		.join('');
}

/** The rows of the objects that changed since the watch last looked (a deleted object prints its last row once). */
export function stepWatch(spec: GetWatch, before: World, world: World): {text: string; spec: GetWatch} {
	if (!world.cluster) return {text: '', spec};
	const seen = {...spec.seen};
	const rows: string[][] = [];
	const changed: KubeObject[] = [];
	const now = watched(world, spec);
	const present = new Set<string>();
	for (const o of now) {
		const key = `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
		present.add(key);
		if (seen[key] === o.metadata.resourceVersion) continue;
		seen[key] = o.metadata.resourceVersion;
		changed.push(o);
		rows.push(cellsOf(spec, world, o));
	}
	for (const key of Object.keys(seen)) {
		if (present.has(key)) continue;
		delete seen[key];
		const [ns, name] = key.split('/') as [string, string];
		const last = before.cluster ? watched(before, spec).find(o => (o.metadata.namespace ?? '') === ns && o.metadata.name === name) : undefined;
		if (last) {
			changed.push(last);
			rows.push(cellsOf(spec, before, last));
		}
	}
	if (rows.length === 0) return {text: '', spec: {...spec, seen}};
	if (spec.output === 'yaml' || spec.output === 'json' || spec.output === 'name') {
		const printed = spec.printed ?? 0;
		return {text: watchObjects(changed, spec.output, spec.typePrefix ?? spec.resource, printed), spec: {...spec, seen, printed: printed + changed.length}};
	}
	let widths = [...spec.widths];
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
