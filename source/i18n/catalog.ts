// The one place that picks a locale's words: its translation, message by message, with English
// for whatever it does not translate yet.
import {en} from './en.ts';
import type {Locale} from './locale.ts';
import type {Messages, Translation} from './messages.ts';
import {zhCN} from './zh-CN.ts';

/** Every locale but English, which is the reference every message falls back to. */
const translations: Record<Exclude<Locale, 'en'>, Translation> = {'zh-CN': zhCN};

const merged = new Map<Locale, Messages>();

/** The tutor's words in this locale; a message it lacks is the English one. */
export function messages(locale: Locale): Messages {
	if (locale === 'en' || !(locale in translations)) return en;
	let found = merged.get(locale);
	if (!found) merged.set(locale, (found = withFallback(translations[locale])));
	return found;
}

/** The messages (dotted paths such as `ui.pane.noCluster`) a locale does not translate: lint lists them. */
export function missingMessages(locale: Locale, translation: Translation | undefined = locale === 'en' ? en : translations[locale]): string[] {
	const missing: string[] = [];
	const walk = (reference: object, translated: Record<string, unknown> | undefined, path: string) => {
		for (const [key, value] of Object.entries(reference)) {
			const there = translated?.[key];
			if (isGroup(value)) walk(value, isGroup(there) ? there : undefined, path + key + '.');
			else if (there === undefined) missing.push(path + key);
		}
	};
	walk(en, translation as Record<string, unknown> | undefined, '');
	return missing;
}

/** A translation completed with the English message wherever it has none. */
export function withFallback(translation: Translation): Messages {
	return overlay(en, translation) as Messages;
}

function overlay(reference: Record<string, unknown>, translated: Record<string, unknown> | undefined): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(reference)) {
		const there = translated?.[key];
		result[key] = isGroup(value) ? overlay(value, isGroup(there) ? there : undefined) : (there ?? value);
	}
	return result;
}

/** A group of messages (a plain object), as opposed to one message (a string or a function). */
function isGroup(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
