// kubectl describe: the human summary of an object, ending with its Events.
import {describeProbe} from './describe-probe.ts';
import {msOf} from '../../../engine/k8s/metadata.ts';
import {cpuMilli, formatCpu, formatMemory, memoryBytes} from '../../../engine/k8s/quantity.ts';
import {formatLabels} from '../../../engine/k8s/selectors.ts';
import type {ContainerState, KubeObject, ResourceList} from '../../../engine/k8s/types.ts';
import type {World, WorldEvent} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {parseTargets} from './resource-names.ts';
import {getObject, listObjects} from '../../../engine/k8s/api-server.ts';
import {qualifiedPlural} from './resource-names.ts';
import {podStatus} from './rows.ts';
import {humanDuration, table} from './table.ts';
import {aggregateEvents, annotationList, eventsAfter, eventsSection, fields, labelList, podTemplate, rfc1123, tolerationText, type Field} from './describe-parts.ts';
import {describeMore} from './describe-more.ts';
import {describeUnstructured} from './describe-generic.ts';
import {tabwrite} from './tabwriter.ts';
import {environmentLines, mountLines, volumeLines} from './describe-pod-config.ts';
import type {Deployment, Node, NodeSystemInfo, Pod, ReplicaSet, Service} from '../../../engine/k8s/kinds.ts';
import type {Lease, ReplicationController} from '../../../engine/k8s/kinds-more.ts';
import {podPullNotes} from '../../offline-hub-note.ts';

export {aggregateEvents, eventsSection};

function mapLines(label: string, map: Record<string, string> | undefined, width = 14): string {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
	const pad = (s: string) => s.padEnd(width);
	if (entries.length === 0) return `${pad(label + ':')}<none>\n`;
	return entries.map(([k, v], i) => `${pad(i === 0 ? label + ':' : '')}${k}${label === 'Annotations' || label === 'Labels' || label === 'Node-Selectors' ? '=' : ': '}${v}`).join('\n') + '\n';
}

function stateLines(state: Partial<ContainerState> | undefined, indent: string, label: string): string {
	if (!state || Object.keys(state).length === 0) return '';
	if (state.running) return `${indent}${label.padEnd(16)}Running\n${indent}  Started:      ${rfc1123(state.running.startedAt)}\n`;
	if (state.waiting) return `${indent}${label.padEnd(16)}Waiting\n${indent}  Reason:       ${state.waiting.reason}\n`;
	const t = state.terminated!;
	return `${indent}${label.padEnd(16)}Terminated\n${indent}  Reason:       ${t.reason}\n${indent}  Exit Code:    ${t.exitCode}\n${indent}  Started:      ${rfc1123(t.startedAt)}\n${indent}  Finished:     ${rfc1123(t.finishedAt)}\n`;
}

