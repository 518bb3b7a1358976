import type {AppOptions} from './app-options.ts';

/** The chapters of a session when --chapters is not given: every chapter of the lesson pack. */
export function sessionChapters(_options: AppOptions): string[] {
	return ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
}
