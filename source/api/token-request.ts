// POST /api/v1/namespaces/NS/serviceaccounts/NAME/token: the TokenRequest `kubectl create token`
// sends (protobuf from kubectl 1.32, decoded before it gets here). The engine issues the token
// (engine/k8s/token-request.ts), as it does for the built-in kubectl; the answer is 201 with the
// TokenRequest and its status.token, or the API server's Status.
import {issueToken} from '../engine/k8s/token-request.ts';
import {fieldsIn, isFields} from '../engine/k8s/object-input.ts';
import type {World} from '../engine/world.ts';
import type {ApiRequest, Handled} from './api-types.ts';
import {parseBody} from './request-bodies.ts';
import type {Target} from './resource-requests.ts';
import {errorResponse, statusResponse} from './status.ts';

export function tokenRequest(req: ApiRequest, world: World, target: Target): Handled {
	const parsed = parseBody(req);
	if ('error' in parsed) return {response: parsed.error};
	const body = isFields(parsed.value) ? parsed.value : undefined;
	if (!body || body.kind !== 'TokenRequest') return {response: statusResponse(400, 'BadRequest', `not a TokenRequest: ${body?.apiVersion ?? ''}, Kind=${body?.kind ?? ''}`)};
	const spec = fieldsIn(body, 'spec') ?? {};
	const ref = fieldsIn(spec, 'boundObjectRef');
	const text = (value: unknown) => (value === undefined ? undefined : String(value));
	const issued = issueToken(world, target.namespace!, target.name!, {
		...(Array.isArray(spec.audiences) ? {audiences: spec.audiences.map(String)} : {}),
		...(typeof spec.expirationSeconds === 'number' ? {expirationSeconds: spec.expirationSeconds} : {}),
		...(ref ? {boundObjectRef: {kind: text(ref.kind), apiVersion: text(ref.apiVersion), name: text(ref.name), uid: text(ref.uid)}} : {}),
	});
	if (!issued.ok) {
		const details = issued.error.reason === 'Invalid' ? {name: target.name, group: 'authentication.k8s.io', kind: 'TokenRequest'} : {name: issued.error.reason === 'NotFound' ? issued.error.message.split('"')[1] : target.name, kind: issued.error.message.split(' ')[0]};
		return {response: errorResponse(issued.error, details)};
	}
	return {response: {status: 201, body: issued.request}};
}
