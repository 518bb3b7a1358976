// Saves that could not be done yet (another k8s-tutor held the lock): the program waits for them,
// a bounded time and without blocking, before it exits. The runner that owns the process makes
// one registry (cli.tsx) and hands it to the progress stores it opens; nothing here is global.
export type PendingSaves = {pending(): boolean; settle(): Promise<void>; lastResort(): void};

export type PendingSavesRegistry = {
	track(store: PendingSaves): void;
	has(): boolean;
	/** Resolves when every tracked store has saved, or after `limitMs`. */
	settle(limitMs?: number): Promise<void>;
};

export function createPendingSaves(): PendingSavesRegistry {
	const stores = new Set<PendingSaves>();
	return {
		track: store => void stores.add(store),
		has: () => [...stores].some(store => store.pending()),
		async settle(limitMs = 3_000) {
			const waiting = [...stores].filter(store => store.pending());
			if (waiting.length === 0) return;
			let timer: NodeJS.Timeout | undefined;
			const limit = new Promise<void>(resolve => (timer = setTimeout(resolve, limitMs)));
			await Promise.race([Promise.all(waiting.map(store => store.settle().catch(() => undefined))), limit]);
			clearTimeout(timer);
			// A lock still held after that long is stuck (or not a tutor's): saving unlocked beats losing progress.
			for (const store of waiting) if (store.pending()) store.lastResort();
		},
	};
}
