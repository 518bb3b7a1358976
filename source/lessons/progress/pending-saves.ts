// Saves that could not be done yet (another k8s-tutor held the lock): the program waits for them,
// a bounded time and without blocking, before it exits.
export type PendingSaves = {pending(): boolean; settle(): Promise<void>; lastResort(): void};

const stores = new Set<PendingSaves>();

export function trackPendingSaves(store: PendingSaves): void {
	stores.add(store);
}

export function hasPendingSaves(): boolean {
	return [...stores].some(store => store.pending());
}

/** Resolves when every open store has saved, or after `limitMs`. */
export async function settlePendingSaves(limitMs = 3_000): Promise<void> {
	const waiting = [...stores].filter(store => store.pending());
	if (waiting.length === 0) return;
	let timer: NodeJS.Timeout | undefined;
	const limit = new Promise<void>(resolve => (timer = setTimeout(resolve, limitMs)));
	await Promise.race([Promise.all(waiting.map(store => store.settle().catch(() => undefined))), limit]);
	clearTimeout(timer);
	// A lock still held after that long is stuck (or not a tutor's): saving unlocked beats losing progress.
	for (const store of waiting) if (store.pending()) store.lastResort();
}
