// `k8s-tutor` and `k8s-tutor start <chapter>`: open a chapter (resumed where the learner left
// off), plug the lesson into the tutor controller, and run it on the screen or in plain mode.
import {memoryDisk} from '../shell/memory-disk.ts';
import {learnerRuntime} from '../shell/runtime.ts';
import {chapterMenu, findChapter} from '../lessons/chapter-menu.ts';
import {layeredDisk} from '../lessons/layered-disk.ts';
import {createLessonSession, type LessonSession} from './lesson-session.ts';
import {builtInLessonsDir, loadLessonPack, type LessonPack} from '../lessons/load-pack.ts';
import type {Chapter} from '../lessons/parse-chapter.ts';
import {plainLessonHooks} from '../lessons/plain-hooks.ts';
import {packProgressStore, packScope} from '../lessons/progress/pack-scope.ts';
import {openProgressStore, type ProgressStore} from '../lessons/progress/progress-store.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {runPlainSession} from './plain-session.ts';
import {createTutorController, type TutorController} from './tutor-controller.ts';
import {switchableController} from '../api/live-session.ts';
import {announceApi, apiBanner, runningClock, serveApi, type ApiSettings, type ServedApi} from './api-endpoint.ts';
import {dockerBanner, endpointsNotice, serveDocker, type DockerSettings, type ServedDocker} from './docker-endpoint.ts';
import {messages} from '../i18n/catalog.ts';

export type OpenedChapter = {chapter: Chapter; session: LessonSession; controller: TutorController};

/** A chapter ready to run: for runTutorial, the chapter menu screen and the classroom. */
export function openChapter(chapter: Chapter, options: AppOptions, store: ProgressStore, settings: {fresh?: boolean} = {}): OpenedChapter {
	const runtime = learnerRuntime(layeredDisk(memoryDisk(chapter.files), options.disk), options.lang);
	// On the screen, progress is written after the key's frame (the store's file lock stays off the key path); quitting flushes it.
	const schedule = options.plain ? undefined : (job: () => void) => void setImmediate(job);
	const session = createLessonSession({chapter, locale: options.lang, runtime, store, autoAdvance: options.plain, fresh: settings.fresh, schedule});
	const controller = createTutorController(session.initialShell(), runtime, session);
	// The screen shows the lesson's notices (a saved world that could not be read) as plain mode prints them.
	if (!options.plain) session.onProgress(event => event.type === 'notice' && controller.appendSystem(event.text), {replay: true});
	return {chapter, session, controller};
}

export function lessonPackFor(options: AppOptions): LessonPack {
	return loadLessonPack(options.lessonsDir ?? builtInLessonsDir());
}

/** The learner's progress as the pack in use sees it (an instructor's pack keeps its own, pack-scope.ts). */
export function progressStoreFor(options: AppOptions, io?: Pick<AppIO, 'pendingSaves'>): ProgressStore {
	return packProgressStore(openProgressStore({configDir: options.configDir, pendingSaves: io?.pendingSaves}), packScope(options.lessonsDir, builtInLessonsDir()));
}

export async function runTutorial(options: AppOptions, io: AppIO, request: {chapter?: string; fresh?: boolean; api?: ApiSettings; docker?: DockerSettings}): Promise<number> {
	const pack = lessonPackFor(options);
	if (pack.chapters.length === 0) {
		io.stderr.write(`k8s-tutor: no lessons found in ${pack.dir}${pack.problems[0] ? ` (${pack.problems[0].message})` : ''}\n`);
		return 1;
	}
	const store = progressStoreFor(options, io);
	const notices = store.takeNotices();
	const menu = chapterMenu(pack.chapters, store.read(), options.lang);
	const wanted = request.chapter ?? menu.suggested!;
	const chapter = findChapter(pack.chapters, wanted);
	if (!chapter) {
		io.stderr.write(`k8s-tutor: no chapter "${wanted}". Chapters: ${pack.chapters.map(c => `${c.number} (${c.meta.id})`).join(', ')}\n`);
		return 1;
	}
	const entry = menu.chapters.find(e => e.id === chapter.meta.id)!;
	if (entry.locked) notices.push(messages(options.lang).lesson.buildsOn(entry.number, entry.missingPrerequisites));
	const opened = openChapter(chapter, options, store, {fresh: request.fresh});
	const live = switchableController(opened.controller);
	const api = request.api ? await serveApi(live, options, io, request.api) : undefined;
	if (api && 'error' in api) {
		io.stderr.write(`k8s-tutor: ${api.error}\n`);
		return 1;
	}
	const docker = request.docker ? await serveDocker(live, options) : undefined;
	if (docker && 'error' in docker) {
		io.stderr.write(`k8s-tutor: ${docker.error}\n`);
		await api?.close();
		return 1;
	}
	try {
		return await runOpened(opened, {options, io, pack, store, notices, live, api, docker});
	} finally {
		await api?.close();
		await docker?.close();
	}
}

type Opened = {options: AppOptions; io: AppIO; pack: LessonPack; store: ProgressStore; notices: string[]; live: ReturnType<typeof switchableController>; api: ServedApi | undefined; docker?: ServedDocker | undefined};

async function runOpened(opened: OpenedChapter, {options, io, pack, store, notices, live, api, docker}: Opened): Promise<number> {
	const chapter = opened.chapter;
	const notice = endpointsNotice(options, {apiUrl: api?.url, dockerHost: docker?.dockerHost});
	if (!options.plain) {
		if (api) announceApi(opened.controller, options, api);
		if (docker) {
			opened.controller.appendSystem(dockerBanner(options, docker));
			opened.controller.setNotice(notice);
		}
		for (const notice of notices) opened.controller.appendSystem(notice);
		// Later ones (a save that failed, a lock another tutor holds) appear in the shell as they come.
		store.watchNotices?.(notice => opened.controller.appendSystem(notice));
		const {runInteractive} = await import('../ui/run-interactive.tsx');
		return runInteractive(opened.controller, options, io, {
			title: `${chapter.number} ${opened.session.chapter.title}`,
			chapters: {
				menu: () => chapterMenu(pack.chapters, store.read(), options.lang),
				current: chapter.meta.id,
				open(chapterId) {
					const next = openChapter(findChapter(pack.chapters, chapterId)!, options, store);
					live.switchTo(next.controller);
					if (notice) next.controller.setNotice(notice);
					return {controller: next.controller, title: `${next.chapter.number} ${next.session.chapter.title}`};
				},
			},
		});
	}
	store.watchNotices?.(notice => io.stderr.write(`k8s-tutor: ${notice}\n`));
	const hooks = plainLessonHooks(opened.session, opened.controller, {width: io.stdout.columns ?? 80, notices});
	if (api) io.stderr.write(apiBanner(options, api) + '\n');
	if (docker) io.stderr.write(dockerBanner(options, docker) + '\n');
	const clock = (api || docker) && options.interactiveInput ? runningClock(opened.controller) : undefined;
	try {
		await runPlainSession(opened.controller, options, io, {...hooks, clockRunsElsewhere: Boolean(clock)});
	} finally {
		clock?.stop();
	}
	return opened.session.chapterDone() ? 0 : 1;
}
