// kubectl apply -f / create -f / delete -f: objects from manifests through the API server.
import {cloneData, now} from '../../../engine/k8s/metadata.ts';
import {recordUpdate, setManagedFields} from '../../../engine/k8s/field-managers.ts';
import {cascadePolicy} from './cascade.ts';
import {createObject, deleteObject, getObject, replaceObject} from '../../../engine/k8s/api-server.ts';
import {resourceByKind} from '../../../engine/k8s/resources.ts';
import {catalogueByKind} from '../../../engine/k8s/api-catalogue.ts';
import {typeNotSimulated} from './unmodelled.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {ObjectInput} from '../../../engine/k8s/object-input.ts';
import type {CommandOutcome} from '../../types.ts';
import {bool, flag, flagAll} from './args.ts';
import type {World} from '../../../engine/world.ts';
import {change, serverError, type Kctx} from './context.ts';
import {waitUntilGone, type DeletedObject} from './delete-wait.ts';
import {decodeError, loadManifests, unknownFields} from './manifests.ts';
import {qualifiedPlural, typePrefix} from './resource-names.ts';
import {serverSideApply} from './server-side-apply.ts';

/**
 * kubectl replace: a PUT of the whole object (the server refuses what may not change); with
 * --force the object is deleted and created again from the manifest.
 */
function replaceManifest(k: Kctx, w: World, input: ObjectInput, existing: KubeObject | undefined, source: string): {lines: string[]; error?: string} {
	const info = resourceByKind(input.kind)!;
	const ns = info.namespaced ? input.metadata.namespace : undefined;
	const id = `${typePrefix(info)}/${input.metadata.name}`;
	if (bool(k.args, 'force')) {
		const lines: string[] = [];
		if (existing) {
			deleteObject(w, info.resource, ns, existing.metadata.name, {force: true, gracePeriodSeconds: 0});
			lines.push(`${typePrefix(info)} "${input.metadata.name}" deleted`);
		}
		const created = createObject(w, input);
		if (!created.ok) return {lines, error: created.error.reason === 'Invalid' ? created.error.message : serverError(created.error, `error when replacing "${source}"`)};
		return {lines: [...lines, `${id} replaced`]};
	}
	if (!existing) return {lines: [], error: `Error from server (NotFound): error when replacing "${source}": ${qualifiedPlural(info)} "${input.metadata.name}" not found`};
	const result = replaceObject(w, input);
	if (!result.ok) return {lines: [], error: result.error.reason === 'Invalid' ? result.error.message : serverError(result.error, `error when replacing "${source}"`)};
	return {lines: [`${id} replaced`]};
}

function versionOk(obj: ObjectInput): boolean {
	const info = resourceByKind(obj.kind);
	return !!info && info.apiVersion === obj.apiVersion;
}

