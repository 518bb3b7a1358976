// kube-proxy on the simulated network: a Service's ClusterIP (and NodePort on any node) sends
// each connection to one ready endpoint, picked at random as iptables' rules do. The rules live on
// the cluster's nodes only: from a machine outside the cluster the service range, like the pod
// network, has no route.
// (Names are CoreDNS's job: core-dns.ts.)
import type {ConnectDecision, ConnectResolver} from '../network/resolvers.ts';
import {randomInt} from '../rng.ts';
import type {World} from '../world.ts';
import type {Service, ServicePort} from './kinds.ts';

function endpointsOf(w: World, svc: Service, servicePort: ServicePort): {ip: string; port: number}[] {
	const ep = w.cluster!.store.endpoints.get(`${svc.metadata.namespace}/${svc.metadata.name}`);
	const out: {ip: string; port: number}[] = [];
	for (const subset of ep?.subsets ?? []) {
		const port = subset.ports?.find(p => (p.name ?? '') === (servicePort.name ?? '')) ?? subset.ports?.[0];
		for (const a of subset.addresses ?? []) if (port) out.push({ip: a.ip, port: port.port});
	}
	return out;
}

function pick(w: World, svc: Service, servicePort: ServicePort, sourceIp?: string): ConnectDecision {
	const targets = endpointsOf(w, svc, servicePort);
	if (targets.length === 0) return {kind: 'refused', via: 'kube-proxy'};
	const target = targets[targets.length === 1 ? 0 : randomInt(w, targets.length)]!;
	return {kind: 'redirect', ip: target.ip, port: target.port, via: 'kube-proxy', ...(sourceIp ? {sourceIp} : {})};
}

/** The kube-apiserver's --service-cluster-ip-range, 10.96.0.0/12. */
export function inServiceRange(ip: string): boolean {
	const [a, b] = ip.split('.').map(Number);
	return a === 10 && b! >= 96 && b! <= 111;
}

/** The pod network (flannel's 10.244.0.0/16): routed between the nodes, unknown elsewhere. */
export function inPodNetwork(ip: string): boolean {
	return ip.startsWith('10.244.');
}

/** kube-proxy's rules: a Service's ClusterIP or NodePort goes to one ready endpoint (listed in world-behaviour.ts). */
export const kubeProxy: ConnectResolver = (w, attempt) => {
	const c = w.cluster;
	if (!c) return undefined;
	// (After a NodePort's DNAT the packet leaves from that node, with the node's address as its source.)
	if (inPodNetwork(attempt.ip) && !c.store.nodes.has(attempt.fromHost) && !c.nodes.some(n => w.hosts.get(n)?.ip === attempt.sourceIp)) return {kind: 'unreachable', via: 'no route to the pod network'};
	if (inServiceRange(attempt.ip)) {
		if (!c.store.nodes.has(attempt.fromHost)) return {kind: 'unreachable', via: 'no route to the service network'};
		for (const svc of c.store.services.values()) {
			if (svc.spec.clusterIP !== attempt.ip) continue;
			const port = svc.spec.ports?.find(p => p.port === attempt.port && String(p.protocol ?? 'TCP').toLowerCase() === attempt.protocol);
			return port ? pick(w, svc, port) : {kind: 'refused', via: 'kube-proxy'};
		}
		return undefined;
	}
	if (attempt.port < 30000 || attempt.port > 32767) return undefined;
	const node = c.nodes.find(n => w.hosts.get(n)?.ip === attempt.ip);
	if (!node) return undefined;
	for (const svc of c.store.services.values()) {
		const port = svc.spec.ports?.find(p => p.nodePort === attempt.port);
		// externalTrafficPolicy Cluster: the node masquerades, so the pod sees the node's address.
		if (port) return pick(w, svc, port, attempt.ip);
	}
	return undefined;
};
