// An HTTP request over a simulated connection: connect, then let the server's app answer.
import {randomInt} from '../rng.ts';
import type {World} from '../world.ts';
import {respond, worldBehaviour, type WorldBehaviour} from '../world-behaviour.ts';
import type {HttpRequest, HttpResponse} from './apps.ts';
import {listenerOf} from '../host/listeners.ts';
import {connect, type Caller, type ConnectOutcome} from './connect.ts';
import {ipOf} from './links.ts';

export type HttpExchange =
	| {ok: true; connection: Extract<ConnectOutcome, {ok: true}>; request: HttpRequest; response: HttpResponse}
	| {ok: false; connection: Extract<ConnectOutcome, {ok: false}>};

export const curlUserAgent = 'curl/8.5.0';

/** Sends one request from `caller` in plain HTTP. Call on a draft (endpoint choice and the source port use the RNG). */
export function httpRequest(w: World, caller: Caller, target: string, port: number, path: string, method: HttpRequest['method'] = 'GET', behaviour: WorldBehaviour = worldBehaviour): HttpExchange {
	const connection = connect(w, caller, target, port, behaviour);
	if (!connection.ok) return {ok: false, connection};
	return exchangeOver(w, connection, target, port, path, method, behaviour, false);
}

/**
 * The client spoke TLS and the handshake failed before any answer: the server speaks plain HTTP;
 * the client checks the certificate and its issuer is not one it trusts (the cluster's own CA
 * without --cacert, etcd's CA), the chain ends in a self-signed CA (the kubelet's, the scheduler's
 * own), or the URL's name is not one the certificate names; or the server requires a client
 * certificate and the client sent none (etcd).
 */
export type TlsFailure = {ok: 'tls-failed'; reason: 'plain-server' | 'unknown-issuer' | 'self-signed-in-chain' | 'name-mismatch' | 'client-certificate-required'; connection: OpenConnection};

/** What the client brings: the CA bundle it trusts (curl --cacert: the cluster's CA or another), its Authorization header. */
export type TlsClient = {caBundle?: 'cluster-ca' | 'other'; authorization?: string};

/** Sends one request over TLS (https://): `verify` as curl does by default; curl -k and busybox wget do not. Call on a draft. */
export function httpsRequest(w: World, caller: Caller, target: string, port: number, path: string, verify: boolean, method: HttpRequest['method'] = 'GET', behaviour: WorldBehaviour = worldBehaviour, client: TlsClient = {}): HttpExchange | TlsFailure {
	const connection = connect(w, caller, target, port, behaviour);
	if (!connection.ok) return {ok: false, connection};
	const listener = listenerOf(connection.server, connection.port);
	if (listener?.protocol !== 'https') return {ok: 'tls-failed', reason: 'plain-server', connection};
	// The client checks the server's certificate before it is asked for its own.
	if (verify) {
		if (listener.certificate === 'self-signed-chain') return {ok: 'tls-failed', reason: 'self-signed-in-chain', connection};
		if (client.caBundle !== 'cluster-ca' || listener.certificate === 'etcd-ca') return {ok: 'tls-failed', reason: 'unknown-issuer', connection};
		// The name in the URL must be one the certificate was issued for (kubeadm's apiserver SANs).
		if (listener.certificateNames && !listener.certificateNames.includes(target)) return {ok: 'tls-failed', reason: 'name-mismatch', connection};
	}
	if (listener.clientCertificate === 'required') return {ok: 'tls-failed', reason: 'client-certificate-required', connection};
	return exchangeOver(w, connection, target, port, path, method, behaviour, true, client.authorization);
}

type OpenConnection = Extract<ConnectOutcome, {ok: true}>;

function speaksTls(connection: OpenConnection): boolean {
	return listenerOf(connection.server, connection.port)?.protocol === 'https';
}

function exchangeOver(w: World, connection: OpenConnection, target: string, port: number, path: string, method: HttpRequest['method'], behaviour: WorldBehaviour, tls: boolean, authorization?: string): HttpExchange {
	const request: HttpRequest = {
		method,
		path,
		hostHeader: port === (tls ? 443 : 80) ? target : `${target}:${port}`,
		userAgent: curlUserAgent,
		sourceIp: connection.sourceIp,
		sourcePort: 32768 + randomInt(w, 28000),
		...(authorization ? {authorization} : {}),
	};
	// Go's TLS server answers a plain HTTP request itself (net/http: "Client sent an HTTP request to an HTTPS server.").
	if (speaksTls(connection) && !tls) return {ok: true, connection, request, response: {httpVersion: '1.0', status: 400, reason: 'Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n'}};
	const server = connection.server;
	const hostname = connection.host.namespaces.get(server.namespaces.uts)?.hostname ?? connection.host.name;
	const addresses = ['127.0.0.1', ...(connection.netns.interfaces ?? []).filter(i => i.kind !== 'loopback').flatMap(i => i.addresses.map(ipOf))];
	const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
	const response = respond(app, request, {world: w, host: connection.host, process: server, hostname, ip: connection.ip, port: connection.port, addresses}, behaviour);
	return {ok: true, connection, request, response};
}
