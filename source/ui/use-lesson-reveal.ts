import {useEffect, useRef, type Dispatch} from 'react';
import type {LessonView} from '../app/lesson-view.ts';
import type {DashboardAction} from './dashboard-state.ts';

/**
 * When the lesson reveals something (a hint, the solution, a quiz answer, a pass, a question,
 * the "not yet" list),
 * scroll the lesson to it; a new step starts at the top. Returns the ref the lesson pane fills
 * with how far it can scroll.
 */
export function useLessonReveal(lesson: LessonView | null, dispatch: Dispatch<DashboardAction>): {current: number} {
	const lessonMax = useRef(0);
	const revealed = lesson ? `${lesson.hintsShown.length}|${lesson.solutionShown?.length ?? 0}|${lesson.quiz?.answered?.key ?? ''}|${lesson.passed}|${lesson.pendingConfirm ?? ''}|${lesson.unmet.join('\n')}` : '';
	const stepKey = lesson ? `${lesson.chapterId}/${lesson.stepId}` : '';
	const seen = useRef({stepKey, revealed});
	useEffect(() => {
		if (seen.current.stepKey !== stepKey) dispatch({type: 'lesson-scroll-reset'});
		else if (seen.current.revealed !== revealed) dispatch({type: 'lesson-scrolled', by: lessonMax.current, max: lessonMax.current});
		seen.current = {stepKey, revealed};
	}, [stepKey, revealed, dispatch]);
	return lessonMax;
}
