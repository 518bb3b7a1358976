// Server-side printing (Accept: application/json;as=Table;g=meta.k8s.io;v=v1): the same columns and
// cells as the built-in `kubectl get`, from the same printer (shell/commands/kubectl/rows.ts).
import type {KubeObject, ResourceName} from '../engine/k8s/types.ts';
import type {World} from '../engine/world.ts';
import {headers, row} from '../shell/commands/kubectl/rows.ts';

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

export function tableOf(world: World, resource: ResourceName, objects: KubeObject[], settings: {resourceVersion: string; continueToken?: string; includeObject?: string}): object {
	const narrow = headers(resource, false);
	const wide = headers(resource, true);
	const columnDefinitions = wide.map((name, i) => ({
		name: titleCase(name),
		type: 'string',
		format: i === 0 ? 'name' : '',
		description: '',
		priority: i < narrow.length ? 0 : 1,
	}));
	const include = settings.includeObject ?? 'Metadata';
	const rows = objects.map(obj => ({
		cells: row(world, resource, obj, true),
		...(include === 'None' ? {} : {object: include === 'Object' ? obj : partialMetadata(obj)}),
	}));
	return {kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {resourceVersion: settings.resourceVersion, ...(settings.continueToken ? {continue: settings.continueToken} : {})}, columnDefinitions, rows};
}
