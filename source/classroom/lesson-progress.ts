// The adapter between the lessons engine's progress stream and the classroom protocol:
// what the learner did, in the words the host records.
import type {LocalizedChapter} from '../lessons/localize.ts';
import type {ProgressEvent as LessonEvent} from '../app/lesson-session.ts';
import type {ProgressEvent} from './protocol.ts';

export function classroomEvents(event: LessonEvent, chapter: LocalizedChapter): ProgressEvent[] {
	const ids = {chapterId: event.chapterId, stepId: 'stepId' in event ? event.stepId : ''};
	switch (event.type) {
		case 'step-started': {
			const step = chapter.steps[event.stepIndex];
			return [{kind: 'step-entered', ...ids, chapterNumber: chapter.number, stepIndex: event.stepIndex, stepCount: chapter.steps.length, title: step?.text.title ?? event.stepId, stepKind: event.kind}];
		}
		case 'command-run': {
			// `unmet` is only meaningful on an unpassed task step, where the lesson checked after the command.
			const onTask = chapter.steps.find(step => step.id === event.stepId)?.kind === 'task';
			return [{kind: 'command-run', ...ids, line: event.line, exitCode: event.exitCode, ...(onTask ? {unmet: event.unmet} : {})}];
		}
		case 'check-failed':
			return [{kind: 'check-failed', ...ids, unmet: event.unmet}];
		case 'hint-used':
			return [{kind: 'hint-used', ...ids, hintNumber: event.hintIndex + 1}];
		case 'solution-shown':
			return [{kind: 'solution-shown', ...ids}];
		case 'quiz-answered':
			return event.correct ? [] : [{kind: 'check-failed', ...ids, unmet: [`answered ${event.key}, which is not right`]}];
		case 'step-passed':
			return [{kind: 'step-passed', ...ids, withHelp: event.hintsUsed > 0 || event.solutionShown}];
		case 'chapter-completed': {
			// The summary is the chapter's last step: reaching it passes it.
			const summary = chapter.steps.findLast(step => step.kind === 'summary');
			return summary ? [{kind: 'step-passed', chapterId: event.chapterId, stepId: summary.id}] : [];
		}
		case 'step-reset':
		case 'notice':
			return [];
	}
}
