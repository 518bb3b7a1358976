// What a DNS query and its answer are, and what a nameserver is (dns.ts asks them).
import type {World} from '../world.ts';

export type DnsRecord = {type: 'A'; name: string; ip: string} | {type: 'CNAME'; name: string; target: string};
export type DnsAnswer = {rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL'; authoritative: boolean; records: DnsRecord[]};
export type QueryType = 'A' | 'AAAA';
export type DnsCaller = {host: string; pid: number};

/**
 * A nameserver reachable at `server` from `caller`: its answer, 'timeout' when it is there but
 * nothing answers (CoreDNS down), or undefined when it is not this server's address.
 */
export type DnsServer = (w: World, caller: DnsCaller, server: string, name: string, type: QueryType) => DnsAnswer | 'timeout' | undefined;
