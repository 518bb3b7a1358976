// An HTTP request over a simulated connection: connect, then let the server's app answer.
import {randomInt} from '../rng.ts';
import type {World} from '../world.ts';
import {respond, worldBehaviour, type WorldBehaviour} from '../world-behaviour.ts';
import type {HttpRequest, HttpResponse} from './apps.ts';
import {connect, type Caller, type ConnectOutcome} from './connect.ts';
import {ipOf} from './links.ts';

export type HttpExchange =
	| {ok: true; connection: Extract<ConnectOutcome, {ok: true}>; request: HttpRequest; response: HttpResponse}
	| {ok: false; connection: Extract<ConnectOutcome, {ok: false}>};

export const curlUserAgent = 'curl/8.5.0';

/** Sends one request from `caller`. Call on a draft (endpoint choice and the source port use the RNG). */
export function httpRequest(w: World, caller: Caller, target: string, port: number, path: string, method: HttpRequest['method'] = 'GET', behaviour: WorldBehaviour = worldBehaviour): HttpExchange {
	const connection = connect(w, caller, target, port, behaviour);
	if (!connection.ok) return {ok: false, connection};
	const request: HttpRequest = {
		method,
		path,
		hostHeader: port === 80 ? target : `${target}:${port}`,
		userAgent: curlUserAgent,
		sourceIp: connection.sourceIp,
		sourcePort: 32768 + randomInt(w, 28000),
	};
	const server = connection.server;
	const hostname = connection.host.namespaces.get(server.namespaces.uts)?.hostname ?? connection.host.name;
	const addresses = ['127.0.0.1', ...(connection.netns.interfaces ?? []).filter(i => i.kind !== 'loopback').flatMap(i => i.addresses.map(ipOf))];
	const app = server.workload.kind === 'server' ? server.workload.app : 'generic';
	const response = respond(app, request, {world: w, host: connection.host, process: server, hostname, ip: connection.ip, port: connection.port, addresses}, behaviour);
	return {ok: true, connection, request, response};
}
