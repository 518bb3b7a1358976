// Experience points: a step's full points when solved alone, fewer with hints or the solution.
import type {StepKind} from './chapter-schema.ts';

export const baseXp: Record<StepKind, number> = {read: 5, task: 20, quiz: 10, summary: 0};

export type XpFacts = {kind: StepKind; base?: number; hintsUsed: number; solutionShown: boolean; wrongAnswers: number};

/**
 * task: each hint takes 20% off (down to 40%); the solution leaves 25%.
 * quiz: each wrong answer before the right one halves the points.
 */
export function stepXp(facts: XpFacts): number {
	const base = facts.base ?? baseXp[facts.kind];
	switch (facts.kind) {
		case 'task':
			if (facts.solutionShown) return Math.round(base * 0.25);
			return Math.round(base * Math.max(0.4, 1 - 0.2 * facts.hintsUsed));
		case 'quiz':
			return Math.floor(base / 2 ** facts.wrongAnswers);
		default:
			return base;
	}
}
