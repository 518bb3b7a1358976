// What `challenge` prints: the briefing before a game, the live status during it, and the
// summary (score, and what went wrong when) after it, in the learner's language.
import {challengeAvailability, passingAvailability} from '../../../engine/challenge/advance-challenge.ts';
import type {ChallengeState, TimelineEntry} from '../../../engine/challenge/challenge-types.ts';
import {challengeScore, commandsSince, freeCommands, pointsPerCommand, pointsPerHint, type Score} from '../../../engine/challenge/challenge-score.ts';
import type {World} from '../../../engine/world.ts';
import {messages} from '../../../i18n/catalog.ts';
import type {Locale} from '../../../i18n/locale.ts';
import type {ChallengeText} from '../../../i18n/messages.ts';
import {textWidth} from '../../../i18n/cell-width.ts';
import {clock, minutes} from './world-facts.ts';

const words = (locale: Locale | undefined): ChallengeText => messages(locale ?? 'en').challenge;

export function briefing(ch: ChallengeState, locale?: Locale): string {
	return [...words(locale).briefing(ch.app.deployment, ch.app.desired, ch.durationMs / 60_000, pointsPerCommand, freeCommands, pointsPerHint), ''].join('\n');
}

export function scoreOf(ch: ChallengeState, history: string[], extraHints = 0): Score {
	return challengeScore({availability: challengeAvailability(ch), commands: commandsSince(history, ch.historyStart), hints: ch.hintsUsed + extraHints});
}

export function status(w: World, ch: ChallengeState, history: string[], locale?: Locale): string {
	const t = words(locale);
	const elapsed = w.time - ch.startedAt!;
	const score = scoreOf(ch, history);
	const lines = [
		t.status(ch.seed, clock(elapsed), clock(ch.durationMs), clock(ch.durationMs - elapsed)),
		t.servingNow(Math.min(ch.serving, ch.app.desired), ch.app.desired, (challengeAvailability(ch) * 100).toFixed(1)),
		t.counts(score.commands, score.hints),
		'',
		t.soFar,
		...timelineLines(ch, false, t),
		'',
	];
	return lines.join('\n');
}

/** One line per entry, narrow enough for the lesson pane of an 80-column terminal. */
function timelineLines(ch: ChallengeState, all: boolean, t: ChallengeText): string[] {
	const entries = all ? ch.timeline : ch.timeline.filter(e => e.kind !== 'end');
	return entries.map(e => `${minutes(e.atMs).padStart(5)} ${e.kind === 'incident' ? '!' : ' '} ${entryText(ch, e, t)}`);
}

/** The entry in the learner's language: the engine keeps it in English, with what it is about. */
function entryText(ch: ChallengeState, e: TimelineEntry, t: ChallengeText): string {
	const desired = ch.app.desired;
	if (e.kind === 'start') return t.gameStarts(ch.seed, Math.min(e.serving ?? desired, desired), desired);
	if (e.kind === 'serving' && e.serving !== undefined) return t.serving(Math.min(e.serving, desired), desired);
	if (e.kind === 'end') return t.timeUp((challengeAvailability(ch) * 100).toFixed(1));
	const english = messages('en').challenge;
	const incident = ch.incidents.find(i => i.fired && english.incident(i.kind, i.target) === e.text);
	return incident ? t.incident(incident.kind, incident.target) : e.text;
}

export function summary(ch: ChallengeState, history: string[], locale?: Locale): string {
	const t = words(locale);
	const score = scoreOf(ch, history);
	const won = score.availability >= passingAvailability;
	const labelWidth = 13;
	const row = (label: string, value: string, points: number) => `${label}${' '.repeat(Math.max(1, labelWidth - textWidth(label)))}${value.padStart(6)}${String(points).padStart(7)}`;
	return [
		t.over(ch.seed),
		'',
		row(t.rows.availability, `${(score.availability * 100).toFixed(1)}%`, score.availabilityPoints),
		row(t.rows.commands, String(score.commands), -score.commandPenalty),
		row(t.rows.hints, String(score.hints), -score.hintPenalty),
		row(t.rows.score, '', score.total),
		...t.rules(freeCommands, pointsPerCommand, pointsPerHint),
		'',
		...(won ? t.won(passingAvailability * 100) : t.lost(passingAvailability * 100)),
		'',
		t.whatHappened,
		...timelineLines(ch, true, t),
		'',
	].join('\n');
}
