// kubectl describe: the human summary of an object, ending with its Events.
import {msOf} from '../../../engine/k8s/metadata.ts';
import {storeKey} from '../../../engine/k8s/resources.ts';
import {formatLabels} from '../../../engine/k8s/selectors.ts';
import type {KubeObject} from '../../../engine/k8s/types.ts';
import type {World, WorldEvent} from '../../../engine/world.ts';
import type {CommandOutcome} from '../../types.ts';
import {fail, namespaceOf, type Kctx} from './context.ts';
import {parseTargets} from './get.ts';
import {listObjects} from '../../../engine/k8s/api-server.ts';
import {qualifiedPlural} from './resource-names.ts';
import {podStatus} from './rows.ts';
import {humanDuration, table} from './table.ts';

function rfc1123(ts: string | undefined): string {
	if (!ts) return '<unset>';
	return new Date(Date.parse(ts)).toUTCString().replace('GMT', '+0000');
}

function mapLines(label: string, map: Record<string, string> | undefined, width = 14): string {
	const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
	const pad = (s: string) => s.padEnd(width);
	if (entries.length === 0) return `${pad(label + ':')}<none>\n`;
	return entries.map(([k, v], i) => `${pad(i === 0 ? label + ':' : '')}${k}${label === 'Annotations' || label === 'Labels' || label === 'Node-Selectors' ? '=' : ': '}${v}`).join('\n') + '\n';
}

/** The event recorder folds repeats (same source, reason and message) into one event with a count. */
export function aggregateEvents(events: WorldEvent[]): (WorldEvent & {count: number; first: number; last: number})[] {
	const byKey = new Map<string, WorldEvent & {count: number; first: number; last: number}>();
	for (const e of events) {
		const key = [e.object, e.type, e.reason, e.component, e.message].join('\0');
		const seen = byKey.get(key);
		if (seen) {
			seen.count += 1;
			seen.last = e.time;
			byKey.delete(key);
			byKey.set(key, seen);
		} else byKey.set(key, {...e, count: 1, first: e.time, last: e.time});
	}
	return [...byKey.values()].sort((a, b) => a.last - b.last || a.seq - b.seq);
}

