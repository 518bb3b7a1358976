// Request bodies as the API server decodes them: parsed as JSON or YAML, read as `unknown` until
// the kind, namespace and decoding checks (kubectl's own decoding errors, shell/commands/kubectl/
// manifests.ts) make them an ObjectInput for the engine's API server to default and validate.
import {parse as parseYaml} from 'yaml';
import {fieldsIn, isFields, type Fields, type ObjectInput} from '../engine/k8s/object-input.ts';
import {decodeError, unknownFields} from '../shell/commands/kubectl/manifests.ts';
import type {ApiRequest, ApiResponse} from './api-types.ts';
import type {ServedResource} from './api-resources.ts';
import {badRequest, statusResponse} from './status.ts';

export function apiVersionOf(served: ServedResource): string {
	return served.group ? `${served.group}/${served.version}` : served.version;
}

/** The request's body as an object: JSON, or YAML when the client sent YAML. */
export function parseBody(req: ApiRequest): {value: unknown} | {error: ApiResponse} {
	const text = req.body ?? '';
	const type = req.headers['content-type'] ?? 'application/json';
	// A real API server decodes protobuf too (kubectl create rolebinding sends it); this one does not, and says so.
	if (/protobuf/.test(type)) return {error: statusResponse(415, 'UnsupportedMediaType', `[simulator] this endpoint does not decode protobuf request bodies (${type}); write the object in a file and use kubectl apply -f, which sends JSON`)};
	try {
		if (/yaml/.test(type)) return {value: parseYaml(text)};
		return {value: JSON.parse(text)};
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return {error: badRequest(`json: cannot unmarshal the request body: ${reason}`)};
	}
}

/** Go's name for a JSON value's type in a decoding error ("cannot unmarshal number into ..."). */
export const goKind = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value);

/**
 * A patch whose result is not an object: the API server cannot decode it back into the kind
 * (apiserver's patch.go, NewInvalid with an empty kind and name; the JSON serializer's words).
 */
export function notAnObject(patched: unknown): string {
	const json = JSON.stringify(patched) ?? 'null';
	const why = patched === null || patched === undefined ? `Object 'Kind' is missing in '${json}'` : `couldn't get version/kind; json parse error: json: cannot unmarshal ${goKind(patched)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`;
	return ` "" is invalid: patch: Invalid value: ${JSON.stringify(json)}: ${why}`;
}

/**
 * The API server's decoding of a body: type errors always refuse it; unknown fields refuse it
 * under fieldValidation=Strict (what kubectl 1.32 sends), warn under Warn (the default), pass under Ignore.
 */
export function decoding(req: ApiRequest, obj: ObjectInput): {refused: ApiResponse} | {warnings: string[]} {
	const cannot = `${obj.kind} in version "${String(obj.apiVersion ?? '').split('/').pop()}" cannot be handled as a ${obj.kind}`;
	const decode = decodeError(obj);
	if (decode) return {refused: badRequest(`${cannot}: ${decode}`)};
	const mode = req.query.get('fieldValidation') ?? 'Warn';
	if (mode === 'Ignore') return {warnings: []};
	const unknown = unknownFields(obj);
	if (unknown.length === 0) return {warnings: []};
	if (mode === 'Strict') return {refused: badRequest(`${cannot}: strict decoding error: ${unknown.join(', ')}`)};
	return {warnings: unknown};
}

/** The body as an object of the resource the URL names (kind checked; the rest is decoding's and validation's), or the refusal. */
export function bodyOf(served: ServedResource, namespace: string | undefined, body: unknown): {body: Fields} | {refused: ApiResponse} {
	if (!isFields(body)) return {refused: badRequest('Object \'Kind\' is missing in the request body')};
	if (body.kind !== served.kind) return {refused: badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${apiVersionOf(served)})`)};
	const sent = fieldsIn(body, 'metadata')?.namespace;
	if (served.namespaced && sent && sent !== namespace) {
		return {refused: badRequest('the namespace of the provided object does not match the namespace sent on the request')};
	}
	return {body};
}

/** What the request asks to store: the body with the URL's name and namespace (its apiVersion as sent: decoding reports a wrong one). */
export function inputOf(served: ServedResource, namespace: string | undefined, body: Fields, name?: string): ObjectInput {
	return {...body, metadata: {...(body.metadata as object), ...(name === undefined ? {} : {name}), ...(served.namespaced ? {namespace} : {})}} as ObjectInput;
}
