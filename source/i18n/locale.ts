// The languages the tutor speaks, and the one place that reads a locale from the environment.
export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

/** LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them: any Chinese locale means zh-CN. */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
	const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return /^zh/i.test(raw) ? 'zh-CN' : 'en';
}
