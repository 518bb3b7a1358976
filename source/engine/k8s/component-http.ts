// What the cluster's other daemons answer over the network to a client without credentials, as a
// kubeadm 1.31 cluster sets them up:
// - the kubelet: its API on :10250 (every address) authenticates every path and kubeadm turns
//   anonymous auth off, so "Unauthorized" (401, go-restful's WriteErrorString); healthz on
//   127.0.0.1:10248; the read-only :10255 is off.
// - kube-scheduler (:10259) and kube-controller-manager (:10257), bound to 127.0.0.1: delegated
//   authentication lets system:anonymous in, authorization always allows /healthz, /livez and
//   /readyz and asks the apiserver for anything else, which RBAC denies (the apiserver's 403 Status).
// - etcd: client and peer ports want a client certificate (network/http.ts ends the handshake);
//   its metrics listener on 127.0.0.1:2381 answers /health.
// - kube-proxy: healthz on :10256 (every address), metrics on 127.0.0.1:10249.
import type {AppResponder, HttpRequest, HttpResponse, ServerContext} from '../network/apps.ts';
import {httpDate} from '../network/apps.ts';
import {worldEpoch, type World} from '../world.ts';
import {answer, anonymousForbidden} from './api-server-http.ts';

const encoder = new TextEncoder();

/** A reply from Go's net/http without any of the apiserver library's filters. */
function plain(w: World, status: number, reason: string, body: string, headers: [string, string][] = [['Content-Type', 'text/plain; charset=utf-8']]): HttpResponse {
	return {status, reason, headers: [...headers, ['Date', httpDate(w)], ['Content-Length', String(encoder.encode(body).length)]], body};
}

const pathOf = (request: HttpRequest) => request.path.replace(/[?#].*$/, '');

/** net/http's NotFound: "404 page not found". */
const notFound = (w: World) => plain(w, 404, 'Not Found', '404 page not found\n', [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);

/** healthz.InstallHandler's /healthz on a bare mux: "ok". */
const healthzOk = (w: World) => plain(w, 200, 'OK', 'ok', [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);

const unmodelled = (w: World, what: string) => plain(w, 200, 'OK', `[simulator] ${what} is not simulated here\n`);

export const kubeletResponder: AppResponder = (request, server) => {
	if (server.port === 10248) return pathOf(request) === '/healthz' ? healthzOk(server.world) : notFound(server.world);
	return plain(server.world, 401, 'Unauthorized', 'Unauthorized');
};

const alwaysAllowed = new Set(['/healthz', '/livez', '/readyz']);

/** kube-scheduler and kube-controller-manager: the same secure serving of the apiserver library. */
export const delegatedAuthResponder: AppResponder = (request, server) => {
	if (alwaysAllowed.has(pathOf(request))) return answer(server.world, 200, 'OK', 'text/plain; charset=utf-8', 'ok');
	return anonymousForbidden(server.world, request, false);
};

export const etcdResponder: AppResponder = (request, server) => {
	const path = pathOf(request);
	// etcdhttp's /health: json.Marshal of {health, reason}.
	if (path === '/health') return plain(server.world, 200, 'OK', '{"health":"true","reason":""}', [['Content-Type', 'application/json']]);
	if (path === '/metrics') return unmodelled(server.world, "etcd's Prometheus metrics");
	return notFound(server.world);
};

/** Go's time.Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST m=+0.000000000". */
function goTime(server: ServerContext): string {
	const at = new Date(worldEpoch + server.world.time).toISOString();
	const fraction = at.slice(20, 23).replace(/0+$/, '');
	const sinceStart = Math.max(0, server.world.time - server.process.startTime) / 1000;
	return `${at.slice(0, 10)} ${at.slice(11, 19)}${fraction ? `.${fraction}` : ''} +0000 UTC m=+${sinceStart.toFixed(9)}`;
}

export const kubeProxyResponder: AppResponder = (request, server) => {
	const path = pathOf(request);
	const w = server.world;
	if (server.port === 10256) {
		const json: [string, string][] = [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff']];
		const now = JSON.stringify(goTime(server));
		// proxy_health.go: `{"lastUpdated": %q,"currentTime": %q, "nodeEligible": %v}` (a healthy proxier reports now as lastUpdated).
		if (path === '/healthz') return plain(w, 200, 'OK', `{"lastUpdated": ${now},"currentTime": ${now}, "nodeEligible": true}`, json);
		if (path === '/livez') return plain(w, 200, 'OK', `{"lastUpdated": ${now},"currentTime": ${now}}`, json);
		return notFound(w);
	}
	if (path === '/healthz') return healthzOk(w);
	if (path === '/proxyMode') return plain(w, 200, 'OK', 'iptables', [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']]);
	if (path === '/metrics' || path === '/configz') return unmodelled(w, `kube-proxy's ${path}`);
	return notFound(w);
};

/** The responders by app name, for world-behaviour.ts. */
export const clusterComponentResponders: Readonly<Record<string, AppResponder>> = {
	kubelet: kubeletResponder,
	etcd: etcdResponder,
	'kube-scheduler': delegatedAuthResponder,
	'kube-controller-manager': delegatedAuthResponder,
	'kube-proxy': kubeProxyResponder,
};
