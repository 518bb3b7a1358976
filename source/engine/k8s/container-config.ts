// What the kubelet reads from the API server before it creates a container: environment values
// from ConfigMaps and Secrets (env valueFrom, envFrom) and the files of configMap and secret
// volumes. A missing object or key is the kubelet's CreateContainerConfigError / FailedMount.
import type {World} from '../world.ts';
import {base64Decode} from './config-objects.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import {issueToken} from './token-request.ts';
import type {ContainerSpec, KubeObject} from './types.ts';
import type {Pod, Service} from './kinds.ts';
import type {ConfigMap, Secret} from './kinds-more.ts';

type Ref = {name?: string; key?: string; optional?: boolean};

function lookup(w: World, kind: 'configmap' | 'secret', ns: string, name: string): ConfigMap | Secret | undefined {
	return w.cluster!.store[kind === 'configmap' ? 'configmaps' : 'secrets'].get(`${ns}/${name}`);
}

/** The object's values as text (a Secret's are base64 in the API). */
function valuesOf(kind: 'configmap' | 'secret', obj: ConfigMap | Secret): Record<string, string> {
	if (kind === 'configmap') return {...(obj.data ?? {})};
	return Object.fromEntries(Object.entries((obj.data ?? {}) as Record<string, string>).map(([k, v]) => [k, base64Decode(v) ?? '']));
}

/** The container's environment from its spec, or the kubelet's error when a reference is missing. */
export function containerEnvironment(w: World, pod: Pod, spec: ContainerSpec): {env: Record<string, string>} | {error: string} {
	const ns = pod.metadata.namespace ?? 'default';
	const env: Record<string, string> = {};
	for (const from of (spec.envFrom ?? []) as {configMapRef?: Ref; secretRef?: Ref; prefix?: string}[]) {
		const kind = from.configMapRef ? 'configmap' : from.secretRef ? 'secret' : undefined;
		const ref = from.configMapRef ?? from.secretRef;
		if (!kind || !ref?.name) continue;
		const obj = lookup(w, kind, ns, ref.name);
		if (!obj) {
			if (ref.optional) continue;
			return {error: `${kind} "${ref.name}" not found`};
		}
		for (const [key, value] of Object.entries(valuesOf(kind, obj))) env[`${from.prefix ?? ''}${key}`] = value;
	}
	for (const item of (spec.env ?? []) as {name: string; value?: string; valueFrom?: {configMapKeyRef?: Ref; secretKeyRef?: Ref; fieldRef?: {fieldPath?: string}; resourceFieldRef?: {containerName?: string; resource?: string; divisor?: string | number}}}[]) {
		if (item.value !== undefined || !item.valueFrom) {
			env[item.name] = (item.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => env[name] ?? whole);
			continue;
		}
		const {configMapKeyRef, secretKeyRef, fieldRef, resourceFieldRef} = item.valueFrom;
		if (fieldRef?.fieldPath) {
			env[item.name] = downwardField(pod, fieldRef.fieldPath);
			continue;
		}
		if (resourceFieldRef?.resource) {
			env[item.name] = downwardResource(w, pod, resourceFieldRef.containerName ? (pod.spec.containers ?? []).find(c => c.name === resourceFieldRef.containerName) ?? spec : spec, resourceFieldRef.resource, resourceFieldRef.divisor);
			continue;
		}
		const kind = configMapKeyRef ? 'configmap' : secretKeyRef ? 'secret' : undefined;
		const ref = configMapKeyRef ?? secretKeyRef;
		if (!kind || !ref?.name) continue;
		const obj = lookup(w, kind, ns, ref.name);
		if (!obj) {
			if (ref.optional) continue;
			return {error: `${kind} "${ref.name}" not found`};
		}
		const value = valuesOf(kind, obj)[ref.key ?? ''];
		if (value === undefined) {
			if (ref.optional) continue;
			return {error: `couldn't find key ${ref.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}`};
		}
		env[item.name] = value;
	}
	return {env};
}

