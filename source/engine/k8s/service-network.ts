// kube-proxy and cluster DNS on the simulated network: a Service's ClusterIP (and NodePort on any
// node) sends each connection to one ready endpoint, picked at random as iptables' rules do;
// `kubia`, `kubia.default` and `kubia.default.svc.cluster.local` resolve to the ClusterIP.
import {registerConnectResolver, registerNameResolver, type ConnectDecision} from '../network/resolvers.ts';
import {randomInt} from '../rng.ts';
import type {World} from '../world.ts';
import type {KubeObject} from './types.ts';

function endpointsOf(w: World, svc: KubeObject, servicePort: any): {ip: string; port: number}[] {
	const ep = w.cluster!.store.endpoints.get(`${svc.metadata.namespace}/${svc.metadata.name}`);
	const out: {ip: string; port: number}[] = [];
	for (const subset of ep?.subsets ?? []) {
		const port = (subset.ports as any[] | undefined)?.find(p => (p.name ?? '') === (servicePort.name ?? '')) ?? subset.ports?.[0];
		for (const a of subset.addresses ?? []) if (port) out.push({ip: a.ip, port: port.port});
	}
	return out;
}

function pick(w: World, svc: KubeObject, servicePort: any, sourceIp?: string): ConnectDecision {
	const targets = endpointsOf(w, svc, servicePort);
	if (targets.length === 0) return {kind: 'refused', via: 'kube-proxy'};
	const target = targets[targets.length === 1 ? 0 : randomInt(w, targets.length)]!;
	return {kind: 'redirect', ip: target.ip, port: target.port, via: 'kube-proxy', ...(sourceIp ? {sourceIp} : {})};
}

registerConnectResolver('kube-proxy', (w, attempt) => {
	const c = w.cluster;
	if (!c || c.store.services.size === 0) return undefined;
	if (attempt.ip.startsWith('10.96.')) {
		for (const svc of c.store.services.values()) {
			if (svc.spec.clusterIP !== attempt.ip) continue;
			const port = (svc.spec.ports as any[]).find(p => p.port === attempt.port);
			return port ? pick(w, svc, port) : {kind: 'refused', via: 'kube-proxy'};
		}
		return undefined;
	}
	if (attempt.port < 30000 || attempt.port > 32767) return undefined;
	const node = c.nodes.find(n => w.hosts.get(n)?.ip === attempt.ip);
	if (!node) return undefined;
	for (const svc of c.store.services.values()) {
		const port = (svc.spec.ports as any[]).find(p => p.nodePort === attempt.port);
		// externalTrafficPolicy Cluster: the node masquerades, so the pod sees the node's address.
		if (port) return pick(w, svc, port, attempt.ip);
	}
	return undefined;
});

registerNameResolver('cluster-dns', (w, fromHost, name) => {
	const c = w.cluster;
	if (!c || !c.nodes.includes(fromHost)) return undefined;
	const m = name.match(/^([a-z0-9-]+)(?:\.([a-z0-9-]+))?(?:\.svc(?:\.cluster\.local)?)?\.?$/);
	if (!m) return undefined;
	const [, svcName, ns] = m;
	const svc = c.store.services.get(`${ns ?? 'default'}/${svcName}`) ?? (ns ? undefined : [...c.store.services.values()].find(s => s.metadata.name === svcName));
	return svc?.spec.clusterIP;
});
