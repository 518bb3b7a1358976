// OpenAPI v3 as far as kubectl needs it: the root lists each group-version's document; each
// document names every resource's operations with their group-version-kind and the query
// parameters the server takes, so kubectl sends fieldValidation and lets the server validate.
import type {ApiResponse} from './api-types.ts';
import {kubernetesVersion} from './discovery.ts';
import {servedResources, type ServedResource} from './api-resources.ts';
import {schemasFor} from './openapi-schemas.ts';

// kubectl caches each document by this hash: it changes whenever what the documents say changes.
const hash = `k8s-tutor-${kubernetesVersion.gitVersion}-schemas-1`;

function gvPath(group: string, version: string): string {
	return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function openApiRoot(): ApiResponse {
	const paths: Record<string, {serverRelativeURL: string}> = {};
	for (const r of servedResources) paths[gvPath(r.group, r.version)] = {serverRelativeURL: `/openapi/v3/${gvPath(r.group, r.version)}?hash=${hash}`};
	return {status: 200, body: {paths}};
}

const param = (name: string) => ({name, in: 'query', schema: {type: 'string', uniqueItems: true}});
const writeParams = ['dryRun', 'fieldManager', 'fieldValidation'].map(param);

function operations(r: ServedResource, group: string, version: string, one: boolean): Record<string, unknown> {
	const gvk = {'x-kubernetes-group-version-kind': {group, version, kind: r.kind}};
	const op = (action: string, params: object[] = []) => ({operationId: `${action}${r.kind}`, parameters: params, responses: {'200': {description: 'OK'}}, 'x-kubernetes-action': action, ...gvk});
	if (one) {
		return {
			get: op('get'),
			...(r.verbs.includes('update') ? {put: op('put', writeParams)} : {}),
			...(r.verbs.includes('patch') ? {patch: op('patch', [...writeParams, param('force')])} : {}),
			...(r.verbs.includes('delete') ? {delete: op('delete', [param('dryRun'), param('gracePeriodSeconds'), param('propagationPolicy')])} : {}),
		};
	}
	return {get: op('list', ['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'watch'].map(param)), ...(r.verbs.includes('create') ? {post: op('post', writeParams)} : {})};
}

export function openApiDocument(path: string): ApiResponse | undefined {
	const served = servedResources.filter(r => gvPath(r.group, r.version) === path);
	if (served.length === 0) return undefined;
	const paths: Record<string, unknown> = {};
	for (const r of served) {
		const base = `/${gvPath(r.group, r.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
		paths[base] = operations(r, r.group, r.version, false);
		paths[`${base}/{name}`] = operations(r, r.group, r.version, true);
	}
	return {status: 200, body: {openapi: '3.0.0', info: {title: 'Kubernetes', version: kubernetesVersion.gitVersion}, paths, components: {schemas: schemasFor(served[0]!.group, served[0]!.version)}}};
}
