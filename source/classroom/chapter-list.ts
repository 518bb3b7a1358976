import {messages} from '../i18n/catalog.ts';
import type {HostCommandText} from '../i18n/messages.ts';

/** `--chapters 1-3,5` or `--chapters namespaces,cgroups` -> ['1','2','3','5'] / ids as given. */
export function parseChapterList(raw: string, say: HostCommandText = messages('en').hostCommand): {chapters: string[]} | {error: string} {
	const chapters: string[] = [];
	for (const part of raw.split(',').map(piece => piece.trim()).filter(Boolean)) {
		const range = part.match(/^(\d+)\s*-\s*(\d+)$/);
		if (range) {
			const from = Number(range[1]);
			const to = Number(range[2]);
			if (to < from || to - from > 200) return {error: say.badRange(part)};
			for (let n = from; n <= to; n++) chapters.push(String(n));
		} else if (/^[A-Za-z0-9][\w-]{0,79}$/.test(part)) chapters.push(/^\d+$/.test(part) ? String(Number(part)) : part);
		else return {error: say.notAChapter(part)};
	}
	if (chapters.length === 0) return {error: say.noChapters};
	return {chapters: [...new Set(chapters)]};
}
