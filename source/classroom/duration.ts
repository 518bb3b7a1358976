// Durations as an instructor types them: 5m, 90s, 2m30s, 1h; a bare number is minutes.

const units: Record<string, number> = {h: 3_600_000, m: 60_000, s: 1000};

/** Milliseconds, or undefined when `text` is not a duration. */
export function parseDuration(text: string): number | undefined {
	const trimmed = text.trim().toLowerCase();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * units.m!);
	if (!/^(\d+(\.\d+)?[hms])+$/.test(trimmed)) return undefined;
	let total = 0;
	for (const [, amount, unit] of trimmed.matchAll(/(\d+(?:\.\d+)?)([hms])/g)) total += Number(amount) * units[unit!]!;
	return Math.round(total);
}
