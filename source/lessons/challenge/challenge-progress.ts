// The bridge between the final challenge's game (in the world) and the lessons engine, as the chapter
// plugin "challenge-score" (chapter-plugins.ts): the score of a won game goes into the high-score
// table kept with progress, and the summary step's text `{{challenge-game}}` and
// `{{challenge-high-scores}}` become the score and timeline, and that table.
import {messages} from '../../i18n/catalog.ts';
import type {Locale} from '../../i18n/locale.ts';
import {scoreOf, summary} from '../../shell/commands/challenge/challenge-report.ts';
import type {ShellState} from '../../shell/types.ts';
import type {ChapterProgress} from '../progress/progress-schema.ts';
import {highScoreLimit, type HighScore} from './high-score-schema.ts';

/** In a step's text: the finished game's summary, and the high-score table. */
export const gamePlaceholder = '{{challenge-game}}';
export const highScoresPlaceholder = '{{challenge-high-scores}}';

/** The chapter's record with the finished game added to its table (once per game), best scores first. */
export function withChallengeScore(record: ChapterProgress | undefined, shell: ShellState, lessonHints: number, at: string): ChapterProgress | undefined {
	const ch = shell.world.challenge;
	if (!ch?.finished) return record;
	const score = scoreOf(ch, shell.session.history, lessonHints);
	const entry: HighScore = {seed: ch.seed, score: score.total, availability: Number(score.availability.toFixed(4)), commands: score.commands, hints: score.hints, at};
	const base: ChapterProgress = record ?? {steps: {}};
	const table = [...(base.highScores ?? []), entry].sort((a, b) => b.score - a.score || a.at.localeCompare(b.at)).slice(0, highScoreLimit);
	return {...base, highScores: table};
}

export function highScoreTable(scores: HighScore[], mark?: string, locale: Locale = 'en'): string {
	const t = messages(locale).challenge;
	if (scores.length === 0) return t.noWins;
	const rows = scores.map((s, i) => t.highScoreRow(String(i + 1).padStart(2), String(s.score).padStart(5), String(s.seed).padEnd(5), (s.availability * 100).toFixed(1).padStart(5)) + (s.at === mark ? ' ◄' : ''));
	return [t.highScoreHeader, ...rows].join('\n');
}

/** The summary step's text with the game's summary and the table in place of the placeholders. */
export function expandChallengeText(body: string, shell: ShellState, progress: ChapterProgress | undefined, locale: Locale = 'en'): string {
	if (!body.includes(gamePlaceholder) && !body.includes(highScoresPlaceholder)) return body;
	const ch = shell.world.challenge;
	const scores = progress?.highScores ?? [];
	const played = ch?.finished ? '```\n' + summary(ch, shell.session.history, locale).trimEnd() + '\n```' : '';
	const table = '```\n' + highScoreTable(scores, scores.find(s => ch && s.seed === ch.seed)?.at, locale) + '\n```';
	return body.replace(gamePlaceholder, played).replace(highScoresPlaceholder, table);
}