export function applyManifests(k: Kctx, mode: 'apply' | 'create' | 'delete' | 'replace'): CommandOutcome {
	const paths = flagAll(k.args, 'f', 'filename');
	if (paths.length === 0) return {stdout: '', stderr: `error: must specify one of -f and -k\n`, exitCode: 1};
	const loaded = loadManifests(k.ctx, paths);
	if ('error' in loaded) return {stdout: '', stderr: loaded.error + '\n', exitCode: 1};
	const flagNs = flag(k.args, 'n', 'namespace');
	const defaultNs = flagNs ?? k.ctx.session.namespace ?? 'default';
	const lines: string[] = [];
	const errors: string[] = [];
	const deleted: DeletedObject[] = [];
	let {world} = change(k.ctx.world, w => {
		for (const {object, source} of loaded.manifests) {
			const info = resourceByKind(object.kind);
			if (!info || !versionOk(object)) {
				const real = catalogueByKind(object.kind, object.apiVersion);
				if (real) {
					errors.push(`${typeNotSimulated(real)} ("${object.metadata?.name ?? ''}" from "${source}" was not applied)`);
					continue;
				}
				errors.push(`error: resource mapping not found for name: "${object.metadata?.name ?? ''}" namespace: "${object.metadata?.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`);
				continue;
			}
			if (info.namespaced && flagNs && object.metadata.namespace && object.metadata.namespace !== flagNs) {
				errors.push(`error: the namespace from the provided object "${object.metadata.namespace}" does not match the namespace "${flagNs}". You must pass '--namespace=${object.metadata.namespace}' to perform this operation.`);
				continue;
			}
			const ns = info.namespaced ? (object.metadata.namespace ?? defaultNs) : undefined;
			const id = `${typePrefix(info)}/${object.metadata.name}`;
			if (mode === 'delete') {
				const result = deleteObject(w, info.resource, ns, object.metadata.name ?? '', {propagationPolicy: cascadePolicy(k).policy});
				if (result.ok) {
					lines.push(`${typePrefix(info)} "${object.metadata.name}" deleted`);
					deleted.push({info, namespace: ns, obj: cloneData(result.object)});
				}
				else errors.push(`Error from server (NotFound): error when deleting "${source}": ${qualifiedPlural(info)} "${object.metadata.name}" not found`);
				continue;
			}
			const decode = decodeError(object);
			if (decode) {
				errors.push(`Error from server (BadRequest): error when creating "${source}": ${object.kind} in version "${object.apiVersion}" cannot be handled as a ${object.kind}: ${decode}`);
				continue;
			}
			const unknown = unknownFields(object);
			if (unknown.length) {
				errors.push(`Error from server (BadRequest): error when creating "${source}": ${object.kind} in version "${object.apiVersion}" cannot be handled as a ${object.kind}: strict decoding error: ${unknown.join(', ')}`);
				continue;
			}
			const input: ObjectInput = cloneData(object);
			if (info.namespaced) input.metadata.namespace = ns;
			if (mode === 'apply' && bool(k.args, 'server-side')) {
				const applied = serverSideApply(k, w, input, input.metadata.name ? getObject(w.cluster!, info.resource, ns, input.metadata.name) : undefined, id, source);
				if (applied.line) lines.push(applied.line);
				if (applied.error) errors.push(applied.error);
				continue;
			}
			if (mode === 'apply') {
				const original = cloneData(object);
				if (info.namespaced) original.metadata.namespace = ns;
				input.metadata.annotations = {...input.metadata.annotations, 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(original) + '\n'};
			}
			const existing = input.metadata.name ? getObject(w.cluster!, info.resource, ns, input.metadata.name) : undefined;
			if (mode === 'replace') {
				const replaced = replaceManifest(k, w, input, existing, source);
				lines.push(...replaced.lines);
				if (replaced.error) errors.push(replaced.error);
				continue;
			}
			// The field manager the real kubectl names: client-side apply's, or create's.
			const manager = mode === 'apply' ? 'kubectl-client-side-apply' : 'kubectl-create';
			if (existing && mode === 'apply') {
				const before = cloneData(existing);
				const result = replaceObject(w, input);
				if (result.ok && !result.unchanged) setManagedFields(result.object, recordUpdate(before, result.object, manager, now(w)));
				if (result.ok) lines.push(`${id} ${result.unchanged ? 'unchanged' : 'configured'}`);
				else errors.push(result.error.reason === 'Invalid' ? result.error.message : `Error from server (${result.error.reason}): error when applying patch:\n${JSON.stringify(object)}\nto:\nResource: "${info.apiVersion.includes('/') ? info.apiVersion : `/${info.apiVersion}`}, Resource=${info.resource}", GroupVersionKind: "${info.apiVersion}, Kind=${info.kind}"\nName: "${object.metadata.name}", Namespace: "${ns ?? ''}"\nfor: "${source}": ${result.error.message}`);
				continue;
			}
			const result = createObject(w, input);
			if (result.ok) setManagedFields(result.object, recordUpdate(undefined, result.object, manager, now(w)));
			if (result.ok) lines.push(`${typePrefix(info)}/${result.object.metadata.name} created`);
			else errors.push(result.error.reason === 'Invalid' ? result.error.message : serverError(result.error, `error when creating "${source}"`));
		}
	});
	const dry = flag(k.args, 'dry-run');
	if (dry && dry !== 'none' && dry !== 'false') {
		// A dry run goes through every check but keeps nothing.
		const mark = dry === 'server' ? ' (server dry run)' : ' (dry run)';
		return {stdout: lines.map(l => l + mark + '\n').join(''), stderr: errors.length ? errors.join('\n') + '\n' : '', exitCode: errors.length ? 1 : 0};
	}
	if (deleted.length) world = waitUntilGone(k, world, deleted);
	return {stdout: lines.length ? lines.join('\n') + '\n' : '', stderr: errors.length ? errors.join('\n') + '\n' : '', exitCode: errors.length ? 1 : 0, world: lines.length ? world : undefined};
}
