import {peek} from '../draft-reads.ts';
import type {World} from '../world.ts';

/** A node's kubelet can act only while its host is up and the kubelet service runs. */
export function kubeletAlive(w: World, node: string): boolean {
	// Read without drafting the host (a thousand nodes' heartbeats ask every 10 s).
	const host = peek(w.hosts, node);
	return !!host && host.reachable && host.services['kubelet'] === 'active';
}

export function nodeReady(w: World, node: string): boolean {
	const obj = w.cluster && w.cluster.store.nodes.get(node);
	const ready = obj?.status?.conditions?.find(x => x.type === 'Ready');
	return ready?.status === 'True';
}
