// `k8s-tutor join HOST[:PORT] --code CODE --name NAME`: the normal tutor, with progress
// mirrored to the instructor's host, the host's chapter locks honoured, and its broadcasts
// and pauses shown. Offline, the learner keeps working; events wait in a saved queue.
// Longer than ~300 lines because joining, the rejoin from saved progress and the session it opens share one link.
import {dirname} from 'node:path';
import {connectStudent, joinUrl, type StudentLink} from '../classroom/client.ts';
import {fileStore} from '../classroom/client-store.ts';
import {classroomEvents} from '../classroom/lesson-progress.ts';
import {hostSaves, mirroredStore, saveUploader, syncWithHost, type SaveUploader} from '../classroom/progress-sync.ts';
import {linkErrorText, showLinkOn, statusNotice} from '../classroom/link-notices.ts';
import {classroomMenu, isOpen, nextChapter} from '../classroom/open-chapters.ts';
import {limits, openRefs, type Pacing} from '../classroom/protocol.ts';
import {sanitizeName} from '../classroom/sanitize.ts';
import {plainLessonHooks} from '../lessons/plain-hooks.ts';
import type {Chapter} from '../lessons/parse-chapter.ts';
import {openProgressStore, type ProgressStore} from '../lessons/progress/progress-store.ts';
import type {AppIO, AppOptions} from './app-options.ts';
import {runPlainSession} from './plain-session.ts';
import {lessonPackFor, openChapter, type OpenedChapter} from './tutorial.ts';
import type {TutorController, TutorSnapshot} from './tutor-controller.ts';
import {messages} from '../i18n/catalog.ts';
import type {StudentText} from '../i18n/messages.ts';

/** `token`: the one printed at the first join, to rejoin under the same name from another computer. */
export type JoinSettings = {host: string; code: string; name: string; token?: string};

