// A chapter in one language: each step's text from text/<locale>.md, English where a translation is missing.
import type {Locale} from '../i18n/locale.ts';
import type {StepMeta} from './chapter-schema.ts';
import type {StepText} from './chapter-text.ts';
import {defaultLocale, type Chapter} from './parse-chapter.ts';

export type LocalizedStep = StepMeta & {text: Omit<StepText, 'line'>};

export type LocalizedChapter = {
	chapter: Chapter;
	id: string;
	number: number;
	title: string;
	description: string;
	locale: Locale;
	steps: LocalizedStep[];
};

export function localizeChapter(chapter: Chapter, locale: Locale): LocalizedChapter {
	const own = chapter.texts[locale];
	const fallback = chapter.texts[defaultLocale];
	const steps = chapter.meta.steps.map(step => {
		const mine = own?.steps.get(step.id);
		const english = fallback?.steps.get(step.id);
		const pick = <K extends keyof StepText>(key: K, empty: (v: StepText[K]) => boolean): StepText[K] | undefined =>
			mine && !empty(mine[key]) ? mine[key] : english?.[key];
		const emptyText = (v: unknown) => !v;
		const emptyList = (v: unknown) => (v as string[]).length === 0;
		const emptyRecord = (v: unknown) => Object.keys(v as object).length === 0;
		return {
			...step,
			text: {
				id: step.id,
				title: pick('title', emptyText) || step.id,
				body: pick('body', emptyText) ?? '',
				hints: pick('hints', emptyList) ?? [],
				choices: {...english?.choices, ...mine?.choices},
				explanations: {...english?.explanations, ...mine?.explanations},
				unmet: pick('unmet', emptyRecord) ?? {},
				success: pick('success', emptyText),
			},
		};
	});
	return {
		chapter,
		id: chapter.meta.id,
		number: chapter.number,
		title: own?.title || fallback?.title || chapter.meta.id,
		description: own?.description || fallback?.description || '',
		locale,
		steps,
	};
}
