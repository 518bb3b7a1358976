import {useEffect, useRef, useState} from 'react';
import type {LessonView} from '../app/lesson-view.ts';
import type {Clock} from './clock.ts';

/** How long a passed step's message stays in the status bar. */
export const celebrationMs = 4000;

/** The message of a step just passed, for a moment (on the injected clock). */
export function useCelebration(lesson: LessonView | null, clock: Clock): string | undefined {
	const [cheer, setCheer] = useState<string | undefined>(undefined);
	const celebratedAt = useRef(lesson?.celebration?.at);
	useEffect(() => {
		const celebration = lesson?.celebration;
		if (!celebration || celebration.at === celebratedAt.current) return;
		celebratedAt.current = celebration.at;
		setCheer(celebration.message);
		return clock.after(celebrationMs, () => setCheer(undefined));
	}, [lesson?.celebration, clock]);
	return cheer;
}
