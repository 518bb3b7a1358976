// Request bodies the types now read as `unknown` (issue 12): a patch or a body of the wrong shape
// gets the API server's answer, not a JavaScript error's text or an exception out of handleRequest.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ApiRequest} from '../../source/api/api-types.ts';
import {handleRequest} from '../../source/api/handle-request.ts';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {tick} from '../../source/engine/tick.ts';
import type {World} from '../../source/engine/world.ts';

function request(method: string, url: string, body: unknown, contentType = 'application/json'): ApiRequest {
	const parsed = new URL(url, 'https://127.0.0.1');
	return {method, path: parsed.pathname, query: parsed.searchParams, headers: {accept: 'application/json', 'content-type': contentType, 'user-agent': 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07'}, body: typeof body === 'string' ? body : JSON.stringify(body)};
}

let base: World | undefined;
function withPod(): World {
	base ??= handleRequest(request('POST', '/api/v1/namespaces/default/pods', {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx'}]}}), tick(createSandboxWorld({seed: 1}), 60_000)).world!;
	return base;
}

const answer = (req: ApiRequest) => {
	const {response} = handleRequest(req, withPod());
	return {status: response.status, message: (response.body as {message?: string}).message};
};
const jsonPatch = (ops: unknown) => answer(request('PATCH', '/api/v1/namespaces/default/pods/web', ops, 'application/json-patch+json'));

test('a JSON patch into a string or with a null operation is refused in json-patch\'s words, not JavaScript\'s', () => {
	assert.deepEqual(jsonPatch([{op: 'add', path: '/metadata/name/x', value: 1}]), {status: 422, message: 'doc is missing path: "/metadata/name/x": missing value'});
	assert.deepEqual(jsonPatch([null]), {status: 422, message: 'Unexpected kind: unknown'});
});

test('a JSON patch that leaves no object is Invalid, as the API server decoding it back says (it threw out of handleRequest)', () => {
	assert.deepEqual(jsonPatch([{op: 'add', path: '', value: 5}]), {
		status: 422,
		message: ' "" is invalid: patch: Invalid value: "5": couldn\'t get version/kind; json parse error: json: cannot unmarshal number into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }',
	});
});

test('a server-side apply of a YAML scalar is a BadRequest decoding error (it threw out of handleRequest)', () => {
	assert.deepEqual(answer(request('PATCH', '/api/v1/namespaces/default/pods/web?fieldManager=me', '5', 'application/apply-patch+yaml')), {
		status: 400,
		message: 'error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}',
	});
});

test('a TokenRequest bound to a kind named like an Object method is an unsupported kind (it threw out of handleRequest)', () => {
	const token = (kind: string) => answer(request('POST', '/api/v1/namespaces/default/serviceaccounts/default/token', {apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {boundObjectRef: {kind, name: 'web'}}}));
	assert.deepEqual(token('constructor'), {status: 422, message: 'TokenRequest.authentication.k8s.io "default" is invalid: spec.boundObjectRef.kind: Unsupported value: "constructor": supported values: "Node", "Pod", "Secret"'});
	assert.equal(token('Pod').status, 201);
});
