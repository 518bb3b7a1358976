// The classroom host: a WebSocket server that admits students, validates and rate-limits
// every message, writes each accepted event to the log (synced) BEFORE acknowledging it, and
// is the only place pacing changes. Students can only report what they did.
// Longer than ~300 lines because admission, validation, rate limits and the log's write-before-ack are one server.
import {createServer, type IncomingMessage} from 'node:http';
import type {AddressInfo} from 'node:net';
import {WebSocketServer, type RawData, type WebSocket} from 'ws';
import {codesMatch, hashToken, newToken, tokenMatches} from './credentials.ts';
import type {LogRecord} from './log-records.ts';
import {clientMessageSchema, limits, openRefs, parseMessage, protocolVersion, type ErrorCode, type ErrorParams, type EventMessage, type HostMessage, type ProgressEvent} from './protocol.ts';
import {applyRecord, pacingOf, type Room, type StuckRule} from './room.ts';
import {guardLimits, joinGuard, type GuardLimits, type GuessingStorm} from './join-guard.ts';
import {namesLookAlike} from './name-skeleton.ts';
import {projectorRoutes} from './projector-server.ts';
import {packageTarball} from './package-tarball.ts';
import {savedProgressFolder, savedProgressRoutes} from './saved-progress.ts';

export const tarballName = 'k8s-tutor.tgz';
import {nameKey, sanitizeName, sanitizeText} from './sanitize.ts';
import type {OpenedSession} from './session-folder.ts';

export type HostSettings = {
	bind: string;
	port: number;
	capacity?: number;
	appVersion: string;
	clock?: () => number;
	/** Only tests shorten it, and change the join limits. */
	helloTimeoutMs?: number;
	guard?: Partial<GuardLimits>;
	/** What counts as stuck on the projector page (`--stuck-after`). */
	stuckRule?: StuckRule;
	/** The package to offer at /k8s-tutor.tgz for an offline room (its folder: package.json, dist/...). */
	packageRoot?: string;
};

/** Sockets that have not joined (no hello yet, or a wrong code waiting for its answer): bounded, so they cannot crowd out students. */
export const pendingLimits = {perAddress: 32, total: 128, graceMs: 1000};

/** Why a rename was refused (the caller words it in the instructor's language). */
export type RenameProblem = {kind: 'bad-name'} | {kind: 'looks-like'; name: string; other: string} | {kind: 'no-such-student'};

export type HostChange =
	| {kind: 'record'; record: LogRecord}
	| {kind: 'connected' | 'disconnected'; studentId: string}
	| {kind: 'rejected'; code: ErrorCode; detail: string}
	| {kind: 'guessing'; storm: GuessingStorm}
	| {kind: 'stuck-rule'; rule: StuckRule};

export type ClassroomHost = {
	readonly room: Room;
	readonly port: number;
	readonly address: string;
	/** Most students the room takes. */
	readonly capacity: number;
	/** Opens the projector page: http://HOST:PORT/room?key=KEY (not the join code). */
	readonly projectorKey: string;
	isConnected(studentId: string): boolean;
	connectedCount(): number;
	/** Pacing: only the host process calls these. */
	setOpenCount(count: number): Promise<void>;
	/** Exactly these chapters of the session open (refs as in --chapters); the others closed. */
	setOpen(refs: string[]): Promise<void>;
	/** A time box: the chapter closes by itself at `closesAt` (host clock); null takes it away. */
	timebox(chapter: string, closesAt: number | null): Promise<void>;
	releaseNext(): Promise<void>;
	setPaused(paused: boolean): Promise<void>;
	broadcast(text: string): Promise<void>;
	/** A direct message to one student (logged; it answers a raised hand). False when they are not online to read it now. */
	message(studentId: string, text: string): Promise<boolean>;
	/** What counts as stuck on the projector page: the dashboard's +/- keys change it during class. */
	setStuckRule(rule: StuckRule): void;
	/** Tells every student the class is over (they stop retrying), then closes. */
	end(): Promise<void>;
	/** The roster: take a student off (their seat and name are freed), correct a name, clear one chapter's record. */
	remove(studentId: string): Promise<void>;
	rename(studentId: string, name: string): Promise<RenameProblem | undefined>;
	resetChapter(studentId: string, chapterId: string): Promise<void>;
	subscribe(listener: (change: HostChange) => void): () => void;
	close(): Promise<void>;
};

