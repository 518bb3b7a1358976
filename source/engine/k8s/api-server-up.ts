// Whether the API server can answer: the control plane's own static pod and etcd.
import type {World} from '../world.ts';

/** The API server answers only while its own static pod and etcd run. */
export function apiServerUp(w: World): boolean {
	const c = w.cluster;
	if (!c) return false;
	const cp = w.hosts.get(c.controlPlane);
	return !!cp?.reachable && c.components['kube-apiserver'] && c.components.etcd;
}
