// ConfigMaps, Secrets and ServiceAccounts in the API server: defaulting (a Secret's stringData
// becomes base64 data), validation with the real wording, and the objects every namespace gets
// from the control plane (the `default` ServiceAccount, the kube-root-ca.crt ConfigMap).
import type {World} from '../world.ts';
import {digestHex} from '../hash.ts';
import {nextResourceVersion, now} from './metadata.ts';
import {isFields, type ObjectInput} from './object-input.ts';
import type {ObjectMeta} from './object-types.ts';

export function base64Encode(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** The text a base64 value holds, or undefined when it is not valid base64. */
export function base64Decode(value: string): string | undefined {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
	const binary = atob(value);
	return new TextDecoder().decode(Uint8Array.from(binary, ch => ch.charCodeAt(0)));
}

/** Go's base64 decoder error for a value, as the API server's JSON decoder reports it, or undefined. */
export function base64Error(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const clean = /^[A-Za-z0-9+/]*/.exec(value)![0].length;
	if (clean < value.length) {
		const rest = value.slice(clean);
		const padding = /^=+$/.test(rest) && value.length % 4 === 0 && rest.length <= 2;
		if (!padding) return `illegal base64 data at input byte ${clean}`;
	}
	if (value.length % 4 !== 0) return `illegal base64 data at input byte ${value.length - (value.length % 4 === 1 ? 1 : 0)}`;
	return undefined;
}

const keyPattern = /^[-._a-zA-Z0-9]+$/;
const keyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

export const secretTypes = ['Opaque', 'kubernetes.io/service-account-token', 'kubernetes.io/dockercfg', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/basic-auth', 'kubernetes.io/ssh-auth', 'kubernetes.io/tls', 'bootstrap.kubernetes.io/token'];

/** Secret defaulting: the type, and stringData merged into data (base64), as the API server stores it. */
export function defaultSecret(obj: ObjectInput): void {
	obj.type ??= 'Opaque';
	if (obj.stringData && typeof obj.stringData === 'object') {
		const data: Record<string, unknown> = {...(obj.data ?? {})};
		for (const [key, value] of Object.entries(obj.stringData)) data[key] = base64Encode(String(value));
		obj.data = data;
		delete obj.stringData;
	}
}

function validateKeys(map: unknown, field: string, errors: string[], seen: Set<string>): void {
	if (!map || typeof map !== 'object') return;
	for (const key of Object.keys(map)) {
		if (!keyPattern.test(key) || key === '.' || key === '..') errors.push(`${field}[${key}]: Invalid value: "${key}": ${keyMessage}`);
		else if (seen.has(key)) errors.push(`${field}[${key}]: Invalid value: "${key}": duplicate of key present in ${field === 'data' ? 'binaryData' : 'data'}`);
		seen.add(key);
	}
}

/** Validation of ConfigMaps and Secrets, in the API server's wording. */
export function validateConfigObject(obj: ObjectInput, errors: string[]): void {
	if (obj.kind === 'ConfigMap') {
		const seen = new Set<string>();
		validateKeys(obj.data, 'data', errors, seen);
		validateKeys(obj.binaryData, 'binaryData', errors, seen);
		return;
	}
	if (obj.kind !== 'Secret') return;
	validateKeys(obj.data, 'data', errors, new Set());
	const data = isFields(obj.data) ? obj.data : {};
	switch (obj.type) {
		case 'kubernetes.io/service-account-token':
			if (!obj.metadata.annotations?.['kubernetes.io/service-account.name']) errors.push('metadata.annotations[kubernetes.io/service-account.name]: Required value');
			break;
		case 'kubernetes.io/dockerconfigjson':
			if (!data['.dockerconfigjson']) errors.push('data[.dockerconfigjson]: Required value');
			break;
		case 'kubernetes.io/tls':
			if (data['tls.crt'] === undefined) errors.push('data[tls.crt]: Required value');
			if (data['tls.key'] === undefined) errors.push('data[tls.key]: Required value');
			break;
		case 'kubernetes.io/basic-auth':
			if (data.username === undefined && data.password === undefined) errors.push('data[username]: Required value: at least one of username or password is required');
			break;
		case 'kubernetes.io/ssh-auth':
			if (data['ssh-privatekey'] === undefined) errors.push('data[ssh-privatekey]: Required value');
			break;
	}
}

/** The CA bundle the root-ca-cert-publisher puts in every namespace (the learner never needs its bytes). */
/** kubeadm's cluster CA certificate (ca.crt): in every namespace's kube-root-ca.crt and /etc/kubernetes/pki. */
export const clusterCaPem = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIS2ltdWxhdGVkMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\nBAMTCmt1YmVybmV0ZXMwHhcNMjYwMTA1MDkwMDAwWhcNMzYwMTAzMDkwMDAwWjAV\n-----END CERTIFICATE-----\n';

/** The objects the controller manager creates in every namespace. Call on a draft when a namespace appears. */
export function populateNamespace(w: World, ns: string): void {
	const c = w.cluster!;
	// Uids from a digest, not the world's RNG: adding these objects must not shift every later random name.
	const uid = (name: string) => {
		const hex = digestHex(`${c.store.namespaces.get(ns)?.metadata.uid ?? ns}/${name}`, 32);
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
	};
	const meta = (name: string, extra: Partial<ObjectMeta> = {}) => ({name, namespace: ns, uid: uid(name), resourceVersion: nextResourceVersion(c), creationTimestamp: now(w), ...extra});
	if (!c.store.serviceaccounts.has(`${ns}/default`)) c.store.serviceaccounts.set(`${ns}/default`, {apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default')});
	if (!c.store.configmaps.has(`${ns}/kube-root-ca.crt`)) {
		c.store.configmaps.set(`${ns}/kube-root-ca.crt`, {apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('kube-root-ca.crt', {annotations: {'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'}}), data: {'ca.crt': clusterCaPem}});
	}
}
