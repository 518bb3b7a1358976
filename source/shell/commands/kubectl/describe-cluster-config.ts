// kubectl describe for storage, quota, network and RBAC kinds, in the layout of kubectl's describers.
import {accessModesText} from '../../../engine/k8s/storage-objects.ts';
import type {Ingress, IngressBackend, LimitRange, NetworkPolicy, NetworkPolicyRule, Role, RoleBinding} from '../../../engine/k8s/kinds.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {World} from '../../../engine/world.ts';
import {annotationList, eventsAfter, fields, labelList, type Field} from './describe-parts.ts';
import {formatSelector} from './more-rows.ts';
import {aligned} from './describe-pod-config.ts';
import {table} from './table.ts';
import type {PersistentVolume, PersistentVolumeClaim, ResourceQuota, StorageClass} from '../../../engine/k8s/kinds-more.ts';

function indent(text: string, by: string): string {
	return text.split('\n').filter(Boolean).map(l => by + l).join('\n') + '\n';
}

function describeVolume(w: World, pv: PersistentVolume): string {
	const ref = pv.spec?.claimRef;
	const list: Field[] = [
		['Name', pv.metadata.name],
		['Labels', labelList(pv.metadata.labels)],
		['Annotations', annotationList(pv.metadata.annotations)],
		['Finalizers', `[${pv.metadata.finalizers?.join(' ') ?? 'kubernetes.io/pv-protection'}]`],
		['StorageClass', pv.spec?.storageClassName ?? ''],
		['Status', pv.status?.phase ?? ''],
		['Claim', ref ? `${ref.namespace}/${ref.name}` : ''],
		['Reclaim Policy', pv.spec?.persistentVolumeReclaimPolicy ?? ''],
		['Access Modes', accessModesText(pv.spec?.accessModes)],
		['VolumeMode', pv.spec?.volumeMode ?? 'Filesystem'],
		['Capacity', String(pv.spec?.capacity?.storage ?? '')],
		['Node Affinity', '<none>'],
		['Message', ''],
	];
	let out = fields(list) + 'Source:\n';
	if (pv.spec?.hostPath) out += `    Type:          HostPath (bare host directory volume)\n    Path:          ${pv.spec.hostPath.path}\n    HostPathType:  ${pv.spec.hostPath.type ?? ''}\n`;
	else if (pv.spec?.nfs) out += `    Type:      NFS (an NFS mount that lasts the lifetime of a pod)\n    Server:    ${pv.spec.nfs.server}\n    Path:      ${pv.spec.nfs.path}\n    ReadOnly:  ${pv.spec.nfs.readOnly === true}\n`;
	else out += '    Type:  (a volume source this simulator does not show)\n';
	return out + eventsAfter(w, pv, list);
}

function describeClaim(w: World, pvc: PersistentVolumeClaim): string {
	const c = w.cluster!;
	const users = [...c.store.pods.values()].filter(p => p.metadata.namespace === pvc.metadata.namespace && ((p.spec?.volumes ?? []) as {persistentVolumeClaim?: {claimName?: string}}[]).some(v => v.persistentVolumeClaim?.claimName === pvc.metadata.name)).map(p => p.metadata.name);
	const bound = !!pvc.spec?.volumeName;
	const list: Field[] = [
		['Name', pvc.metadata.name],
		['Namespace', pvc.metadata.namespace ?? ''],
		['StorageClass', pvc.spec?.storageClassName ?? ''],
		['Status', pvc.status?.phase ?? ''],
		['Volume', pvc.spec?.volumeName ?? ''],
		['Labels', labelList(pvc.metadata.labels)],
		['Annotations', annotationList(pvc.metadata.annotations)],
		['Finalizers', '[kubernetes.io/pvc-protection]'],
		['Capacity', bound ? String(pvc.status?.capacity?.storage ?? '') : ''],
		['Access Modes', bound ? accessModesText(pvc.status?.accessModes) : ''],
		['VolumeMode', pvc.spec?.volumeMode ?? 'Filesystem'],
		['Used By', users.length ? users : ['<none>']],
	];
	return fields(list) + eventsAfter(w, pvc, list);
}

