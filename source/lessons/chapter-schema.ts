// chapter.yaml: a chapter's structure (ids, world, steps, checks, solutions). Its prose lives in
// text/<locale>.md, so translating never touches this file.
import {z} from 'zod';
import {checkSchema} from './checks/check-schema.ts';
import {scenarioProblems} from './scenarios.ts';

export const stepKinds = ['read', 'task', 'quiz', 'summary'] as const;
export type StepKind = (typeof stepKinds)[number];
export const paneDepths = ['host', 'docker', 'cluster'] as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes, e.g. run-three-vms');

/** "30s", "2m", "500ms", or a number of seconds. */
export const durationSchema = z.union([z.number().min(0), z.string().regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'a duration like 30s, 2m or 500ms')]).transform(durationMs);

export function durationMs(value: number | string): number {
	if (typeof value === 'number') return value * 1000;
	const m = value.match(/^(\d+(?:\.\d+)?)(ms|s|m|h)$/)!;
	const unit = {ms: 1, s: 1000, m: 60_000, h: 3_600_000}[m[2] as 'ms' | 's' | 'm' | 'h'];
	return Number(m[1]) * unit;
}

/** Before a step starts: a command run silently (a string), or virtual time passing. */
export const setupItemSchema = z.union([
	z.string().min(1).transform(line => ({run: line})),
	z.object({run: z.string().min(1)}).strict(),
	z.object({advance: durationSchema}).strict(),
]);
export type SetupItem = {run: string} | {advance: number};

export const stepSchema = z
	.object({
		id,
		kind: z.enum(stepKinds).optional(),
		pane: z.enum(paneDepths).optional(),
		setup: z.array(setupItemSchema).optional(),
		check: checkSchema.optional(),
		solution: z.array(z.string().min(1)).optional(),
		/** How long the world may run after the solution for the check to pass (pods starting...). */
		settle: durationSchema.optional(),
		xp: z.number().int().min(0).optional(),
		choices: z.array(z.string().regex(/^[a-z0-9]$/, 'a choice key is one letter or digit')).optional(),
		answer: z.string().optional(),
	})
	.strict()
	.superRefine((step, ctx) => {
		const kind = step.kind ?? inferKind(step);
		if (kind === 'task') {
			if (!step.check) ctx.addIssue({code: 'custom', path: ['check'], message: `task step "${step.id}" needs a check`});
			if (!step.solution?.length) ctx.addIssue({code: 'custom', path: ['solution'], message: `task step "${step.id}" needs a solution (the commands that solve it)`});
		} else {
			if (step.check) ctx.addIssue({code: 'custom', path: ['check'], message: `only task steps have a check (this one is ${kind})`});
			if (step.solution) ctx.addIssue({code: 'custom', path: ['solution'], message: `only task steps have a solution (this one is ${kind})`});
		}
		if (kind === 'quiz') {
			if (!step.choices || step.choices.length < 2) ctx.addIssue({code: 'custom', path: ['choices'], message: 'a quiz needs at least two choices, e.g. [a, b, c]'});
			else if (new Set(step.choices).size !== step.choices.length) ctx.addIssue({code: 'custom', path: ['choices'], message: 'choice keys must differ'});
			if (step.answer === undefined) ctx.addIssue({code: 'custom', path: ['answer'], message: 'a quiz needs the key of the right answer'});
			else if (step.choices && !step.choices.includes(step.answer)) ctx.addIssue({code: 'custom', path: ['answer'], message: `answer "${step.answer}" is not one of the choices ${step.choices.join(', ')}`});
		} else if (step.choices || step.answer !== undefined) {
			ctx.addIssue({code: 'custom', path: [step.choices ? 'choices' : 'answer'], message: `only quiz steps have choices and an answer (this one is ${kind})`});
		}
	})
	.transform(step => ({...step, kind: step.kind ?? inferKind(step)}));

function inferKind(step: {check?: unknown; choices?: unknown; answer?: unknown}): StepKind {
	if (step.check !== undefined) return 'task';
	if (step.choices !== undefined || step.answer !== undefined) return 'quiz';
	return 'read';
}

/** Special behaviour a chapter may declare (`plugins:`); each is implemented in chapter-plugins.ts. */
export const chapterPluginNames = ['challenge-score'] as const;
export type ChapterPluginName = (typeof chapterPluginNames)[number];

export const chapterSchema = z
	.object({
		id,
		number: z.number().int().min(0).optional(),
		prerequisites: z.array(id).default([]),
		world: z
			.object({
				scenario: z.string().min(1).default('sandbox'),
				options: z.record(z.string(), z.unknown()).default({}),
			})
			.strict()
			.default({scenario: 'sandbox', options: {}}),
		pane: z.enum(paneDepths).default('host'),
		plugins: z.array(z.enum(chapterPluginNames)).default([]),
		steps: z.array(stepSchema).min(1, 'a chapter needs at least one step'),
	})
	.strict()
	.superRefine((chapter, ctx) => {
		const seen = new Map<string, number>();
		chapter.steps.forEach((step, i) => {
			if (seen.has(step.id)) ctx.addIssue({code: 'custom', path: ['steps', i, 'id'], message: `step id "${step.id}" is used twice (also step ${seen.get(step.id)! + 1})`});
			seen.set(step.id, i);
		});
		if (chapter.prerequisites.includes(chapter.id)) ctx.addIssue({code: 'custom', path: ['prerequisites'], message: 'a chapter cannot require itself'});
		for (const problem of scenarioProblems(chapter.world.scenario, chapter.world.options)) ctx.addIssue({code: 'custom', path: ['world', ...problem.path], message: problem.message});
	});

export type ChapterMeta = z.output<typeof chapterSchema>;
export type StepMeta = ChapterMeta['steps'][number];