type Connection = {
	socket: WebSocket;
	address: string;
	/** held: a wrong code, waiting out its back-off before the answer. */
	state: 'new' | 'held' | 'joining' | 'joined' | 'closed';
	studentId?: string;
	tokens: number;
	refilledAt: number;
	badMessages: number;
	openedAt: number; // monotonic ms
};

const heartbeatMs = 15_000;
/** A socket that has not said hello by then is closed: idle sockets must not use up the host. */
const helloTimeoutMs = 3000;

export async function startClassroomHost(session: OpenedSession, settings: HostSettings): Promise<ClassroomHost> {
	const clock = settings.clock ?? Date.now;
	const room = session.room;
	const capacity = settings.capacity ?? limits.defaultCapacity;
	const listeners = new Set<(change: HostChange) => void>();
	const liveConnection = new Map<string, Connection>(); // studentId -> its current connection
	const acceptedSeq = new Map<string, number>(); // studentId -> last seq handed to the log (synced or not)
	const reservedNames = new Set<string>(); // names being admitted right now (their join is being synced)
	let nextStudent = room.joinedCount + 1;
	const guard = joinGuard({...guardLimits, ...settings.guard}, clock());
	const pending = new Set<Connection>(); // in arrival order: the oldest is cut first
	let stormToldAt = -Infinity;

	function subscribeChanges(listener: (change: HostChange) => void): () => void {
		listeners.add(listener);
		return () => listeners.delete(listener);
	}
	const emit = (change: HostChange) => {
		for (const listener of listeners) listener(change);
	};
	const send = (connection: Connection, message: HostMessage) => {
		if (connection.state !== 'closed' && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(JSON.stringify(message));
	};
	const fail = (connection: Connection, code: ErrorCode, message: string, fatal: boolean, extra: {expectedSeq?: number; params?: ErrorParams} = {}) => {
		send(connection, {type: 'error', code, message, fatal, ...extra});
		if (fatal) {
			// During a guessing storm one summary line is told, not every guess.
			if (code !== 'wrong-code' || !guard.storm(clock())) emit({kind: 'rejected', code, detail: message});
			closeConnection(connection, 4000 + errorCodes.indexOf(code), code);
		}
	};
	const closeConnection = (connection: Connection, code: number, reason: string) => {
		if (connection.state === 'closed') return;
		connection.state = 'closed';
		pending.delete(connection);
		connection.socket.close(code, reason);
		// A socket that ignores the close handshake is cut off.
		setTimeout(() => connection.socket.terminate(), 2000).unref();
	};
	const record = async (entry: LogRecord) => {
		await session.log.append(entry);
		applyRecord(room, entry);
		emit({kind: 'record', record: entry});
	};
	/** Away or back: time on a step stops while a student is away (a failed write only loses that). */
	const logPresence = (studentId: string, online: boolean) => {
		if (room.students[studentId]) record({r: 'presence', at: clock(), studentId, online}).catch(() => {});
	};
	const toEveryone = (message: HostMessage) => {
		for (const connection of liveConnection.values()) send(connection, message);
	};

	// One port for both: students' WebSockets and the projector page's plain HTTP.
	const projectorKey = session.meta.projectorKey ?? newToken().slice(0, 12);
	let stuckRule = settings.stuckRule;
	const projector = projectorRoutes({
		room,
		key: projectorKey,
		get rule() {
			return stuckRule;
		},
		now: clock,
		online: id => liveConnection.has(id),
		subscribe: listener => subscribeChanges(listener),
	});
	// What a student rejoining from another computer resumes from.
	const saves = savedProgressFolder(session.dir);
	const savedProgress = savedProgressRoutes({room, folder: saves, record, now: clock});
	let tarball: Buffer | undefined;
	const http = createServer((request, response) => {
		if (savedProgress.handles(request)) return savedProgress.handle(request, response);
		if (settings.packageRoot && request.method === 'GET' && request.url === `/${tarballName}`) {
			try {
				tarball ??= packageTarball(settings.packageRoot);
				response.writeHead(200, {'content-type': 'application/gzip', 'content-length': tarball.length, 'cache-control': 'no-store'});
				response.end(tarball);
			} catch (error) {
				response.writeHead(500, {'content-type': 'text/plain; charset=utf-8'});
				response.end(`k8s-tutor classroom: could not pack ${settings.packageRoot}: ${(error as Error).message}\n`);
			}
			return;
		}
		projector.handle(request, response);
	});
	http.headersTimeout = 10_000;
	http.requestTimeout = 10_000;
	const server = new WebSocketServer({server: http, maxPayload: limits.maxMessageBytes, perMessageDeflate: false, clientTracking: true});
	await new Promise<void>((resolve, reject) => {
		http.once('listening', resolve);
		http.once('error', reject);
		http.listen(settings.port, settings.bind);
	});
	http.on('error', () => {});
	server.on('error', () => {}); // after listening, errors surface per socket

	const alive = new WeakSet<WebSocket>();
	const heartbeat = setInterval(() => {
		for (const socket of server.clients) {
			if (!alive.has(socket)) socket.terminate();
			else {
				alive.delete(socket);
				socket.ping();
			}
		}
	}, heartbeatMs);
	heartbeat.unref();

	async function admit(connection: Connection, hello: {protocol: number; appVersion: string; code: string; name: string; token?: string}) {
		if (hello.protocol !== protocolVersion) {
			return fail(connection, 'version-mismatch', `the host runs k8s-tutor ${settings.appVersion} (classroom protocol ${protocolVersion}); you run ${sanitizeText(hello.appVersion, 40)} (protocol ${hello.protocol}). Install the same version as the instructor.`, true, {params: {hostVersion: settings.appVersion, hostProtocol: protocolVersion}});
		}
		// The code first: a right one is never slowed down by anyone's wrong guesses.
		if (!codesMatch(room.code, hello.code)) {
			const wait = guard.wrongCode(connection.address, clock());
			const storm = guard.storm(clock());
			if (storm && clock() - stormToldAt >= 60_000) {
				stormToldAt = clock();
				emit({kind: 'guessing', storm});
			}
			const answer = () => fail(connection, 'wrong-code', 'wrong join code: check the code the instructor shows', true);
			if (wait <= 0) return answer();
			// The answer waits; meanwhile the socket counts as pending, so held guesses are bounded too.
			connection.state = 'held';
			pending.add(connection);
			setTimeout(answer, wait).unref();
			return;
		}
		pending.delete(connection);
		const name = sanitizeName(hello.name, limits.nameLength);
		if (!name) return fail(connection, 'bad-name', 'choose a name with at least one letter or digit', true);
		const key = nameKey(name);
		const students = room.studentOrder.map(id => room.students[id]!);
		// The token first: it is the student, whatever name they typed (a renamed student, another computer).
		const tokenHash = hello.token ? hashToken(hello.token) : undefined;
		const existing = students.find(student => student.tokenHash === tokenHash) ?? students.find(student => nameKey(student.name) === key);
		let studentId: string;
		let token: string;
		if (existing) {
			if (!tokenMatches(existing.tokenHash, hello.token)) {
				return fail(connection, 'name-taken', `the name "${name}" is already taken in this room; choose another name (or rejoin from the computer that first used it)`, true, {params: {name}});
			}
			studentId = existing.id;
			token = hello.token!;
			const previous = liveConnection.get(studentId);
			if (previous && previous !== connection) closeConnection(previous, 4100, 'rejoined elsewhere');
		} else {
			if (reservedNames.has(key)) return fail(connection, 'name-taken', `the name "${name}" is already taken in this room; choose another name`, true, {params: {name}});
			const lookAlike = students.find(student => namesLookAlike(student.name, name)) ?? [...reservedNames].find(reserved => namesLookAlike(reserved, name));
			if (lookAlike !== undefined) {
				const other = typeof lookAlike === 'string' ? lookAlike : lookAlike.name;
				return fail(connection, 'name-taken', `the name "${name}" looks the same as "${other}", who is already in this room; choose a name that looks different`, true, {params: {name, other}});
			}
			if (room.studentOrder.length + reservedNames.size >= capacity) return fail(connection, 'room-full', `the room is full (${capacity} students); ask the instructor`, true, {params: {capacity}});
			if (!guard.mayAddStudent(connection.address, clock())) {
				// Not fatal for the student: the link tries again a little later, by itself.
				return fail(connection, 'slow-down', 'many students are joining from this computer right now; trying again in a few seconds', true);
			}
			reservedNames.add(key);
			studentId = `s${nextStudent++}`;
			token = newToken();
			try {
				await record({r: 'joined', at: clock(), studentId, name, tokenHash: hashToken(token)});
			} finally {
				reservedNames.delete(key);
			}
		}
		if (connection.state === 'closed') return;
		connection.state = 'joined';
		connection.studentId = studentId;
		liveConnection.set(studentId, connection);
		const student = room.students[studentId]!;
		if (student.awayAt !== undefined) logPresence(studentId, true);
		if (!acceptedSeq.has(studentId)) acceptedSeq.set(studentId, student.lastSeq);
		send(connection, {type: 'welcome', protocol: protocolVersion, studentId, name: student.name, token, lastSeq: student.lastSeq, pacing: pacingOf(room)});
		emit({kind: 'connected', studentId});
	}

	function receiveEvent(connection: Connection, message: EventMessage) {
		const studentId = connection.studentId!;
		const student = room.students[studentId]!;
		const accepted = acceptedSeq.get(studentId) ?? student.lastSeq;
		if (message.seq <= student.lastSeq) return send(connection, {type: 'ack', upTo: student.lastSeq}); // a resend: already counted
		if (message.seq <= accepted) return; // already on its way to the log; its ack follows
		if (message.seq !== accepted + 1) return fail(connection, 'out-of-order', `expected event ${accepted + 1}, got ${message.seq}`, false, {expectedSeq: accepted + 1});
		acceptedSeq.set(studentId, message.seq);
		const entry: LogRecord = {r: 'event', at: clock(), studentId, seq: message.seq, clientAt: message.at, event: cleanEvent(message.event)};
		record(entry).then(
			() => {
				const live = liveConnection.get(studentId);
				if (live) send(live, {type: 'ack', upTo: room.students[studentId]!.lastSeq});
			},
			() => {
				// Not on disk, so not acknowledged: let the student resend it.
				if (acceptedSeq.get(studentId)! >= message.seq) acceptedSeq.set(studentId, room.students[studentId]!.lastSeq);
			},
		);
	}

	server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
		// Joined students are at most the capacity and pending sockets are bounded below: this only stops a runaway.
		if (server.clients.size > capacity + pendingLimits.total + 20) {
			socket.close(1013, 'too many connections');
			return;
		}
		const connection: Connection = {socket, address: request.socket.remoteAddress ?? '?', state: 'new', tokens: limits.messageBurst, refilledAt: clock(), badMessages: 0, openedAt: performance.now()};
		if (!makeRoomFor(connection.address, connection.openedAt)) {
			socket.close(1013, 'busy: try again');
			return;
		}
		pending.add(connection);
		const helloTimer = setTimeout(() => {
			if (connection.state === 'new') closeConnection(connection, 1008, 'no hello');
		}, settings.helloTimeoutMs ?? helloTimeoutMs);
		helloTimer.unref();
		alive.add(socket);
		socket.on('pong', () => alive.add(socket));
		socket.on('error', () => {});
		socket.on('close', () => {
			clearTimeout(helloTimer);
			pending.delete(connection);
			const wasLive = connection.studentId !== undefined && liveConnection.get(connection.studentId) === connection;
			connection.state = 'closed';
			if (wasLive) {
				liveConnection.delete(connection.studentId!);
				emit({kind: 'disconnected', studentId: connection.studentId!});
				if (!closed) logPresence(connection.studentId!, false);
			}
		});
		socket.on('message', (data: RawData, isBinary: boolean) => {
			if (connection.state === 'closed') return;
			const now = clock();
			connection.tokens = Math.min(limits.messageBurst, connection.tokens + ((now - connection.refilledAt) / 1000) * limits.messagesPerSecond);
			connection.refilledAt = now;
			if (connection.tokens < 1) {
				send(connection, {type: 'error', code: 'bad-message', message: 'too many messages: slow down', fatal: true});
				return closeConnection(connection, 1008, 'rate limit');
			}
			connection.tokens -= 1;
			const raw = isBinary ? undefined : rawText(data);
			const message = raw === undefined ? undefined : parseMessage(clientMessageSchema, raw);
			if (!message) return badMessage(connection, 'not a valid classroom message');
			if (message.type === 'hello') {
				if (connection.state !== 'new') return badMessage(connection, 'already joined');
				connection.state = 'joining';
				admit(connection, message).catch(() => closeConnection(connection, 1011, 'could not record the join'));
				return;
			}
			if (connection.state !== 'joined') return badMessage(connection, 'send hello first', 'not-joined');
			receiveEvent(connection, message);
		});
	});

	/**
	 * Before a new socket counts as pending: past the limits (per address, then overall), cut the
	 * oldest pending ones, wrong guesses first, then sockets silent for over a second. Sockets
	 * younger than that are students about to say hello (a whole lab joins at once): then the new
	 * socket is the one turned away, and its link simply tries again. False when it was.
	 */
	function makeRoomFor(address: string, now: number): boolean {
		const cut = (candidates: Connection[], keep: number): boolean => {
			const excess = candidates.length - keep;
			if (excess <= 0) return true;
			const cuttable = [...candidates.filter(c => c.state === 'held'), ...candidates.filter(c => c.state === 'new' && now - c.openedAt >= pendingLimits.graceMs)];
			for (const connection of cuttable.slice(0, excess)) {
				pending.delete(connection);
				connection.state = 'closed';
				connection.socket.terminate();
			}
			return cuttable.length >= excess;
		};
		return cut([...pending].filter(connection => connection.address === address), pendingLimits.perAddress - 1) && cut([...pending], pendingLimits.total - 1);
	}

	function badMessage(connection: Connection, detail: string, code: ErrorCode = 'bad-message') {
		connection.badMessages++;
		const fatal = connection.badMessages >= limits.badMessagesBeforeClose;
		fail(connection, code, detail, fatal);
	}

	const address = http.address() as AddressInfo;
	const pacingChanged = () => toEveryone({type: 'pacing', pacing: pacingOf(room)});

	let closed = false;
	// Time boxes close their chapters on time (and at once after a restart past the time).
	let closingNow = false;
	const timeboxes = setInterval(() => {
		const due = Object.entries(room.closing).filter(([, at]) => at <= clock()).map(([chapter]) => chapter);
		if (due.length === 0 || closingNow) return;
		closingNow = true;
		host.setOpen(openRefs(pacingOf(room)).filter(ref => !due.includes(ref))).finally(() => (closingNow = false));
	}, 1000);
	timeboxes.unref();
	const host: ClassroomHost = {
		room,
		port: address.port,
		address: address.address,
		capacity,
		projectorKey,
		isConnected: studentId => liveConnection.has(studentId),
		connectedCount: () => liveConnection.size,
		async setOpenCount(count) {
			const openCount = Math.max(0, Math.min(room.chapters.length, Math.floor(count)));
			if (openCount === room.openCount && !room.open) return;
			await record({r: 'pacing', at: clock(), openCount});
			pacingChanged();
		},
		async setOpen(refs) {
			const open = room.chapters.filter(ref => refs.includes(ref));
			const before = openRefs(pacingOf(room));
			if (room.open && open.length === before.length && open.every(ref => before.includes(ref))) return;
			await record({r: 'opened', at: clock(), open});
			pacingChanged();
		},
		async timebox(chapter, closesAt) {
			if (!room.chapters.includes(chapter)) return;
			await record({r: 'timebox', at: clock(), chapter, closesAt});
			pacingChanged();
		},
		async releaseNext() {
			if (!room.open) return host.setOpenCount(room.openCount + 1);
			const next = room.chapters.find(ref => !room.open!.includes(ref));
			if (next !== undefined) await host.setOpen([...room.open, next]);
		},
		async setPaused(paused) {
			if (paused === room.paused) return;
			await record({r: 'paused', at: clock(), paused});
			pacingChanged();
		},
		async broadcast(text) {
			const clean = sanitizeText(text, limits.textLength);
			if (!clean) return;
			const entry = {r: 'broadcast', at: clock(), text: clean} as const;
			await record(entry);
			toEveryone({type: 'broadcast', text: clean, at: entry.at});
		},
		async message(studentId, text) {
			const clean = sanitizeText(text, limits.textLength);
			if (!clean || !room.students[studentId]) return false;
			const entry = {r: 'message', at: clock(), studentId, text: clean} as const;
			await record(entry);
			const live = liveConnection.get(studentId);
			if (live) send(live, {type: 'message', text: clean, at: entry.at});
			return live !== undefined;
		},
		async remove(studentId) {
			if (!room.students[studentId]) return;
			await record({r: 'removed', at: clock(), studentId});
			const live = liveConnection.get(studentId);
			if (live) fail(live, 'removed', 'the instructor removed you from the room', true);
			liveConnection.delete(studentId);
			acceptedSeq.delete(studentId);
			saves.dropStudent(studentId);
		},
		async rename(studentId, wanted) {
			const name = sanitizeName(wanted, limits.nameLength);
			if (!name) return {kind: 'bad-name'};
			const other = room.studentOrder.map(id => room.students[id]!).find(student => student.id !== studentId && namesLookAlike(student.name, name));
			if (other) return {kind: 'looks-like', name, other: other.name};
			if (!room.students[studentId]) return {kind: 'no-such-student'};
			await record({r: 'renamed', at: clock(), studentId, name});
			return undefined;
		},
		async resetChapter(studentId, chapterId) {
			if (!room.students[studentId]) return;
			await record({r: 'chapter-reset', at: clock(), studentId, chapterId});
			if (/^[a-z0-9-]+$/.test(chapterId)) saves.dropChapter(studentId, chapterId);
		},
		setStuckRule(rule) {
			stuckRule = rule;
			emit({kind: 'stuck-rule', rule});
		},
		async end() {
			// The end of the class is when every student still here stops being on their step.
			await Promise.all([...liveConnection.keys()].map(studentId => record({r: 'presence', at: clock(), studentId, online: false}).catch(() => {})));
			for (const connection of liveConnection.values()) send(connection, {type: 'error', code: 'ended', message: 'the instructor ended the class; your progress is saved on this computer', fatal: true});
			await host.close();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async close() {
			if (closed) return;
			closed = true;
			clearInterval(heartbeat);
			clearInterval(timeboxes);
			for (const socket of server.clients) socket.terminate();
			projector.close();
			await new Promise<void>(resolve => server.close(() => resolve()));
			http.closeAllConnections();
			await new Promise<void>(resolve => http.close(() => resolve()));
			await session.log.close();
			session.release();
		},
	};
	return host;
}

