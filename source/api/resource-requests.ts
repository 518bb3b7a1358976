// Requests on resources: list, get, create, update, patch, delete and the scale and log
// subresources, as pure functions of (request, world) -> (answer, new world). The engine's API
// server (engine/k8s/api-server.ts) does the work, as it does for the built-in kubectl.
// Longer than ~300 lines because every verb on a resource shares the same request parsing and Status answers.
import {produce} from 'immer';
import {createObject, deleteObject, listObjects, replaceObject, type ApiError, type ApiResult, type DeleteOptions} from '../engine/k8s/api-server.ts';
import {kubeEvents} from '../engine/k8s/events.ts';
import {containerLogs} from '../engine/k8s/kubelet.ts';
import {cloneData, timestampAt} from '../engine/k8s/metadata.ts';
import {storeKey} from '../engine/k8s/resources.ts';
import {matchesRequirements, parseSelector} from '../engine/k8s/selectors.ts';
import type {KubeObject} from '../engine/k8s/types.ts';
import {specOf, statusField} from '../engine/k8s/typed-store.ts';
import {fieldsIn, isFields, type Fields, type ObjectInput} from '../engine/k8s/object-input.ts';
import type {World} from '../engine/world.ts';
import type {ApiRequest, ApiResponse, Handled} from './api-types.ts';
import {qualifiedResource, scalable, type ServedResource} from './api-resources.ts';
import {matchesFields, parseFieldSelector} from './field-selectors.ts';
import {jsonPatch, mergePatch, strategicMergePatch} from './patch.ts';
import {tableOf, wantsTable} from './server-table.ts';
import {badRequest, errorResponse, statusResponse, successStatus} from './status.ts';
import {apiVersionOf, bodyOf, decoding, goKind, inputOf, notAnObject, parseBody} from './request-bodies.ts';
import {conflictMessage, managedFieldsOf, managerText, pathText, recordApply, recordUpdate, releaseFields, setManagedFields, type ManagedFieldsEntry} from '../engine/k8s/field-managers.ts';

export type Target = {served: ServedResource; namespace?: string; name?: string; subresource?: string};

const ok = (body: unknown, status = 200): ApiResponse => ({status, body});

/** The engine's error as the real server words it: `deployments.apps "web" not found`. */
function apiError(target: Target, error: ApiError): ApiResponse {
	const plain = `${target.served.resource} "`;
	const message = error.message.startsWith(plain) ? qualifiedResource(target.served) + error.message.slice(target.served.resource.length) : error.message;
	const details = error.reason === 'Invalid' ? {name: target.name, group: target.served.group, kind: target.served.kind} : {name: target.name, group: target.served.group, kind: target.served.resource};
	return errorResponse({...error, message}, details);
}

function notFound(target: Target, name: string): ApiResponse {
	return statusResponse(404, 'NotFound', `${qualifiedResource(target.served)} "${name}" not found`, {name, ...(target.served.group ? {group: target.served.group} : {}), kind: target.served.resource});
}

