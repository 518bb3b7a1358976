// The host's chapter locks on the student's side: which chapter to work on, and which the
// chapter menu may offer. Only the host changes pacing; the student only reads it.
import type {Locale} from '../i18n/locale.ts';
import {chapterMenu, type ChapterMenu} from '../lessons/chapter-menu.ts';
import type {Chapter} from '../lessons/parse-chapter.ts';
import type {ProgressData} from '../lessons/progress/progress-schema.ts';
import {chapterOpen, type Pacing} from './protocol.ts';

export function isOpen(pacing: Pacing | undefined, chapter: Chapter): boolean {
	// Never heard from the host (joined before, offline since): nothing to honour yet.
	return pacing === undefined || chapterOpen(pacing, {id: chapter.meta.id, number: chapter.number});
}

/** The chapter to work on: the last one if still open and unfinished, else the first open unfinished one in the session's order. */
export function nextChapter(chapters: Chapter[], progress: ProgressData, pacing: Pacing | undefined): Chapter | undefined {
	const unfinished = (chapter: Chapter) => !progress.chapters[chapter.meta.id]?.completedAt;
	const last = chapters.find(chapter => chapter.meta.id === progress.lastChapter);
	if (last && isOpen(pacing, last) && unfinished(last)) return last;
	const order = pacing ? pacing.chapters.map(ref => chapters.find(chapter => chapter.meta.id === ref || String(chapter.number) === ref)).filter(chapter => chapter !== undefined) : chapters;
	return order.find(chapter => isOpen(pacing, chapter) && unfinished(chapter));
}

/** The chapter menu with only the open chapters; the instructor's order overrides prerequisite locks. */
export function classroomMenu(chapters: Chapter[], progress: ProgressData, pacing: Pacing | undefined, locale: Locale): ChapterMenu {
	const menu = chapterMenu(chapters, progress, locale);
	const open = menu.chapters.filter(entry => {
		const chapter = chapters.find(candidate => candidate.meta.id === entry.id);
		return chapter !== undefined && isOpen(pacing, chapter);
	});
	return {...menu, chapters: open.map(entry => ({...entry, locked: false, missingPrerequisites: []}))};
}