const errorCodes: ErrorCode[] = ['wrong-code', 'room-full', 'version-mismatch', 'name-taken', 'bad-name', 'bad-message', 'not-joined', 'out-of-order', 'slow-down', 'removed', 'ended'];

function rawText(data: RawData): string | undefined {
	const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
	return buffer.length > limits.maxMessageBytes ? undefined : buffer.toString('utf8');
}

/** Student text is cleaned once, here, before it reaches the log, the dashboard or an export. */
function cleanEvent(event: ProgressEvent): ProgressEvent {
	const text = (value: string) => sanitizeText(value, limits.textLength);
	const ids = <T extends {chapterId?: string; stepId?: string}>(value: T): T => ({
		...value,
		...(value.chapterId !== undefined ? {chapterId: sanitizeText(value.chapterId, 80)} : {}),
		...(value.stepId !== undefined ? {stepId: sanitizeText(value.stepId, 80)} : {}),
	});
	switch (event.kind) {
		case 'step-entered':
			return ids({...event, title: text(event.title)});
		case 'check-failed':
			return ids({...event, unmet: event.unmet.slice(0, limits.unmetItems).map(text)});
		case 'command-run':
			return ids({...event, line: text(event.line), ...(event.unmet ? {unmet: event.unmet.slice(0, limits.unmetItems).map(text)} : {})});
		case 'hand':
			return event;
		default:
			return ids(event);
	}
}