function describeStorageClass(w: World, sc: StorageClass): string {
	const list: Field[] = [
		['Name', sc.metadata.name],
		['IsDefaultClass', sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No'],
		['Annotations', annotationList(sc.metadata.annotations).join(',') || '<none>'],
		['Provisioner', String(sc.provisioner ?? '')],
		['Parameters', Object.entries((sc.parameters ?? {}) as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'],
		['AllowVolumeExpansion', sc.allowVolumeExpansion === undefined ? '<unset>' : String(sc.allowVolumeExpansion)],
		['MountOptions', (sc.mountOptions ?? []).join(', ') || '<none>'],
		['ReclaimPolicy', String(sc.reclaimPolicy ?? 'Delete')],
		['VolumeBindingMode', String(sc.volumeBindingMode ?? 'Immediate')],
	];
	return fields(list) + eventsAfter(w, sc, list);
}

/** Quota and LimitRange describers write their header and table through one tabwriter: one set of columns. */
function describeQuota(quota: ResourceQuota): string {
	const hard = (quota.status?.hard ?? quota.spec?.hard ?? {}) as Record<string, string>;
	const used = (quota.status?.used ?? {}) as Record<string, string>;
	const rows = [['Name:', quota.metadata.name], ['Namespace:', quota.metadata.namespace ?? ''], ['Resource', 'Used', 'Hard'], ['--------', '----', '----'], ...Object.keys(hard).sort().map(n => [n, used[n] ?? '0', hard[n]!])];
	return aligned(rows);
}

function describeLimitRange(object: LimitRange): string {
	const range = object;
	const rows = [['Name:', range.metadata.name], ['Namespace:', range.metadata.namespace ?? ''], ['Type', 'Resource', 'Min', 'Max', 'Default Request', 'Default Limit', 'Max Limit/Request Ratio'], ['----', '--------', '---', '---', '---------------', '-------------', '-----------------------']];
	for (const limit of range.spec?.limits ?? []) {
		const names = new Set<string>([...Object.keys(limit.min ?? {}), ...Object.keys(limit.max ?? {}), ...Object.keys(limit.default ?? {}), ...Object.keys(limit.defaultRequest ?? {})]);
		for (const res of [...names].sort()) rows.push([limit.type, res, limit.min?.[res] ?? '-', limit.max?.[res] ?? '-', limit.defaultRequest?.[res] ?? limit.default?.[res] ?? '-', limit.default?.[res] ?? '-', limit.maxLimitRequestRatio?.[res] ?? '-']);
	}
	return aligned(rows);
}

function describeIngress(w: World, object: Ingress): string {
	const ing = object;
	const c = w.cluster!;
	const backend = (b: IngressBackend | undefined) => {
		const svc = b?.service;
		if (!svc) return '<default>';
		const port = svc.port?.number ?? svc.port?.name;
		const ep = c.store.endpoints.get(`${ing.metadata.namespace}/${svc.name}`);
		const addresses = (ep ? (ep.subsets ?? []) : []).flatMap(s => (s.addresses ?? []).flatMap(a => (s.ports ?? []).map(p => `${a.ip}:${p.port}`)));
		const where = !c.store.services.has(`${ing.metadata.namespace}/${svc.name}`) ? `<error: services "${svc.name}" not found>` : addresses.length ? addresses.join(',') : '<none>';
		return `${svc.name}:${port} (${where})`;
	};
	const address = (ing.status?.loadBalancer?.ingress ?? []).map(i => i.ip || i.hostname).join(',');
	const head: Field[] = [['Name', ing.metadata.name], ['Labels', labelList(ing.metadata.labels)], ['Namespace', ing.metadata.namespace ?? ''], ['Address', address], ['Ingress Class', ing.spec?.ingressClassName ?? '<none>'], ['Default backend', ing.spec?.defaultBackend ? backend(ing.spec.defaultBackend) : '<default>']];
	let out = fields(head);
	if (ing.spec?.tls?.length) out += `TLS:\n${ing.spec.tls.map(t => `  ${t.secretName ?? 'SNI'} terminates ${(t.hosts ?? []).join(',')}\n`).join('')}`;
	const rows = [['Host', 'Path', 'Backends'], ['----', '----', '--------']];
	for (const rule of ing.spec?.rules ?? []) {
		rows.push([rule.host ?? '*', '', '']);
		for (const path of rule.http?.paths ?? []) rows.push(['', path.path ?? '/', backend(path.backend)]);
	}
	out += 'Rules:\n' + indent(table(rows, 2), '  ');
	const tail: Field[] = [['Annotations', annotationList(ing.metadata.annotations)]];
	return out + fields(tail) + eventsAfter(w, object, tail);
}

function describeNetworkPolicy(policy: NetworkPolicy): string {
	const spec = policy.spec ?? {};
	const selector = formatSelector(spec.podSelector);
	let out = fields([['Name', policy.metadata.name], ['Namespace', policy.metadata.namespace ?? ''], ['Created on', policy.metadata.creationTimestamp.replace('T', ' ').replace('Z', ' +0000 UTC')], ['Labels', labelList(policy.metadata.labels)], ['Annotations', annotationList(policy.metadata.annotations)]]);
	out += `Spec:\n  PodSelector:     ${selector === '<none>' ? '<none> (Allowing the specific traffic to all pods in this namespace)' : selector}\n`;
	const types: string[] = spec.policyTypes ?? ['Ingress', ...(spec.egress ? ['Egress'] : [])];
	const peers = (list: NetworkPolicyRule[] | undefined, word: string) => {
		let text = '';
		for (const rule of list ?? []) {
			const ports = rule.ports ?? [];
			text += ports.length ? ports.map(p => `    ${word === 'From' ? 'To' : 'To'} Port: ${p.port ?? '<any>'}/${p.protocol ?? 'TCP'}\n`).join('') : `    ${word === 'From' ? 'To' : 'To'} Port: <any> (traffic allowed to all ports)\n`;
			const from = rule.from ?? rule.to ?? [];
			if (!from.length) text += `    ${word}: <any> (traffic not restricted by source)\n`;
			else {
				text += `    ${word}:\n`;
				for (const peer of from) {
					if (peer.podSelector) text += `      PodSelector: ${formatSelector(peer.podSelector)}\n`;
					if (peer.namespaceSelector) text += `      NamespaceSelector: ${formatSelector(peer.namespaceSelector)}\n`;
					if (peer.ipBlock) text += `      IPBlock:\n        CIDR: ${peer.ipBlock.cidr}\n        Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`;
				}
			}
			text += '    ----------\n';
		}
		return text.replace(/ {4}-{10}\n$/, '');
	};
	if (types.includes('Ingress')) out += spec.ingress?.length ? `  Allowing ingress traffic:\n${peers(spec.ingress, 'From')}` : '  Allowing ingress traffic:\n    <none> (Selected pods are isolated for ingress connectivity)\n';
	else out += '  Not affecting ingress traffic\n';
	if (types.includes('Egress')) out += spec.egress?.length ? `  Allowing egress traffic:\n${peers(spec.egress, 'To')}` : '  Allowing egress traffic:\n    <none> (Selected pods are isolated for egress connectivity)\n';
	else out += '  Not affecting egress traffic\n';
	// A real cluster whose network plugin cannot enforce policies stores them just as silently.
	return out + `  Policy Types: ${types.join(', ')}\n[simulator] this cluster's network plugin does not enforce NetworkPolicies: the policy is stored, traffic is not filtered\n`;
}

function describeRole(role: Role): string {
	let out = fields([['Name', role.metadata.name], ['Labels', labelList(role.metadata.labels)], ['Annotations', annotationList(role.metadata.annotations)]]) + 'PolicyRule:\n';
	const rows = [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'], ['---------', '-----------------', '--------------', '-----']];
	for (const rule of role.rules ?? []) {
		const groups = rule.apiGroups ?? [''];
		const resources = (rule.resources ?? []).flatMap(r => groups.map(g => (g ? `${r}.${g}` : r)));
		for (const r of resources.length ? resources : ['']) rows.push([r, `[${(rule.nonResourceURLs ?? []).join(' ')}]`, `[${(rule.resourceNames ?? []).join(' ')}]`, `[${(rule.verbs ?? []).join(' ')}]`]);
	}
	return out + indent(table(rows, 2), '  ');
}

function describeBinding(binding: RoleBinding): string {
	let out = fields([['Name', binding.metadata.name], ['Labels', labelList(binding.metadata.labels)], ['Annotations', annotationList(binding.metadata.annotations)]]);
	const {roleRef, subjects} = binding;
	out += `Role:\n  Kind:  ${roleRef?.kind}\n  Name:  ${roleRef?.name}\nSubjects:\n`;
	const rows = [['Kind', 'Name', 'Namespace'], ['----', '----', '---------'], ...(subjects ?? []).map(s => [s.kind!, s.name!, s.namespace ?? ''])];
	return out + indent(table(rows, 2), '  ');
}

/** The describe text of the kinds this file knows, or undefined. */
export function describeClusterConfig(w: World, obj: KubeObject): string | undefined {
	switch (obj.kind) {
		case 'PersistentVolume':
			return describeVolume(w, obj);
		case 'PersistentVolumeClaim':
			return describeClaim(w, obj);
		case 'StorageClass':
			return describeStorageClass(w, obj);
		case 'ResourceQuota':
			return describeQuota(obj);
		case 'LimitRange':
			return describeLimitRange(obj);
		case 'Ingress':
			return describeIngress(w, obj);
		case 'NetworkPolicy':
			return describeNetworkPolicy(obj);
		case 'Role':
		case 'ClusterRole':
			return describeRole(obj);
		case 'RoleBinding':
		case 'ClusterRoleBinding':
			return describeBinding(obj);
		default:
			return undefined;
	}
}
