// kubectl describe for the kinds beyond the book's first chapters, in the layout of kubectl's
// describers (staging/src/k8s.io/kubectl/pkg/describe).
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {annotationList, eventsAfter, fields, labelList, type Field} from './describe-parts.ts';
import {table} from './table.ts';

function header(obj: KubeObject): Field[] {
	return [['Name', obj.metadata.name], ['Namespace', obj.metadata.namespace ?? ''], ['Labels', labelList(obj.metadata.labels)], ['Annotations', annotationList(obj.metadata.annotations)]];
}

function byteLength(base64: string): number {
	const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
	return (base64.length / 4) * 3 - padding;
}

function describeConfigMap(w: World, obj: KubeObject): string {
	let out = fields(header(obj)) + '\nData\n====\n';
	for (const [key, value] of Object.entries((obj.data ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b))) out += `${key}:\n----\n${value}\n`;
	out += '\nBinaryData\n====\n';
	for (const [key, value] of Object.entries((obj.binaryData ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b))) out += `${key}: ${byteLength(value)} bytes\n`;
	return out + '\n' + eventsAfter(w, obj, [['Events', '']]);
}

function describeSecret(obj: KubeObject): string {
	let out = fields(header(obj)) + `\nType:  ${obj.type}\n\nData\n====\n`;
	const rows = Object.entries((obj.data ?? {}) as Record<string, string>)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([key, value]) => [`${key}:`, key === 'token' && obj.type === 'kubernetes.io/service-account-token' ? atob(value) : `${byteLength(value)} bytes`]);
	if (rows.length) out += table(rows, 2);
	return out;
}

function describeServiceAccount(w: World, obj: KubeObject): string {
	const names = (list: unknown) => (Array.isArray(list) ? list.map((x: any) => String(x?.name)) : []);
	const list: Field[] = [...header(obj), ['Image pull secrets', names(obj.imagePullSecrets)], ['Mountable secrets', names(obj.secrets)], ['Tokens', []]];
	return fields(list) + eventsAfter(w, obj, list);
}

/** The describe text of a kind this file knows, or undefined for the others. */
export function describeMore(w: World, obj: KubeObject): string | undefined {
	switch (obj.kind) {
		case 'ConfigMap':
			return describeConfigMap(w, obj);
		case 'Secret':
			return describeSecret(obj);
		case 'ServiceAccount':
			return describeServiceAccount(w, obj);
		default:
			return undefined;
	}
}
