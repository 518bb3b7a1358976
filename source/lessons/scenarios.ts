// The worlds a chapter can start from, by name (chapter.yaml: `world: {scenario: sandbox, options: {...}}`).
// Each scenario declares its options as a zod schema, so a typo in chapter.yaml is reported where it
// is written (world.options.workrs) when the pack loads, not later as a solution that fails.
import {z} from 'zod';
import {createChallengeWorld} from '../engine/challenge/create-challenge-world.ts';
import {createSandboxWorld, learnerHost} from '../engine/scenarios/sandbox.ts';
import type {World} from '../engine/world.ts';

export type ScenarioStart = {world: World; host: string; user?: string};

type Scenario<Schema extends z.ZodType> = {options: Schema; start(options: z.output<Schema>): ScenarioStart};

const seed = z.number().int().min(0).describe('the world’s random seed: the same seed, the same names and timings');

const clusterOptions = z.strictObject({
	workers: z.number().int().min(1).max(20).optional(),
	workerCpus: z.number().int().min(1).max(64).optional(),
	workerMemoryBytes: z.number().int().min(256 * 1024 * 1024).optional(),
	nodeIpBase: z.string().regex(/^\d+\.\d+\.\d+\.$/, 'like "192.168.56."').optional(),
});

function scenario<Schema extends z.ZodType>(definition: Scenario<Schema>): Scenario<Schema> {
	return definition;
}

const scenarios = {
	sandbox: scenario({
		options: z.strictObject({seed: seed.optional(), cluster: z.union([z.literal(false), clusterOptions]).optional()}),
		start: options => ({world: createSandboxWorld({...options, seed: options.seed ?? 1}), host: learnerHost}),
	}),
	'final-challenge': scenario({
		options: z.strictObject({seed: seed.optional()}),
		start: options => ({world: createChallengeWorld(options.seed ?? 1), host: learnerHost}),
	}),
} satisfies Record<string, Scenario<z.ZodType>>;

type ScenarioName = keyof typeof scenarios;

function find(name: string): Scenario<z.ZodType> | undefined {
	return Object.hasOwn(scenarios, name) ? (scenarios[name as ScenarioName] as Scenario<z.ZodType>) : undefined;
}

export function scenarioNames(): string[] {
	return Object.keys(scenarios).sort();
}

export type ScenarioProblem = {path: (string | number)[]; message: string};

/** What is wrong with a chapter's world: an unknown scenario, or options its schema refuses. */
export function scenarioProblems(name: string, options: Record<string, unknown>): ScenarioProblem[] {
	const found = find(name);
	if (!found) return [{path: ['scenario'], message: `unknown world scenario "${name}"; known: ${scenarioNames().join(', ')}`}];
	const parsed = found.options.safeParse(options);
	if (parsed.success) return [];
	return parsed.error.issues.map(issue => ({path: ['options', ...issue.path.map(p => (typeof p === 'symbol' ? String(p) : p))], message: issue.message}));
}

/** The world a scenario starts from; undefined for an unknown scenario or options it refuses. */
export function startScenario(name: string, options: Record<string, unknown>): ScenarioStart | undefined {
	const found = find(name);
	const parsed = found?.options.safeParse(options);
	return found && parsed?.success ? found.start(parsed.data) : undefined;
}
