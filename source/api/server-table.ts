// Server-side printing (Accept: application/json;as=Table;g=meta.k8s.io;v=v1): the same columns and
// cells as the built-in `kubectl get`, from the same printer (shell/commands/kubectl/rows.ts).
import type {KubeObject, ResourceName} from '../engine/k8s/types.ts';
import type {KubeEvent} from '../engine/k8s/kinds-more.ts';
import type {World} from '../engine/world.ts';
import {msOf} from '../engine/k8s/metadata.ts';
import {headers, row} from '../shell/commands/kubectl/rows.ts';
import {humanDuration} from '../shell/commands/kubectl/table.ts';

function titleCase(header: string): string {
	return header
		.toLowerCase()
		.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
		.replace(/^Ip$/, 'IP')
		.replace(/-Ip\b/, '-IP');
}

/** Whether the client asked for a Table (kubectl get does, with JSON as its fallback). */
export function wantsTable(accept: string | undefined): boolean {
	return Boolean(accept && /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept));
}

function partialMetadata(obj: KubeObject): object {
	return {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata};
}

const eventColumns = {narrow: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], wide: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME']};

/** An Event's row as the API server's event printer makes it. */
function eventRow(world: World, e: KubeEvent): string[] {
	const last = e.lastTimestamp ?? e.metadata.creationTimestamp;
	const source = [e.source?.component, e.source?.host].filter(Boolean).join(', ');
	return [humanDuration(world.time - msOf(last)), e.type ?? '', e.reason ?? '', `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`, e.message ?? '', e.involvedObject?.fieldPath ?? '', source, humanDuration(world.time - msOf(e.firstTimestamp ?? last)), String(e.count ?? 1), e.metadata.name];
}

export function tableOf(world: World, resource: ResourceName | 'events', objects: KubeObject[], settings: {resourceVersion: string; continueToken?: string; includeObject?: string}): object {
	const narrow = resource === 'events' ? eventColumns.narrow : headers(resource, false);
	const wide = resource === 'events' ? [...eventColumns.narrow, ...eventColumns.wide] : headers(resource, true);
	const columnDefinitions = wide.map((name, i) => ({
		name: titleCase(name),
		type: 'string',
		format: (resource === 'events' ? name === 'NAME' : i === 0) ? 'name' : '',
		description: '',
		priority: i < narrow.length ? 0 : 1,
	}));
	const include = settings.includeObject ?? 'Metadata';
	const rows = objects.map(obj => ({
		cells: obj.kind === 'Event' ? eventRow(world, obj) : row(world, resource as ResourceName, obj, true), // (only the events resource lists Events)
		...(include === 'None' ? {} : {object: include === 'Object' ? obj : partialMetadata(obj)}),
	}));
	return {kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {resourceVersion: settings.resourceVersion, ...(settings.continueToken ? {continue: settings.continueToken} : {})}, columnDefinitions, rows};
}
