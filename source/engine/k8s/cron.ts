// Cron schedules as the CronJob controller reads them (robfig/cron's standard 5 fields plus the
// @hourly-style macros), evaluated in UTC on the world's virtual clock.

export type Schedule = {minute: Set<number>; hour: Set<number>; dom: Set<number>; month: Set<number>; dow: Set<number>; domStar: boolean; dowStar: boolean};

const macros: Record<string, string> = {'@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *'};
const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function field(text: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> | string {
	const out = new Set<number>();
	const value = (s: string): number => {
		const i = names.indexOf(s.toLowerCase());
		return i >= 0 ? i + nameBase : /^\d+$/.test(s) ? Number(s) : NaN;
	};
	for (const part of text.split(',')) {
		const [range, stepText] = part.split('/') as [string, string | undefined];
		const step = stepText === undefined ? 1 : Number(stepText);
		if (!Number.isInteger(step) || step < 1) return `failed to parse int from ${stepText}: strconv.Atoi: parsing "${stepText}": invalid syntax`;
		let lo: number;
		let hi: number;
		if (range === '*' || range === '?') [lo, hi] = [min, max];
		else if (range.includes('-')) {
			const [a, b] = range.split('-') as [string, string];
			[lo, hi] = [value(a), value(b)];
		} else {
			lo = value(range);
			hi = stepText === undefined ? lo : max;
		}
		if (Number.isNaN(lo) || Number.isNaN(hi)) return `failed to parse int from ${range}: strconv.Atoi: parsing "${range}": invalid syntax`;
		if (lo < min) return `beginning of range (${lo}) below minimum (${min}): ${part}`;
		if (hi > max) return `end of range (${hi}) above maximum (${max}): ${part}`;
		if (lo > hi) return `beginning of range (${lo}) beyond end of range (${hi}): ${part}`;
		for (let v = lo; v <= hi; v += step) out.add(v);
	}
	return out;
}

/** The schedule, or the parser's error message. */
export function parseSchedule(text: string): Schedule | string {
	const spec = macros[text.trim()] ?? text.trim();
	const parts = spec.split(/\s+/).filter(Boolean);
	if (parts.length !== 5) return `expected exactly 5 fields, found ${parts.length}: ${text}`;
	const minute = field(parts[0]!, 0, 59);
	const hour = field(parts[1]!, 0, 23);
	const dom = field(parts[2]!, 1, 31);
	const month = field(parts[3]!, 1, 12, monthNames, 1);
	const dow = field(parts[4]!.replace(/\b7\b/g, '0'), 0, 6, dayNames);
	for (const f of [minute, hour, dom, month, dow]) if (typeof f === 'string') return f;
	return {minute, hour, dom, month, dow, domStar: parts[2] === '*' || parts[2] === '?', dowStar: parts[4] === '*' || parts[4] === '?'} as Schedule;
}

function dayMatches(s: Schedule, d: Date): boolean {
	const dom = s.dom.has(d.getUTCDate());
	const dow = s.dow.has(d.getUTCDay());
	if (s.domStar || s.dowStar) return dom && dow;
	return dom || dow;
}

/** The first scheduled instant strictly after `afterMs` (epoch ms), searching at most five years ahead. */
export function nextRun(s: Schedule, afterMs: number): number | undefined {
	const d = new Date(Math.floor(afterMs / 60_000) * 60_000 + 60_000);
	const limit = afterMs + 5 * 366 * 86_400_000;
	while (d.getTime() <= limit) {
		if (!s.month.has(d.getUTCMonth() + 1)) {
			d.setUTCMonth(d.getUTCMonth() + 1, 1);
			d.setUTCHours(0, 0, 0, 0);
			continue;
		}
		if (!dayMatches(s, d)) {
			d.setUTCDate(d.getUTCDate() + 1);
			d.setUTCHours(0, 0, 0, 0);
			continue;
		}
		if (!s.hour.has(d.getUTCHours())) {
			d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
			continue;
		}
		if (!s.minute.has(d.getUTCMinutes())) {
			d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
			continue;
		}
		return d.getTime();
	}
	return undefined;
}