/** The docker-link style variables the kubelet sets for one Service (pkg/kubelet/envvars). */
function linkVariables(svc: Service): [string, string][] {
	const name = String(svc.metadata.name).toUpperCase().replace(/-/g, '_');
	const ip = svc.spec.clusterIP as string;
	const ports = (svc.spec.ports ?? []) as {name?: string; port: number; protocol?: string}[];
	if (ports.length === 0) return [];
	const out: [string, string][] = [[`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(ports[0]!.port)]];
	for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
	const url = (p: {port: number; protocol?: string}) => `${(p.protocol ?? 'TCP').toLowerCase()}://${ip}:${p.port}`;
	out.push([`${name}_PORT`, url(ports[0]!)]);
	for (const p of ports) {
		const protocol = p.protocol ?? 'TCP';
		const prefix = `${name}_PORT_${p.port}_${protocol.toUpperCase()}`;
		out.push([prefix, url(p)], [`${prefix}_PROTO`, protocol.toLowerCase()], [`${prefix}_PORT`, String(p.port)], [`${prefix}_ADDR`, ip]);
	}
	return out;
}

/**
 * The Services a container learns about from its environment: those of its namespace that exist
 * when it starts (unless enableServiceLinks is false) and always the API server's `kubernetes`.
 */
export function serviceEnvironment(w: World, pod: Pod): Record<string, string> {
	const ns = pod.metadata.namespace ?? 'default';
	const links = pod.spec?.enableServiceLinks !== false;
	const env: Record<string, string> = {};
	for (const svc of w.cluster!.store.services.values()) {
		const ip = svc.spec?.clusterIP;
		if (!ip || ip === 'None') continue;
		const isMaster = svc.metadata.namespace === 'default' && svc.metadata.name === 'kubernetes';
		if (!isMaster && !(links && svc.metadata.namespace === ns)) continue;
		for (const [k, v] of linkVariables(svc)) env[k] = v;
	}
	return env;
}

/** The downward API's fieldRef: the pod's own fields, and metadata.labels['KEY'] / metadata.annotations['KEY']. */
function downwardField(pod: Pod, path: string): string {
	const keyed = path.match(/^metadata\.(labels|annotations)\['([^']*)'\]$/);
	if (keyed) return String((pod.metadata[keyed[1] as 'labels' | 'annotations'] as Record<string, string> | undefined)?.[keyed[2]!] ?? '');
	const paths: Record<string, string | undefined> = {
		'metadata.name': pod.metadata.name,
		'metadata.namespace': pod.metadata.namespace ?? 'default',
		'metadata.uid': pod.metadata.uid,
		'spec.nodeName': pod.spec?.nodeName,
		'spec.serviceAccountName': pod.spec?.serviceAccountName ?? 'default',
		'status.podIP': pod.status?.podIP,
		'status.podIPs': pod.status?.podIP,
		'status.hostIP': pod.status?.hostIP,
		'status.hostIPs': pod.status?.hostIP,
	};
	return paths[path] ?? '';
}

/**
 * The downward API's resourceFieldRef: the container's request or limit divided by the divisor,
 * rounded up; an unset limit is the node's allocatable amount (pkg/api/v1/resource).
 */
function downwardResource(w: World, pod: Pod, spec: ContainerSpec, resource: string, divisor: string | number | undefined): string {
	const [kind, name] = resource.split('.') as ['limits' | 'requests', 'cpu' | 'memory' | 'ephemeral-storage'];
	const resources = (spec.resources ?? {}) as {limits?: Record<string, string>; requests?: Record<string, string>};
	let amount = resources[kind]?.[name] ?? (kind === 'requests' ? resources.limits?.[name] : undefined);
	if (amount === undefined && kind === 'limits') amount = w.cluster!.store.nodes.get(pod.spec.nodeName ?? '')?.status?.allocatable?.[name];
	if (name === 'cpu') {
		const milli = cpuMilli(amount ?? 0);
		const per = cpuMilli(divisor ?? 1) || 1000;
		return String(Math.ceil(milli / per));
	}
	const bytes = memoryBytes(amount ?? 0);
	const per = memoryBytes(divisor ?? 1) || 1;
	return String(Math.ceil(bytes / per));
}

type Items = {key: string; path: string}[];
type ProjectedSource = {serviceAccountToken?: {path: string; expirationSeconds?: number; audience?: string}; configMap?: Ref & {items?: Items}; secret?: Ref & {items?: Items}; downwardAPI?: {items?: {path: string; fieldRef?: {fieldPath?: string}}[]}};
type VolumeSource = {name: string; configMap?: Ref & {items?: Items}; secret?: {secretName?: string; optional?: boolean; items?: Items}; projected?: {sources?: ProjectedSource[]}};

/**
 * A projected volume's files, as the kubelet writes them: the ServiceAccount admission plugin's
 * kube-api-access-* gives token (a TokenRequest bound to the pod; a request of 3607 s the API
 * server extends to a year, --service-account-extend-token-expiration), ca.crt and namespace.
 */
function projectedFiles(w: World, pod: Pod, sources: ProjectedSource[]): [string, string][] {
	const ns = pod.metadata.namespace ?? 'default';
	const files: [string, string][] = [];
	for (const source of sources) {
		const token = source.serviceAccountToken;
		if (token && w.cluster) {
			const account = pod.spec.serviceAccountName ?? 'default';
			const expirationSeconds = token.expirationSeconds === 3607 ? 365 * 24 * 3600 : token.expirationSeconds;
			const issued = issueToken(w, ns, account, {...(expirationSeconds ? {expirationSeconds} : {}), ...(token.audience ? {audiences: [token.audience]} : {}), boundObjectRef: {kind: 'Pod', apiVersion: 'v1', name: pod.metadata.name, uid: pod.metadata.uid}});
			if (issued.ok) files.push([token.path, issued.request.status.token]);
		}
		const kind = source.configMap ? 'configmap' : source.secret ? 'secret' : undefined;
		const ref = source.configMap ?? source.secret;
		const obj = kind && ref?.name ? lookup(w, kind, ns, ref.name) : undefined;
		if (kind && obj) {
			const values = valuesOf(kind, obj);
			files.push(...(ref?.items ? ref.items.filter(i => values[i.key] !== undefined).map((i): [string, string] => [i.path, values[i.key]!]) : Object.entries(values)));
		}
		for (const item of source.downwardAPI?.items ?? []) if (item.fieldRef?.fieldPath) files.push([item.path, downwardField(pod, item.fieldRef.fieldPath)]);
	}
	return files;
}

/** The FailedMount message for the first configMap/secret volume whose object is missing, or undefined. */
export function volumeMountError(w: World, pod: Pod): string | undefined {
	const ns = pod.metadata.namespace ?? 'default';
	for (const volume of (pod.spec?.volumes ?? []) as VolumeSource[]) {
		const kind = volume.configMap ? 'configmap' : volume.secret ? 'secret' : undefined;
		const name = volume.configMap?.name ?? volume.secret?.secretName;
		const optional = volume.configMap?.optional ?? volume.secret?.optional;
		if (!kind || !name || optional) continue;
		if (!lookup(w, kind, ns, name)) return `MountVolume.SetUp failed for volume "${volume.name}" : ${kind} "${name}" not found`;
	}
	return undefined;
}

/** The files configMap, secret and projected volumes put in this container: [path, content] at each mount path. */
export function volumeFiles(w: World, pod: Pod, spec: ContainerSpec): [string, string][] {
	const ns = pod.metadata.namespace ?? 'default';
	const files: [string, string][] = [];
	for (const mount of (spec.volumeMounts ?? []) as {name: string; mountPath: string; subPath?: string}[]) {
		const volume = ((pod.spec?.volumes ?? []) as VolumeSource[]).find(v => v.name === mount.name);
		if (volume?.projected) {
			const base = mount.mountPath.replace(/\/+$/, '');
			for (const [path, content] of projectedFiles(w, pod, volume.projected.sources ?? [])) if (!mount.subPath || mount.subPath === path) files.push([mount.subPath ? base : `${base}/${path}`, content]);
			continue;
		}
		const kind = volume?.configMap ? 'configmap' : volume?.secret ? 'secret' : undefined;
		const name = volume?.configMap?.name ?? volume?.secret?.secretName;
		if (!volume || !kind || !name) continue;
		const obj = lookup(w, kind, ns, name);
		if (!obj) continue;
		const values = valuesOf(kind, obj);
		const items = volume.configMap?.items ?? volume.secret?.items;
		const entries: [string, string][] = items ? items.filter(i => values[i.key] !== undefined).map(i => [i.path, values[i.key]!]) : Object.entries(values);
		const base = mount.mountPath.replace(/\/+$/, '');
		if (mount.subPath) {
			const hit = entries.find(([path]) => path === mount.subPath);
			if (hit) files.push([base, hit[1]]);
			continue;
		}
		for (const [path, content] of entries) files.push([`${base}/${path}`, content]);
	}
	return files;
}

/** Why the kubelet cannot create this container yet: the waiting state and the event it records. */
export type StartBlock = {waiting: {reason: string; message?: string}; event: {reason: string; message: string}};

export function startBlock(w: World, pod: Pod, spec: ContainerSpec): StartBlock | undefined {
	const mount = volumeMountError(w, pod);
	if (mount) return {waiting: {reason: 'ContainerCreating'}, event: {reason: 'FailedMount', message: mount}};
	const env = containerEnvironment(w, pod, spec);
	if ('error' in env) return {waiting: {reason: 'CreateContainerConfigError', message: env.error}, event: {reason: 'Failed', message: `Error: ${env.error}`}};
	return undefined;
}

/** Every directory above the files (the container's upper layer needs them). */
export function parentDirectories(files: [string, string][]): string[] {
	const dirs = new Set<string>();
	for (const [path] of files) {
		const parts = path.split('/').filter(Boolean);
		for (let i = 1; i < parts.length; i++) dirs.add('/' + parts.slice(0, i).join('/'));
	}
	return [...dirs];
}
