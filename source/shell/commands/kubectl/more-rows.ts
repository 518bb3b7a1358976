// `kubectl get` columns of the kinds beyond the book's first chapters, as the printers in
// k8s.io/kubernetes pkg/printers/internalversion print them.
import type {DaemonSetStatus, Job, LabelSelector, PodTemplateSpec} from '../../../engine/k8s/kinds.ts';
import type {KubeObject, ResourceName} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {msOf} from '../../../engine/k8s/metadata.ts';
import {accessModesText} from '../../../engine/k8s/storage-objects.ts';
import {humanDuration} from './table.ts';

function age(w: World, obj: KubeObject): string {
	return humanDuration(w.time - msOf(obj.metadata.creationTimestamp));
}

function hasCondition(obj: Job, type: string): boolean {
	return (obj.status?.conditions ?? []).some(c => c.type === type && c.status === 'True');
}

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget or Running. */
function jobStatus(job: Job): string {
	if (hasCondition(job, 'Complete')) return 'Complete';
	if (hasCondition(job, 'Failed')) return 'Failed';
	if (job.metadata.deletionTimestamp) return 'Terminating';
	if (hasCondition(job, 'Suspended')) return 'Suspended';
	if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
	return 'Running';
}

function jobCompletions(job: Job): string {
	const succeeded = job.status?.succeeded ?? 0;
	if (job.spec?.completions !== undefined && job.spec?.completions !== null) return `${succeeded}/${job.spec.completions}`;
	const parallelism = job.spec?.parallelism ?? 0;
	return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(w: World, job: Job): string {
	const start = job.status?.startTime;
	if (!start) return '';
	const end = job.status?.completionTime ? msOf(job.status.completionTime) : w.time;
	return humanDuration(end - msOf(start));
}

function containerCells(template: PodTemplateSpec | undefined): [string, string] {
	const containers = template?.spec?.containers ?? [];
	return [containers.map(c => c.name).join(','), containers.map(c => c.image).join(',')];
}

/** metav1.FormatLabelSelector: "a=b,c in (d)", or <none>. */
export function formatSelector(selector: LabelSelector | undefined): string {
	if (!selector) return '<none>';
	const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
	for (const e of selector.matchExpressions ?? []) {
		const op = String(e.operator);
		if (op === 'In' || op === 'NotIn') parts.push(`${e.key} ${op.toLowerCase()} (${(e.values ?? []).join(',')})`);
		else if (op === 'Exists') parts.push(e.key);
		else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
	}
	return parts.length ? parts.join(',') : '<none>';
}

export function moreHeaders(resource: ResourceName, wide: boolean): string[] {
	void wide;
	switch (resource) {
		case 'configmaps':
			return ['NAME', 'DATA', 'AGE'];
		case 'secrets':
			return ['NAME', 'TYPE', 'DATA', 'AGE'];
		case 'serviceaccounts':
			return ['NAME', 'SECRETS', 'AGE'];
		case 'jobs':
			return ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
		case 'cronjobs':
			return ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
		case 'daemonsets':
			return ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : [])];
		case 'statefulsets':
			return ['NAME', 'READY', 'AGE', ...(wide ? ['CONTAINERS', 'IMAGES'] : [])];
		case 'persistentvolumes':
			return ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE', ...(wide ? ['VOLUMEMODE'] : [])];
		case 'persistentvolumeclaims':
			return ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE', ...(wide ? ['VOLUMEMODE'] : [])];
		case 'storageclasses':
			return ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'];
		case 'resourcequotas':
			return ['NAME', 'AGE', 'REQUEST', 'LIMIT'];
		case 'limitranges':
		case 'roles':
		case 'clusterroles':
			return ['NAME', 'CREATED AT'];
		case 'rolebindings':
		case 'clusterrolebindings':
			return ['NAME', 'ROLE', 'AGE', ...(wide ? ['USERS', 'GROUPS', 'SERVICEACCOUNTS'] : [])];
		case 'ingresses':
			return ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'];
		case 'networkpolicies':
			return ['NAME', 'POD-SELECTOR', 'AGE'];
		case 'endpointslices':
			return ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
		case 'leases':
			return ['NAME', 'HOLDER', 'AGE'];
		case 'poddisruptionbudgets':
			return ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'];
		case 'priorityclasses':
			return ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE'];
		default:
			return ['NAME', 'AGE'];
	}
}

