// CoreDNS's answers (kubernetes plugin): SERVICE.NS.svc.cluster.local is the ClusterIP (a
// headless Service: its ready endpoints; an ExternalName: a CNAME), A-B-C-D.NS.pod.cluster.local
// is that address; other names are forwarded to the node's resolver. Nothing answers while no
// CoreDNS pod is ready. (CoreDNS's objects, as kubeadm installs them: core-dns.ts.)
import type {DnsAnswer, DnsRecord, DnsServer} from '../network/dns-types.ts';
import {upstreamAnswer} from '../network/lab-resolver.ts';
import type {World} from '../world.ts';

export const clusterDomain = 'cluster.local';

function readyAddresses(w: World, ns: string, name: string): {ip: string; hostname?: string}[] {
	const ep = w.cluster!.store.endpoints.get(`${ns}/${name}`);
	return (ep?.subsets ?? []).flatMap(s => s.addresses ?? []);
}

/** CoreDNS's answer for a name in the cluster domain (authoritative), or undefined outside it. */
export function clusterZoneAnswer(w: World, name: string, type: 'A' | 'AAAA'): DnsAnswer | undefined {
	const fqdn = name.replace(/\.$/, '').toLowerCase();
	if (fqdn !== clusterDomain && !fqdn.endsWith(`.${clusterDomain}`)) return undefined;
	const parts = fqdn.slice(0, -clusterDomain.length - 1).split('.');
	const nx: DnsAnswer = {rcode: 'NXDOMAIN', authoritative: true, records: []};
	const found = (records: DnsRecord[]): DnsAnswer => ({rcode: 'NOERROR', authoritative: true, records: type === 'A' ? records : records.filter(r => r.type === 'CNAME')});
	const kind = parts[parts.length - 1];
	if (kind === 'pod' && parts.length === 3) {
		const ip = parts[0]!.replace(/-/g, '.');
		return /^\d+\.\d+\.\d+\.\d+$/.test(ip) && w.cluster!.store.namespaces.has(parts[1]!) ? found([{type: 'A', name: fqdn, ip}]) : nx;
	}
	if (kind !== 'svc' || parts.length < 3 || parts.length > 4) return nx;
	const [first, second, third] = parts as [string, string, string];
	const [svcName, ns, hostname] = parts.length === 3 ? [first, second, undefined] : [second, third, first];
	const svc = w.cluster!.store.services.get(`${ns}/${svcName}`);
	if (!svc) return nx;
	if (hostname !== undefined) {
		const hit = readyAddresses(w, ns, svcName).find(a => a.hostname === hostname);
		return hit ? found([{type: 'A', name: fqdn, ip: hit.ip}]) : nx;
	}
	if (svc.spec.type === 'ExternalName') {
		const target = String(svc.spec.externalName ?? '');
		const cname: DnsRecord = {type: 'CNAME', name: fqdn, target};
		return {rcode: 'NOERROR', authoritative: true, records: [cname]};
	}
	if (svc.spec.clusterIP === 'None') return found(readyAddresses(w, ns, svcName).map(a => ({type: 'A', name: fqdn, ip: a.ip})));
	// (The API server gives every other Service a ClusterIP when it is created.)
	return found(svc.spec.clusterIP ? [{type: 'A', name: fqdn, ip: svc.spec.clusterIP}] : []);
}

/** CoreDNS behind the kube-dns Service's ClusterIP (listed in world-behaviour.ts). */
export const coreDns: DnsServer = (w, caller, server, name, type) => {
	const c = w.cluster;
	const svc = c && c.store.services.get('kube-system/kube-dns');
	if (!c || !svc || svc.spec.clusterIP !== server) return undefined;
	// The ClusterIP is kube-proxy's rule on the cluster's nodes; elsewhere the packet goes nowhere.
	if (!c.store.nodes.has(caller.host)) return 'timeout';
	if (readyAddresses(w, 'kube-system', 'kube-dns').length === 0) return 'timeout';
	const inZone = clusterZoneAnswer(w, name, type);
	if (inZone) {
		// An ExternalName's CNAME comes with the target's address when the upstream knows it.
		const cname = inZone.records.find(r => r.type === 'CNAME');
		if (cname && cname.type === 'CNAME') {
			const target = upstreamAnswer(w, caller, cname.target, type);
			return {...inZone, records: [cname, ...target.records]};
		}
		return inZone;
	}
	return upstreamAnswer(w, caller, name, type);
};
