// Real time for the dashboard, injectable so tests drive it by hand and never wait on timers.

export type Clock = {
	now(): number; // ms
	/** Calls `fn` every `ms` until the returned function is called. */
	every(ms: number, fn: () => void): () => void;
	/** Calls `fn` once after `ms`; returns a cancel function. */
	after(ms: number, fn: () => void): () => void;
};

export const realClock: Clock = {
	now: () => performance.now(),
	every(ms, fn) {
		const timer = setInterval(fn, ms);
		return () => clearInterval(timer);
	},
	after(ms, fn) {
		const timer = setTimeout(fn, ms);
		return () => clearTimeout(timer);
	},
};

export type ManualClock = Clock & {
	/** Moves time forward, firing every timer that falls due, in order. */
	advance(ms: number): void;
};

export function manualClock(start = 0): ManualClock {
	let now = start;
	let nextId = 1;
	const timers = new Map<number, {due: number; every?: number; fn: () => void}>();
	const add = (ms: number, fn: () => void, repeat: boolean) => {
		const id = nextId++;
		timers.set(id, {due: now + ms, every: repeat ? Math.max(1, ms) : undefined, fn});
		return () => void timers.delete(id);
	};
	return {
		now: () => now,
		every: (ms, fn) => add(ms, fn, true),
		after: (ms, fn) => add(ms, fn, false),
		advance(ms) {
			const end = now + ms;
			for (;;) {
				let nextTimer: [number, {due: number; every?: number; fn: () => void}] | undefined;
				for (const entry of timers) if (entry[1].due <= end && (!nextTimer || entry[1].due < nextTimer[1].due)) nextTimer = entry;
				if (!nextTimer) break;
				const [id, timer] = nextTimer;
				now = timer.due;
				if (timer.every) timer.due += timer.every;
				else timers.delete(id);
				timer.fn();
			}
			now = end;
		},
	};
}