export function moreRow(w: World, resource: ResourceName, obj: KubeObject, wide: boolean): string[] {
	void wide;
	void resource; // the object's kind says the same, and narrows its type
	const name = obj.metadata.name;
	const count = (map: unknown) => (map && typeof map === 'object' ? Object.keys(map).length : 0);
	switch (obj.kind) {
		case 'ConfigMap':
			return [name, String(count(obj.data) + count(obj.binaryData)), age(w, obj)];
		case 'Secret':
			return [name, obj.type ?? 'Opaque', String(count(obj.data)), age(w, obj)];
		case 'ServiceAccount':
			return [name, String(obj.secrets?.length ?? 0), age(w, obj)];
		case 'Job':
			return [name, jobStatus(obj), jobCompletions(obj), jobDuration(w, obj), age(w, obj), ...(wide ? [...containerCells(obj.spec?.template), formatSelector(obj.spec?.selector)] : [])];
		case 'CronJob': {
			const last = obj.status?.lastScheduleTime ? humanDuration(w.time - msOf(obj.status.lastScheduleTime)) : '<none>';
			const row = [name, String(obj.spec?.schedule ?? ''), obj.spec?.timeZone ?? '<none>', obj.spec?.suspend ? 'True' : 'False', String(obj.status?.active?.length ?? 0), last, age(w, obj)];
			return wide ? [...row, ...containerCells(obj.spec?.jobTemplate?.spec?.template), formatSelector(obj.spec?.jobTemplate?.spec?.selector)] : row;
		}
		case 'DaemonSet': {
			const st: Partial<DaemonSetStatus> = obj.status ?? {};
			const selector = Object.entries((obj.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
			const row = [name, String(st.desiredNumberScheduled ?? 0), String(st.currentNumberScheduled ?? 0), String(st.numberReady ?? 0), String(st.updatedNumberScheduled ?? 0), String(st.numberAvailable ?? 0), selector, age(w, obj)];
			return wide ? [...row, ...containerCells(obj.spec?.template), formatSelector(obj.spec?.selector)] : row;
		}
		case 'StatefulSet':
			return [name, `${obj.status?.readyReplicas ?? 0}/${obj.spec?.replicas ?? 0}`, age(w, obj), ...(wide ? containerCells(obj.spec?.template) : [])];
		case 'PersistentVolume': {
			const ref = obj.spec?.claimRef;
			const phase = obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? '');
			return [name, String(obj.spec?.capacity?.storage ?? ''), accessModesText(obj.spec?.accessModes), String(obj.spec?.persistentVolumeReclaimPolicy ?? ''), phase, ref ? `${ref.namespace}/${ref.name}` : '', obj.spec?.storageClassName ?? '', obj.spec?.volumeAttributesClassName ?? '<unset>', obj.status?.reason ?? '', age(w, obj), ...(wide ? [obj.spec?.volumeMode ?? '<unset>'] : [])];
		}
		case 'PersistentVolumeClaim': {
			const bound = !!obj.spec?.volumeName;
			const phase = obj.metadata.deletionTimestamp ? 'Terminating' : (obj.status?.phase ?? '');
			return [name, phase, obj.spec?.volumeName ?? '', bound ? String(obj.status?.capacity?.storage ?? '') : '', bound ? accessModesText(obj.status?.accessModes) : '', obj.spec?.storageClassName ?? '', obj.spec?.volumeAttributesClassName ?? '<unset>', age(w, obj), ...(wide ? [obj.spec?.volumeMode ?? '<unset>'] : [])];
		}
		case 'StorageClass':
			return [obj.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? `${name} (default)` : name, String(obj.provisioner ?? ''), String(obj.reclaimPolicy ?? 'Delete'), String(obj.volumeBindingMode ?? 'Immediate'), String(obj.allowVolumeExpansion ?? false), age(w, obj)];
		case 'ResourceQuota': {
			const hard = (obj.status?.hard ?? {}) as Record<string, string>;
			const used = (obj.status?.used ?? {}) as Record<string, string>;
			const names = Object.keys(hard).sort();
			const cell = (limits: boolean) => names.filter(n => n.startsWith('limits.') === limits).map(n => `${n}: ${used[n] ?? '0'}/${hard[n]}`).join(', ');
			return [name, age(w, obj), cell(false), cell(true)];
		}
		case 'LimitRange':
		case 'Role':
		case 'ClusterRole':
			return [name, obj.metadata.creationTimestamp];
		case 'RoleBinding':
		case 'ClusterRoleBinding': {
			const subjects = (obj.subjects ?? []) as {kind: string; name: string; namespace?: string}[];
			const of = (kind: string) => subjects.filter(x => x.kind === kind).map(x => (kind === 'ServiceAccount' ? `${x.namespace ?? ''}/${x.name}` : x.name)).join(', ');
			return [name, `${obj.roleRef?.kind}/${obj.roleRef?.name}`, age(w, obj), ...(wide ? [of('User'), of('Group'), of('ServiceAccount')] : [])];
		}
		case 'Ingress': {
			const rules = (obj.spec?.rules ?? []) as {host?: string}[];
			const hosts = rules.map(r => r.host).filter(Boolean) as string[];
			const hostText = hosts.length === 0 ? '*' : hosts.length > 3 ? `${hosts.slice(0, 3).join(',')} + ${rules.length - 3} more...` : hosts.join(',');
			const address = ((obj.status?.loadBalancer?.ingress ?? []) as {ip?: string; hostname?: string}[]).map(i => i.ip || i.hostname).filter(Boolean).join(',');
			return [name, obj.spec?.ingressClassName ?? '<none>', hostText, address, obj.spec?.tls?.length ? '80, 443' : '80', age(w, obj)];
		}
		case 'EndpointSlice': {
			const ports = ((obj.ports ?? []) as {port?: number}[]).map(p => String(p.port ?? '')).join(',') || '<unset>';
			const addresses = ((obj.endpoints ?? []) as {addresses?: string[]}[]).flatMap(e => e.addresses ?? []);
			const list = addresses.length === 0 ? '<unset>' : addresses.length > 3 ? `${addresses.slice(0, 3).join(',')} + ${addresses.length - 3} more...` : addresses.join(',');
			return [name, String(obj.addressType ?? ''), ports, list, age(w, obj)];
		}
		case 'PodDisruptionBudget': {
			const intOrString = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));
			return [name, intOrString(obj.spec?.minAvailable), intOrString(obj.spec?.maxUnavailable), String(obj.status?.disruptionsAllowed ?? 0), age(w, obj)];
		}
		case 'PriorityClass':
			return [name, String(obj.value ?? 0), String(obj.globalDefault ?? false), age(w, obj)];
		case 'Lease':
			return [name, typeof obj.spec?.holderIdentity === 'string' ? obj.spec.holderIdentity : '', age(w, obj)];
		case 'NetworkPolicy':
			return [name, formatSelector(obj.spec?.podSelector) === '<none>' ? '<none>' : formatSelector(obj.spec?.podSelector), age(w, obj)];
		default:
			return [name, age(w, obj)];
	}
}
