// `k8s-tutor lessons`, `reset`, `progress export|import` and `lint`.
import {createInterface} from 'node:readline';
import {chapterMenu, findChapter, formatChapterList} from '../lessons/chapter-menu.ts';
import {builtInLessonsDir} from '../lessons/load-pack.ts';
import {formatProblem, lintLessonPack} from '../lessons/lint.ts';
import {exportProgress, importProgress} from '../lessons/progress/progress-transfer.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {lessonPackFor, progressStoreFor} from './tutorial.ts';

function openStore(options: AppOptions, io: AppIO) {
	const store = progressStoreFor(options, io);
	for (const notice of store.takeNotices()) io.stderr.write(`k8s-tutor: ${notice}\n`);
	return store;
}

export async function runLessonsList(options: AppOptions, io: AppIO): Promise<number> {
	const pack = lessonPackFor(options);
	if (pack.chapters.length === 0) {
		io.stderr.write(`k8s-tutor: no lessons found in ${pack.dir}\n`);
		return 1;
	}
	const store = openStore(options, io);
	io.stdout.write(formatChapterList(chapterMenu(pack.chapters, store.read(), options.lang), options.lang) + '\n');
	return 0;
}

async function askYesNo(io: AppIO, question: string): Promise<boolean> {
	io.stdout.write(question);
	const reader = createInterface({input: io.stdin, terminal: false});
	for await (const line of reader) {
		reader.close();
		return /^\s*y(es)?\s*$/i.test(line);
	}
	return false;
}

export async function runReset(options: AppOptions, io: AppIO, request: {chapter?: string; yes: boolean}): Promise<number> {
	const store = openStore(options, io);
	let chapterId: string | undefined;
	// Each lesson pack keeps its own progress (pack-scope.ts): a reset forgets the pack in use only.
	let what = options.lessonsDir ? `all your progress in the lessons of ${options.lessonsDir}` : 'all your progress in the built-in lessons';
	if (request.chapter) {
		const chapter = findChapter(lessonPackFor(options).chapters, request.chapter);
		chapterId = chapter?.meta.id ?? (store.read().chapters[request.chapter] ? request.chapter : undefined);
		if (!chapterId) {
			io.stderr.write(`k8s-tutor: no chapter "${request.chapter}"\n`);
			return 1;
		}
		what = `your progress in chapter ${chapter ? `${chapter.number} (${chapterId})` : chapterId}`;
	}
	if (!request.yes) {
		if (!options.interactiveInput) {
			io.stderr.write(`k8s-tutor: reset forgets ${what}; not in a terminal, so it will not ask: add --yes to go ahead\n`);
			return 1;
		}
		if (!(await askYesNo(io, `Forget ${what}? This cannot be undone. [y/N] `))) {
			io.stdout.write('Nothing was reset.\n');
			return 1;
		}
	}
	const forgotten = chapterId ? [chapterId] : Object.keys(store.read().chapters);
	if (chapterId) store.updateChapter(chapterId, () => undefined);
	else store.replaceAll({version: store.read().version, chapters: {}});
	for (const id of forgotten) store.dropSnapshot(id);
	io.stdout.write(`Reset ${what}.\n`);
	return 0;
}

export async function runProgressExport(options: AppOptions, io: AppIO, file: string): Promise<number> {
	const result = exportProgress(openStore(options, io), file);
	if (!result.ok) {
		io.stderr.write(`k8s-tutor: ${result.error}\n`);
		return 1;
	}
	io.stdout.write(`Wrote progress of ${result.chapters} chapter${result.chapters === 1 ? '' : 's'} to ${file}\n`);
	return 0;
}

export async function runProgressImport(options: AppOptions, io: AppIO, file: string): Promise<number> {
	const result = importProgress(openStore(options, io), file);
	if (!result.ok) {
		io.stderr.write(`k8s-tutor: ${result.error}\n`);
		return 1;
	}
	const n = result.chapters.length;
	io.stdout.write(`Imported progress of ${n} chapter${n === 1 ? '' : 's'}${n ? `: ${result.chapters.join(', ')} (replacing what this machine had for ${n === 1 ? 'it' : 'them'})` : ''}\n`);
	return 0;
}

export async function runLint(options: AppOptions, io: AppIO, dir?: string): Promise<number> {
	const target = dir ?? options.lessonsDir ?? builtInLessonsDir();
	const report = lintLessonPack(target);
	for (const problem of report.problems) (problem.severity === 'error' ? io.stderr : io.stdout).write(formatProblem(problem) + '\n');
	const steps = report.pack.chapters.reduce((n, c) => n + c.meta.steps.length, 0);
	io.stdout.write(`${report.pack.chapters.length} chapter${report.pack.chapters.length === 1 ? '' : 's'}, ${steps} steps: ${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}\n`);
	return report.errors > 0 ? 1 : 0;
}
