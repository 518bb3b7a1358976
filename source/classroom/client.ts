// The student's side of the link: reports progress events, keeps them queued (and saved)
// until the host acknowledges them, reconnects with back-off when the host goes away, and
// hands the host's pacing, broadcasts and pauses to whoever listens. Events carry a sequence
// number, so a resend after a reconnect is recognised by the host and never counted twice.
// Longer than ~300 lines because the queue, the acknowledgements and the reconnect back-off share one link state.
import WebSocket from 'ws';
import type {ClientStore, SavedLink} from './client-store.ts';
import {hostMessageSchema, limits, parseMessage, progressEventSchema, protocolVersion, type ErrorCode, type ErrorParams, type HostMessage, type Pacing, type ProgressEvent} from './protocol.ts';

export type LinkState = 'connecting' | 'online' | 'offline' | 'rejected' | 'closed';

export type LinkStatus = {
	state: LinkState;
	name: string;
	queued: number; // events not yet acknowledged
	pacing?: Pacing;
	/** Why the host refused us (fatal), or why the last connection attempt failed; `params` word it in the student's language (link-notices.ts). */
	error?: LinkError;
	everConnected: boolean;
	/** The student's hand is up: raised by them, lowered by them or by the instructor's answer. */
	hand?: boolean;
};

/** Why the host could not be reached: words for the student's language. */
export type Unreachable = 'refused' | 'unknown-host' | 'no-route' | 'timeout' | 'silent' | 'other';

export type LinkError = {code: ErrorCode | 'unreachable' | 'replaced'; message: string; params?: ErrorParams & {where?: string; reason?: Unreachable; detail?: string}};

export type LinkUpdate =
	| {kind: 'status'; status: LinkStatus}
	| {kind: 'pacing'; pacing: Pacing}
	| {kind: 'broadcast'; text: string; at: number}
	| {kind: 'message'; text: string; at: number};

/** The small interface the tutor sees: events in; status, pacing and broadcasts out. */
export type StudentLink = {
	report(event: ProgressEvent): void;
	status(): LinkStatus;
	subscribe(listener: (update: LinkUpdate) => void): () => void;
	/** Resolves at the first welcome, or the first failure (refused, unreachable). */
	firstContact(): Promise<LinkStatus>;
	/** Waits (bounded) until every queued event is acknowledged. */
	drain(timeoutMs: number): Promise<boolean>;
	close(): Promise<void>;
};

export type ClientSettings = {
	url: string; // ws://host:port
	code: string;
	name: string;
	appVersion: string;
	store: ClientStore;
	clock?: () => number;
	/** Back-off between reconnect attempts. */
	retry?: {initialMs: number; maxMs: number};
	connectTimeoutMs?: number;
	/** Only tests set these: pretend to speak another protocol version; a shorter silence before the link counts as dead. */
	protocolOverride?: number;
	silenceMs?: number;
};

/** The host pings every 15 s; this long without a word from it, the link is taken for dead (a lost Wi-Fi sends no close). */
const silenceMs = 40_000;
/** Close code the host uses when the same student joined from another terminal. */
const replacedCode = 4100;

// A student stays well under the host's rate limit, even when resending a long queue.
const sendPerSecond = Math.floor(limits.messagesPerSecond * 0.75);
const sendBurst = Math.floor(limits.messageBurst / 2);

const savedPacing = (pacing: Pacing): SavedLink['pacing'] => ({chapters: pacing.chapters, openCount: pacing.openCount, ...(pacing.open ? {open: pacing.open} : {}), paused: pacing.paused, ...(pacing.exam ? {exam: pacing.exam} : {}), ...(pacing.closing ? {closing: pacing.closing} : {})});

