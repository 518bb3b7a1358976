// The HTTPS server in front of handle-request.ts: bearer-token auth, a body limit, watches
// streamed as the live world changes, and each request recorded as the kubectl command it is part of.
import {timingSafeEqual} from 'node:crypto';
import {createServer, type Server} from 'node:https';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {World} from '../engine/world.ts';
import type {ApiRequest, ApiResponse, Handled, WatchRequest} from './api-types.ts';
import type {ApiCredentials} from './credentials.ts';
import {handleRequest, parseResourcePath} from './handle-request.ts';
import {decodeProtobufBody} from './protobuf.ts';
import {tokenSubject} from '../engine/k8s/token-request.ts';
import {userInfo} from '../engine/k8s/rbac.ts';
import {readBody} from './read-body.ts';
import type {LiveWorld} from './live-session.ts';
import {statusResponse, tooLarge, unauthorized} from './status.ts';
import {upgrades} from './upgrades.ts';
import {bookmark, startWatch, stepWatch, tooOld} from './watch-events.ts';
import {clockOffset, shiftTimestamps} from './wall-clock.ts';

/** The real API server's limit on a request body (3 MiB). */
export const bodyLimit = 3 * 1024 * 1024;

export type ApiServerOptions = {
	live: LiveWorld;
	credentials: ApiCredentials;
	host?: string; // 127.0.0.1 unless the learner asked for another address
	port?: number; // 0: any free port
	bodyLimit?: number;
	/** The longest a watch stays open without timeoutSeconds (ms). */
	maxWatchMs?: number;
	/** How often a watch that allows bookmarks gets one (ms; the API server sends one about every minute). */
	bookmarkMs?: number;
	/** Listening on an address other than loopback must be asked for (`--api-bind`). */
	allowNonLoopback?: boolean;
	/** The learner's clock (ms since 1970): timestamps are served relative to it. */
	wallClock?: () => number;
};

export type RunningApiServer = {port: number; host: string; url: string; server: Server; close(): Promise<void>};

