// What checks read from the cluster (source/engine/k8s): stored objects, pods, nodes, components.
// Kept apart from the rest so a change in the Kubernetes engine's data is a change here only.
import type {Cluster, ContainerStatus, KubeObject, ResourceName, StoredKinds} from '../../engine/k8s/types.ts';
import type {World} from '../../engine/world.ts';
import {resourceInfo, resourceInfos} from '../../engine/k8s/resources.ts';
import type {Node, Pod} from '../../engine/k8s/kinds.ts';
export {statusField} from '../../engine/k8s/typed-store.ts';

const aliases: Record<string, ResourceName> = {};
for (const info of resourceInfos) {
	for (const name of [info.resource, info.singular, info.kind, ...info.shortNames]) aliases[name] = info.resource;
}

export function resourceNamed(text: string): ResourceName | undefined {
	return aliases[text] ?? aliases[text.toLowerCase()];
}

/** How a message names one object of a resource ("pod"), or several ("pods"). */
export function resourceWord(text: string, count = 1): string {
	const resource = resourceNamed(text);
	if (!resource) return text;
	return count === 1 ? resourceInfo(resource).singular : resource;
}

const clusterScoped = new Set<ResourceName>(resourceInfos.filter(r => !r.namespaced).map(r => r.resource));

export function clusterOf(world: World): Cluster | undefined {
	return world.cluster ?? undefined;
}

export function objectsOf<R extends ResourceName>(world: World, resource: R, namespace?: string): StoredKinds[R][] {
	const store: Map<string, StoredKinds[R]> | undefined = clusterOf(world)?.store?.[resource];
	if (!store) return [];
	const all = [...store.values()];
	if (clusterScoped.has(resource) || namespace === undefined) return all;
	return all.filter(o => (o.metadata.namespace ?? 'default') === namespace);
}

export function objectNamed<R extends ResourceName>(world: World, resource: R, name: string, namespace = 'default'): StoredKinds[R] | undefined {
	const store: Map<string, StoredKinds[R]> | undefined = clusterOf(world)?.store?.[resource];
	if (!store) return undefined;
	return store.get(clusterScoped.has(resource) ? name : `${namespace}/${name}`);
}

export function labelsMatch(labels: Record<string, string> | undefined, selector: Record<string, string> | undefined): boolean {
	if (!selector) return true;
	return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** A field by dot path (`spec.containers.0.image`, `metadata.labels.app`). */
export function fieldAt(object: unknown, path: string): unknown {
	let current: unknown = object;
	for (const part of path.split('.')) {
		if (current === null || current === undefined) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

export type PodFacts = {
	name: string;
	phase: string;
	node?: string;
	containers: number;
	ready: boolean;
	restarts: number;
	waitingReasons: string[];
	/** The waiting reasons that time alone does not cure (ImagePullBackOff): the learner has to change something. */
	stuckReasons: string[];
	terminating: boolean;
};

const stuckReasons = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'CrashLoopBackOff', 'CreateContainerConfigError', 'RunContainerError']);

export function podFacts(pod: Pod): PodFacts {
	const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
	const waitingReasons = statuses.map(s => s.state?.waiting?.reason).filter((r): r is string => typeof r === 'string');
	return {
		name: pod.metadata.name,
		phase: pod.status?.phase ?? 'Pending',
		node: pod.spec?.nodeName,
		containers: (pod.spec?.containers ?? []).length,
		ready: statuses.length > 0 && statuses.every(s => s.ready),
		restarts: statuses.reduce((sum, s) => sum + (s.restartCount ?? 0), 0),
		waitingReasons,
		stuckReasons: waitingReasons.filter(r => stuckReasons.has(r)),
		terminating: Boolean(pod.metadata.deletionTimestamp),
	};
}

export function nodeReady(node: Node): boolean {
	const ready = (node.status?.conditions ?? []).find((c: {type: string}) => c.type === 'Ready');
	return ready?.status === 'True';
}

export function componentRunning(world: World, name: string): boolean | undefined {
	const components = clusterOf(world)?.components as Record<string, boolean> | undefined;
	return components?.[name];
}
