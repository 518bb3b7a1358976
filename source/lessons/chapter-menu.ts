// The chapter menu's data: each chapter with its progress, completion tick, lock and XP.
import {messages} from '../i18n/catalog.ts';
import type {Locale} from '../i18n/locale.ts';
import {localizeChapter} from './localize.ts';
import {displayWidth} from './markdown.ts';
import type {Chapter} from './parse-chapter.ts';
import type {ProgressData} from './progress/progress-schema.ts';

export type ChapterEntry = {
	id: string;
	number: number;
	title: string;
	description: string;
	stepCount: number;
	stepsDone: number;
	done: boolean; // the chapter was completed at least once
	started: boolean;
	locked: boolean; // some prerequisite is not done yet
	missingPrerequisites: {id: string; number: number; title: string}[];
	xp: number;
	resumeStep?: {id: string; index: number; title: string}; // where `start` would pick up
};

export type ChapterMenu = {chapters: ChapterEntry[]; totalXp: number; suggested?: string};

export function chapterMenu(chapters: Chapter[], progress: ProgressData, locale: Locale): ChapterMenu {
	const done = (id: string) => Boolean(progress.chapters[id]?.completedAt);
	const byId = new Map(chapters.map(c => [c.meta.id, c]));
	const entries = chapters.map((chapter): ChapterEntry => {
		const localized = localizeChapter(chapter, locale);
		const saved = progress.chapters[chapter.meta.id];
		const stepIds = new Set(chapter.meta.steps.map(s => s.id));
		const stepsDone = Object.entries(saved?.steps ?? {}).filter(([id, s]) => s.done && stepIds.has(id)).length;
		const missing = chapter.meta.prerequisites.filter(id => !done(id)).map(id => {
			const other = byId.get(id);
			return {id, number: other?.number ?? -1, title: other ? localizeChapter(other, locale).title : id};
		});
		const resumeIndex = localized.steps.findIndex(s => s.id === saved?.currentStep);
		return {
			id: chapter.meta.id,
			number: chapter.number,
			title: localized.title,
			description: localized.description,
			stepCount: chapter.meta.steps.length,
			stepsDone,
			done: done(chapter.meta.id),
			started: Boolean(saved),
			locked: missing.length > 0,
			missingPrerequisites: missing,
			// Only steps that still exist count: a removed step's points are not shown.
			xp: Object.entries(saved?.steps ?? {}).reduce((sum, [id, s]) => sum + (stepIds.has(id) ? s.xp : 0), 0),
			resumeStep: resumeIndex >= 0 ? {id: localized.steps[resumeIndex]!.id, index: resumeIndex, title: localized.steps[resumeIndex]!.text.title} : undefined,
		};
	});
	const totalXp = Object.values(progress.chapters).reduce((sum, c) => sum + Object.values(c.steps).reduce((s, st) => s + st.xp, 0), 0);
	return {chapters: entries, totalXp, suggested: suggestChapter(entries, progress.lastChapter)};
}

/** Where `k8s-tutor` without a chapter goes: the last chapter if unfinished, else the first open one. */
export function suggestChapter(entries: ChapterEntry[], lastChapter?: string): string | undefined {
	const last = entries.find(e => e.id === lastChapter);
	if (last && !last.done) return last.id;
	return (entries.find(e => !e.done && !e.locked) ?? entries.find(e => !e.done) ?? entries[0])?.id;
}

/** A chapter by number ("2", "02") or id ("namespaces"). */
export function findChapter(chapters: Chapter[], text: string): Chapter | undefined {
	const trimmed = text.trim();
	if (/^\d+$/.test(trimmed)) return chapters.find(c => c.number === Number(trimmed));
	return chapters.find(c => c.meta.id === trimmed) ?? chapters.find(c => c.folder === trimmed);
}

/** The plain-text chapter list of `k8s-tutor lessons`: fixed columns first, the title (of any length) after them. */
export function formatChapterList(menu: ChapterMenu, locale: Locale): string {
	const say = messages(locale).menu;
	const lines = menu.chapters.flatMap(e => {
		// One column each (no emoji: screen readers and narrow terminals).
		const mark = e.done ? '✓' : e.locked ? '-' : e.started ? '>' : ' ';
		const steps = `${e.stepsDone}/${e.stepCount}`;
		// A finished chapter is open whatever its prerequisites say now (a reset of an earlier one).
		const extra = e.locked && !e.done
			? say.locked(e.missingPrerequisites.map(p => p.number).join(', '))
			: !e.done && e.resumeStep
				? say.resumeAt(e.resumeStep.title)
				: '';
		const columns = `${mark} ${String(e.number).padStart(2)}  ${steps.padStart(5)}  ${String(e.xp).padStart(4)} xp  `;
		// The note goes under the title: a long title (chapter 9) and its note never wrap mid-word at 80 columns.
		return extra ? [columns + e.title, ' '.repeat(displayWidth(columns)) + extra] : [columns + e.title];
	});
	lines.push('', say.total(menu.totalXp));
	return lines.join('\n');
}
