// The score of a game: availability earns up to 1000 points; every command past a free
// allowance and every hint costs a little. Pure, so the summary and the high-score table agree.

export const freeCommands = 15;
export const pointsPerCommand = 5;
export const pointsPerHint = 30;

export type ScoreParts = {availability: number; commands: number; hints: number};
export type Score = ScoreParts & {availabilityPoints: number; commandPenalty: number; hintPenalty: number; total: number};

export function challengeScore(parts: ScoreParts): Score {
	const availabilityPoints = Math.round(parts.availability * 1000);
	const commandPenalty = Math.max(0, parts.commands - freeCommands) * pointsPerCommand;
	const hintPenalty = parts.hints * pointsPerHint;
	return {...parts, availabilityPoints, commandPenalty, hintPenalty, total: Math.max(0, availabilityPoints - commandPenalty - hintPenalty)};
}

/** Commands typed since the game started, not counting the `challenge` command itself. */
export function commandsSince(history: string[], start: number): number {
	return history.slice(start).filter(line => !/^\s*challenge\b/.test(line)).length;
}
