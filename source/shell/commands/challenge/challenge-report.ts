// What `challenge` prints: the briefing before a game, the live status during it, and the
// summary (score, and what went wrong when) after it.
import {challengeAvailability, passingAvailability} from '../../../engine/challenge/advance-challenge.ts';
import type {ChallengeState} from '../../../engine/challenge/challenge-types.ts';
import {challengeScore, commandsSince, freeCommands, pointsPerCommand, pointsPerHint, type Score} from '../../../engine/challenge/challenge-score.ts';
import type {World} from '../../../engine/world.ts';
import {clock, minutes} from './world-facts.ts';

export function briefing(ch: ChallengeState): string {
	return [
		`Keep deployment/${ch.app.deployment} serving: ${ch.app.desired} replicas, for ${ch.durationMs / 60_000} minutes of virtual time.`,
		'Things will go wrong. Your score is the share of time all replicas served (up to 1000 points),',
		`minus ${pointsPerCommand} per command after the first ${freeCommands} and ${pointsPerHint} per hint.`,
		'',
		'  challenge start            start the game (everyone with the same seed gets the same game)',
		'  challenge start --seed N   start another game',
		'  challenge                  how it is going',
		'  challenge hint             advice about what is wrong right now (costs points)',
		'',
		'To play again after a game, reset the step (the lesson\'s reset key).',
		'',
	].join('\n');
}

export function scoreOf(ch: ChallengeState, history: string[], extraHints = 0): Score {
	return challengeScore({availability: challengeAvailability(ch), commands: commandsSince(history, ch.historyStart), hints: ch.hintsUsed + extraHints});
}

export function status(w: World, ch: ChallengeState, history: string[]): string {
	const elapsed = w.time - ch.startedAt!;
	const score = scoreOf(ch, history);
	const lines = [
		`Game ${ch.seed}: ${clock(elapsed)} of ${clock(ch.durationMs)} played, ${clock(ch.durationMs - elapsed)} to go.`,
		`Serving now: ${Math.min(ch.serving, ch.app.desired)}/${ch.app.desired} replicas.   Availability so far: ${(challengeAvailability(ch) * 100).toFixed(1)}%.`,
		`Commands: ${score.commands}   Hints: ${score.hints}`,
		'',
		'So far:',
		...timelineLines(ch, false),
		'',
	];
	return lines.join('\n');
}

/** One line per entry, narrow enough for the lesson pane of an 80-column terminal. */
function timelineLines(ch: ChallengeState, all: boolean): string[] {
	const entries = all ? ch.timeline : ch.timeline.filter(e => e.kind !== 'end');
	return entries.map(e => `${minutes(e.atMs).padStart(5)} ${e.kind === 'incident' ? '!' : ' '} ${e.text}`);
}

export function summary(ch: ChallengeState, history: string[]): string {
	const score = scoreOf(ch, history);
	const won = score.availability >= passingAvailability;
	const row = (label: string, value: string, points: number) => `${label.padEnd(13)}${value.padStart(6)}${String(points).padStart(7)}`;
	return [
		`=== Game ${ch.seed} is over ===`,
		'',
		row('Availability', `${(score.availability * 100).toFixed(1)}%`, score.availabilityPoints),
		row('Commands', String(score.commands), -score.commandPenalty),
		row('Hints', String(score.hints), -score.hintPenalty),
		row('Score', '', score.total),
		`(${freeCommands} commands free, then -${pointsPerCommand}`,
		` each; -${pointsPerHint} per hint)`,
		'',
		won ? `Won: ${passingAvailability * 100}% or more served.` : `Lost: under ${passingAvailability * 100}% served. Reset`,
		...(won ? [] : ['the step to play again.']),
		'',
		'What happened when:',
		...timelineLines(ch, true),
		'',
	].join('\n');
}
