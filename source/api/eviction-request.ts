// POST /api/v1/namespaces/NS/pods/NAME/eviction: the Eviction kubectl drain sends for each pod
// (policy/v1, deleteOptions inside). The engine decides (engine/k8s/eviction.ts); this turns its
// answer into the API server's: 201 with a Success Status, or a Status with its causes (429 while
// a PodDisruptionBudget allows no disruption, which kubectl drain retries every 5 s).
import {produce} from 'immer';
import type {DeleteOptions} from '../engine/k8s/api-server.ts';
import {evictPod, type EvictionResult} from '../engine/k8s/eviction.ts';
import type {World} from '../engine/world.ts';
import type {ApiRequest, Handled} from './api-types.ts';
import {parseBody} from './request-bodies.ts';
import type {Target} from './resource-requests.ts';
import {statusResponse} from './status.ts';
import {fieldsIn, isFields, type Fields} from '../engine/k8s/object-input.ts';

const propagationPolicies = ['Background', 'Foreground', 'Orphan'] as const;

function deleteOptionsOf(body: Fields): DeleteOptions {
	const options = fieldsIn(body, 'deleteOptions') ?? {};
	const policy = propagationPolicies.find(p => p === options.propagationPolicy);
	return {
		...(typeof options.gracePeriodSeconds === 'number' ? {gracePeriodSeconds: options.gracePeriodSeconds} : {}),
		...(policy ? {propagationPolicy: policy} : {}),
	};
}

export function evictionRequest(req: ApiRequest, world: World, target: Target): Handled {
	const parsed = parseBody(req);
	if ('error' in parsed) return {response: parsed.error};
	const body = isFields(parsed.value) ? parsed.value : undefined;
	if (!body || body.kind !== 'Eviction' || !/^policy\/v1(beta1)?$/.test(String(body.apiVersion))) {
		return {response: statusResponse(400, 'BadRequest', `not a Eviction object: ${body?.apiVersion ?? ''}, Kind=${body?.kind ?? ''}`)};
	}
	if (fieldsIn(body, 'metadata')?.name !== target.name) return {response: statusResponse(400, 'BadRequest', 'name in URL does not match name in Eviction object')};
	const optionsDryRun = fieldsIn(body, 'deleteOptions')?.dryRun;
	const dryRun = req.query.getAll('dryRun').includes('All') || ((Array.isArray(optionsDryRun) || typeof optionsDryRun === 'string') && optionsDryRun.includes('All'));
	let result!: EvictionResult;
	const next = produce(world, w => {
		result = evictPod(w, target.namespace!, target.name!, deleteOptionsOf(body), dryRun);
	});
	if (!result.ok) {
		const {code, reason, message, causes, retryAfterSeconds} = result.error;
		const details = code === 404 ? {name: target.name, kind: 'pods'} : causes || retryAfterSeconds ? {...(causes ? {causes} : {}), ...(retryAfterSeconds ? {retryAfterSeconds} : {})} : undefined;
		return {response: statusResponse(code, reason, message, details)};
	}
	return {response: {status: 201, body: {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201}}, ...(dryRun ? {} : {world: next})};
}
