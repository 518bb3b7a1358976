import {successLine} from '../app/success-line.ts';
import type {TutorSnapshot} from '../app/tutor-controller.ts';
import {Lines} from './frame/lines.tsx';
import type {Segment} from './frame/styled-line.ts';
import {simClockText} from './pane/selectors/events.ts';
import {fit, textWidth} from './text-width.ts';
import {makeTheme, useTheme, type Theme} from './theme.tsx';
import {useUiText} from './ui-text.ts';
import type {UiText} from '../i18n/messages.ts';

/**
 * Whether the notice (the classroom's line: connection, hand, pause, time box) gets a line of its
 * own above the bar: when the bar cannot show it beside the whole chapter title (80 columns), it
 * wraps rather than cutting the title down to its number.
 */
export function noticeOnOwnLine(snapshot: TutorSnapshot, title: string, focus: keyof UiText['focus'], width: number, text: UiText, cheer?: string): boolean {
	if (cheer || !snapshot.notice) return false;
	const {left, right} = statusParts(snapshot, title, focus, makeTheme(false), text, undefined, true);
	return left.reduce((n, s) => n + textWidth(s.text), 0) + textWidth(right) > width;
}

function statusParts(snapshot: TutorSnapshot, title: string, focus: keyof UiText['focus'], theme: Theme, text: UiText, cheer: string | undefined, withNotice: boolean): {left: Segment[]; right: string} {
	const lesson = snapshot.lesson;
	const left: Segment[] = [];
	const sep = {text: ' · ', dim: theme.dim};
	if (lesson) {
		left.push({text: ` ${lesson.chapterNumber} ${lesson.chapterTitle}`, bold: true});
		left.push(sep, {text: `${lesson.kind === 'task' ? text.task : text.step} ${lesson.stepIndex + 1}/${lesson.stepCount}`});
		left.push(sep, {text: `${lesson.xp} xp`, color: theme.ok});
	} else left.push({text: ` ${title}`, bold: true});
	left.push(sep, snapshot.paused ? {text: text.paused, color: theme.warn, bold: true} : {text: `▶ ${snapshot.speed}x`, color: snapshot.speed > 1 ? theme.warn : undefined});
	if (focus !== 'prompt') left.push(sep, {text: text.focus[focus], color: theme.accent});
	if (cheer) left.push(sep, {text: successLine(cheer), color: theme.ok, bold: true});
	else if (snapshot.notice && withNotice) left.push(sep, {text: snapshot.notice, color: theme.warn});
	left.push(sep, {text: text.keysHint, dim: theme.dim});
	const right = ` ${text.simClock} ${simClockText(snapshot.world.time)} `;
	return {left, right};
}

/** chapter · task n/m · xp · speed or paused · notice · ? keys ........ virtual clock (`withNotice` false: the notice is on its own line). */
export function statusSegments(snapshot: TutorSnapshot, title: string, focus: keyof UiText['focus'], width: number, theme: Theme, text: UiText, cheer?: string, withNotice = true): Segment[] {
	const lesson = snapshot.lesson;
	const {left, right} = statusParts(snapshot, title, focus, theme, text, cheer, withNotice);
	const used = left.reduce((n, s) => n + textWidth(s.text), 0);
	const gap = width - used - textWidth(right);
	if (gap < 0) {
		// Too narrow: the chapter title gives way first (down to its number), then the clock.
		const title = left[0]!;
		const shorter = Math.max(lesson ? String(lesson.chapterNumber).length + 2 : 6, textWidth(title.text) + gap);
		left[0] = {...title, text: fit(title.text, shorter).trimEnd()};
		const usedNow = left.reduce((n, s) => n + textWidth(s.text), 0);
		if (usedNow + textWidth(right) <= width) return [...left, {text: ' '.repeat(width - usedNow - textWidth(right))}, {text: right, dim: theme.dim}];
		let room = width;
		return left.map(s => {
			const text = fit(s.text, Math.max(0, Math.min(textWidth(s.text), room)));
			room -= textWidth(text);
			return {...s, text};
		});
	}
	return [...left, {text: ' '.repeat(gap)}, {text: right, dim: theme.dim}];
}

/** One line, or two when the notice has a line of its own (`noticeLine`, which the layout made room for). */
export function StatusBar({snapshot, title, focus, width, cheer, noticeLine = false}: {snapshot: TutorSnapshot; title: string; focus: keyof UiText['focus']; width: number; cheer?: string; noticeLine?: boolean}) {
	const theme = useTheme();
	const text = useUiText();
	const bar = (segments: Segment[]) => segments.map(s => (theme.color ? {...s, backgroundColor: s.backgroundColor ?? 'gray'} : {...s, inverse: true}));
	const main = {segments: bar(statusSegments(snapshot, title, focus, width, theme, text, cheer, !noticeLine))};
	if (!noticeLine || !snapshot.notice) return <Lines lines={[main]} width={width} height={1} />;
	const notice = fit(` ${snapshot.notice}`, width);
	return <Lines lines={[{segments: bar([{text: notice, color: theme.warn}])}, main]} width={width} height={2} />;
}
