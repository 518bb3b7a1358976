// The classroom wire protocol: every message in both directions, validated with zod.
// The host trusts nothing a student sends: each message is parsed against these schemas,
// and anything else is answered with an error (never a crash).
//
// Flow: the student sends `hello` (protocol, code, name, token if it has one); the host answers
// `welcome` (student id, token, the last event seq it holds, pacing) or a fatal `error`. The
// student then sends `event`s numbered 1, 2, 3... per student; the host logs each (synced to
// disk) and answers `ack` with the highest seq it holds. A resent event at or below that seq is
// acknowledged again and never counted twice; a gap is answered `out-of-order` with the seq
// expected. The host alone sends `pacing` (chapters open, paused) and `broadcast`.
import {z} from 'zod';

/** Bumped whenever a message changes shape; host and student must speak the same one. */
export const protocolVersion = 1;

export const limits = {
	/** Largest WebSocket message the host accepts (bytes); ws closes the socket above it. */
	maxMessageBytes: 16 * 1024,
	/** Per connection: sustained messages per second, and the burst allowed above it. */
	messagesPerSecond: 40,
	messageBurst: 120,
	/** Malformed messages tolerated on one connection before the host closes it. */
	badMessagesBeforeClose: 20,
	/** Events a student sends before waiting for acknowledgements. */
	unackedWindow: 32,
	nameLength: 32,
	textLength: 300,
	unmetItems: 12,
	defaultCapacity: 120,
} as const;

const text = (max: number = limits.textLength) => z.string().max(max * 4);
const id = z.string().min(1).max(80);

/** What the learner did, as the lesson driver reports it. */
export const progressEventSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('step-entered'),
		chapterId: id,
		chapterNumber: z.number().int().min(0).max(999),
		stepId: id,
		stepIndex: z.number().int().min(0).max(999),
		stepCount: z.number().int().min(1).max(999),
		title: text(),
		/** Tells a task from reading: only a task or a quiz can leave a student stuck. */
		stepKind: z.enum(['read', 'task', 'quiz', 'summary']).optional(),
	}),
	z.object({kind: z.literal('step-passed'), chapterId: id, stepId: id, withHelp: z.boolean().optional()}),
	z.object({kind: z.literal('hint-used'), chapterId: id, stepId: id, hintNumber: z.number().int().min(1).max(99)}),
	z.object({kind: z.literal('solution-shown'), chapterId: id, stepId: id}),
	z.object({kind: z.literal('check-failed'), chapterId: id, stepId: id, unmet: z.array(text()).max(limits.unmetItems * 4)}),
	// On a task step the lesson checks after every command: `unmet` is what was still missing (empty: passed).
	z.object({kind: z.literal('command-run'), chapterId: id.optional(), stepId: id.optional(), line: text(), exitCode: z.number().int().min(-1).max(255), unmet: z.array(text()).max(limits.unmetItems * 4).optional()}),
	// A raised hand (or lowered again): the instructor sees it with the student's step and last command.
	z.object({kind: z.literal('hand'), raised: z.boolean()}),
]);
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export const helloSchema = z.object({
	type: z.literal('hello'),
	protocol: z.number().int(),
	appVersion: z.string().max(40),
	code: z.string().max(40),
	name: z.string().max(limits.nameLength * 8),
	token: z.string().max(128).optional(),
});

export const eventMessageSchema = z.object({
	type: z.literal('event'),
	seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
	/** The student's clock (ms since epoch) when it happened; used for durations only. */
	at: z.number().finite().min(0),
	event: progressEventSchema,
});
export type EventMessage = z.infer<typeof eventMessageSchema>;

export const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, eventMessageSchema]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * The host's pacing, as every student sees it: chapters of the session, the first `openCount`
 * open, or exactly `open` when the instructor chose a set (`open 3,5`).
 */
export type Pacing = {chapters: string[]; openCount: number; open?: string[]; paused: boolean; broadcast?: {text: string; at: number}; exam?: ExamRules; closing?: Timebox[]};

