// Who may try to join, and how fast. The code is checked first and a correct code is never
// slowed down; only wrong guesses pay. Each address gets a few typos free, then waits longer
// for every answer (doubling); and all wrong guesses together share one budget per minute, so
// guessing from many addresses at once is slowed as much as guessing from one. Time is passed
// in, so tests need no clock.
import {tokenBucket, type RateLimiter} from './rate-limit.ts';

export const guardLimits = {
	/** Wrong codes from one address answered at once; after these, each answer waits longer. */
	freeWrongPerAddress: 3,
	firstDelayMs: 1000,
	maxDelayMs: 30_000,
	/** An address's wrong guesses are forgotten this long after its last one. */
	forgetAfterMs: 10 * 60_000,
	/** Wrong guesses per minute from everyone together before the room counts as under attack. */
	wrongPerMinute: 60,
	/** While the budget is spent, every wrong answer waits at least this long. */
	stormDelayMs: 10_000,
	/** Addresses remembered at most; the least recent are forgotten first (never all at once). */
	maxAddresses: 10_000,
	/**
	 * New names one address may add to the room: at once, and per minute after that. A whole lab
	 * behind one NAT joins at once: 60 get in, the rest within a minute (their links retry).
	 */
	joinBurst: 60,
	joinsPerMinute: 60,
};
export type GuardLimits = typeof guardLimits;

export type GuessingStorm = {wrongLastMinute: number; addresses: number};

export type JoinGuard = {
	/** Records a wrong code from `address`; returns how long to wait before answering it. */
	wrongCode(address: string, now: number): number;
	/** Whether `address` may add one more new student now (a rejoin with a token does not ask). */
	mayAddStudent(address: string, now: number): boolean;
	/** Set while wrong guesses exceed the budget: what the instructor is told. */
	storm(now: number): GuessingStorm | undefined;
	/** How many addresses are remembered (bounded). */
	size(): number;
};

type Guesses = {count: number; lastAt: number};

export function joinGuard(limits: GuardLimits = guardLimits, start = 0): JoinGuard {
	const guesses = new Map<string, Guesses>(); // insertion order = least recently guessed first
	const joins = new Map<string, RateLimiter>();
	const global = tokenBucket(limits.wrongPerMinute / 60, limits.wrongPerMinute, start);
	const recentWrong: number[] = []; // times of wrong guesses in the last minute
	const recentAddresses = new Map<string, number>();
	let stormUntil = -Infinity;

	const remember = <T,>(map: Map<string, T>, key: string, value: T) => {
		map.delete(key);
		map.set(key, value);
		if (map.size > limits.maxAddresses) map.delete(map.keys().next().value!);
	};
	const prune = (now: number) => {
		while (recentWrong.length > 0 && recentWrong[0]! <= now - 60_000) recentWrong.shift();
		for (const [address, at] of recentAddresses) {
			if (at > now - 60_000) break;
			recentAddresses.delete(address);
		}
	};

	return {
		wrongCode(address, now) {
			const previous = guesses.get(address);
			const count = previous && now - previous.lastAt < limits.forgetAfterMs ? previous.count + 1 : 1;
			remember(guesses, address, {count, lastAt: now});
			recentWrong.push(now);
			remember(recentAddresses, address, now);
			prune(now);
			const over = count - limits.freeWrongPerAddress;
			let delay = over > 0 ? Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** (over - 1)) : 0;
			if (!global.take(now)) {
				stormUntil = now + 60_000;
				delay = Math.max(delay, limits.stormDelayMs);
			}
			return delay;
		},
		mayAddStudent(address, now) {
			let bucket = joins.get(address);
			if (!bucket) bucket = tokenBucket(limits.joinsPerMinute / 60, limits.joinBurst, now);
			remember(joins, address, bucket);
			return bucket.take(now);
		},
		storm(now) {
			prune(now);
			return now < stormUntil ? {wrongLastMinute: recentWrong.length, addresses: recentAddresses.size} : undefined;
		},
		size: () => guesses.size,
	};
}
