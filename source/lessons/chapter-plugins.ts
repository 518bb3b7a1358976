// A chapter's special behaviour, declared in its chapter.yaml (`plugins: [challenge-score]`)
// instead of written into the generic lesson loop. A plugin is pure: it may add to the chapter's
// saved record when a step passes, and fill placeholders in a step's text from the world.
import type {Locale} from '../i18n/locale.ts';
import type {ShellState} from '../shell/types.ts';
import {expandChallengeText, withChallengeScore} from './challenge/challenge-progress.ts';
import type {ChapterPluginName} from './chapter-schema.ts';
import type {ChapterProgress} from './progress/progress-schema.ts';

export type ChapterPlugin = {
	/** After a step passed: the chapter's record with what the plugin keeps. */
	stepPassed?(record: ChapterProgress | undefined, shell: ShellState, facts: {hintsShown: number; at: string}): ChapterProgress | undefined;
	/** A step's text with the plugin's placeholders filled in. */
	expandText?(body: string, shell: ShellState, record: ChapterProgress | undefined, locale: Locale): string;
};

export const chapterPlugins: Record<ChapterPluginName, ChapterPlugin> = {
	'challenge-score': {
		stepPassed: (record, shell, facts) => withChallengeScore(record, shell, facts.hintsShown, facts.at),
		expandText: (body, shell, record, locale) => expandChallengeText(body, shell, record, locale),
	},
};

export function pluginsOf(names: readonly ChapterPluginName[]): ChapterPlugin[] {
	return names.map(name => chapterPlugins[name]);
}