/** A time box: chapter `chapter` (as in --chapters) closes at `at` (ms since epoch, the host's clock). */
export type Timebox = {chapter: string; at: number};

/** The session's chapters (as given in --chapters) that are open now. */
export function openRefs(pacing: Pick<Pacing, 'chapters' | 'openCount' | 'open'>): string[] {
	return pacing.open ? pacing.chapters.filter(ref => pacing.open!.includes(ref)) : pacing.chapters.slice(0, pacing.openCount);
}

/** A graded lab: hints and/or solutions are off for everyone (`classroom host --no-hints --no-solutions`). */
export type ExamRules = {noHints: boolean; noSolutions: boolean};

/** slow-down: try again shortly (the link does so by itself); removed: the instructor took this student off the roster. */
export type ErrorCode = 'wrong-code' | 'room-full' | 'version-mismatch' | 'name-taken' | 'bad-name' | 'bad-message' | 'not-joined' | 'out-of-order' | 'slow-down' | 'removed' | 'ended';

export type HostMessage =
	| {type: 'welcome'; protocol: number; studentId: string; name: string; token: string; lastSeq: number; pacing: Pacing}
	| {type: 'ack'; upTo: number}
	| {type: 'pacing'; pacing: Pacing}
	| {type: 'broadcast'; text: string; at: number}
	| {type: 'message'; text: string; at: number} // to this student only
	| {type: 'error'; code: ErrorCode; message: string; fatal: boolean; expectedSeq?: number; params?: ErrorParams};

/** What the student needs to word an error in its own language (`message` is the English for older students). */
export type ErrorParams = {name?: string; other?: string; capacity?: number; hostVersion?: string; hostProtocol?: number};

// The student validates the host's messages too: a wrong program on the port must not crash it.
const pacingSchema = z.object({
	chapters: z.array(z.string().max(80)).max(200),
	openCount: z.number().int().min(0),
	open: z.array(z.string().max(80)).max(200).optional(),
	paused: z.boolean(),
	broadcast: z.object({text: z.string().max(4000), at: z.number()}).optional(),
	exam: z.object({noHints: z.boolean(), noSolutions: z.boolean()}).optional(),
	closing: z.array(z.object({chapter: z.string().max(80), at: z.number()})).max(200).optional(),
});
export const hostMessageSchema = z.discriminatedUnion('type', [
	z.object({type: z.literal('welcome'), protocol: z.number(), studentId: z.string(), name: z.string(), token: z.string(), lastSeq: z.number().int().min(0), pacing: pacingSchema}),
	z.object({type: z.literal('ack'), upTo: z.number().int().min(0)}),
	z.object({type: z.literal('pacing'), pacing: pacingSchema}),
	z.object({type: z.literal('broadcast'), text: z.string().max(4000), at: z.number()}),
	z.object({type: z.literal('message'), text: z.string().max(4000), at: z.number()}),
	z.object({
		type: z.literal('error'),
		code: z.enum(['wrong-code', 'room-full', 'version-mismatch', 'name-taken', 'bad-name', 'bad-message', 'not-joined', 'out-of-order', 'slow-down', 'removed', 'ended']),
		message: z.string().max(1000),
		fatal: z.boolean(),
		expectedSeq: z.number().int().optional(),
		params: z.object({name: z.string().max(400).optional(), other: z.string().max(400).optional(), capacity: z.number().int().optional(), hostVersion: z.string().max(40).optional(), hostProtocol: z.number().int().optional()}).optional(),
	}),
]) satisfies z.ZodType<HostMessage>;

/** Parses one raw message; undefined when it is not valid JSON or not a valid message. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: string): T | undefined {
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return undefined;
	}
	const result = schema.safeParse(data);
	return result.success ? result.data : undefined;
}

/** Whether chapter `ref` (number or id as given in --chapters) is open under the pacing. */
export function chapterOpen(pacing: Pacing, chapter: {id: string; number: number}): boolean {
	// A chapter outside the session's list stays locked: the instructor chose the list.
	return openRefs(pacing).some(ref => ref === chapter.id || ref === String(chapter.number));
}
