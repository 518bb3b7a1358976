// Time boxes as the instructor types them: "2 at 11:30", "2 in 20m", "2 never".
import {parseDuration} from './duration.ts';
import {messages} from '../i18n/catalog.ts';
import type {HostCommandText} from '../i18n/messages.ts';

export type TimeboxRequest = {chapter: string; closesAt: number | null} | {error: string};

export const timeboxUsage = messages('en').hostCommand.timeboxUsage;

/** `now` is the host's clock; a time of day already past means tomorrow is not meant: it is refused. */
export function parseTimebox(text: string, now: number, say: HostCommandText = messages('en').hostCommand): TimeboxRequest {
	const [chapter, how, when, ...extra] = text.trim().split(/\s+/);
	if (!chapter || extra.length > 0) return {error: say.timeboxUsage};
	if (how === 'never' && when === undefined) return {chapter, closesAt: null};
	if (how === 'in' && when) {
		const ms = parseDuration(when);
		return ms === undefined || ms <= 0 ? {error: say.notDuration(when)} : {chapter, closesAt: now + ms};
	}
	if (how === 'at' && when) {
		const match = /^(\d{1,2}):(\d{2})$/.exec(when);
		if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return {error: say.notTimeOfDay(when)};
		const at = new Date(now);
		at.setHours(Number(match[1]), Number(match[2]), 0, 0);
		if (at.getTime() <= now) return {error: say.alreadyPassed(when)};
		return {chapter, closesAt: at.getTime()};
	}
	return {error: say.timeboxUsage};
}

export function timeOfDay(at: number): string {
	const date = new Date(at);
	return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Whole minutes left, rounded up: "closes in 1 min" until the very end. */
export const minutesLeft = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 60_000));
