// The worlds a chapter can start from, by name (chapter.yaml: `world: {scenario: sandbox}`).
// Engine owners add theirs here (a cluster with N workers...): one line each.
import {createChallengeWorld} from '../engine/challenge/create-challenge-world.ts';
import {createSandboxWorld, learnerHost} from '../engine/scenarios/sandbox.ts';
import type {World} from '../engine/world.ts';

export type ScenarioStart = {world: World; host: string; user?: string};
export type Scenario = (options: Record<string, unknown>) => ScenarioStart;

const scenarios = new Map<string, Scenario>([
	['sandbox', options => ({world: createSandboxWorld({...options, seed: typeof options.seed === 'number' ? options.seed : 1}), host: learnerHost})],
	['final-challenge', options => ({world: createChallengeWorld(typeof options.seed === 'number' ? options.seed : 1), host: learnerHost})],
]);

export function registerScenario(name: string, scenario: Scenario): void {
	scenarios.set(name, scenario);
}

export function scenarioNames(): string[] {
	return [...scenarios.keys()].sort();
}

export function startScenario(name: string, options: Record<string, unknown>): ScenarioStart | undefined {
	return scenarios.get(name)?.(options);
}