/** Events carry their object's uid, so `kubectl describe` finds them by involvedObject.uid. */
function eventsOf(world: World): KubeObject[] {
	const byName = new Map<string, KubeObject>();
	for (const store of Object.values(world.cluster!.store)) for (const obj of store.values()) byName.set(`${obj.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, obj);
	return kubeEvents(world).map(e => {
		const involved = e.involvedObject;
		const obj = byName.get(`${involved.kind}/${involved.namespace ?? ''}/${involved.name}`);
		return obj ? {...e, involvedObject: {...involved, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion}} : e;
	});
}

/** The objects of a target's type in its namespace (all namespaces when none). */
export function objectsOf(world: World, target: Target): KubeObject[] {
	const c = world.cluster!;
	if (!target.served.info) return eventsOf(world).filter(e => !target.namespace || e.metadata.namespace === target.namespace);
	return listObjects(c, target.served.info.resource, target.served.namespaced ? target.namespace : undefined);
}

function findObject(world: World, target: Target, name: string): KubeObject | undefined {
	if (!target.served.info) return objectsOf(world, target).find(e => e.metadata.name === name);
	return world.cluster!.store[target.served.info.resource].get(storeKey(target.served.info, target.namespace, name));
}

export type Selection = {labels: ReturnType<typeof parseSelector> & {}; fields: Exclude<ReturnType<typeof parseFieldSelector>, string>};

export function selectionOf(query: URLSearchParams): Selection | ApiResponse {
	const labelText = query.get('labelSelector') ?? '';
	const labels = parseSelector(labelText);
	if (!labels) return badRequest(`unable to parse requirement: found '${labelText}', expected: identifier`);
	const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
	if (typeof fields === 'string') return badRequest(fields);
	return {labels, fields};
}

export function selected(objects: KubeObject[], selection: Selection): KubeObject[] {
	return objects.filter(o => matchesRequirements(o.metadata.labels, selection.labels) && matchesFields(o, selection.fields));
}

function listKind(target: Target): string {
	return `${target.served.kind}List`;
}

function decodeContinue(token: string | null): number | undefined {
	if (!token) return 0;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
		const start = isFields(parsed) ? parsed.start : undefined;
		return typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : undefined;
	} catch {
		return undefined;
	}
}

export function listRequest(req: ApiRequest, world: World, target: Target): ApiResponse {
	const selection = selectionOf(req.query);
	if ('status' in selection) return selection;
	const all = selected(objectsOf(world, target), selection);
	const start = decodeContinue(req.query.get('continue'));
	if (start === undefined) return statusResponse(400, 'BadRequest', 'continue key is not valid: illegal base64 data at input byte 0');
	const limit = Number(req.query.get('limit') ?? 0);
	const page = limit > 0 ? all.slice(start, start + limit) : all.slice(start);
	const end = start + page.length;
	const continueToken = end < all.length ? Buffer.from(JSON.stringify({start: end})).toString('base64url') : undefined;
	const resourceVersion = String(world.cluster!.resourceVersion);
	if (wantsTable(req.headers.accept)) {
		return ok(tableOf(world, target.served.info?.resource ?? 'events', page, {resourceVersion, continueToken, includeObject: req.query.get('includeObject') ?? undefined}));
	}
	const metadata = {resourceVersion, ...(continueToken ? {continue: continueToken, remainingItemCount: all.length - end} : {})};
	return ok({kind: listKind(target), apiVersion: apiVersionOf(target.served), metadata, items: page.map(o => cloneData(o))});
}

export function getRequest(req: ApiRequest, world: World, target: Target): ApiResponse {
	const obj = findObject(world, target, target.name!);
	if (!obj) return notFound(target, target.name!);
	if (target.subresource === 'scale') return ok(scaleOf(obj));
	if (wantsTable(req.headers.accept)) return ok(tableOf(world, target.served.info?.resource ?? 'events', [obj], {resourceVersion: obj.metadata.resourceVersion, includeObject: req.query.get('includeObject') ?? undefined}));
	return ok(cloneData(obj));
}

function scaleOf(obj: KubeObject): object {
	const spec = specOf(obj);
	const specSelector = fieldsIn(spec, 'selector');
	const selector = (specSelector?.matchLabels ?? specSelector ?? {}) as Record<string, string>; // a matchLabels map, or an RC's selector map
	return {
		kind: 'Scale',
		apiVersion: 'autoscaling/v1',
		metadata: {name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp},
		spec: {replicas: (isFields(spec) ? spec.replicas : undefined) ?? 0},
		status: {replicas: statusField(obj, 'replicas') ?? 0, selector: Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')},
	};
}

function dryRun(req: ApiRequest): boolean {
	return req.query.getAll('dryRun').includes('All');
}

/** The field manager: ?fieldManager=, else the user agent's program name (kubectl/v1.32.4 ... -> kubectl), as the API server takes it. */
function managerOf(req: ApiRequest): string {
	return req.query.get('fieldManager') || (req.headers['user-agent'] ?? '').split('/')[0] || 'unknown';
}

/** Who owns which field after a write: given the object before (undefined on create) and as stored. */
type Owners = (before: KubeObject | undefined, after: KubeObject) => ManagedFieldsEntry[];

const updateOwners = (req: ApiRequest, world: World, subresource?: string): Owners => (before, after) => recordUpdate(before, after, managerOf(req), timestampAt(world.time), subresource);

/** Runs one engine call against a draft; the answer's object is copied out before the draft closes. */
function change(world: World, fn: (w: World) => ApiResult): {world: World; result: ApiResult} {
	let result!: ApiResult;
	const next = produce(world, w => {
		const r = fn(w);
		result = r.ok ? {...r, object: cloneData(r.object)} : r;
	});
	return {world: next, result};
}

export function createRequest(req: ApiRequest, world: World, target: Target, owners: Owners = updateOwners(req, world)): Handled {
	const parsed = parseBody(req);
	if ('error' in parsed) return {response: parsed.error};
	const checked = bodyOf(target.served, target.namespace, parsed.value);
	if ('refused' in checked) return {response: checked.refused};
	const input = inputOf(target.served, target.namespace, checked.body);
	const decoded = decoding(req, input);
	if ('refused' in decoded) return {response: decoded.refused};
	const done = change(world, w => {
		const created = createObject(w, input);
		if (created.ok) setManagedFields(created.object, owners(undefined, created.object));
		return created;
	});
	const named = {...target, name: input.metadata.name};
	if (!done.result.ok) return {response: apiError(named, done.result.error)};
	return {response: {...ok(done.result.object, 201), ...(decoded.warnings.length ? {warnings: decoded.warnings} : {})}, ...(dryRun(req) ? {} : {world: done.world})};
}

function conflict(target: Target, name: string): ApiResponse {
	return statusResponse(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(target.served)} "${name}": the object has been modified; please apply your changes to the latest version and try again`, {name, ...(target.served.group ? {group: target.served.group} : {}), kind: target.served.resource});
}

