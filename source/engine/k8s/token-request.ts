// The serviceaccounts/token subresource (authentication.k8s.io/v1 TokenRequest): the API server
// checks the request, then answers with a signed JWT (RS256) whose claims name the account, its
// namespace, the audiences, the object it is bound to and the expiry (an hour unless asked
// otherwise). The built-in `kubectl create token` and the endpoint's POST .../token both come here.
import {digestHex} from '../hash.ts';
import {worldEpoch, type World} from '../world.ts';
import type {ApiError} from './api-errors.ts';
import {resourceInfo, storeKey} from './resources.ts';

export type TokenRequestSpec = {audiences?: string[]; expirationSeconds?: number; boundObjectRef?: {kind?: string; apiVersion?: string; name?: string; uid?: string} | null};

export type TokenRequest = {
	kind: 'TokenRequest';
	apiVersion: 'authentication.k8s.io/v1';
	metadata: {name: string; namespace: string; creationTimestamp: string};
	spec: {audiences: string[]; expirationSeconds: number; boundObjectRef: {kind: string; apiVersion: string; name: string; uid: string} | null};
	status: {token: string; expirationTimestamp: string};
};

export const tokenIssuer = 'https://kubernetes.default.svc.cluster.local';

/** base64url without padding (engine code: btoa rather than Node's Buffer). */
const base64urlBytes = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const base64url = (text: string) => base64urlBytes(new TextEncoder().encode(text));
const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], pair => parseInt(pair, 16));
const rfc3339 = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

function uuidFrom(seed: string): string {
	const hex = digestHex(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An RS256 signature is 256 bytes; the simulation's is a digest of the claims, not a real signature. */
const signatureOf = (claims: string) => base64urlBytes(hexBytes(Array.from({length: 8}, (_, i) => digestHex(`sig/${i}/${claims}`, 64)).join('')).subarray(0, 256));

/**
 * The service account a bearer token issued here stands for (`kubectl --token=$(kubectl create
 * token NAME)`), or undefined when it is not one, is expired, or its account is gone.
 */
export function tokenSubject(w: World, token: string): {name: string; uid: string; jti: string} | undefined {
	const [, payloadPart, signature] = token.split('.');
	if (!payloadPart || !signature) return undefined;
	let claims: string;
	let payload: {sub?: string; exp?: number; jti?: string; 'kubernetes.io'?: {namespace?: string; serviceaccount?: {name?: string; uid?: string}}};
	try {
		const binary = atob(payloadPart.replace(/-/g, '+').replace(/_/g, '/'));
		claims = new TextDecoder().decode(Uint8Array.from(binary, ch => ch.charCodeAt(0)));
		payload = JSON.parse(claims);
	} catch {
		return undefined;
	}
	if (signatureOf(claims) !== signature) return undefined;
	const k8s = payload['kubernetes.io'];
	const namespace = k8s?.namespace ?? '';
	const account = k8s?.serviceaccount?.name ?? '';
	if ((payload.exp ?? 0) * 1000 < worldEpoch + w.time) return undefined;
	if (w.cluster?.store.serviceaccounts.get(`${namespace}/${account}`)?.metadata.uid !== k8s?.serviceaccount?.uid) return undefined;
	return payload.sub ? {name: payload.sub, uid: k8s?.serviceaccount?.uid ?? '', jti: payload.jti ?? ''} : undefined;
}

const invalid = (name: string, detail: string): ApiError => ({code: 422, reason: 'Invalid', message: `TokenRequest.authentication.k8s.io "${name}" is invalid: ${detail}`});

/** The TokenRequest the API server answers for service account `name` in `namespace`, or its error. */
const boundKinds = {Pod: 'pods', Secret: 'secrets', Node: 'nodes'} as const;

export function issueToken(w: World, namespace: string, name: string, spec: TokenRequestSpec): {ok: true; request: TokenRequest} | {ok: false; error: ApiError} {
	const c = w.cluster!;
	const account = c.store.serviceaccounts.get(`${namespace}/${name}`);
	if (!account) return {ok: false, error: {code: 404, reason: 'NotFound', message: `serviceaccounts "${name}" not found`}};
	const expirationSeconds = spec.expirationSeconds || 3600;
	if (expirationSeconds < 600) return {ok: false, error: invalid(name, `spec.expirationSeconds: Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes`)};
	if (expirationSeconds > 2 ** 32) return {ok: false, error: invalid(name, `spec.expirationSeconds: Invalid value: ${expirationSeconds}: may not specify a duration larger than 2^32 seconds`)};
	const claims: Record<string, unknown> = {namespace};
	let boundRef: TokenRequest['spec']['boundObjectRef'] = null;
	const ref = spec.boundObjectRef;
	if (ref?.kind) {
		const resource = Object.hasOwn(boundKinds, ref.kind) ? boundKinds[ref.kind as keyof typeof boundKinds] : undefined; // (not "constructor", "toString"...)
		if (!resource) return {ok: false, error: invalid(name, `spec.boundObjectRef.kind: Unsupported value: "${ref.kind}": supported values: "Node", "Pod", "Secret"`)};
		const bound = c.store[resource].get(storeKey(resourceInfo(resource), namespace, ref.name ?? ''));
		if (!bound) return {ok: false, error: {code: 404, reason: 'NotFound', message: `${resource} "${ref.name ?? ''}" not found`}};
		if (ref.uid && ref.uid !== bound.metadata.uid) return {ok: false, error: {code: 409, reason: 'Conflict', message: `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`}};
		boundRef = {kind: ref.kind, apiVersion: 'v1', name: bound.metadata.name, uid: bound.metadata.uid};
		claims[ref.kind.toLowerCase()] = {name: bound.metadata.name, uid: bound.metadata.uid};
		if (bound.kind === 'Pod' && bound.spec?.nodeName) {
			const node = c.store.nodes.get(bound.spec.nodeName);
			if (node) claims['node'] = {name: node.metadata.name, uid: node.metadata.uid};
		}
	}
	claims['serviceaccount'] = {name, uid: account.metadata.uid};
	const issuedAt = Math.floor((worldEpoch + w.time) / 1000);
	const audiences = spec.audiences?.length ? spec.audiences : [tokenIssuer];
	// Claims in the order the API server's JSON encoder writes them (sorted by name).
	const ordered = Object.fromEntries(Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : 1)));
	const payload = {aud: audiences, exp: issuedAt + expirationSeconds, iat: issuedAt, iss: tokenIssuer, jti: uuidFrom(`jti/${namespace}/${name}/${w.time}/${c.resourceVersion}`), 'kubernetes.io': ordered, nbf: issuedAt, sub: `system:serviceaccount:${namespace}:${name}`};
	const keyId = base64urlBytes(hexBytes(digestHex(`sa-signing-key/${c.name}`, 64)));
	// An RS256 signature is 256 bytes; the simulation's is a digest of the token, not a real signature.
	const token = `${base64url(JSON.stringify({alg: 'RS256', kid: keyId}))}.${base64url(JSON.stringify(payload))}.${signatureOf(JSON.stringify(payload))}`;
	return {
		ok: true,
		request: {kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {name, namespace, creationTimestamp: rfc3339(issuedAt)}, spec: {audiences, expirationSeconds, boundObjectRef: boundRef}, status: {token, expirationTimestamp: rfc3339(issuedAt + expirationSeconds)}},
	};
}
