// ResourceQuota and LimitRange admission: the LimitRanger fills in a container's default requests
// and limits; the ResourceQuota plugin refuses a pod that would exceed a quota of its namespace,
// in the API server's words, and the quota controller keeps status.used current.
import type {World} from '../world.ts';
import {cpuMilli, formatCpu, formatMemory, memoryBytes} from './quantity.ts';
import type {KubeObject} from './types.ts';
import type {Pod} from './kinds.ts';
import type {ResourceQuota} from './kinds-more.ts';

const computeNames = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

function format(resource: string, value: number): string {
	if (resource.endsWith('cpu')) return formatCpu(value);
	if (resource.endsWith('memory') || resource.endsWith('storage')) return formatMemory(value);
	return String(value);
}

function parse(resource: string, text: unknown): number {
	if (resource.endsWith('cpu')) return cpuMilli(String(text));
	if (resource.endsWith('memory') || resource.endsWith('storage')) return memoryBytes(String(text));
	return Number(text) || 0;
}

/** What one pod counts against each quota resource. */
function podUsage(pod: Pod): Record<string, number> {
	const use: Record<string, number> = {pods: 1, 'count/pods': 1};
	for (const c of pod.spec?.containers ?? []) {
		const req = c.resources?.requests ?? {};
		const lim = c.resources?.limits ?? {};
		for (const [name, value] of [['requests.cpu', cpuMilli(req.cpu)], ['requests.memory', memoryBytes(req.memory)], ['limits.cpu', cpuMilli(lim.cpu)], ['limits.memory', memoryBytes(lim.memory)]] as const) use[name] = (use[name] ?? 0) + value;
	}
	use.cpu = use['requests.cpu'] ?? 0;
	use.memory = use['requests.memory'] ?? 0;
	return use;
}

const terminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

const objectCounts: Record<string, string> = {services: 'services', configmaps: 'configmaps', secrets: 'secrets', persistentvolumeclaims: 'persistentvolumeclaims', replicationcontrollers: 'replicationcontrollers', resourcequotas: 'resourcequotas'};

/** The namespace's usage of every resource the quota limits. */
export function quotaUsed(w: World, quota: ResourceQuota): Record<string, string> {
	const c = w.cluster!;
	const ns = quota.metadata.namespace!;
	const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
	const totals: Record<string, number> = {};
	for (const pod of c.store.pods.values()) {
		if (pod.metadata.namespace !== ns || terminal(pod)) continue;
		for (const [k, v] of Object.entries(podUsage(pod))) totals[k] = (totals[k] ?? 0) + v;
	}
	const used: Record<string, string> = {};
	for (const name of Object.keys(hard)) {
		const resource = objectCounts[name] ?? (name.startsWith('count/') ? name.slice(6).split('.')[0] : undefined);
		if (resource && resource !== 'pods' && (c.store as Record<string, Map<string, KubeObject>>)[resource]) {
			used[name] = String([...(c.store as Record<string, Map<string, KubeObject>>)[resource]!.values()].filter(o => o.metadata.namespace === ns).length);
		} else used[name] = format(name, totals[name] ?? 0);
	}
	return used;
}

/** The ResourceQuota admission plugin for a new pod: undefined when it fits every quota, else the message. */
export function quotaRefusal(w: World, pod: Pod): string | undefined {
	const c = w.cluster!;
	const ns = pod.metadata.namespace!;
	const use = podUsage(pod);
	for (const quota of [...c.store.resourcequotas.values()].filter(q => q.metadata.namespace === ns).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
		const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
		// A quota on compute resources needs every container to say how much it asks for.
		const missing: string[] = [];
		for (const name of Object.keys(hard).filter(n => computeNames.includes(n)).sort()) {
			const [kind, res] = name.includes('.') ? (name.split('.') as [string, string]) : ['requests', name];
			const lacking = (pod.spec?.containers ?? []).filter(ct => ct.resources?.[kind as 'requests' | 'limits']?.[res] === undefined).map(ct => ct.name);
			if (lacking.length) missing.push(`${name} for: ${lacking.join(',')}`);
		}
		if (missing.length) return `pods "${pod.metadata.name}" is forbidden: failed quota: ${quota.metadata.name}: must specify ${missing.join('; ')}`;
		const used = quotaUsed(w, quota);
		const over = Object.keys(hard)
			.filter(name => use[name] !== undefined && parse(name, used[name]) + use[name]! > parse(name, hard[name]))
			.sort();
		if (over.length) {
			const list = (values: (name: string) => string) => over.map(name => `${name}=${values(name)}`).join(',');
			return `pods "${pod.metadata.name}" is forbidden: exceeded quota: ${quota.metadata.name}, requested: ${list(n => format(n, use[n]!))}, used: ${list(n => format(n, parse(n, used[n])))}, limited: ${list(n => format(n, parse(n, hard[n])))}`;
		}
	}
	return undefined;
}

/** The quota controller: status.hard and status.used of every quota, current. Call on a draft. */
export function refreshQuotas(w: World, bump: () => string): void {
	for (const quota of w.cluster!.store.resourcequotas.values()) {
		const status = {hard: {...quota.spec?.hard}, used: quotaUsed(w, quota)};
		if (JSON.stringify(status) !== JSON.stringify(quota.status ?? {})) {
			quota.status = status;
			quota.metadata.resourceVersion = bump();
		}
	}
}

/** The LimitRanger: default requests and limits of the namespace's LimitRanges for containers without them. */
export function applyLimitRanges(w: World, pod: Pod): void {
	const ns = pod.metadata.namespace!;
	const set: string[] = [];
	for (const range of w.cluster!.store.limitranges.values()) {
		if (range.metadata.namespace !== ns) continue;
		for (const limit of range.spec?.limits ?? []) {
			if (limit.type !== 'Container') continue;
			for (const ct of pod.spec?.containers ?? []) {
				ct.resources ??= {};
				const added: string[] = [];
				for (const [field, source] of [['requests', limit.defaultRequest ?? limit.default], ['limits', limit.default]] as const) {
					for (const [res, value] of Object.entries((source ?? {}) as Record<string, string>)) {
						if (ct.resources[field]?.[res] !== undefined) continue;
						ct.resources[field] = {...ct.resources[field], [res]: value};
						added.push(`${res} ${field === 'requests' ? 'request' : 'limit'}`);
					}
				}
				if (added.length) {
					// ResourceRequirements' field order, as the API serializes it: limits, then requests.
					const {limits, requests, ...rest} = ct.resources;
					ct.resources = {...(limits ? {limits} : {}), ...(requests ? {requests} : {}), ...rest};
					set.push(...groupAdded(added, ct.name));
				}
			}
		}
	}
	if (set.length) pod.metadata.annotations = {...pod.metadata.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${set.join('; ')}`};
}

function groupAdded(added: string[], container: string): string[] {
	const requests = added.filter(a => a.endsWith('request')).map(a => a.split(' ')[0]);
	const limits = added.filter(a => a.endsWith('limit')).map(a => a.split(' ')[0]);
	const out: string[] = [];
	if (requests.length) out.push(`${requests.join(', ')} request for container ${container}`);
	if (limits.length) out.push(`${limits.join(', ')} limit for container ${container}`);
	return out;
}

export function quotaStatus(w: World, quota: ResourceQuota): Record<string, unknown> {
	return {hard: {...quota.spec?.hard}, used: quotaUsed(w, quota)};
}
