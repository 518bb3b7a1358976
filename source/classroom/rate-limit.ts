/** A token bucket: `perSecond` sustained, `burst` at once. Time is passed in, so tests need no clock. */
export type RateLimiter = {take(now: number): boolean};

export function tokenBucket(perSecond: number, burst: number, start: number): RateLimiter {
	let tokens = burst;
	let last = start;
	return {
		take(now) {
			tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
			last = now;
			if (tokens < 1) return false;
			tokens -= 1;
			return true;
		},
	};
}