function tokenMatches(header: string | undefined, token: string): boolean {
	const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
	if (!m) return false;
	const given = Buffer.from(m[1]!);
	const wanted = Buffer.from(token);
	return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function send(res: ServerResponse, response: ApiResponse, offsetMs = 0): void {
	const isText = typeof response.body === 'string' && response.contentType?.startsWith('text/');
	const body = isText ? (response.body as string) : JSON.stringify(shiftTimestamps(response.body, offsetMs));
	const warnings = (response.warnings ?? []).map(text => `299 - ${JSON.stringify(text)}`);
	res.writeHead(response.status, {'Content-Type': response.contentType ?? 'application/json', 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(body), ...(warnings.length ? {Warning: warnings} : {})});
	res.end(body);
}

/** The command line a request is recorded as: `kubectl get pods web -n default`. */
export function actionLine(action: NonNullable<Handled['action']>): string {
	return ['kubectl', action.verb, action.resource, ...(action.name ? [action.name] : []), ...(action.namespace && action.namespace !== 'default' ? ['-n', action.namespace] : [])].join(' ');
}

export async function startApiServer(options: ApiServerOptions): Promise<RunningApiServer> {
	const limit = options.bodyLimit ?? bodyLimit;
	const maxWatchMs = options.maxWatchMs ?? 30 * 60_000;
	const wallClock = options.wallClock ?? (() => Date.now());
	const offset = () => clockOffset(options.live.world(), wallClock());
	// A command's requests are recorded once: kubectl sends no command name, so the same line within a few seconds is the same command.
	const recorded = new Map<string, number>();
	const openWatches = new Set<() => void>();
	// The oldest resourceVersion a watch can start from: the endpoint replays nothing from before it
	// started, nor from before the session's world was replaced by another (a chapter switch, a reset).
	const versionOf = () => Number(options.live.world().cluster?.resourceVersion ?? 0);
	let oldest = versionOf();
	let lastVersion = oldest;
	const unwatchVersions = options.live.subscribe(() => {
		const now = versionOf();
		if (now < lastVersion) oldest = now;
		lastVersion = now;
	});

	const record = (req: ApiRequest, handled: Handled): {world?: World; line?: string; exitCode?: number} => {
		const action = handled.action;
		const changed = handled.world ? {world: handled.world} : {};
		if (!action) return changed;
		const line = actionLine(action);
		const at = wallClock();
		const key = `${req.headers['kubectl-session'] ?? ''}\0${line}`;
		if (!handled.world && at - (recorded.get(key) ?? -Infinity) < 3000) return changed;
		if (recorded.size > 10_000) recorded.clear();
		recorded.set(key, at);
		return {...(handled.world ? {world: handled.world} : {}), line, exitCode: handled.response.status < 400 ? 0 : 1};
	};

	const streamWatch = (res: ServerResponse, watch: WatchRequest, timeoutSeconds: number | undefined) => {
		res.writeHead(200, {'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'});
		res.flushHeaders(); // a watch with nothing to say yet still answers at once
		const write = (events: {type: string; object: unknown}[]) => {
			const shift = offset();
			for (const event of events) res.write(JSON.stringify(shiftTimestamps(event, shift)) + '\n');
		};
		const expired = tooOld(watch, oldest);
		if (expired) {
			write([expired]);
			res.end();
			return;
		}
		let {events, seen} = startWatch(options.live.world(), watch);
		write(events);
		if (watch.initialEventsEnd) write([bookmark(options.live.world(), watch, true)]);
		const bookmarks = watch.bookmarks ? setInterval(() => write([bookmark(options.live.world(), watch)]), options.bookmarkMs ?? 60_000) : undefined;
		let lastWorld = options.live.world();
		const unsubscribe = options.live.subscribe(() => {
			const world = options.live.world();
			if (world === lastWorld) return;
			lastWorld = world;
			const step = stepWatch(world, watch, seen);
			seen = step.seen;
			write(step.events);
		});
		const timer = setTimeout(() => stop(), Math.min(maxWatchMs, timeoutSeconds !== undefined ? timeoutSeconds * 1000 : maxWatchMs));
		const stop = () => {
			clearTimeout(timer);
			clearInterval(bookmarks);
			unsubscribe();
			openWatches.delete(stop);
			if (!res.writableEnded) res.end();
		};
		openWatches.add(stop);
		res.on('close', stop);
	};

	/** `kubectl logs -f`: what there is now, then each new line as the container writes it, until the pod goes. */
	const streamLogs = (res: ServerResponse, first: ApiResponse, again: ApiRequest) => {
		res.writeHead(200, {'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked'});
		res.write(first.body as string);
		res.flushHeaders();
		const lineCount = (world: World) => {
			const answer = handleRequest(again, world).response;
			return answer.status === 200 ? (answer.body as string).split('\n').slice(0, -1) : undefined;
		};
		let sent = lineCount(options.live.world())?.length ?? 0;
		const unsubscribe = options.live.subscribe(() => {
			const lines = lineCount(options.live.world());
			if (!lines) return stop();
			if (lines.length < sent) sent = 0; // the container restarted: its new log
			for (const line of lines.slice(sent)) res.write(line + '\n');
			sent = lines.length;
		});
		const timer = setTimeout(() => stop(), maxWatchMs);
		const stop = () => {
			clearTimeout(timer);
			unsubscribe();
			openWatches.delete(stop);
			if (!res.writableEnded) res.end();
		};
		openWatches.add(stop);
		res.on('close', stop);
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			// The kubeconfig's token is the cluster admin; a service account token issued here authenticates that account.
			const admin = tokenMatches(req.headers.authorization, options.credentials.token);
			const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
			const account = !admin && bearer ? tokenSubject(options.live.world(), bearer) : undefined;
			if (!admin && !account) return send(res, unauthorized());
			const bytes = await readBody(req, limit);
			if (bytes === 'too-large') return send(res, tooLarge(limit));
			let body = bytes.toString('utf8');
			const url = new URL(req.url ?? '/', 'https://localhost');
			const headers: Record<string, string | undefined> = {};
			for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
			// kubectl 1.32's typed clients send protobuf: the handlers see the JSON a JSON client would have sent.
			if (/^application\/vnd\.kubernetes\.protobuf/.test(headers['content-type'] ?? '') && bytes.length > 0) {
				const decoded = decodeProtobufBody(bytes);
				// A kind the simulation does not model (or a path it does not serve) is answered without reading the body.
				const target = parseResourcePath(url.pathname);
				if ('error' in decoded && target && !target.served.unmodelled) return send(res, statusResponse(415, 'UnsupportedMediaType', decoded.error));
				body = 'value' in decoded ? JSON.stringify(decoded.value) : '';
				headers['content-type'] = 'application/json';
			}
			const request: ApiRequest = {method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body, ...(account ? {serviceAccount: {...userInfo(account.name), uid: account.uid, extra: {'authentication.kubernetes.io/credential-id': [`JTI=${account.jti}`]}}} : {})};
			const handled = handleRequest(request, options.live.world());
			const commit = record(request, handled);
			if (commit.world || commit.line) options.live.commit(commit);
			if (handled.watch) {
				const timeout = request.query.get('timeoutSeconds');
				return streamWatch(res, handled.watch, timeout !== null ? Number(timeout) : undefined);
			}
			if (handled.follow) return streamLogs(res, handled.response, handled.follow);
			send(res, handled.response, offset());
		} catch (error) {
			if (!res.headersSent) send(res, statusResponse(500, 'InternalError', `[simulator] ${error instanceof Error ? error.message : String(error)}`));
			else res.end();
		}
	};

	const server = createServer({key: options.credentials.keyPem, cert: options.credentials.certPem}, (req, res) => void onRequest(req, res));
	const connections = upgrades(options.live, req => tokenMatches(req.headers.authorization, options.credentials.token));
	server.on('upgrade', (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => connections.handle(req, socket, head));
	// A slow client cannot hold the server: headers within 10 s, the whole request within 60 s.
	server.headersTimeout = 10_000;
	server.requestTimeout = 60_000;
	const host = options.host ?? '127.0.0.1';
	if (!['127.0.0.1', 'localhost', '::1'].includes(host) && !options.allowNonLoopback) throw new Error(`refusing to serve the Kubernetes API on ${host}: only loopback unless asked for with --api-bind`);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	return {
		port,
		host,
		url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
		server,
		close: () =>
			new Promise<void>(resolve => {
				for (const stop of [...openWatches]) stop();
				connections.close();
				unwatchVersions();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
