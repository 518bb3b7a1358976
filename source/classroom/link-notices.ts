// Shows the classroom link on the learner's screen: connection state in the status bar,
// broadcasts as a system line, and the instructor's pause.
import type {LinkError, LinkStatus, StudentLink} from './client.ts';
import {chapterOpen, openRefs} from './protocol.ts';
import {minutesLeft, timeOfDay} from './timebox.ts';
import {messages} from '../i18n/catalog.ts';
import type {StudentText} from '../i18n/messages.ts';

export type NoticeTarget = {setNotice(notice: string | undefined): void; appendSystem(text: string): void};

export function statusNotice(status: LinkStatus, say: StudentText = messages('en').student, now = Date.now()): string {
	const queued = (status.queued > 0 ? say.toSend(status.queued) : '') + closingSoon(status, say, now);
	const exam = status.pacing?.exam;
	const paused = (status.hand ? say.handSuffix : '') + (status.pacing?.paused ? say.pausedSuffix : '') + (exam && (exam.noHints || exam.noSolutions) ? say.examSuffix(exam.noHints, exam.noSolutions) : '');
	switch (status.state) {
		case 'online':
			return say.online(status.name, queued) + paused;
		case 'connecting':
			return say.connecting(queued);
		case 'offline':
			return say.offline(queued) + paused;
		case 'rejected':
			if (status.error?.code === 'ended') return say.ended;
			return say.rejected(status.error ? linkErrorText(status.error, say) : say.refused);
		case 'closed':
			return say.left;
	}
}

/** Why the host refused us or could not be reached, in the student's language. */
export function linkErrorText(error: LinkError, say: StudentText): string {
	const params = error.params ?? {};
	switch (error.code) {
		case 'wrong-code':
			return say.wrongCode;
		case 'room-full':
			return say.roomFull(params.capacity);
		case 'version-mismatch':
			return say.versionMismatch(params.hostVersion);
		case 'name-taken':
			if (params.name !== undefined && params.other !== undefined) return say.looksLike(params.name, params.other);
			return params.name !== undefined ? say.nameTaken(params.name) : error.message;
		case 'bad-name':
			return say.nameRefused;
		case 'removed':
			return say.removed;
		case 'ended':
			return say.ended;
		case 'slow-down':
			return say.slowDown;
		case 'replaced':
			return say.replaced(params.name ?? '');
		case 'unreachable':
			return params.where !== undefined && params.reason ? say.unreachable(params.where, params.reason, params.detail ?? '') : error.message;
		default:
			return error.message;
	}
}

/** The next time box of an open chapter, as a countdown for the status line. */
function closingSoon(status: LinkStatus, say: StudentText, now: number): string {
	const pacing = status.pacing;
	if (!pacing?.closing?.length) return '';
	const open = openRefs(pacing);
	const next = pacing.closing.filter(box => open.includes(box.chapter)).sort((a, b) => a.at - b.at)[0];
	return next ? say.closesIn(next.chapter, timeOfDay(next.at), minutesLeft(next.at, now)) : '';
}

const closingTimes = (pacing: LinkStatus['pacing']) => new Map((pacing?.closing ?? []).map(box => [box.chapter, box.at]));

/** `current`: the chapter the student is in, to tell them when the instructor closes it. */
export function showLinkOn(link: StudentLink, target: NoticeTarget, say: StudentText = messages('en').student, current?: {id: string; number: number}): () => void {
	let paused = link.status().pacing?.paused ?? false;
	const pacingNow = link.status().pacing;
	let open = pacingNow ? openRefs(pacingNow) : undefined;
	let closing = closingTimes(pacingNow);
	target.setNotice(statusNotice(link.status(), say));
	// A time box counts down on the status line.
	const ticking = setInterval(() => {
		if (link.status().pacing?.closing?.length) target.setNotice(statusNotice(link.status(), say));
	}, 15_000);
	ticking.unref();
	const unsubscribe = link.subscribe(update => {
		if (update.kind === 'status') target.setNotice(statusNotice(update.status, say));
		if (update.kind === 'broadcast') target.appendSystem(say.broadcast(update.text));
		if (update.kind === 'message') target.appendSystem(say.message(update.text));
		if (update.kind === 'status' && update.status.state === 'rejected' && update.status.error?.code === 'ended') target.appendSystem(say.ended);
		if (update.kind === 'pacing') {
			const now = openRefs(update.pacing);
			if (current && open !== undefined) {
				const before = {...update.pacing, open};
				if (chapterOpen(before, current) && !chapterOpen(update.pacing, current)) target.appendSystem(say.chapterClosed(String(current.number)));
			}
			if (update.pacing.paused !== paused) target.appendSystem(update.pacing.paused ? say.paused : say.resumed);
			const opened = open === undefined ? [] : now.filter(ref => !open!.includes(ref));
			if (opened.length > 0) target.appendSystem(say.opened(opened.join(', ')));
			const closingNow = closingTimes(update.pacing);
			for (const [chapter, at] of closingNow) if (closing.get(chapter) !== at && now.includes(chapter)) target.appendSystem(say.timeboxSet(chapter, timeOfDay(at), minutesLeft(at, Date.now())));
			for (const chapter of closing.keys()) if (!closingNow.has(chapter) && now.includes(chapter)) target.appendSystem(say.timeboxRemoved(chapter));
			paused = update.pacing.paused;
			open = now;
			closing = closingNow;
			target.setNotice(statusNotice(link.status(), say));
		}
	});
	return () => {
		clearInterval(ticking);
		unsubscribe();
	};
}
