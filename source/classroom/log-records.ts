// What the host writes to the session's event log: one JSON object per line, appended only.
// Replaying the records in order rebuilds the room exactly (see room.ts).
import {z} from 'zod';
import {progressEventSchema} from './protocol.ts';

export const logRecordSchema = z.discriminatedUnion('r', [
	z.object({r: z.literal('joined'), at: z.number(), studentId: z.string(), name: z.string(), tokenHash: z.string()}),
	z.object({r: z.literal('event'), at: z.number(), studentId: z.string(), seq: z.number().int().min(1), clientAt: z.number(), event: progressEventSchema}),
	z.object({r: z.literal('pacing'), at: z.number(), openCount: z.number().int().min(0)}),
	// Exactly these chapters of the session open (`open 3,5`), until the next 'pacing'.
	z.object({r: z.literal('opened'), at: z.number(), open: z.array(z.string())}),
	// A time box: the chapter closes at `closesAt` (host clock); null takes the time box away.
	z.object({r: z.literal('timebox'), at: z.number(), chapter: z.string(), closesAt: z.number().nullable()}),
	z.object({r: z.literal('paused'), at: z.number(), paused: z.boolean()}),
	z.object({r: z.literal('broadcast'), at: z.number(), text: z.string()}),
	// The instructor's direct answer to one student (it lowers their hand).
	z.object({r: z.literal('message'), at: z.number(), studentId: z.string(), text: z.string()}),
	// The roster, by the instructor: a fake or mistyped join removed, a name corrected, one chapter's record cleared.
	z.object({r: z.literal('removed'), at: z.number(), studentId: z.string()}),
	z.object({r: z.literal('renamed'), at: z.number(), studentId: z.string(), name: z.string()}),
	z.object({r: z.literal('chapter-reset'), at: z.number(), studentId: z.string(), chapterId: z.string()}),
	// A chapter's progress and world, uploaded by the student (the file is in saves/), so a rejoin from another computer resumes there.
	// A student's link closed (online false) or came back after that (online true): time on a step stops while they are away.
	z.object({r: z.literal('presence'), at: z.number(), studentId: z.string(), online: z.boolean()}),
	z.object({r: z.literal('saved'), at: z.number(), studentId: z.string(), chapterId: z.string(), updatedAt: z.string(), bytes: z.number().int().min(0)}),
]);
export type LogRecord = z.infer<typeof logRecordSchema>;
