import type {AppOptions} from './app-options.ts';
import {lessonPackFor} from './tutorial.ts';

/** The chapters of a session when --chapters is not given: every chapter of the lesson pack, by number. */
export function sessionChapters(options: AppOptions): string[] {
	const numbers = lessonPackFor(options).chapters.map(chapter => String(chapter.number));
	return numbers.length > 0 ? numbers : ['1'];
}