export async function runJoin(options: AppOptions, io: AppIO, settings: JoinSettings): Promise<number> {
	const complain = (text: string) => {
		io.stderr.write(`k8s-tutor: ${text}\n`);
		return 1;
	};
	const say = messages(options.lang).student;
	const name = sanitizeName(settings.name, limits.nameLength);
	if (!name) return complain(say.badName);
	const pack = lessonPackFor(options);
	if (pack.chapters.length === 0) return complain(say.noLessons(pack.dir));
	const progress = openProgressStore({configDir: options.configDir, pendingSaves: io.pendingSaves});
	// The token and the unsent events live beside the learner's progress.
	// A save that failed is told in the chapter on screen, or on stderr between chapters and in plain mode.
	const problems: ProblemSink = {};
	const tell = (text: string) => (problems.show ?? (line => io.stderr.write(`k8s-tutor: ${line}\n`)))(text);
	const store = fileStore(dirname(progress.path), settings.host, name, tell);
	progress.watchNotices?.(tell);
	if (settings.token && store.load().token !== settings.token) store.save({...store.load(), token: settings.token, studentId: undefined});
	const hadToken = store.load().token !== undefined;
	const link = connectStudent({url: joinUrl(settings.host), code: settings.code, name, appVersion: options.version, store});
	const contact = await link.firstContact();
	if (contact.state === 'rejected') {
		await link.close();
		return complain(say.cannotJoin(contact.error ? linkErrorText(contact.error, say) : say.refused));
	}
	if (contact.state !== 'online') {
		if (!hadToken) {
			await link.close();
			return complain(contact.error ? linkErrorText(contact.error, say) : say.unreachable(settings.host, 'other', ''));
		}
		io.stderr.write(`k8s-tutor: ${say.workingOffline(contact.error ? linkErrorText(contact.error, say) : settings.host)}\n`);
	}

	// Progress the host keeps for this student (another computer's) comes back first; this computer's goes up.
	const url = joinUrl(settings.host);
	const saves = hostSaves(url, () => store.load().token);
	const uploader = saveUploader(saves, progress);
	const lessonStore = mirroredStore(progress, uploader);
	// Plain mode prints it; the screen shows it in the chapter's scrollback (what is printed before the screen starts is wiped).
	let restoredLine = '';
	const sync = async (restore: boolean) => {
		try {
			const restored = await syncWithHost(saves, progress, id => uploader.changed(id), {restore});
			if (restored.length > 0) restoredLine = say.restored(restored.join(', '));
			if (restoredLine && options.plain) io.stdout.write(restoredLine + '\n');
		} catch (error) {
			tell(say.syncFailed((error as Error).message));
		}
	};
	let synced = contact.state === 'online';
	if (synced) await sync(true);
	// When the link comes back (not at every status line while online): what waits goes up.
	let wasOnline = link.status().state === 'online';
	const stopSyncing = link.subscribe(update => {
		if (update.kind !== 'status') return;
		const cameBack = update.status.state === 'online' && !wasOnline;
		wasOnline = update.status.state === 'online';
		if (!cameBack) return;
		if (!synced) {
			synced = true;
			void sync(false);
		} else if (uploader.waiting().length > 0) void uploader.flush();
	});

	const token = store.load().token;
	const tokenLine = token ? say.token(token, link.status().name) + '\n' : '';
	if (!hadToken && options.plain) io.stdout.write(tokenLine);

	let code = 0;
	// Only a person can wait for the instructor (and leaves with Ctrl-C); a script's input has an end.
	const canWait = () => options.interactiveInput;
	for (let round = 0; round < pack.chapters.length + 100; round++) {
		const chapter = nextChapter(pack.chapters, lessonStore.read(), link.status().pacing);
		if (!chapter) {
			const anyOpen = pack.chapters.some(candidate => isOpen(link.status().pacing, candidate));
			if (!canWait()) {
				io.stdout.write((anyOpen ? say.finishedOpen(joinAgain(settings)) : say.noneOpen(joinAgain(settings))) + '\n');
				break;
			}
			io.stdout.write((anyOpen ? say.waitingNext : say.waitingFirst) + '\n');
			if (!(await waitForMoreChapters(link, io, say))) break;
			continue;
		}
		// The screen shows the rejoin token in its scrollback too, not only when it ends.
		const firstLine = round !== 0 ? '' : options.plain ? say.handTypeHint : [restoredLine, hadToken ? '' : tokenLine.trim(), say.handKeyHint].filter(Boolean).join('\n');
		const result = await runChapter(chapter, options, io, link, lessonStore, say, pack.chapters, problems, firstLine);
		code = result.code;
		// In plain mode a finished chapter leads on to the next open one; on the screen, quitting means quitting.
		if (!result.done) break;
		if (!options.plain || !canWait()) {
			io.stdout.write(nextStepLine(pack.chapters, lessonStore, link.status().pacing, settings, say));
			break;
		}
	}
	stopSyncing();
	await settleUploads(uploader, 3000);
	const drained = await link.drain(3000);
	const left = link.status().queued;
	const ended = link.status();
	await link.close();
	if (ended.state === 'rejected' && ended.error) io.stderr.write(`k8s-tutor: ${linkErrorText(ended.error, say)}\n`);
	if (!hadToken && !options.plain) io.stdout.write(tokenLine);
	if (!drained && left > 0) io.stderr.write(`k8s-tutor: ${say.keptLocally(left)}\n`);
	return code;
}

/** The last saves go to the host before leaving, bounded: offline, they wait for the next join. */
async function settleUploads(uploader: SaveUploader, timeoutMs: number): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([uploader.flush(), new Promise<void>(resolve => (timer = setTimeout(resolve, timeoutMs)))]);
	clearTimeout(timer);
	uploader.stop();
}

/** Where a save problem goes: the chapter on the screen while there is one (runJoin's; stderr otherwise). */
type ProblemSink = {show?: (text: string) => void};

const joinAgain = (settings: JoinSettings) => `k8s-tutor join ${settings.host} --code ${settings.code} --name "${settings.name}"`;

function nextStepLine(chapters: Chapter[], progress: ProgressStore, pacing: Pacing | undefined, settings: JoinSettings, say: StudentText): string {
	const next = nextChapter(chapters, progress.read(), pacing);
	return (next ? say.chapterDoneNext(next.number, joinAgain(settings)) : say.chapterDoneWait(joinAgain(settings))) + '\n';
}

