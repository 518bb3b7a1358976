// The parts of `kubectl describe pod` about configuration: a container's Environment (values,
// ConfigMap and Secret keys, fields), Environment Variables from, Mounts, and the Volumes.

import type {Volume} from '../../../engine/k8s/object-types.ts';
type Ref = {name?: string; key?: string; optional?: boolean};
type EnvVar = {name: string; value?: string; valueFrom?: {configMapKeyRef?: Ref; secretKeyRef?: Ref; fieldRef?: {apiVersion?: string; fieldPath?: string}}};

/** Rows of cells joined as describe's tabwriter does (padding 2), each cell but the last padded to its column. */
export function aligned(rows: string[][]): string {
	const widths: number[] = [];
	for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map(row => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]! + 2) : cell)).join('') + '\n').join('');
}

/** "Environment Variables from:" (when the container has envFrom) and "Environment:". */
export function environmentLines(container: {env?: EnvVar[]; envFrom?: {configMapRef?: Ref; secretRef?: Ref; prefix?: string}[]}, resolve: (fieldPath: string) => string): string {
	let out = '';
	const from = container.envFrom ?? [];
	if (from.length) {
		out += '    Environment Variables from:\n';
		out += aligned(
			from.map(e => {
				const ref = e.configMapRef ?? e.secretRef ?? {};
				const kind = e.configMapRef ? 'ConfigMap' : 'Secret';
				return [`      ${ref.name ?? ''}`, e.prefix ? `${kind} with prefix '${e.prefix}'` : kind, `Optional: ${ref.optional === true}`];
			}),
		);
	}
	const env = container.env ?? [];
	if (!env.length) return out + '    Environment:    <none>\n';
	out += '    Environment:\n';
	const rows: string[][] = [];
	for (const e of env) {
		const v = e.valueFrom;
		if (!v) {
			(e.value ?? '').split('\n').forEach((line, i) => rows.push(i === 0 ? [`      ${e.name}:`, line] : ['', line]));
		} else if (v.fieldRef) rows.push([`      ${e.name}:`, `${resolve(v.fieldRef.fieldPath ?? '')} (${v.fieldRef.apiVersion ?? 'v1'}:${v.fieldRef.fieldPath})`]);
		else if (v.secretKeyRef) rows.push([`      ${e.name}:`, `<set to the key '${v.secretKeyRef.key}' in secret '${v.secretKeyRef.name}'>`, `Optional: ${v.secretKeyRef.optional === true}`]);
		else if (v.configMapKeyRef) rows.push([`      ${e.name}:`, `<set to the key '${v.configMapKeyRef.key}' of config map '${v.configMapKeyRef.name}'>`, `Optional: ${v.configMapKeyRef.optional === true}`]);
	}
	return out + aligned(rows).replace(/ +\n/g, '\n');
}

/** "Mounts:", sorted by path as kubectl sorts them. */
export function mountLines(mounts: {mountPath: string; name: string; readOnly?: boolean; subPath?: string}[] | undefined): string {
	const list = [...(mounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
	if (!list.length) return '    Mounts:         <none>\n';
	return '    Mounts:\n' + list.map(m => `      ${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])].join(',')})\n`).join('');
}

/** One volume of the pod's "Volumes:" section. */
export function volumeLines(volume: Volume): string {
	const rows: string[][] = [];
	if (volume.configMap) rows.push(['    Type:', 'ConfigMap (a volume populated by a ConfigMap)'], ['    Name:', String(volume.configMap.name)], ['    Optional:', String(volume.configMap.optional === true)]);
	else if (volume.secret) rows.push(['    Type:', 'Secret (a volume populated by a Secret)'], ['    SecretName:', String(volume.secret.secretName)], ['    Optional:', String(volume.secret.optional === true)]);
	else if (volume.emptyDir) rows.push(['    Type:', 'EmptyDir (a temporary directory that shares a pod\'s lifetime)'], ['    Medium:', String(volume.emptyDir.medium ?? '')], ['    SizeLimit:', String(volume.emptyDir.sizeLimit ?? '<unset>')]);
	else if (volume.persistentVolumeClaim) rows.push(['    Type:', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)'], ['    ClaimName:', String(volume.persistentVolumeClaim.claimName)], ['    ReadOnly:', String(volume.persistentVolumeClaim.readOnly === true)]);
	else if (volume.hostPath) rows.push(['    Type:', 'HostPath (bare host directory volume)'], ['    Path:', String(volume.hostPath.path)], ['    HostPathType:', String(volume.hostPath.type ?? '')]);
	else if (volume.projected) {
		// Kept at the width the pod-level fields below it share (they are one tabwriter block).
		return `  ${volume.name}:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\n`;
	} else rows.push(['    Type:', 'unknown']);
	return `  ${volume.name}:\n` + aligned(rows).replace(/ +\n/g, '\n');
}