/** Stores a whole new state of an existing object (PUT, and PATCH once the patch is applied). */
function replaceWith(req: ApiRequest, world: World, target: Target, next: Fields, owners: Owners = updateOwners(req, world, target.subresource)): Handled {
	const existing = findObject(world, target, target.name!);
	if (!existing) return {response: notFound(target, target.name!)};
	const meta = fieldsIn(next, 'metadata');
	if (meta?.resourceVersion && meta.resourceVersion !== existing.metadata.resourceVersion) return {response: conflict(target, target.name!)};
	if (meta?.name !== undefined && meta.name !== target.name) return {response: badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${target.name})`)};
	const input = inputOf(target.served, target.namespace, next, target.name!);
	const decoded = decoding(req, input);
	if ('refused' in decoded) return {response: decoded.refused};
	const done = change(world, w => {
		const replaced = replaceObject(w, input);
		if (replaced.ok) setManagedFields(replaced.object, owners(existing, replaced.object));
		return replaced;
	});
	if (!done.result.ok) return {response: apiError(target, done.result.error)};
	const ownersChanged = JSON.stringify(managedFieldsOf(done.result.object)) !== JSON.stringify(managedFieldsOf(existing));
	return {response: {...ok(done.result.object), ...(decoded.warnings.length ? {warnings: decoded.warnings} : {})}, ...(dryRun(req) || (done.result.unchanged && !ownersChanged) ? {} : {world: done.world})};
}

export function updateRequest(req: ApiRequest, world: World, target: Target): Handled {
	const parsed = parseBody(req);
	if ('error' in parsed) return {response: parsed.error};
	if (target.subresource === 'scale') return scaleTo(req, world, target, fieldsIn(parsed.value, 'spec')?.replicas);
	const checked = bodyOf(target.served, target.namespace, parsed.value);
	if ('refused' in checked) return {response: checked.refused};
	return replaceWith(req, world, target, checked.body);
}

function scaleTo(req: ApiRequest, world: World, target: Target, replicas: unknown): Handled {
	if (!scalable.has(target.served.resource)) return {response: statusResponse(404, 'NotFound', 'the server could not find the requested resource')};
	const existing = findObject(world, target, target.name!);
	if (!existing) return {response: notFound(target, target.name!)};
	if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
		return {response: statusResponse(422, 'Invalid', `Scale.autoscaling "${target.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`)};
	}
	const next = cloneData(existing);
	if (next.kind === 'Deployment' || next.kind === 'ReplicaSet' || next.kind === 'ReplicationController' || next.kind === 'StatefulSet') next.spec.replicas = replicas; // (the kinds with a scale subresource)
	const done = replaceWith(req, world, target, {...next, metadata: {...next.metadata, resourceVersion: ''}});
	if (done.response.status !== 200) return done;
	const after = done.world ? findObject(done.world, target, target.name!)! : existing;
	return {...done, response: ok(scaleOf(after))};
}