export function eventsSection(w: World, obj: KubeObject): string {
	const id = `${obj.kind.toLowerCase()}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
	const events = w.events.filter(e => e.object === id && e.time >= msOf(obj.metadata.creationTimestamp));
	if (events.length === 0) return 'Events:                      <none>\n';
	const rows = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------']];
	for (const e of aggregateEvents(events)) {
		const age = e.count > 1 ? `${humanDuration(w.time - e.last)} (x${e.count} over ${humanDuration(w.time - e.first)})` : humanDuration(w.time - e.last);
		rows.push([e.type, e.reason, age, e.component.startsWith('kubelet/') ? 'kubelet' : e.component, e.message]);
	}
	return 'Events:\n' + table(rows, 2).split('\n').filter(Boolean).map(l => '  ' + l).join('\n') + '\n';
}

function stateLines(state: any, indent: string, label: string): string {
	if (!state || Object.keys(state).length === 0) return '';
	if (state.running) return `${indent}${label.padEnd(16)}Running\n${indent}  Started:      ${rfc1123(state.running.startedAt)}\n`;
	if (state.waiting) return `${indent}${label.padEnd(16)}Waiting\n${indent}  Reason:       ${state.waiting.reason}\n`;
	const t = state.terminated;
	return `${indent}${label.padEnd(16)}Terminated\n${indent}  Reason:       ${t.reason}\n${indent}  Exit Code:    ${t.exitCode}\n${indent}  Started:      ${rfc1123(t.startedAt)}\n${indent}  Finished:     ${rfc1123(t.finishedAt)}\n`;
}

function describePod(w: World, pod: KubeObject): string {
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
		const s = pod.status.containerStatuses?.find((x: any) => x.name === c.name);
		out += `  ${c.name}:\n`;
		out += `    Container ID:   ${s?.containerID ?? ''}\n`;
		out += `    Image:          ${c.image}\n`;
		out += `    Image ID:       ${s?.imageID ?? ''}\n`;
		const ports = (c.ports ?? []).map((p: any) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
		out += `    Port:           ${ports.join(', ') || '<none>'}\n`;
		out += `    Host Port:      ${(c.ports ?? []).length ? (c.ports ?? []).map((p: any) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>'}\n`;
		if (c.command) out += `    Command:\n${c.command.map((x: string) => `      ${x}\n`).join('')}`;
		if (c.args) out += `    Args:\n${c.args.map((x: string) => `      ${x}\n`).join('')}`;
		if (s) out += stateLines(s.state, '    ', 'State:');
		out += stateLines(s?.lastState, '    ', 'Last State:');
		out += `    Ready:          ${s?.ready ? 'True' : 'False'}\n`;
		out += `    Restart Count:  ${s?.restartCount ?? 0}\n`;
		if (c.resources?.limits) out += `    Limits:\n${Object.entries(c.resources.limits).map(([k, v]) => `      ${k}:  ${v}\n`).join('')}`;
		if (c.resources?.requests) out += `    Requests:\n${Object.entries(c.resources.requests).map(([k, v]) => `      ${k}:  ${v}\n`).join('')}`;
		out += `    Environment:    ${(c.env ?? []).length ? '\n' + c.env.map((e: any) => `      ${e.name}:  ${e.value ?? ''}\n`).join('') : '<none>\n'}`;
		out += `    Mounts:\n${(c.volumeMounts ?? []).map((m: any) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`).join('') || '      <none>\n'}`;
	}
	out += 'Conditions:\n  Type                        Status\n';
	for (const cond of pod.status.conditions ?? []) out += `  ${cond.type.padEnd(28)}${cond.status} \n`;
	out += `Volumes:\n${(pod.spec.volumes ?? []).map((v: any) => `  ${v.name}:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\n`).join('') || '  <none>\n'}`;
	out += `QoS Class:                   ${pod.status.qosClass ?? 'BestEffort'}\n`;
	out += `Node-Selectors:              ${Object.keys(pod.spec.nodeSelector ?? {}).length ? formatLabels(pod.spec.nodeSelector) : '<none>'}\n`;
	const tolerations = (pod.spec.tolerations ?? []).map((t: any) => `${t.key ?? ''}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}${t.effect ? `:${t.effect}` : ''}${t.operator === 'Exists' && t.key ? ' op=Exists' : t.operator === 'Exists' ? 'op=Exists' : ''}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`);
	out += `Tolerations:                 ${tolerations.length ? tolerations.join('\n                             ') : '<none>'}\n`;
	out += eventsSection(w, pod);
	return out;
}

/** "  key:  value" lines aligned on the longest key, as describe's tabwriter lays them out. */
function keyValues(pairs: [string, unknown][]): string {
	const width = Math.max(0, ...pairs.map(([k]) => k.length + 1));
	return pairs.map(([k, v]) => `  ${(k + ':').padEnd(width)}  ${v ?? ''}`.trimEnd() + '\n').join('');
}

function describeNode(w: World, node: KubeObject): string {
	const c = w.cluster!;
	let out = `Name:               ${node.metadata.name}\n`;
	out += `Roles:              ${Object.keys(node.metadata.labels ?? {}).filter(k => k.startsWith('node-role.kubernetes.io/')).map(k => k.split('/')[1]).join(',') || '<none>'}\n`;
	out += mapLines('Labels', node.metadata.labels, 20);
	out += mapLines('Annotations', node.metadata.annotations, 20);
	out += `CreationTimestamp:  ${rfc1123(node.metadata.creationTimestamp)}\n`;
	out += `Taints:             ${(node.spec.taints ?? []).map((t: any) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n                    ') || '<none>'}\n`;
	out += `Unschedulable:      ${node.spec.unschedulable ? 'true' : 'false'}\n`;
	out += 'Conditions:\n';
	const rows = [['Type', 'Status', 'LastHeartbeatTime', 'LastTransitionTime', 'Reason', 'Message'], ['----', '------', '-----------------', '------------------', '------', '-------']];
	for (const cond of node.status.conditions) rows.push([cond.type, cond.status, rfc1123(cond.lastHeartbeatTime), rfc1123(cond.lastTransitionTime), cond.reason, cond.message]);
	out += table(rows, 2).split('\n').filter(Boolean).map(l => '  ' + l).join('\n') + '\n';
	out += `Addresses:\n${keyValues(node.status.addresses.map((a: any) => [a.type, a.address]))}`;
	out += `Capacity:\n${keyValues(Object.entries(node.status.capacity))}`;
	out += `Allocatable:\n${keyValues(Object.entries(node.status.allocatable))}`;
	const info = node.status.nodeInfo;
	out += `System Info:\n${keyValues([['Machine ID', info.machineID], ['System UUID', info.systemUUID], ['Boot ID', info.bootID], ['Kernel Version', info.kernelVersion], ['OS Image', info.osImage], ['Operating System', info.operatingSystem], ['Architecture', info.architecture], ['Container Runtime Version', info.containerRuntimeVersion], ['Kubelet Version', info.kubeletVersion], ['Kube-Proxy Version', info.kubeProxyVersion]])}`;
	out += `PodCIDR:                      ${node.spec.podCIDR}\nPodCIDRs:                     ${node.spec.podCIDR}\n`;
	const pods = [...(c.podsByNode.get(node.metadata.name) ?? [])].map(k => c.store.pods.get(k)!).filter(Boolean);
	out += `Non-terminated Pods:          (${pods.length} in total)\n`;
	const prow = [['Namespace', 'Name', 'CPU Requests', 'CPU Limits', 'Memory Requests', 'Memory Limits', 'Age'], ['---------', '----', '------------', '----------', '---------------', '-------------', '---']];
	for (const p of pods) {
		const r = p.spec.containers[0]?.resources ?? {};
		prow.push([p.metadata.namespace!, p.metadata.name, r.requests?.cpu ?? '0 (0%)', r.limits?.cpu ?? '0 (0%)', r.requests?.memory ?? '0 (0%)', r.limits?.memory ?? '0 (0%)', humanDuration(w.time - msOf(p.metadata.creationTimestamp))]);
	}
	out += table(prow, 2).split('\n').filter(Boolean).map(l => '  ' + l).join('\n') + '\n';
	const usage = c.nodeUsage.get(node.metadata.name);
	out += `Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests    Limits\n  --------           --------    ------\n  cpu                ${usage?.cpuMilli ?? 0}m        0\n  memory             ${Math.round((usage?.memoryBytes ?? 0) / 1048576)}Mi       0\n`;
	out += eventsSection(w, node);
	return out;
}

function describeGeneric(w: World, obj: KubeObject): string {
	let out = `Name:         ${obj.metadata.name}\n`;
	if (obj.metadata.namespace) out += `Namespace:    ${obj.metadata.namespace}\n`;
	if (obj.spec?.selector) out += `Selector:     ${formatLabels(obj.spec.selector.matchLabels ?? obj.spec.selector)}\n`;
	out += mapLines('Labels', obj.metadata.labels);
	out += mapLines('Annotations', Object.fromEntries(Object.entries(obj.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('kubectl.kubernetes.io/last-applied'))));
	if (obj.kind === 'ReplicationController' || obj.kind === 'ReplicaSet') {
		const pods = listObjects(w.cluster!, 'pods', obj.metadata.namespace).filter(p => p.metadata.ownerReferences?.some(r => r.uid === obj.metadata.uid));
		const count = (s: string) => pods.filter(p => podStatus(p) === s).length;
		out += `Replicas:     ${obj.status?.replicas ?? 0} current / ${obj.spec.replicas} desired\n`;
		out += `Pods Status:  ${count('Running')} Running / ${pods.filter(p => !p.status.phase || p.status.phase === 'Pending').length} Waiting / ${pods.filter(p => p.status.phase === 'Succeeded').length} Succeeded / ${pods.filter(p => p.status.phase === 'Failed').length} Failed\n`;
		out += `Pod Template:\n${mapLines('  Labels', obj.spec.template?.metadata?.labels)}  Containers:\n${(obj.spec.template?.spec?.containers ?? []).map((c: any) => `   ${c.name}:\n    Image:        ${c.image}\n    Port:         ${c.ports?.[0] ? `${c.ports[0].containerPort}/TCP` : '<none>'}\n`).join('')}`;
	}
	if (obj.kind === 'Deployment') {
		out += `Replicas:               ${obj.spec.replicas} desired | ${obj.status?.updatedReplicas ?? 0} updated | ${obj.status?.replicas ?? 0} total | ${obj.status?.availableReplicas ?? 0} available | ${obj.status?.unavailableReplicas ?? 0} unavailable\nStrategyType:           ${obj.spec.strategy?.type}\n`;
	}
	if (obj.kind === 'Service') {
		out += `Selector:          ${formatLabels(obj.spec.selector)}\nType:              ${obj.spec.type}\nIP:                ${obj.spec.clusterIP}\n`;
		for (const p of obj.spec.ports ?? []) out += `Port:              ${p.name ?? '<unset>'}  ${p.port}/${p.protocol}\nTargetPort:        ${p.targetPort}/${p.protocol}\n${p.nodePort ? `NodePort:          ${p.name ?? '<unset>'}  ${p.nodePort}/${p.protocol}\n` : ''}`;
		const ep = w.cluster!.store.endpoints.get(`${obj.metadata.namespace}/${obj.metadata.name}`);
		const list = (ep?.subsets ?? []).flatMap((s: any) => (s.addresses ?? []).flatMap((a: any) => (s.ports ?? []).map((p: any) => `${a.ip}:${p.port}`)));
		out += `Endpoints:         ${list.join(',')}\nSession Affinity:  ${obj.spec.sessionAffinity}\n`;
	}
	if (obj.kind === 'Namespace') out += `Status:       ${obj.status?.phase}\n\nNo resource quota.\n\nNo LimitRange resource.\n`;
	else out += eventsSection(w, obj);
	return out;
}

export function kubectlDescribe(k: Kctx): CommandOutcome {
	const targets = parseTargets(k.args.positional);
	if (typeof targets === 'string') return fail(targets);
	if (targets.length === 0) return fail('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\nerror: Required resource not specified.');
	const w = k.ctx.world;
	const ns = namespaceOf(k);
	const parts: string[] = [];
	const errors: string[] = [];
	for (const t of targets) {
		const objects = t.names.length
			? t.names.map(n => w.cluster!.store[t.info.resource].get(storeKey(t.info, ns, n)) ?? (errors.push(`Error from server (NotFound): ${qualifiedPlural(t.info)} "${n}" not found`), undefined)).filter((x): x is KubeObject => !!x)
			: listObjects(w.cluster!, t.info.resource, t.info.namespaced ? ns : undefined);
		for (const obj of objects) parts.push(obj.kind === 'Pod' ? describePod(w, obj) : obj.kind === 'Node' ? describeNode(w, obj) : describeGeneric(w, obj));
	}
	if (parts.length === 0 && errors.length === 0) return {stdout: '', stderr: `No resources found in ${ns} namespace.\n`, exitCode: 0};
	return {stdout: parts.join('\n\n'), stderr: errors.map(e => e + '\n').join(''), exitCode: errors.length ? 1 : 0};
}