/** Resolves true when the instructor opens more chapters, false on Ctrl-C or when the host refuses us. */
function waitForMoreChapters(link: StudentLink, io: AppIO, say: StudentText): Promise<boolean> {
	const pacingBefore = link.status().pacing;
	const before = pacingBefore ? openRefs(pacingBefore) : [];
	return new Promise(resolve => {
		const stop = link.subscribe(update => {
			const opened = update.kind === 'pacing' ? openRefs(update.pacing).filter(ref => !before.includes(ref)) : [];
			if (opened.length > 0) {
				io.stdout.write(say.opened(opened.join(', ')) + '\n');
				finish(true);
			}
			if (update.kind === 'status' && (update.status.state === 'rejected' || update.status.state === 'closed')) finish(false);
		});
		const finish = (value: boolean) => {
			stop();
			stopListening();
			resolve(value);
		};
		const stopListening = io.onSignal(() => finish(false));
	});
}

/**
 * The classroom's own words at the prompt: "hand" raises a hand ("hand down" lowers it); the
 * answer to print, or undefined for any other line. Both the screen and plain mode use it.
 */
export function classroomLine(line: string, link: Pick<StudentLink, 'report'>, say: StudentText): string | undefined {
	const words = line.trim().toLowerCase().split(/\s+/);
	if (words[0] !== 'hand') return undefined;
	if (words.length === 1 || (words.length === 2 && words[1] === 'up')) {
		link.report({kind: 'hand', raised: true});
		return say.handRaised;
	}
	if (words.length === 2 && words[1] === 'down') {
		link.report({kind: 'hand', raised: false});
		return say.handLowered;
	}
	return say.handUsage;
}

/** In exam mode, the answer to asking for a hint or a solution; undefined when allowed. */
function examRefusal(action: string, link: Pick<StudentLink, 'status'>, say: StudentText): string | undefined {
	const exam = link.status().pacing?.exam;
	if (action === 'hint' && exam?.noHints) return say.hintsOff;
	if (action === 'solution' && exam?.noSolutions) return say.solutionsOff;
	return undefined;
}

/** While the instructor has paused the room, commands are not run; "hand" is the classroom's; exam mode keeps hints or solutions shut. */
export function inClassroom(controller: TutorController, link: Pick<StudentLink, 'report' | 'status'>, say: StudentText): TutorController {
	const notRun = () => ({state: controller.snapshot().shell, stdout: '', stderr: '', exitCode: 0, effects: []});
	// Exam mode shows in the lesson's keys line too; one snapshot object per change, as the screen expects.
	let seen: {base: TutorSnapshot; locked: string; snapshot: TutorSnapshot} | undefined;
	const snapshot = (): TutorSnapshot => {
		const base = controller.snapshot();
		const exam = link.status().pacing?.exam;
		const locked = `${Boolean(exam?.noHints)}/${Boolean(exam?.noSolutions)}`;
		if (seen?.base === base && seen.locked === locked) return seen.snapshot;
		const lesson = base.lesson && (exam?.noHints || exam?.noSolutions) ? {...base.lesson, locked: {hints: Boolean(exam.noHints), solutions: Boolean(exam.noSolutions)}} : base.lesson;
		seen = {base, locked, snapshot: lesson === base.lesson ? base : {...base, lesson}};
		return seen.snapshot;
	};
	return {
		...controller,
		snapshot,
		submit(line) {
			const answer = classroomLine(line, link, say);
			if (answer !== undefined) {
				controller.appendSystem(answer);
				return notRun();
			}
			if (!link.status().pacing?.paused) return controller.submit(line);
			controller.appendSystem(say.notRun);
			return notRun();
		},
		lessonAction(name) {
			const refusal = examRefusal(name, link, say);
			if (refusal) controller.appendSystem(refusal);
			else controller.lessonAction(name);
		},
		toggleHand() {
			const raised = !link.status().hand;
			link.report({kind: 'hand', raised});
			controller.appendSystem(raised ? say.handRaisedKey : say.handLowered);
		},
	};
}

/** On the screen, a paused room covers the dashboard with the instructor's words until it resumes. */
export function showPauseOverlay(link: Pick<StudentLink, 'status' | 'subscribe'>, controller: Pick<TutorController, 'setOverlay'>, say: StudentText): () => void {
	const show = (paused: boolean | undefined) => controller.setOverlay(paused ? say.paused : undefined);
	show(link.status().pacing?.paused);
	return link.subscribe(update => show(update.kind === 'pacing' ? update.pacing.paused : link.status().pacing?.paused));
}

type MirroredChapter = {chapter: Chapter; controller: TutorController; title: string; done(): boolean; stop(): void; session: OpenedChapter['session']};