function describePod(w: World, pod: Pod): string {
	const node = pod.spec.nodeName ? `${pod.spec.nodeName}/${w.cluster!.store.nodes.get(pod.spec.nodeName)?.status?.addresses?.[0]?.address ?? ''}` : '<none>';
	const controller = pod.metadata.ownerReferences?.find(r => r.controller);
	let out = '';
	out += `Name:             ${pod.metadata.name}\n`;
	out += `Namespace:        ${pod.metadata.namespace}\n`;
	out += `Priority:         ${pod.spec.priority ?? 0}\n`;
	out += `Service Account:  ${pod.spec.serviceAccountName ?? 'default'}\n`;
	out += `Node:             ${node}\n`;
	if (pod.status.startTime) out += `Start Time:       ${rfc1123(pod.status.startTime)}\n`;
	out += mapLines('Labels', pod.metadata.labels, 18);
	out += mapLines('Annotations', Object.fromEntries(Object.entries(pod.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('kubectl.kubernetes.io/last-applied'))), 18);
	if (pod.metadata.deletionTimestamp) out += `Status:           Terminating (lasts ${humanDuration(w.time - msOf(pod.metadata.deletionTimestamp))})\nTermination Grace Period:  ${pod.metadata.deletionGracePeriodSeconds}s\n`;
	else out += `Status:           ${pod.status.phase}\n`;
	out += `IP:               ${pod.status.podIP ?? ''}\n`;
	out += pod.status.podIP ? `IPs:\n  IP:           ${pod.status.podIP}\n` : 'IPs:              <none>\n';
	if (controller) out += `Controlled By:  ${controller.kind}/${controller.name}\n`;
	out += 'Containers:\n';
	for (const c of pod.spec.containers) {
		const s = pod.status!.containerStatuses?.find(x => x.name === c.name);
		out += `  ${c.name}:\n`;
		out += `    Container ID:   ${s?.containerID ?? ''}\n`;
		out += `    Image:          ${c.image}\n`;
		out += `    Image ID:       ${s?.imageID ?? ''}\n`;
		const ports = (c.ports ?? []).map(p => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
		out += `    Port:           ${ports.join(', ') || '<none>'}\n`;
		out += `    Host Port:      ${(c.ports ?? []).length ? (c.ports ?? []).map(p => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`;
		if (c.command) out += `    Command:\n${c.command.map((x: string) => `      ${x}\n`).join('')}`;
		if (c.args) out += `    Args:\n${c.args.map((x: string) => `      ${x}\n`).join('')}`;
		if (s) out += stateLines(s.state, '    ', 'State:');
		out += stateLines(s?.lastState, '    ', 'Last State:');
		out += `    Ready:          ${s?.ready ? 'True' : 'False'}\n`;
		out += `    Restart Count:  ${s?.restartCount ?? 0}\n`;
		if (c.resources?.limits) out += `    Limits:\n${Object.entries(c.resources.limits).map(([k, v]) => `      ${k}:  ${v}\n`).join('')}`;
		if (c.resources?.requests) out += `    Requests:\n${Object.entries(c.resources.requests).map(([k, v]) => `      ${k}:  ${v}\n`).join('')}`;
		if (c.livenessProbe) out += `    Liveness:       ${describeProbe(c.livenessProbe)}\n`;
		if (c.readinessProbe) out += `    Readiness:      ${describeProbe(c.readinessProbe)}\n`;
		if (c.startupProbe) out += `    Startup:        ${describeProbe(c.startupProbe)}\n`;
		out += environmentLines(c, path => (path === 'metadata.name' ? pod.metadata.name : path === 'metadata.namespace' ? (pod.metadata.namespace ?? '') : path === 'spec.nodeName' ? (pod.spec.nodeName ?? '') : path === 'status.podIP' ? (pod.status?.podIP ?? '') : ''));
		out += mountLines(c.volumeMounts);
	}
	out += 'Conditions:\n  Type                        Status\n';
	for (const cond of pod.status.conditions ?? []) out += `  ${cond.type.padEnd(28)}${cond.status} \n`;
	out += `Volumes:\n${(pod.spec.volumes ?? []).map(volumeLines).join('') || '  <none>\n'}`;
	out += `QoS Class:                   ${pod.status.qosClass ?? 'BestEffort'}\n`;
	out += `Node-Selectors:              ${Object.keys(pod.spec.nodeSelector ?? {}).length ? formatLabels(pod.spec.nodeSelector) : '<none>'}\n`;
	const tolerations = (pod.spec.tolerations ?? []).map(tolerationText);
	out += `Tolerations:                 ${tolerations.length ? tolerations.join('\n                             ') : '<none>'}\n`;
	out += eventsSection(w, pod);
	return out + preemptionNote(w, pod);
}

/**
 * A pod the scheduler cannot place while pods of lower priority run: a real scheduler would try to
 * preempt them (evict them to make room). The simulated one does not, and says so.
 */
function preemptionNote(w: World, pod: Pod): string {
	if (pod.spec.nodeName || pod.status?.phase !== 'Pending' || pod.spec.preemptionPolicy === 'Never' || pod.metadata.deletionTimestamp) return '';
	const priority = pod.spec.priority ?? 0;
	const lower = [...w.cluster!.store.pods.values()].some(p => p.spec.nodeName && !p.metadata.deletionTimestamp && (p.spec.priority ?? 0) < priority);
	return lower ? '[simulator] preemption is not simulated: a real scheduler would try to evict lower-priority pods to make room for this pod; here it stays Pending until room frees up\n' : '';
}

/** "  key:  value" lines aligned on the longest key, as describe's tabwriter lays them out. */
function keyValues(pairs: [string, unknown][]): string {
	const width = Math.max(0, ...pairs.map(([k]) => k.length + 1));
	return pairs.map(([k, v]) => `  ${(k + ':').padEnd(width)}  ${v ?? ''}`.trimEnd() + '\n').join('');
}

/** The node's Lease in kube-node-lease, as describeNodeLease prints it (or why it could not be read). */
function nodeLeaseLines(lease: Lease | undefined, node: string): string {
	if (!lease) return `Lease:              Failed to get lease: leases.coordination.k8s.io "${node}" not found\n`;
	const spec = lease.spec ?? {};
	const time = (t: unknown) => (typeof t === 'string' && t ? rfc1123(t) : '<unset>');
	return `Lease:\n  HolderIdentity:  ${typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '<unset>'}\n  AcquireTime:     ${time(spec.acquireTime)}\n  RenewTime:       ${time(spec.renewTime)}\n`;
}

/** describeNode in kubectl 1.32's words: one tabwriter over all of it, so the System Info, PodCIDR and pod table columns line up as kubectl's do. */
function describeNode(w: World, node: Node): string {
	const c = w.cluster!;
	const lines: string[] = [`Name:\t${node.metadata.name}`];
	lines.push(`Roles:\t${Object.keys(node.metadata.labels ?? {}).filter(k => k.startsWith('node-role.kubernetes.io/')).map(k => k.split('/')[1]).join(',') || '<none>'}`);
	const multi = (label: string, values: string[]) => (values.length ? values.map((v, i) => `${i === 0 ? `${label}:` : ''}\t${v}`) : [`${label}:\t<none>`]);
	lines.push(...multi('Labels', labelList(node.metadata.labels)), ...multi('Annotations', annotationList(node.metadata.annotations)));
	lines.push(`CreationTimestamp:\t${rfc1123(node.metadata.creationTimestamp)}`);
	// printTaintsMultiline sorts them by "effect,key".
	const taints = [...(node.spec.taints ?? [])].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : `${a.effect},${a.key}` > `${b.effect},${b.key}` ? 1 : 0));
	lines.push(...multi('Taints', taints.map(t => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)));
	lines.push(`Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}`);
	lines.push(...nodeLeaseLines(c.store.leases.get(`kube-node-lease/${node.metadata.name}`), node.metadata.name).trimEnd().split('\n').map(l => l.replace(/^(\s*[\w ]+:) +/, '$1\t')));
	lines.push('Conditions:', '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage', '  ----\t------\t-----------------\t------------------\t------\t-------');
	for (const cond of node.status.conditions ?? []) lines.push(`  ${cond.type} \t${cond.status} \t${rfc1123(cond.lastHeartbeatTime)} \t${rfc1123(cond.lastTransitionTime)} \t${cond.reason} \t${cond.message}`);
	lines.push('Addresses:', ...(node.status.addresses ?? []).map(a => `  ${a.type}:\t${a.address}`));
	const resources = (list: ResourceList) => Object.keys(list).sort().map(r => `  ${r}:\t${list[r]}`);
	lines.push('Capacity:', ...resources(node.status.capacity ?? {}), 'Allocatable:', ...resources(node.status.allocatable ?? {}));
	const info: NodeSystemInfo = node.status.nodeInfo ?? {};
	lines.push('System Info:', `  Machine ID:\t${info.machineID}`, `  System UUID:\t${info.systemUUID}`, `  Boot ID:\t${info.bootID}`, `  Kernel Version:\t${info.kernelVersion}`, `  OS Image:\t${info.osImage}`, `  Operating System:\t${info.operatingSystem}`, `  Architecture:\t${info.architecture}`, `  Container Runtime Version:\t${info.containerRuntimeVersion}`, `  Kubelet Version:\t${info.kubeletVersion}`, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}`);
	if (node.spec.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`);
	const cidrs = (node.spec.podCIDRs as string[] | undefined) ?? (node.spec.podCIDR ? [node.spec.podCIDR] : []);
	if (cidrs.length) lines.push(`PodCIDRs:\t${cidrs.join(',')}`);
	const pods = [...(c.podsByNode.get(node.metadata.name) ?? [])].map(k => c.store.pods.get(k)!).filter(p => p && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').sort((a, b) => a.metadata.namespace!.localeCompare(b.metadata.namespace!) || a.metadata.name.localeCompare(b.metadata.name));
	lines.push(`Non-terminated Pods:\t(${pods.length} in total)`, '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge', '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
	const allocatable = node.status.allocatable ?? {};
	const cpuCap = cpuMilli(allocatable.cpu) || 1;
	const memCap = memoryBytes(allocatable.memory) || 1;
	// "250m (12%)": a request and its share of what the node can allocate, as describe prints it.
	const cpuCell = (milli: number) => `${milli ? formatCpu(milli) : '0'} (${Math.floor((milli * 100) / cpuCap)}%)`;
	const memCell = (bytes: number) => `${bytes ? formatMemory(bytes) : '0'} (${Math.floor((bytes * 100) / memCap)}%)`;
	const sum = (p: Pod, kind: 'requests' | 'limits', what: 'cpu' | 'memory') => p.spec.containers.reduce((t, x) => t + (what === 'cpu' ? cpuMilli(x.resources?.[kind]?.cpu) : memoryBytes(x.resources?.[kind]?.memory)), 0);
	const totals = {cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0};
	for (const p of pods) {
		const [cpuReq, cpuLim, memReq, memLim] = [sum(p, 'requests', 'cpu'), sum(p, 'limits', 'cpu'), sum(p, 'requests', 'memory'), sum(p, 'limits', 'memory')];
		totals.cpuReq += cpuReq;
		totals.cpuLim += cpuLim;
		totals.memReq += memReq;
		totals.memLim += memLim;
		lines.push(`  ${p.metadata.namespace}\t${p.metadata.name}\t\t${cpuCell(cpuReq)}\t${cpuCell(cpuLim)}\t${memCell(memReq)}\t${memCell(memLim)}\t${humanDuration(w.time - msOf(p.metadata.creationTimestamp))}`);
	}
	lines.push('Allocated resources:', '  (Total limits may be over 100 percent, i.e., overcommitted.)', '  Resource\tRequests\tLimits', '  --------\t--------\t------');
	lines.push(`  cpu\t${cpuCell(totals.cpuReq)}\t${cpuCell(totals.cpuLim)}`, `  memory\t${memCell(totals.memReq)}\t${memCell(totals.memLim)}`, '  ephemeral-storage\t0 (0%)\t0 (0%)');
	for (const huge of Object.keys(allocatable).filter(r => r.startsWith('hugepages-')).sort()) lines.push(`  ${huge}\t0 (0%)\t0 (0%)`);
	const events = eventsSection(w, node);
	if (/^Events: +<none>\n$/.test(events)) return tabwrite(`${lines.join('\n')}\nEvents:\t<none>\n`);
	return tabwrite(`${lines.join('\n')}\n`) + events;
}

function describeReplicas(w: World, obj: ReplicationController | ReplicaSet): string {
	const pods = [...(w.cluster!.podsByOwner.get(obj.metadata.uid) ?? [])].map(key => w.cluster!.store.pods.get(key)!).filter(Boolean);
	const phase = (p: string) => pods.filter(x => (x.status.phase ?? 'Pending') === p).length;
	const selector = obj.kind === 'ReplicationController' ? labelList(obj.spec.selector).join(',') : labelList(obj.spec.selector?.matchLabels).join(',');
	const controlled = obj.metadata.ownerReferences?.find(r => r.controller);
	const list: Field[] = [
		['Name', obj.metadata.name],
		['Namespace', obj.metadata.namespace!],
		['Selector', selector || '<none>'],
		['Labels', labelList(obj.metadata.labels)],
		['Annotations', annotationList(obj.metadata.annotations)],
		...(controlled ? [['Controlled By', `${controlled.kind}/${controlled.name}`] as Field] : []),
		['Replicas', `${obj.status?.replicas ?? 0} current / ${obj.spec.replicas} desired`],
		['Pods Status', `${phase('Running')} Running / ${phase('Pending')} Waiting / ${phase('Succeeded')} Succeeded / ${phase('Failed')} Failed`],
	];
	return fields(list) + podTemplate(obj.spec.template) + eventsAfter(w, obj, list);
}

function describeDeployment(w: World, obj: Deployment): string {
	const c = w.cluster!;
	const owned = [...c.store.replicasets.values()].filter(rs => rs.metadata.namespace === obj.metadata.namespace && rs.metadata.ownerReferences?.some(r => r.uid === obj.metadata.uid));
	const newest = owned.sort((a, b) => Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) - Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))[0];
	const old = owned.filter(rs => rs !== newest && (rs.spec.replicas ?? 0) > 0);
	const rolling = obj.spec.strategy?.rollingUpdate;
	const st = obj.status ?? {};
	const list: Field[] = [
		['Name', obj.metadata.name],
		['Namespace', obj.metadata.namespace!],
		['CreationTimestamp', rfc1123(obj.metadata.creationTimestamp)],
		['Labels', labelList(obj.metadata.labels)],
		['Annotations', annotationList(obj.metadata.annotations)],
		['Selector', labelList(obj.spec.selector?.matchLabels).join(',')],
		['Replicas', `${obj.spec.replicas} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable`],
		['StrategyType', obj.spec.strategy?.type ?? 'RollingUpdate'],
		['MinReadySeconds', String(obj.spec.minReadySeconds ?? 0)],
		...(obj.spec.strategy?.type !== 'Recreate' ? [['RollingUpdateStrategy', `${rolling?.maxUnavailable ?? '25%'} max unavailable, ${rolling?.maxSurge ?? '25%'} max surge`] as Field] : []),
	];
	let out = fields(list) + podTemplate(obj.spec.template);
	const conditions = st.conditions ?? [];
	// The condition rows share a tabwriter block with "OldReplicaSets:" below, so Type is at least that wide.
	if (conditions.length) out += 'Conditions:\n' + table([['Type'.padEnd(13), 'Status', 'Reason'], ['----', '------', '------'], ...conditions.map(x => [x.type, x.status, x.reason!])], 2).split('\n').filter(Boolean).map(l => '  ' + l).join('\n') + '\n';
	const rsText = (rs: ReplicaSet) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas} replicas created)`;
	out += `OldReplicaSets:  ${old.length ? old.map(rsText).join(', ') : '<none>'}\nNewReplicaSet:   ${newest ? rsText(newest) : '<none>'}\n`;
	return out + eventsAfter(w, obj, list);
}

function describeService(w: World, obj: Service): string {
	const ep = w.cluster!.store.endpoints.get(`${obj.metadata.namespace}/${obj.metadata.name}`);
	const list: Field[] = [
		['Name', obj.metadata.name],
		['Namespace', obj.metadata.namespace!],
		['Labels', labelList(obj.metadata.labels)],
		['Annotations', annotationList(obj.metadata.annotations)],
		['Selector', labelList(obj.spec.selector).join(',') || '<none>'],
		['Type', obj.spec.type ?? 'ClusterIP'],
		...(obj.spec.ipFamilyPolicy ? [['IP Family Policy', obj.spec.ipFamilyPolicy] as Field] : []),
		['IP Families', (obj.spec.ipFamilies ?? []).join(',') || '<none>'],
		['IP', obj.spec.clusterIP ?? ''],
		['IPs', (obj.spec.clusterIPs ?? []).join(',') || '<none>'],
		...(obj.spec.type === 'ExternalName' ? [['External Name', obj.spec.externalName ?? ''] as Field] : []),
	];
	for (const p of obj.spec.ports ?? []) {
		const endpoints = (ep ? (ep.subsets ?? []) : []).flatMap(s => (s.addresses ?? []).flatMap(a => (s.ports ?? []).filter(x => (x.name ?? '') === (p.name ?? '')).map(x => `${a.ip}:${x.port}`)));
		list.push(['Port', `${p.name ?? '<unset>'}  ${p.port}/${p.protocol}`], ['TargetPort', `${p.targetPort}/${p.protocol}`]);
		if (p.nodePort) list.push(['NodePort', `${p.name ?? '<unset>'}  ${p.nodePort}/${p.protocol}`]);
		list.push(['Endpoints', endpoints.length > 3 ? `${endpoints.slice(0, 3).join(',')} + ${endpoints.length - 3} more...` : endpoints.join(',')]);
	}
	list.push(['Session Affinity', obj.spec.sessionAffinity ?? 'None']);
	if (obj.spec.externalTrafficPolicy) list.push(['External Traffic Policy', obj.spec.externalTrafficPolicy]);
	if (obj.spec.internalTrafficPolicy) list.push(['Internal Traffic Policy', obj.spec.internalTrafficPolicy]);
	return fields(list) + eventsAfter(w, obj, list);
}

function describeGeneric(w: World, obj: KubeObject): string {
	const more = describeMore(w, obj);
	if (more !== undefined) return more;
	if (obj.kind === 'ReplicationController' || obj.kind === 'ReplicaSet') return describeReplicas(w, obj);
	if (obj.kind === 'Deployment') return describeDeployment(w, obj);
	if (obj.kind === 'Service') return describeService(w, obj);
	if (obj.kind === 'Lease') return describeUnstructured(w, obj);
	if (obj.kind === 'Namespace') return fields([['Name', obj.metadata.name], ['Labels', labelList(obj.metadata.labels)], ['Annotations', annotationList(obj.metadata.annotations)], ['Status', obj.status?.phase ?? 'Active']]) + '\nNo resource quota.\n\nNo LimitRange resource.\n';
	if (obj.kind === 'Endpoints') {
		const subsets = obj.subsets ?? [];
		const list: Field[] = [['Name', obj.metadata.name], ['Namespace', obj.metadata.namespace!], ['Labels', labelList(obj.metadata.labels)], ['Annotations', annotationList(obj.metadata.annotations)]];
		let out = fields(list);
		out += 'Subsets:\n';
		for (const s of subsets) {
			out += `  Addresses:          ${(s.addresses ?? []).map(a => a.ip).join(',') || '<none>'}\n  NotReadyAddresses:  ${(s.notReadyAddresses ?? []).map(a => a.ip).join(',') || '<none>'}\n  Ports:\n    Name     Port  Protocol\n    ----     ----  --------\n`;
			for (const p of s.ports ?? []) out += `    ${(p.name ?? '<unset>').padEnd(9)}${String(p.port).padEnd(6)}${p.protocol}\n`;
		}
		return out + '\n' + eventsAfter(w, obj, list);
	}
	return fields([['Name', obj.metadata.name]]) + eventsAfter(w, obj, [['Name', '']]);
}

export function kubectlDescribe(k: Kctx): CommandOutcome {
	const targets = parseTargets(k.args.positional);
	if (typeof targets === 'string') return fail(targets);
	if (targets.length === 0) return fail('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.');
	const w = k.ctx.world;
	const ns = namespaceOf(k);
	const parts: string[] = [];
	const errors: string[] = [];
	const notes: string[] = [];
	for (const t of targets) {
		const objects = t.names.length
			? t.names.map(n => getObject(w.cluster!, t.info.resource, ns, n) ?? (errors.push(`Error from server (NotFound): ${qualifiedPlural(t.info)} "${n}" not found`), undefined)).filter(x => x !== undefined)
			: listObjects(w.cluster!, t.info.resource, t.info.namespaced ? ns : undefined);
		for (const obj of objects) {
			parts.push(obj.kind === 'Pod' ? describePod(w, obj) : obj.kind === 'Node' ? describeNode(w, obj) : describeGeneric(w, obj));
			if (obj.kind === 'Pod') notes.push(podPullNotes(w, obj));
		}
	}
	if (parts.length === 0 && errors.length === 0) return {stdout: '', stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0};
	return {stdout: parts.join('\n\n'), stderr: errors.map(e => e + '\n').join('') + [...new Set(notes)].join(''), exitCode: errors.length ? 1 : 0};
}
