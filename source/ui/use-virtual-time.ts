import {useEffect} from 'react';
import type {TutorController} from '../app/tutor-controller.ts';
import type {Clock} from './clock.ts';

/** How often the simulated world moves on while the learner watches. */
export const tickIntervalMs = 250;

/** Advances the world by the real time that passed, every tick, on the injected clock. */
export function useVirtualTime(controller: TutorController, clock: Clock, intervalMs = tickIntervalMs): void {
	useEffect(() => {
		let last = clock.now();
		return clock.every(intervalMs, () => {
			const now = clock.now();
			controller.advance(now - last);
			last = now;
		});
	}, [controller, clock, intervalMs]);
}
