// Shows the classroom link on the learner's screen: connection state in the status bar,
// broadcasts as a system line, and the instructor's pause.
import type {LinkStatus, StudentLink} from './client.ts';

export type NoticeTarget = {setNotice(notice: string | undefined): void; appendSystem(text: string): void};

export function statusNotice(status: LinkStatus): string {
	const queued = status.queued > 0 ? `, ${status.queued} to send` : '';
	const paused = status.pacing?.paused ? ' · PAUSED by the instructor: eyes on the front' : '';
	switch (status.state) {
		case 'online':
			return `classroom: ${status.name} · online${queued}${paused}`;
		case 'connecting':
			return `classroom: connecting…${queued}`;
		case 'offline':
			return `classroom: host unreachable, working offline (progress kept${queued}; retrying)${paused}`;
		case 'rejected':
			return `classroom: ${status.error?.message ?? 'refused by the host'}`;
		case 'closed':
			return 'classroom: left the session';
	}
}

export function showLinkOn(link: StudentLink, target: NoticeTarget): () => void {
	let paused = link.status().pacing?.paused ?? false;
	let openCount = link.status().pacing?.openCount;
	target.setNotice(statusNotice(link.status()));
	return link.subscribe(update => {
		if (update.kind === 'status') target.setNotice(statusNotice(update.status));
		if (update.kind === 'broadcast') target.appendSystem(`📣 Instructor: ${update.text}`);
		if (update.kind === 'pacing') {
			if (update.pacing.paused !== paused) target.appendSystem(update.pacing.paused ? '⏸ The instructor paused the room: eyes on the front.' : '▶ The instructor resumed the room.');
			if (openCount !== undefined && update.pacing.openCount > openCount) {
				target.appendSystem(`🔓 The instructor opened chapter ${update.pacing.chapters.slice(openCount, update.pacing.openCount).join(', ')}.`);
			}
			paused = update.pacing.paused;
			openCount = update.pacing.openCount;
			target.setNotice(statusNotice(link.status()));
		}
	});
}
