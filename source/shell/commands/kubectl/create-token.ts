// kubectl create token SERVICE_ACCOUNT: a TokenRequest to the service account's token
// subresource; the API server answers with a signed JWT (RS256) whose claims name the account,
// its namespace, the audiences and the expiry (an hour unless --duration says otherwise).
import {digestHex} from '../../../engine/hash.ts';
import {worldEpoch} from '../../../engine/world.ts';
import {storeKey, resourceInfo} from '../../../engine/k8s/resources.ts';
import type {CommandOutcome} from '../../types.ts';
import {flag, flagAll} from './args.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {toYaml} from './yaml-print.ts';

const boundObjectKinds = ['Node', 'Pod', 'Secret'];
const issuer = 'https://kubernetes.default.svc.cluster.local';

function base64url(text: string): string {
	return Buffer.from(text).toString('base64url');
}

function uuidFrom(seed: string): string {
	const hex = digestHex(seed, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A Go duration in whole seconds, or kubectl's flag error. */
function durationSeconds(text: string): number | {error: string} {
	const bad = {error: `error: invalid argument "${text}" for "--duration" flag: time: invalid duration "${text}"`};
	if (/^[+-]?0$/.test(text)) return 0;
	const m = /^([+-]?)((?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/.exec(text);
	if (!m) {
		const unit = /^[+-]?\d+(?:\.\d+)?([^\d.]+)/.exec(text)?.[1];
		return unit && !/^(ns|us|µs|ms|s|m|h)/.test(unit) ? {error: `error: invalid argument "${text}" for "--duration" flag: time: unknown unit "${unit}" in duration "${text}"`} : /^[+-]?\d+(\.\d+)?$/.test(text) ? {error: `error: invalid argument "${text}" for "--duration" flag: time: missing unit in duration "${text}"`} : bad;
	}
	const unitNs: Record<string, number> = {ns: 1, us: 1e3, µs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9};
	let ns = 0;
	for (const part of m[2]!.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ns += Number(part[1]) * unitNs[part[2]!]!;
	if (m[1] === '-') ns = -ns;
	if (ns < 0) return {error: 'error: --duration must be greater than or equal to 0'};
	if (ns % 1e9 !== 0) return {error: 'error: --duration cannot be expressed in units less than seconds'};
	return ns / 1e9;
}

export function kubectlCreateToken(k: Kctx): CommandOutcome {
	const names = k.args.positional.slice(1);
	if (names.length !== 1) return fail(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create token -h' for help and examples`);
	const name = names[0]!;
	const ns = namespaceOf(k);
	const durationText = flag(k.args, 'duration');
	const seconds = durationText === undefined ? 0 : durationSeconds(durationText);
	if (typeof seconds === 'object') return fail(seconds.error.includes('flag:') ? `${seconds.error}\nSee 'kubectl create token --help' for usage.` : seconds.error);
	const audiences = flagAll(k.args, 'audience');
	if (audiences.some(a => a === '')) return fail('error: --audience must not be an empty string');
	const kind = flag(k.args, 'bound-object-kind') ?? '';
	const boundName = flag(k.args, 'bound-object-name') ?? '';
	const boundUid = flag(k.args, 'bound-object-uid') ?? '';
	if (!kind) {
		if (boundName) return fail('error: --bound-object-name can only be set if --bound-object-kind is provided');
		if (boundUid) return fail('error: --bound-object-uid can only be set if --bound-object-kind is provided');
	} else {
		if (!boundObjectKinds.includes(kind)) return fail(`error: supported --bound-object-kind values are ${boundObjectKinds.join(', ')}`);
		if (!boundName) return fail('error: --bound-object-name is required if --bound-object-kind is provided');
	}
	const w = k.ctx.world;
	const c = w.cluster!;
	const account = c.store.serviceaccounts.get(`${ns}/${name}`);
	if (!account) return fail(`error: failed to create token: serviceaccounts "${name}" not found`);
	const expirationSeconds = seconds || 3600;
	if (expirationSeconds < 600) return fail(`error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${expirationSeconds}: may not specify a duration less than 10 minutes`);
	if (expirationSeconds > 2 ** 32) return fail(`error: failed to create token: TokenRequest.authentication.k8s.io "${name}" is invalid: spec.expirationSeconds: Invalid value: ${expirationSeconds}: may not specify a duration larger than 2^32 seconds`);
	const claims: Record<string, unknown> = {namespace: ns};
	let boundRef: Record<string, string> | null = null;
	if (kind) {
		const resource = ({Pod: 'pods', Secret: 'secrets', Node: 'nodes'} as const)[kind as 'Pod']!;
		const info = resourceInfo(resource);
		const bound = c.store[resource].get(storeKey(info, ns, boundName));
		if (!bound) return fail(`error: failed to create token: ${resource} "${boundName}" not found`);
		if (boundUid && boundUid !== bound.metadata.uid) return fail(`error: failed to create token: the UID in the bound object reference (${boundUid}) does not match the UID in record. The object might have been deleted and then recreated`);
		boundRef = {kind, apiVersion: 'v1', name: boundName, uid: bound.metadata.uid};
		claims[kind.toLowerCase()] = {name: boundName, uid: bound.metadata.uid};
		if (kind === 'Pod' && bound.spec?.nodeName) {
			const node = c.store.nodes.get(bound.spec.nodeName);
			if (node) claims['node'] = {name: node.metadata.name, uid: node.metadata.uid};
		}
	}
	claims['serviceaccount'] = {name, uid: account.metadata.uid};
	const issuedAt = Math.floor((worldEpoch + w.time) / 1000);
	const audience = audiences.length ? audiences : [issuer];
	// Claims in the order the API server's JSON encoder writes them (sorted by name).
	const ordered = Object.fromEntries(Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : 1)));
	const payload = {aud: audience, exp: issuedAt + expirationSeconds, iat: issuedAt, iss: issuer, jti: uuidFrom(`jti/${ns}/${name}/${w.time}/${c.resourceVersion}`), 'kubernetes.io': ordered, nbf: issuedAt, sub: `system:serviceaccount:${ns}:${name}`};
	const keyId = Buffer.from(digestHex(`sa-signing-key/${c.name}`, 64), 'hex').toString('base64url');
	const header = {alg: 'RS256', kid: keyId};
	// An RS256 signature is 256 bytes; the simulation's is a digest of the token, not a real signature.
	const signatureBytes = Buffer.from(Array.from({length: 8}, (_, i) => digestHex(`sig/${i}/${JSON.stringify(payload)}`, 64)).join(''), 'hex').subarray(0, 256);
	const token = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signatureBytes.toString('base64url')}`;
	const output = flag(k.args, 'o', 'output');
	if (output === 'yaml' || output === 'json' || output === 'name') {
		const expires = new Date((issuedAt + expirationSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const request = {kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {name, namespace: ns, creationTimestamp: new Date(issuedAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')}, spec: {audiences: audience, expirationSeconds, boundObjectRef: boundRef}, status: {token, expirationTimestamp: expires}};
		if (output === 'name') return {stdout: `tokenrequest.authentication.k8s.io/${name}\n`, exitCode: 0};
		return {stdout: output === 'yaml' ? toYaml(request) : JSON.stringify(request, null, 4) + '\n', exitCode: 0};
	}
	return {stdout: `${token}\n`, exitCode: 0};
}