/** A chapter whose progress goes to the host, whose commands wait while the room is paused, and which shows the link. */
function mirroredChapter(chapter: Chapter, options: AppOptions, io: AppIO, link: StudentLink, progress: ProgressStore, say: StudentText, problems: ProblemSink): MirroredChapter {
	const opened = openChapter(chapter, options, progress);
	const localized = opened.session.chapter;
	const stopMirroring = opened.session.onProgress(
		event => {
			for (const classroomEvent of classroomEvents(event, localized)) link.report(classroomEvent);
		},
		{replay: true},
	);
	const controller = inClassroom(opened.controller, link, say);
	if (!options.plain) problems.show = text => controller.appendSystem(text);
	// Plain mode prints the instructor's messages the moment they arrive; the screen puts them in the scrollback.
	const stopShowing = showLinkOn(link, options.plain ? {setNotice: notice => controller.setNotice(notice), appendSystem: text => io.stdout.write(text + '\n')} : controller, say, {id: chapter.meta.id, number: chapter.number});
	const stopOverlay = options.plain ? () => {} : showPauseOverlay(link, controller, say);
	return {
		chapter,
		controller,
		session: opened.session,
		title: `${chapter.number} ${localized.title}`,
		done: () => opened.session.chapterDone(),
		stop() {
			stopShowing();
			stopOverlay();
			problems.show = undefined;
			stopMirroring();
		},
	};
}

async function runChapter(chapter: Chapter, options: AppOptions, io: AppIO, link: StudentLink, progress: ProgressStore, say: StudentText, chapters: Chapter[], problems: ProblemSink, firstLine = ''): Promise<{code: number; done: boolean}> {
	let active = mirroredChapter(chapter, options, io, link, progress, say, problems);
	try {
		if (!options.plain) {
			if (firstLine) active.controller.appendSystem(firstLine);
			const {runInteractive} = await import('../ui/run-interactive.tsx');
			const code = await runInteractive(active.controller, options, io, {
				title: active.title,
				// The chapter menu lists only the chapters the instructor has opened.
				chapters: {
					menu: () => classroomMenu(chapters, progress.read(), link.status().pacing, options.lang),
					current: chapter.meta.id,
					open(chapterId) {
						const target = chapters.find(candidate => candidate.meta.id === chapterId);
						if (target && isOpen(link.status().pacing, target)) {
							active.stop();
							active = mirroredChapter(target, options, io, link, progress, say, problems);
						}
						return {controller: active.controller, title: active.title};
					},
				},
			});
			return {code, done: active.done()};
		}
		const session = active.session;
		const controller = active.controller;
		const lesson = plainLessonHooks(session, controller, {width: io.stdout.columns ?? 80});
		let lastState = `${link.status().state}/${link.status().pacing?.paused}`;
		// Losing the host and getting it back are told at once: a student who read "host unreachable"
		// would otherwise not hear it came back until their next command.
		let online = link.status().state === 'online';
		const stopTelling = link.subscribe(update => {
			if (update.kind !== 'status' || (update.status.state === 'online') === online || update.status.state === 'rejected' || update.status.state === 'closed') return;
			online = update.status.state === 'online';
			lastState = `${update.status.state}/${update.status.pacing?.paused}`;
			io.stdout.write(statusNotice(update.status, say) + '\n');
		});
		const code = await runPlainSession(controller, options, io, {
			...lesson,
			intro: () => [statusNotice(link.status(), say), firstLine, lesson.intro?.() ?? ''].filter(Boolean).join('\n'),
			interceptLine(line) {
				if (line === 'classroom') return statusNotice(link.status(), say);
				const answer = classroomLine(line, link, say);
				if (answer !== undefined) return answer;
				if (link.status().pacing?.paused && line) return say.notRunPlain;
				const word = line.trim().toLowerCase();
				const refusal = examRefusal(word, link, say);
				if (refusal) return refusal;
				return lesson.interceptLine?.(line);
			},
			afterCommand() {
				// A line when the connection changes, not for every event waiting for its acknowledgement.
				const status = link.status();
				const state = `${status.state}/${status.pacing?.paused}`;
				const changed = state !== lastState ? statusNotice(status, say) : '';
				lastState = state;
				return [lesson.afterCommand?.() ?? '', changed].filter(Boolean).join('\n');
			},
		}).finally(stopTelling);
		return {code, done: active.done()};
	} finally {
		active.stop();
	}
}
