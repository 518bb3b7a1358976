// The simulated daemon on a unix socket (mode 0600), the way the docker CLI reaches a real one:
// requests go to handle-docker-request.ts; this file adds the socket, body limits, streamed
// answers (pull/push/build progress, logs -f, events, wait) and hijacked connections (exec, attach).
import {randomBytes} from 'node:crypto';
import {chmodSync, unlinkSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {readBody} from '../api/read-body.ts';
import {bodyOf, claimSocket, rawHead, readUpgradeBody, send} from './http-io.ts';
import type {Duplex} from 'node:stream';
import type {LiveWorld} from '../api/live-session.ts';
import {clockOffset} from '../api/wall-clock.ts';
import type {ExternalProgramRunner} from '../engine/script/external-programs.ts';
import type {World} from '../engine/world.ts';
import {commonHeaders, splitVersion} from './api-version.ts';
import type {Continuation, DockerEnv, DockerHandled, DockerRequest, DockerResponse, DockerShell, ExecInstance} from './docker-types.ts';
import {errorResponse} from './errors.ts';
import {eventMessages} from './events.ts';
import {handleDockerRequest} from './handle-docker-request.ts';
import {streamedContinuation, type Sink} from './continuations.ts';
import type {DockerTerminal} from './docker-terminal.ts';
import {execArgv} from './exec-requests.ts';
import {serveTerminal} from './terminal-stream.ts';
import {produce} from 'immer';
import {reconcileContainers} from '../engine/docker/runtime.ts';

/** JSON requests are small; a build context may be larger (the engine reads at most 16 MiB of it). */
export const bodyLimits = {json: 1024 * 1024, build: 32 * 1024 * 1024};

export type DockerServerOptions = {
	live: LiveWorld;
	shell: DockerShell;
	host: string; // the simulated host whose daemon is served: host-1
	socketPath: string;
	bodyLimits?: {json: number; build: number};
	/** The longest a stream (logs -f, events, wait, attach) stays open (ms). */
	maxStreamMs?: number;
	wallClock?: () => number;
	/** The shell behind `docker exec -it` / `docker run -it` sessions; without it they say they are not served. */
	terminal?: DockerTerminal;
	/** How containers' scripts run their tools: the shell runtime's (ShellRuntime.programs). */
	programs?: ExternalProgramRunner;
};

export type RunningDockerServer = {socketPath: string; server: Server; close(): Promise<void>};

export async function startDockerServer(options: DockerServerOptions): Promise<RunningDockerServer> {
	const limits = options.bodyLimits ?? bodyLimits;
	const maxStreamMs = options.maxStreamMs ?? 60 * 60_000;
	const wallClock = options.wallClock ?? (() => Date.now());
	const execs = new Map<string, ExecInstance>();
	const open = new Set<() => void>();
	const hijacked = new Set<Duplex>();
	// What the last start of a container printed, for an attached client of a --rm container (few at a time).
	const startOutputs = new Map<string, string>();
	const env = (): DockerEnv => ({host: options.host, shell: options.shell, offsetMs: clockOffset(options.live.world(), wallClock()), execs, newId: () => randomBytes(32).toString('hex'), ...(options.programs ? {programs: options.programs} : {})});

	const requestOf = (req: IncomingMessage, body: Buffer): DockerRequest | DockerResponse => {
		const url = new URL(req.url ?? '/', 'http://docker');
		const versioned = splitVersion(url.pathname);
		if ('error' in versioned) return errorResponse(400, versioned.error);
		const headers: Record<string, string | undefined> = {};
		for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
		return {method: req.method ?? 'GET', path: versioned.path, query: url.searchParams, headers, body, apiVersion: versioned.version};
	};

	/** Hands the request to the pure handler and the result to the live session. */
	const handle = (request: DockerRequest): DockerHandled => {
		const handled = handleDockerRequest(request, options.live.world(), env());
		if (handled.started) {
			if (startOutputs.size > 100) startOutputs.delete(startOutputs.keys().next().value!);
			startOutputs.set(handled.started.container, handled.started.output);
		}
		if (handled.exec) {
			if (execs.size > 1000) execs.delete(execs.keys().next().value!);
			execs.set(handled.exec.id, handled.exec);
		}
		if (handled.world || handled.line) options.live.commit({...(handled.world ? {world: handled.world} : {}), ...(handled.line ? {line: handled.line, exitCode: handled.exitCode ?? (handled.response.status < 400 ? 0 : 1)} : {})});
		return handled;
	};

	/** Keeps a stream open until the continuation says it is done, the client goes, or the server closes. */
	const follow = (continuation: Continuation, sink: Sink) => {
		const step = streamedContinuation(continuation, options.host, () => options.live.world(), () => clockOffset(options.live.world(), wallClock()), eventMessages, id => startOutputs.get(id));
		let lastWorld: World | undefined;
		const stop = () => {
			clearTimeout(timer);
			unsubscribe();
			open.delete(stop);
			sink.end();
		};
		const check = () => {
			const world = options.live.world();
			if (world === lastWorld) return;
			lastWorld = world;
			if (step(sink) === 'done') stop();
		};
		const unsubscribe = options.live.subscribe(check);
		const timer = setTimeout(stop, maxStreamMs);
		open.add(stop);
		sink.onClose(stop);
		check();
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			const isBuild = /\/build$/.test(new URL(req.url ?? '/', 'http://docker').pathname);
			const body = await readBody(req, isBuild ? limits.build : limits.json);
			if (body === 'too-large') return send(res, errorResponse(413, `[simulator] the request body is larger than this simulated daemon reads (${isBuild ? limits.build : limits.json} bytes)`));
			const request = requestOf(req, body);
			if (!('query' in request)) return send(res, request);
			const handled = handle(request);
			if (handled.stream || handled.continuation) {
				res.writeHead(handled.response.status, {...commonHeaders(), 'Content-Type': handled.response.contentType ?? 'application/json'});
				res.flushHeaders();
				for (const message of handled.stream ?? []) res.write(JSON.stringify(message) + '\r\n');
				if (handled.response.body !== undefined && Buffer.isBuffer(handled.response.body)) res.write(handled.response.body);
				if (!handled.continuation) return void res.end();
				return follow(handled.continuation, {write: chunk => void res.write(chunk), end: () => void (res.writableEnded || res.end()), onClose: stop => void res.on('close', stop)});
			}
			send(res, handled.response);
		} catch (error) {
			if (!res.headersSent) send(res, errorResponse(500, `[simulator] ${error instanceof Error ? error.message : String(error)}`));
			else res.end();
		}
	};

	const noTerminal = (socket: Duplex) => socket.end('[simulator] this endpoint serves no terminal sessions\r\n');

	/** `docker exec -it`: the built-in `docker exec -it`, then its shell a line at a time. */
	const execTerminal = (socket: Duplex, id: string) => {
		const exec = execs.get(id);
		if (!exec || !options.terminal) return noTerminal(socket);
		const finish = (exitCode: number) => execs.set(id, {...exec, running: false, exitCode});
		const argv = execArgv(exec).slice(1).filter(a => a !== '-t' && a !== '-i');
		const opened = options.terminal.exec(options.live.world(), argv);
		options.live.commit({world: opened.world, line: `docker exec -it ${argv.map(a => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')}`, exitCode: opened.exitCode});
		if (opened.output) socket.write(opened.output);
		if (!opened.session) {
			finish(opened.exitCode);
			return void socket.end();
		}
		serveTerminal({socket, live: options.live, terminal: options.terminal, session: opened.session, onEnd: finish});
	};

	/** `docker run -it`: once the container has started, its main shell a line at a time; exiting it stops the container. */
	const attachTerminal = (socket: Duplex, container: string, startedAt: number | undefined) => {
		const terminal = options.terminal;
		if (!terminal) return noTerminal(socket);
		let serving = false;
		const unsubscribe = options.live.subscribe(() => begin());
		const timer = setTimeout(() => stop(), maxStreamMs);
		const stop = () => {
			clearTimeout(timer);
			unsubscribe();
			open.delete(stop);
			if (!serving) socket.end();
		};
		open.add(stop);
		socket.on('close', stop);
		function begin() {
			if (serving) return;
			const world = options.live.world();
			const c = world.dockers.get(options.host)?.containers.get(container);
			if (!c) return stop();
			if (c.startedAt === startedAt && c.state !== 'running') return;
			const session = terminal!.attach(world, container);
			if (!session) return stop();
			serving = true;
			stop();
			serveTerminal({socket, live: options.live, terminal: terminal!, session, onEnd: () => options.live.commit({world: produce(options.live.world(), w => reconcileContainers(w, options.host, options.programs))})});
		}
		begin();
	};

	const onUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		socket.on('error', () => socket.destroy());
		hijacked.add(socket);
		socket.on('close', () => hijacked.delete(socket));
		const refuse = (response: DockerResponse) => {
			const body = bodyOf(response);
			socket.end(rawHead(response.status, {...commonHeaders(), 'Content-Type': body?.type ?? 'application/json', 'Content-Length': String(body?.bytes.length ?? 0), Connection: 'close'}) + (body?.bytes.toString('utf8') ?? ''));
		};
		try {
			const body = await readUpgradeBody(req, socket, head, limits.json);
			if (body === 'too-large') return refuse(errorResponse(413, '[simulator] the request body is too large'));
			const request = requestOf(req, body);
			if (!('query' in request)) return refuse(request);
			const handled = handle(request);
			if (handled.response.status >= 300) return refuse(handled.response);
			const type = handled.response.contentType ?? 'application/vnd.docker.raw-stream';
			socket.write(rawHead(101, {'Content-Type': type, Connection: 'Upgrade', Upgrade: 'tcp', ...commonHeaders()}));
			if (Buffer.isBuffer(handled.response.body)) socket.write(handled.response.body);
			const continuation = handled.continuation;
			if (!continuation) return void socket.end();
			if (continuation.kind === 'exec') return execTerminal(socket, continuation.exec);
			if (continuation.kind === 'attach' && continuation.tty && continuation.stdin) return attachTerminal(socket, continuation.container, continuation.startedAt);
			follow(continuation, {write: chunk => void socket.write(chunk), end: () => void socket.end(), onClose: stop => void socket.on('close', stop)});
		} catch (error) {
			refuse(errorResponse(500, `[simulator] ${error instanceof Error ? error.message : String(error)}`));
		}
	};

	const server = createServer((req, res) => void onRequest(req, res));
	server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => void onUpgrade(req, socket, head));
	// A slow client cannot hold the daemon: headers within 10 s, the whole request within 60 s.
	server.headersTimeout = 10_000;
	server.requestTimeout = 60_000;
	await claimSocket(options.socketPath);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({path: options.socketPath, readableAll: false, writableAll: false}, () => resolve());
	});
	chmodSync(options.socketPath, 0o600);
	return {
		socketPath: options.socketPath,
		server,
		close: () =>
			new Promise<void>(resolve => {
				for (const stop of [...open]) stop();
				for (const socket of hijacked) socket.destroy();
				server.closeAllConnections();
				server.close(() => {
					try {
						unlinkSync(options.socketPath);
					} catch {
						// already gone
					}
					resolve();
				});
			}),
	};
}
