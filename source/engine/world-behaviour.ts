// The composition root of the simulated world's behaviour: every HTTP responder, nameserver and
// connect resolver is listed here, and nowhere else. No module registers anything when it is
// imported, so the world answers the same whichever modules a process happens to load first (an
// engine-only script, a test, the tutor). Tests build their own with createWorldBehaviour({...}).
import {dockerResponders} from './docker/http.ts';
import {dockerIsolation, embeddedDns} from './docker/networks.ts';
import {apiServerResponder} from './k8s/api-server-http.ts';
import {coreDns} from './k8s/cluster-dns.ts';
import {clusterComponentResponders} from './k8s/component-http.ts';
import {kubeProxy} from './k8s/service-network.ts';
import {genericResponder, networkResponders, type AppResponder, type HttpRequest, type HttpResponse, type ServerContext} from './network/apps.ts';
import type {DnsServer} from './network/dns-types.ts';
import type {ConnectResolver} from './network/resolvers.ts';

export type WorldBehaviour = {
	/** How a server answers HTTP, by its workload's app; any other app answers a plain 200. */
	responders: Readonly<Record<string, AppResponder>>;
	/** The nameservers that answer at an address (CoreDNS, Docker's embedded DNS); the lab's resolver answers the rest. */
	dnsServers: readonly DnsServer[];
	/** See each connection first: send it elsewhere (a Service's IP), refuse it, drop it, or pass. */
	connectResolvers: readonly ConnectResolver[];
};

/** The world as the tutor runs it, plus what a test adds (added nameservers and resolvers are asked first). */
export function createWorldBehaviour(extra: Partial<WorldBehaviour> = {}): WorldBehaviour {
	return {
		// Docker's answer for a container's image, in front of the network's own.
		responders: {...networkResponders, ...dockerResponders, 'kube-apiserver': apiServerResponder, ...clusterComponentResponders, ...extra.responders},
		dnsServers: [...(extra.dnsServers ?? []), coreDns, embeddedDns],
		connectResolvers: [...(extra.connectResolvers ?? []), kubeProxy, dockerIsolation],
	};
}

export const worldBehaviour = createWorldBehaviour();

export function respond(app: string, request: HttpRequest, server: ServerContext, behaviour: WorldBehaviour = worldBehaviour): HttpResponse {
	return (behaviour.responders[app] ?? genericResponder)(request, server);
}
