// The saved progress: per chapter id and step id (never position), with a schema version.
import {z} from 'zod';
import {highScoreSchema} from '../challenge/high-score-schema.ts';

export const progressVersion = 1;

export const stepProgressSchema = z.object({
	done: z.boolean().default(false),
	attempts: z.number().int().min(0).default(0), // commands typed on a task, answers given to a quiz
	hintsUsed: z.number().int().min(0).default(0),
	solutionShown: z.boolean().default(false),
	timeSpentMs: z.number().min(0).default(0),
	xp: z.number().int().min(0).default(0),
	completedAt: z.string().optional(),
});
export type StepProgress = z.output<typeof stepProgressSchema>;

export const chapterProgressSchema = z.object({
	currentStep: z.string().optional(), // the step to resume at
	completedAt: z.string().optional(),
	updatedAt: z.string().optional(),
	steps: z.record(z.string(), stepProgressSchema).default({}),
	/** Which world to resume in: saved at `stepId`, kept in a file of its own (ProgressStore.saveSnapshot). */
	snapshot: z.object({stepId: z.string(), savedAt: z.string()}).optional(),
	highScores: z.array(highScoreSchema).optional(), // the final challenge's game (lessons/challenge)
});
export type ChapterProgress = z.output<typeof chapterProgressSchema>;

export const progressSchema = z.object({
	version: z.literal(progressVersion),
	lastChapter: z.string().optional(),
	chapters: z.record(z.string(), chapterProgressSchema).default({}),
});
export type ProgressData = z.output<typeof progressSchema>;

export function emptyProgress(): ProgressData {
	return {version: progressVersion, chapters: {}};
}

export function emptyStepProgress(): StepProgress {
	return {done: false, attempts: 0, hintsUsed: 0, solutionShown: false, timeSpentMs: 0, xp: 0};
}

/**
 * Upgrades older files one version at a time. Version 0 is what a file without a version holds
 * (written before versions existed): the same chapters, each step's hints counted as `hints`.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
	0: data => {
		const chapters: Record<string, unknown> = {};
		for (const [id, chapter] of Object.entries((data.chapters as Record<string, Record<string, unknown>>) ?? {})) {
			const steps: Record<string, unknown> = {};
			for (const [stepId, step] of Object.entries((chapter.steps as Record<string, Record<string, unknown>>) ?? {})) {
				const {hints, ...rest} = step;
				steps[stepId] = {...rest, hintsUsed: rest.hintsUsed ?? hints ?? 0};
			}
			chapters[id] = {...chapter, steps};
		}
		return {...data, chapters, version: 1};
	},
};

export type ParsedProgress = {ok: true; data: ProgressData; migratedFrom?: number} | {ok: false; reason: string};

/** Validates (and migrates) data read from a progress file or an export. */
export function parseProgress(raw: unknown): ParsedProgress {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {ok: false, reason: 'it is not a progress object'};
	let data = raw as Record<string, unknown>;
	const startVersion = data.version === undefined ? 0 : data.version;
	if (typeof startVersion !== 'number' || !Number.isInteger(startVersion)) return {ok: false, reason: `its version (${JSON.stringify(data.version)}) is not a number`};
	if (startVersion > progressVersion) return {ok: false, reason: `it was written by a newer k8s-tutor (progress version ${startVersion}; this one reads up to ${progressVersion})`};
	if (data.version === undefined && !('chapters' in data)) return {ok: false, reason: 'it has no chapters: not a k8s-tutor progress file'};
	for (let v = startVersion; v < progressVersion; v++) data = migrations[v]!(data);
	const parsed = progressSchema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return {ok: false, reason: `${issue.path.join('.') || 'the file'}: ${issue.message}`};
	}
	return {ok: true, data: parsed.data, migratedFrom: startVersion < progressVersion ? startVersion : undefined};
}
