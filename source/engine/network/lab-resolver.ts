// The lab network's resolver (behind each host's systemd-resolved stub and the lab gateway): it
// knows the hosts and VMs by name (and NAME.local), nothing else. CoreDNS and Docker's embedded
// DNS forward to it what is not theirs.
import type {World} from '../world.ts';
import type {DnsAnswer, DnsCaller, QueryType} from './dns-types.ts';

export function upstreamAnswer(w: World, _caller: DnsCaller, name: string, type: QueryType): DnsAnswer {
	const bare = name.replace(/\.$/, '');
	const ip = (w.hosts.get(bare) ?? w.hosts.get(bare.replace(/\.local$/, '')))?.ip;
	if (!ip) return {rcode: 'NXDOMAIN', authoritative: false, records: []};
	return {rcode: 'NOERROR', authoritative: false, records: type === 'A' ? [{type: 'A', name: bare, ip}] : []};
}
