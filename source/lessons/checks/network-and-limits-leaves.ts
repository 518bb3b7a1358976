// Two leaf checks of the container chapters (2 and 3): which network namespace holds an interface
// (after `ip link set X netns Y`), and the limits in the cgroup Docker made for a container (after
// `docker run --memory --cpus`, whose cgroup path holds the container's id, unknown to the author).
import {z} from 'zod';
import {messages} from '../../i18n/catalog.ts';
import type {Locale} from '../../i18n/locale.ts';
import type {World} from '../../engine/world.ts';
import {daemonOn, findContainers} from '../selectors/docker.ts';
import {cgroupAt, hostNamed} from '../selectors/host.ts';

const limit = z.union([z.number().int(), z.literal('max')]).optional();

export const networkAndLimitsLeafSchemas = {
	/** An interface is in a network namespace: the host's own (`netns: host`) or one named by `ip netns add`. */
	/** `peer`: a veth end whose other end has this name (both ends of one pair, not two pairs' ends). */
	interface: z.object({host: z.string().optional(), name: z.string().min(1), netns: z.string().min(1).default('host'), peer: z.string().min(1).optional()}).strict(),
	/** The cgroup Docker made for a container holds these limits: memory.max in bytes, cpu.max's quota, pids.max. */
	containerCgroup: z.object({host: z.string().optional(), name: z.string().min(1), memoryMax: limit, cpuQuota: limit, pidsMax: limit}).strict(),
} as const;

type Specs = {[K in keyof typeof networkAndLimitsLeafSchemas]: z.infer<(typeof networkAndLimitsLeafSchemas)[K]>};
export type NetworkAndLimitsLeaf = {[K in keyof Specs]: {kind: K; spec: Specs[K]}}[keyof Specs];
export type LeafOutcome = {passed: boolean; met: string; unmet: string[]};

export function evaluateNetworkAndLimitsLeaf(check: NetworkAndLimitsLeaf, ctx: {world: World; host: string; locale: Locale}): LeafOutcome {
	const say = messages(ctx.locale).leaves;
	const hostName = check.spec.host ?? ctx.host;
	const host = hostNamed(ctx.world, hostName);
	if (!host) return {passed: false, met: '', unmet: [say.noHost(hostName)]};
	if (check.kind === 'interface') {
		const {name, netns, peer} = check.spec;
		let actual: string | undefined;
		for (const ns of host.namespaces.values()) {
			const iface = ns.kind === 'net' ? ns.interfaces?.find(i => i.name === name) : undefined;
			if (!iface) continue;
			const label = ns.id === host.initNamespaces.net ? 'host' : (ns.name ?? `net:[${ns.id}]`);
			if (label === netns && peer !== undefined && iface.peer?.name !== peer) return {passed: false, met: '', unmet: [say.ifaceNotPeer(name, peer)]};
			if (label === netns) return {passed: true, met: say.ifaceIn(name, say.where(netns)), unmet: []};
			actual = say.where(label);
		}
		return {passed: false, met: '', unmet: [say.ifaceNotIn(name, say.where(netns), actual)]};
	}
	const {name, memoryMax, cpuQuota, pidsMax} = check.spec;
	const daemon = daemonOn(ctx.world, hostName);
	const container = daemon && findContainers(daemon, {name})[0];
	if (!container) return {passed: false, met: '', unmet: [say.noContainer(name, hostName)]};
	const group = cgroupAt(host, container.cgroup);
	if (!group) return {passed: false, met: '', unmet: [say.noGroup(name)]};
	const problems: string[] = [];
	if (memoryMax !== undefined && group.memoryMax !== memoryMax) problems.push(say.value(name, 'memory.max', String(group.memoryMax), String(memoryMax)));
	if (cpuQuota !== undefined && group.cpuMax.quota !== cpuQuota) problems.push(say.value(name, 'cpu.max', `${group.cpuMax.quota} ${group.cpuMax.period}`, `${cpuQuota} ${group.cpuMax.period}`));
	if (pidsMax !== undefined && group.pidsMax !== pidsMax) problems.push(say.value(name, 'pids.max', String(group.pidsMax), String(pidsMax)));
	return {passed: problems.length === 0, met: say.ok(name), unmet: problems};
}