export function connectStudent(settings: ClientSettings): StudentLink {
	const clock = settings.clock ?? Date.now;
	const retry = settings.retry ?? {initialMs: 500, maxMs: 5000};
	const listeners = new Set<(update: LinkUpdate) => void>();
	let saved: SavedLink = settings.store.load();
	let status: LinkStatus = {state: 'connecting', name: settings.name, queued: saved.queue.length, everConnected: false, ...(saved.pacing ? {pacing: {...saved.pacing, paused: false}} : {})};
	let socket: WebSocket | undefined;
	let sentUpTo = 0; // highest seq sent on the current connection
	let backoff = retry.initialMs;
	let reconnectTimer: NodeJS.Timeout | undefined;
	let pumpTimer: NodeJS.Timeout | undefined;
	let tokens = sendBurst;
	let refilledAt = clock();
	let closing = false;
	let contactResolve: ((status: LinkStatus) => void) | undefined;
	const contact = new Promise<LinkStatus>(resolve => (contactResolve = resolve));
	const drainWaiters = new Set<() => void>();

	const emit = (update: LinkUpdate) => {
		for (const listener of listeners) listener(update);
	};
	const setStatus = (patch: Partial<LinkStatus>) => {
		status = {...status, ...patch, queued: saved.queue.length};
		emit({kind: 'status', status});
	};
	const persist = () => settings.store.save(saved);
	const settleContact = () => {
		contactResolve?.(status);
		contactResolve = undefined;
	};
	const checkDrained = () => {
		if (saved.queue.length > 0) return;
		for (const waiter of drainWaiters) waiter();
		drainWaiters.clear();
	};

	const pump = () => {
		if (!socket || status.state !== 'online' || socket.readyState !== WebSocket.OPEN) return;
		const now = clock();
		tokens = Math.min(sendBurst, tokens + ((now - refilledAt) / 1000) * sendPerSecond);
		refilledAt = now;
		const firstUnacked = saved.queue[0]?.seq ?? saved.nextSeq;
		for (const message of saved.queue) {
			if (message.seq <= sentUpTo) continue;
			if (message.seq - firstUnacked >= limits.unackedWindow) break; // wait for acks
			if (tokens < 1) {
				if (!pumpTimer) pumpTimer = setTimeout(() => ((pumpTimer = undefined), pump()), Math.ceil(1000 / sendPerSecond));
				break;
			}
			tokens -= 1;
			socket.send(JSON.stringify(message));
			sentUpTo = message.seq;
		}
	};

	const receive = (message: HostMessage) => {
		switch (message.type) {
			case 'welcome': {
				const sameIdentity = saved.studentId === message.studentId;
				saved.token = message.token;
				saved.studentId = message.studentId;
				if (sameIdentity) saved.queue = saved.queue.filter(event => event.seq > message.lastSeq);
				else {
					// A new identity (first join, or this computer's record was lost): number our queue after what the host has.
					saved.queue = saved.queue.map((event, index) => ({...event, seq: message.lastSeq + 1 + index}));
				}
				saved.nextSeq = Math.max(message.lastSeq + 1, (saved.queue.at(-1)?.seq ?? 0) + 1);
				saved.pacing = savedPacing(message.pacing);
				persist();
				sentUpTo = message.lastSeq;
				backoff = retry.initialMs;
				setStatus({state: 'online', pacing: message.pacing, error: undefined, everConnected: true, name: message.name});
				emit({kind: 'pacing', pacing: message.pacing});
				settleContact();
				checkDrained();
				pump();
				return;
			}
			case 'ack': {
				const before = saved.queue.length;
				saved.queue = saved.queue.filter(event => event.seq > message.upTo);
				if (saved.queue.length !== before) {
					persist();
					setStatus({});
				}
				checkDrained();
				pump();
				return;
			}
			case 'pacing':
				saved.pacing = savedPacing(message.pacing);
				persist();
				setStatus({pacing: message.pacing});
				emit({kind: 'pacing', pacing: message.pacing});
				return;
			case 'broadcast':
				if (status.pacing) status = {...status, pacing: {...status.pacing, broadcast: {text: message.text, at: message.at}}};
				emit({kind: 'broadcast', text: message.text, at: message.at});
				return;
			case 'message':
				// The instructor's answer lowers the hand (the host did so too).
				if (status.hand) setStatus({hand: false});
				emit({kind: 'message', text: message.text, at: message.at});
				return;
			case 'error':
				if (message.code === 'out-of-order' && message.expectedSeq !== undefined) {
					sentUpTo = message.expectedSeq - 1;
					pump();
					return;
				}
				if (message.fatal) {
					closing = message.code !== 'bad-message' && message.code !== 'slow-down'; // refused for good: do not retry
					setStatus({state: closing ? 'rejected' : 'offline', error: {code: message.code, message: message.message, ...(message.params ? {params: message.params} : {})}});
					if (closing) settleContact();
				}
				return;
		}
	};

	const scheduleReconnect = () => {
		if (closing || reconnectTimer) return;
		const delay = Math.min(retry.maxMs, backoff) * (0.75 + Math.random() * 0.5);
		backoff = Math.min(retry.maxMs, backoff * 2);
		reconnectTimer = setTimeout(() => {
			reconnectTimer = undefined;
			open();
		}, delay);
	};

	function open() {
		if (closing) return;
		const ws = new WebSocket(settings.url, {handshakeTimeout: settings.connectTimeoutMs ?? 4000, maxPayload: 64 * 1024, perMessageDeflate: false});
		socket = ws;
		let failure: LinkError | undefined;
		let heardAt = Date.now();
		const heard = () => (heardAt = Date.now());
		const watchdog = setInterval(() => {
			if (Date.now() - heardAt > (settings.silenceMs ?? silenceMs)) {
				const where = settings.url.replace(/^ws:\/\//, '');
				failure = {code: 'unreachable', message: `the classroom host at ${where} stopped answering`, params: {where, reason: 'silent'}};
				ws.terminate();
			}
		}, Math.min(5000, settings.silenceMs ?? 5000));
		watchdog.unref();
		ws.on('ping', heard);
		ws.on('open', () => {
			heard();
			ws.send(JSON.stringify({type: 'hello', protocol: settings.protocolOverride ?? protocolVersion, appVersion: settings.appVersion, code: settings.code, name: settings.name, ...(saved.token ? {token: saved.token} : {})}));
		});
		ws.on('message', (data, isBinary) => {
			heard();
			if (isBinary) return;
			const message = parseMessage(hostMessageSchema, data.toString());
			if (message) receive(message);
		});
		ws.on('error', (error: NodeJS.ErrnoException) => {
			failure = describeFailure(settings.url, error);
		});
		ws.on('close', (code: number) => {
			clearInterval(watchdog);
			if (socket === ws) socket = undefined;
			if (pumpTimer) clearTimeout(pumpTimer);
			pumpTimer = undefined;
			if (status.state === 'rejected' || status.state === 'closed') return;
			if (code === replacedCode) {
				// Two terminals with one name would take the seat from each other forever: this one yields.
				closing = true;
				setStatus({state: 'rejected', error: {code: 'replaced', message: `${status.name} joined the room from another terminal; this one stopped sending`, params: {name: status.name}}});
				return;
			}
			const error = failure ?? status.error;
			setStatus({state: 'offline', ...(error ? {error} : {})});
			if (!status.everConnected && failure) settleContact();
			scheduleReconnect();
		});
	}

	open();

	return {
		report(reported) {
			// The host refuses what its schema refuses; such an event must never block the queue behind it.
			const fitted = progressEventSchema.safeParse(fitEvent(reported));
			if (!fitted.success) return;
			const event = fitted.data;
			saved.queue.push({type: 'event', seq: saved.nextSeq++, at: clock(), event});
			persist();
			setStatus(event.kind === 'hand' ? {hand: event.raised} : {});
			pump();
		},
		status: () => status,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		firstContact: () => contact,
		drain(timeoutMs) {
			if (saved.queue.length === 0) return Promise.resolve(true);
			// Refused or ended for good: nothing will be acknowledged, so waiting is pointless.
			if (status.state === 'rejected' || status.state === 'closed') return Promise.resolve(false);
			return new Promise(resolve => {
				const done = () => {
					clearTimeout(timer);
					resolve(true);
				};
				const timer = setTimeout(() => {
					drainWaiters.delete(done);
					resolve(false);
				}, timeoutMs);
				drainWaiters.add(done);
			});
		},
		async close() {
			closing = true;
			if (reconnectTimer) clearTimeout(reconnectTimer);
			if (pumpTimer) clearTimeout(pumpTimer);
			if (status.state !== 'rejected') setStatus({state: 'closed'});
			settleContact();
			const ws = socket;
			if (ws && ws.readyState !== WebSocket.CLOSED) {
				await new Promise<void>(resolve => {
					const timer = setTimeout(() => (ws.terminate(), resolve()), 1000);
					ws.once('close', () => (clearTimeout(timer), resolve()));
					ws.close(1000, 'bye');
				});
			}
		},
	};
}

/** Long texts are cut to what the host accepts (it cleans and cuts them again). */
function fitEvent(event: ProgressEvent): ProgressEvent {
	const clip = (text: string) => (text.length > limits.textLength ? text.slice(0, limits.textLength) : text);
	switch (event.kind) {
		case 'step-entered':
			return {...event, title: clip(event.title)};
		case 'check-failed':
			return {...event, unmet: event.unmet.slice(0, limits.unmetItems).map(clip)};
		case 'command-run':
			return {...event, line: clip(event.line), ...(event.unmet ? {unmet: event.unmet.slice(0, limits.unmetItems).map(clip)} : {})};
		default:
			return event;
	}
}

function describeFailure(url: string, error: NodeJS.ErrnoException): LinkError {
	const where = url.replace(/^ws:\/\//, '').replace(/\/$/, '');
	const failure = (reason: Unreachable, why: string): LinkError => ({code: 'unreachable', message: `cannot reach the classroom host at ${where}: ${why}`, params: {where, reason, ...(reason === 'other' ? {detail: error.message} : {})}});
	switch (error.code) {
		case 'ECONNREFUSED':
			return failure('refused', "nothing is listening there (is the instructor's session running, and is the port right?)");
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return failure('unknown-host', 'that host name is unknown');
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
			return failure('no-route', 'no route to it (are you on the same network?)');
		case 'ETIMEDOUT':
			return failure('timeout', 'it did not answer in time');
		default:
			return failure('other', error.message);
	}
}

/** "10.0.0.5", "10.0.0.5:7420", "ws://..." -> ws://10.0.0.5:7420 */
export function joinUrl(host: string, defaultPort = 7420): string {
	if (/^wss?:\/\//.test(host)) return host;
	const bracketed = host.match(/^\[(.+)\](?::(\d+))?$/);
	if (bracketed) return `ws://[${bracketed[1]}]:${bracketed[2] ?? defaultPort}`;
	const parts = host.split(':');
	if (parts.length === 2 && /^\d+$/.test(parts[1]!)) return `ws://${parts[0]}:${parts[1]}`;
	return `ws://${host}:${defaultPort}`;
}
