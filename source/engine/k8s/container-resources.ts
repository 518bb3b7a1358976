// A container's resources become its cgroup on the node, as the kubelet sets them through the
// runtime: memory.max from limits.memory, cpu.max from limits.cpu, cpu.weight from requests.cpu.
// Its main process then does what the program really does over time (stress grows its memory or
// burns CPU), so the same OOM killer and CFS throttling as in the cgroups chapter act on pods.
import {behaviourOf, effectiveCommand} from '../docker/programs.ts';
import {ensureCgroup} from '../host/cgroups.ts';
import {isActiveWorkload} from '../host/processes.ts';
import type {World} from '../world.ts';
import {cpuMilli, memoryBytes} from './quantity.ts';
import type {ContainerRuntime, ContainerSpec} from './types.ts';

/** cpu.shares from a CPU request (MilliCPUToShares: at least 2), then cgroup v2's weight (1..10000). */
export function cpuWeightOf(requestMilli: number): number {
	const shares = Math.max(2, Math.floor((requestMilli * 1024) / 1000));
	return 1 + Math.floor(((shares - 2) * 9999) / 262142);
}

/** cpu.max's quota for a CPU limit, per 100 ms period (MilliCPUToQuota: at least 1 ms). */
export function cpuQuotaOf(limitMilli: number): number {
	return Math.max(1000, limitMilli * 100);
}

/** Applies the container's resources to its cgroup and gives its main process its program's workload. Call on a draft, after the process started. */
export function applyContainerResources(w: World, node: string, ct: ContainerRuntime, spec: ContainerSpec): void {
	const host = w.hosts.get(node);
	const proc = ct.pid === undefined ? undefined : host?.processes.get(ct.pid);
	if (!host || !proc) return;
	ct.cgroup = proc.cgroup;
	const limits = spec.resources?.limits ?? {};
	const requests = spec.resources?.requests ?? {};
	const group = ensureCgroup(host, proc.cgroup);
	const memoryLimit = memoryBytes(limits.memory);
	group.memoryMax = memoryLimit > 0 ? memoryLimit : 'max';
	const cpuLimit = cpuMilli(limits.cpu);
	group.cpuMax = {quota: cpuLimit > 0 ? cpuQuotaOf(cpuLimit) : 'max', period: 100000};
	group.cpuWeight = cpuWeightOf(cpuMilli(requests.cpu ?? limits.cpu));
	const argv = effectiveCommand([...(spec.command ?? []), ...(spec.args ?? [])]);
	const behaviour = argv.length > 0 ? behaviourOf(argv, w.time) : {};
	if (behaviour.workload && isActiveWorkload(behaviour.workload)) {
		proc.workload = behaviour.workload;
		proc.cpuDemand = behaviour.cpuDemand ?? 0;
		host.activePids.push(proc.pid);
		host.needsTick = true;
	}
}

/** Whether the kernel's OOM killer ended the container's process (its cgroup counts an oom_kill). */
export function oomKilled(w: World, node: string, ct: ContainerRuntime): boolean {
	const group = ct.cgroup ? w.hosts.get(node)?.cgroups.get(ct.cgroup) : undefined;
	return (group?.memoryEvents.oom_kill ?? 0) > 0;
}
