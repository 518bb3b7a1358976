// --field-selector for kubectl's list verbs: the API server filters (engine/k8s/field-selectors.ts)
// and refuses a field the kind cannot be selected by; kubectl wraps the refusal in its "Unable to
// find" sentence.
import {matchesFields, parseFieldSelector, unsupportedField, type FieldRequirement} from '../../../engine/k8s/field-selectors.ts';
import {resourceInfo, resourceInfos} from '../../../engine/k8s/resources.ts';
import type {KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import type {ObjectInput} from '../../../engine/k8s/object-input.ts';
import type {WorldEvent} from '../../../engine/world.ts';
import {flag} from './args.ts';
import type {Kctx} from './context.ts';

export type FieldSelection = {
	given: boolean;
	/** kubectl's whole error when the server refuses the selector for this resource type. */
	refusal(resource: ResourceName | 'events'): string | undefined;
	matches(obj: KubeObject): boolean;
	matchesEvent(event: WorldEvent): boolean;
};

/** GroupVersionResource.String(), as kubectl quotes it: `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
function gvr(resource: ResourceName | 'events'): string {
	const apiVersion = resource === 'events' ? 'v1' : resourceInfo(resource).apiVersion;
	const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
	return `${group}/${version}, Resource=${resource}`;
}

/** The fields of an event in the world's stream, as its Event object would hold them. */
function eventAsObject(e: WorldEvent): ObjectInput {
	const [word, namespace, name] = e.object.split('/');
	const info = resourceInfos.find(r => r.singular === word);
	return {
		apiVersion: 'v1',
		kind: 'Event',
		metadata: {name: `${name}.${e.seq}`, namespace: namespace || 'default'},
		involvedObject: {kind: info?.kind ?? word, name, namespace: namespace || undefined, apiVersion: info?.apiVersion},
		reason: e.reason,
		type: e.type,
		source: {component: e.component.split('/')[0]},
		reportingComponent: e.component.split('/')[0],
	};
}

export function fieldSelection(k: Kctx): FieldSelection | {error: string} {
	const text = flag(k.args, 'field-selector');
	const labels = flag(k.args, 'l', 'selector') ?? '';
	const parsed = text === undefined ? [] : parseFieldSelector(text);
	const wrap = (resource: ResourceName | 'events', message: string) => `Error from server (BadRequest): Unable to find "${gvr(resource)}" that match label selector "${labels}", field selector "${text}": ${message}`;
	const reqs: FieldRequirement[] = 'error' in parsed ? [] : parsed;
	return {
		given: text !== undefined && text.trim() !== '',
		refusal(resource) {
			if ('error' in parsed) return wrap(resource, parsed.error);
			const kind = resource === 'events' ? 'Event' : resourceInfo(resource).kind;
			const message = unsupportedField(kind, reqs);
			return message ? wrap(resource, message) : undefined;
		},
		matches: obj => matchesFields(obj, reqs),
		matchesEvent: e => reqs.length === 0 || matchesFields(eventAsObject(e), reqs),
	};
}
