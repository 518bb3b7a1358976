// Whether the API server can answer: the control plane's own static pod and etcd.
import {peek} from '../draft-reads.ts';
import type {World} from '../world.ts';

/** The API server answers only while its own static pod and etcd run. */
export function apiServerUp(w: World): boolean {
	const c = w.cluster;
	if (!c) return false;
	// Read without drafting: a draft read of the host copies the world's host Map (asked every tick).
	const cp = peek(w.hosts, c.controlPlane);
	return !!cp?.reachable && c.components['kube-apiserver'] && c.components.etcd;
}
