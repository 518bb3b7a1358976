// What a student keeps on their own disk between runs: the token that proves their name,
// and the events not yet acknowledged by the host. Written atomically after every change,
// so a crash or a dead laptop battery loses nothing that was reported.
import {closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {z} from 'zod';
import {errorReason, makeFolder} from '../lessons/make-folder.ts';
import {eventMessageSchema} from './protocol.ts';
import {nameKey} from './sanitize.ts';

const savedSchema = z.object({
	token: z.string().optional(),
	studentId: z.string().optional(),
	nextSeq: z.number().int().min(1),
	queue: z.array(eventMessageSchema),
	/** The host's pacing when last heard, so chapter locks hold while working offline. */
	pacing: z.object({chapters: z.array(z.string()), openCount: z.number().int().min(0), open: z.array(z.string()).optional(), paused: z.boolean(), exam: z.object({noHints: z.boolean(), noSolutions: z.boolean()}).optional(), closing: z.array(z.object({chapter: z.string(), at: z.number()})).optional()}).optional(),
});
export type SavedLink = z.infer<typeof savedSchema>;

export type ClientStore = {
	load(): SavedLink;
	save(saved: SavedLink): void;
};

export const freshLink = (): SavedLink => ({nextSeq: 1, queue: []});

export function memoryStore(initial: SavedLink = freshLink()): ClientStore & {saved: SavedLink} {
	const store = {
		saved: structuredClone(initial),
		load: () => structuredClone(store.saved),
		save(saved: SavedLink) {
			store.saved = structuredClone(saved);
		},
	};
	return store;
}

/**
 * One file per host and name, under the tutor's config folder. A save that fails (a read-only
 * folder, a full disk) is told once through `onProblem` and never thrown: the queue stays in
 * memory and the next change tries again.
 */
export function fileStore(configDir: string, host: string, name: string, onProblem: (text: string) => void = () => {}): ClientStore & {path: string} {
	const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
	const path = join(configDir, 'classroom', `${safe(host)}--${safe(nameKey(name)) || 'student'}.json`);
	let told: string | undefined;
	return {
		path,
		load() {
			try {
				const parsed = savedSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
				return parsed.success ? parsed.data : freshLink();
			} catch {
				return freshLink();
			}
		},
		save(saved) {
			try {
				const problem = makeFolder(dirname(path));
				if (problem) throw new Error(problem.reason);
				const temporary = `${path}.${process.pid}.tmp`;
				const fd = openSync(temporary, 'w', 0o600);
				try {
					writeSync(fd, JSON.stringify(saved));
					fsyncSync(fd);
				} finally {
					closeSync(fd);
				}
				renameSync(temporary, path);
				if (told) onProblem(`The classroom queue is saved again in ${path}.`);
				told = undefined;
			} catch (error) {
				const reason = errorReason(error);
				if (told !== reason) onProblem(`The classroom queue could not be saved in ${path}: ${reason}. You keep working; it is sent from memory and saved again at the next change.`);
				told = reason;
			}
		},
	};
}
