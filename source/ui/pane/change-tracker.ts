// Which watched cells changed recently: a pure step over the previous values, so a test can
// say "the pod's status cell changed at t=5 s, still lit at 6 s, dark at 8 s".

export const highlightMs = 2000;

export type ChangeTracker = {scope: string; values: Map<string, string>; changedAt: Map<string, number>};

export function trackChanges(previous: ChangeTracker | undefined, scope: string, values: Map<string, string>, now: number): ChangeTracker {
	// A new scope (another depth, another host) is not a change: start over without lighting anything.
	if (!previous || previous.scope !== scope) return {scope, values, changedAt: new Map()};
	const changedAt = new Map<string, number>();
	for (const [key, at] of previous.changedAt) if (now - at < highlightMs && values.has(key)) changedAt.set(key, at);
	for (const [key, value] of values) {
		const before = previous.values.get(key);
		if (before !== value) changedAt.set(key, now);
	}
	return {scope, values, changedAt};
}

export function litCells(tracker: ChangeTracker, now: number): Set<string> {
	const out = new Set<string>();
	for (const [key, at] of tracker.changedAt) if (now - at < highlightMs) out.add(key);
	return out;
}

/** When the next lit cell goes dark, or undefined when none is lit. */
export function nextExpiry(tracker: ChangeTracker, now: number): number | undefined {
	let next: number | undefined;
	for (const at of tracker.changedAt.values()) {
		const end = at + highlightMs;
		if (end > now && (next === undefined || end < next)) next = end;
	}
	return next;
}