export function patchRequest(req: ApiRequest, world: World, target: Target): Handled {
	const existing = findObject(world, target, target.name!);
	const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
	if (type === 'application/apply-patch+yaml' && !target.subresource) return applyRequest(req, world, target, existing);
	if (!existing) return {response: notFound(target, target.name!)};
	const parsed = parseBody({...req, headers: {...req.headers, 'content-type': type === 'application/apply-patch+yaml' ? 'application/yaml' : 'application/json'}});
	if ('error' in parsed) return {response: parsed.error};
	const base = target.subresource === 'scale' ? scaleOf(existing) : cloneData(existing);
	let patched: unknown;
	try {
		if (type === 'application/merge-patch+json') patched = mergePatch(base, parsed.value);
		else if (type === 'application/strategic-merge-patch+json') patched = strategicMergePatch(base, parsed.value);
		else if (type === 'application/json-patch+json') patched = jsonPatch(base, parsed.value);
		else return {response: statusResponse(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`)};
	} catch (error) {
		return {response: statusResponse(422, 'Invalid', error instanceof Error ? error.message : String(error))};
	}
	if (target.subresource === 'scale') return scaleTo(req, world, target, fieldsIn(patched, 'spec')?.replicas);
	if (!isFields(patched)) return {response: statusResponse(422, 'Invalid', notAnObject(patched))};
	// A patch that names no resourceVersion applies to whatever is current.
	if (!('resourceVersion' in (fieldsIn(parsed.value, 'metadata') ?? {}))) patched.metadata = {...(patched.metadata as object), resourceVersion: existing.metadata.resourceVersion};
	return replaceWith(req, world, target, patched);
}

/**
 * Server-side apply (kubectl apply --server-side): creates what does not exist yet; otherwise the
 * configuration is merged in, unless it would change fields another manager owns (409 with the
 * conflicts, as the API server words them; ?force=true takes them over). Fields this manager
 * applied before and no longer does, and that no one else owns, are removed.
 */
function applyRequest(req: ApiRequest, world: World, target: Target, existing: KubeObject | undefined): Handled {
	const asYaml = {...req, headers: {...req.headers, 'content-type': 'application/yaml'}};
	const parsed = parseBody(asYaml);
	if ('error' in parsed) return {response: parsed.error};
	if (parsed.value !== null && parsed.value !== undefined && !isFields(parsed.value)) return {response: badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goKind(parsed.value)} into Go value of type map[string]interface {}`)};
	const config: Fields = parsed.value ?? {};
	const manager = req.query.get('fieldManager');
	if (!manager) return {response: badRequest('PATCH, application/apply-patch+yaml requires fieldManager parameter')};
	const time = timestampAt(world.time);
	const force = req.query.get('force') === 'true';
	const applied = (before: KubeObject | undefined) => recordApply(before, config, manager, force, time);
	if (!existing) {
		return createRequest(asYaml, world, target, (_before, after) => {
			const own = applied(undefined);
			return 'managedFields' in own ? own.managedFields : [];
		});
	}
	const own = applied(existing);
	if ('conflicts' in own) {
		const causes = own.conflicts.map(c => ({reason: 'FieldManagerConflict', message: `conflict with ${managerText(c.manager)}`, field: pathText(c.path)}));
		return {response: statusResponse(409, 'Conflict', conflictMessage(own.conflicts), {causes})};
	}
	const merged = strategicMergePatch(cloneData(existing), config) as Fields; // an object merged into an object
	releaseFields(merged, own.released);
	if (!('resourceVersion' in (fieldsIn(config, 'metadata') ?? {}))) merged.metadata = {...(merged.metadata as object), resourceVersion: existing.metadata.resourceVersion};
	return replaceWith(req, world, target, merged, () => own.managedFields);
}

function deleteOptionsOf(req: ApiRequest): DeleteOptions {
	let body: Fields = {};
	if (req.body?.trim()) {
		const parsed = parseBody(req);
		if (!('error' in parsed) && parsed.value && typeof parsed.value === 'object') body = parsed.value as Fields; // (a list reads as having no fields)
	}
	const grace = req.query.get('gracePeriodSeconds') ?? body.gracePeriodSeconds;
	const asked = req.query.get('propagationPolicy') ?? body.propagationPolicy;
	const policy = (['Background', 'Foreground', 'Orphan'] as const).find(p => p === asked);
	return {
		...(grace !== undefined && grace !== null ? {gracePeriodSeconds: Number(grace)} : {}),
		...(policy ? {propagationPolicy: policy} : {}),
	};
}

export function deleteRequest(req: ApiRequest, world: World, target: Target): Handled {
	const info = target.served.info;
	if (!info) return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
	const done = change(world, w => deleteObject(w, info.resource, target.namespace, target.name!, deleteOptionsOf(req)));
	if (!done.result.ok) return {response: apiError(target, done.result.error)};
	const keep = dryRun(req) ? {} : {world: done.world};
	// A pod (or namespace) still terminating is answered with its new state; anything gone with a Status.
	const after = findObject(done.world, target, target.name!);
	if (after) return {response: ok(cloneData(after)), ...keep};
	return {response: successStatus({name: target.name, ...(target.served.group ? {group: target.served.group} : {}), kind: target.served.resource, uid: done.result.object.metadata.uid}), ...keep};
}

export function deleteCollectionRequest(req: ApiRequest, world: World, target: Target): Handled {
	const info = target.served.info;
	if (!info) return {response: statusResponse(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource')};
	const selection = selectionOf(req.query);
	if ('status' in selection) return {response: selection};
	const doomed = selected(objectsOf(world, target), selection);
	const options = deleteOptionsOf(req);
	const next = produce(world, w => {
		for (const obj of doomed) deleteObject(w, info.resource, obj.metadata.namespace, obj.metadata.name, options);
	});
	return {response: ok({kind: listKind(target), apiVersion: apiVersionOf(target.served), metadata: {resourceVersion: String(next.cluster!.resourceVersion)}, items: doomed.map(o => cloneData(o))}), ...(dryRun(req) ? {} : {world: next})};
}

/** GET pods/NAME/log: the container's output as text, with kubectl logs' options. */
export function logRequest(req: ApiRequest, world: World, target: Target): ApiResponse {
	const pod = findObject(world, target, target.name!);
	if (!pod || pod.kind !== 'Pod') return notFound(target, target.name!);
	const containers: string[] = (pod.spec?.containers ?? []).map(x => x.name);
	const wanted = req.query.get('container');
	if (!wanted && containers.length > 1) return badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]`);
	const container = wanted ?? containers[0]!;
	if (!containers.includes(container)) return badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
	const runtime = world.cluster!.podRuntimes.get(`${pod.metadata.namespace}/${pod.metadata.name}`)?.containers.find(x => x.name === container);
	let lines: string[];
	if (req.query.get('previous') === 'true') {
		if (!runtime?.previousLogs && !(runtime && runtime.attempt > 0)) return badRequest(`previous terminated container "${container}" in pod "${pod.metadata.name}" not found`);
		lines = runtime.previousLogs ?? [];
	} else {
		if (!runtime || (runtime.pid === undefined && !runtime.lastTermination)) {
			const reason = pod.status?.containerStatuses?.find(s => s.name === container)?.state?.waiting?.reason ?? 'ContainerCreating';
			return badRequest(`container "${container}" in pod "${pod.metadata.name}" is waiting to start: ${reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason}`);
		}
		lines = containerLogs(world, pod.spec.nodeName ?? '', runtime);
	}
	const tail = Number(req.query.get('tailLines') ?? -1);
	if (tail >= 0) lines = lines.slice(Math.max(0, lines.length - tail));
	const stamped = req.query.get('timestamps') === 'true' ? lines.map(line => `${timestampAt(world.time).replace('Z', '.000000000Z')} ${line}`) : lines;
	return {status: 200, body: stamped.map(line => line + '\n').join(''), contentType: 'text/plain'};
}
