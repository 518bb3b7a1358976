// The languages the tutor speaks, and the one place that reads a locale from a tag, the
// environment or a browser's Accept-Language.
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/**
 * A locale for a language tag as POSIX (`zh_CN.UTF-8`) or BCP 47 (`zh-Hans-CN`, `en-GB`) writes it:
 * the exact locale, else the first one of the same language (any Chinese is zh-CN), else undefined.
 */
export function parseLocale(tag: string | undefined): Locale | undefined {
	const clean = (tag ?? '').trim().replace(/[.@].*$/, '').replaceAll('_', '-').toLowerCase();
	if (!clean) return undefined;
	const exact = locales.find(l => l.toLowerCase() === clean);
	if (exact) return exact;
	const language = clean.split('-')[0];
	return locales.find(l => l.toLowerCase().split('-')[0] === language);
}

/** LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them; English when none names a language the tutor speaks. */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
	const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return parseLocale(raw) ?? 'en';
}

/** The first language of an Accept-Language header that the tutor speaks; English otherwise. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
	for (const part of (header ?? '').split(',')) {
		const found = parseLocale(part.split(';')[0]);
		if (found) return found;
	}
	return 'en';
}
