// Mirrors a learner's progress to the classroom by watching the lesson driver from outside:
// it compares the lesson view before and after every command, tick and key action, and
// reports what changed. It needs nothing from the lessons engine but its LessonView.
import type {LessonView} from '../app/lesson-view.ts';
import type {LessonDriver} from '../app/tutor-controller.ts';
import type {ShellState} from '../shell/types.ts';
import type {ProgressEvent} from './protocol.ts';

export type Report = (event: ProgressEvent) => void;

/** The events that take the learner from view `before` to view `after`. */
export function viewChanges(before: LessonView | null, after: LessonView | null): ProgressEvent[] {
	if (!after) return [];
	const events: ProgressEvent[] = [];
	const ids = {chapterId: after.chapterId, stepId: after.stepId};
	const sameStep = before !== null && before.chapterId === after.chapterId && before.stepId === after.stepId;
	if (before && !sameStep && !before.passed && before.kind !== 'task' && before.kind !== 'quiz') {
		// Read and summary steps pass by moving on.
		events.push({kind: 'step-passed', chapterId: before.chapterId, stepId: before.stepId});
	}
	if (!sameStep) events.push({kind: 'step-entered', ...ids, chapterNumber: after.chapterNumber, stepIndex: after.stepIndex, stepCount: after.stepCount, title: after.stepTitle});
	const hintsBefore = sameStep ? before!.hintsShown.length : 0;
	for (let hint = hintsBefore + 1; hint <= after.hintsShown.length; hint++) events.push({kind: 'hint-used', ...ids, hintNumber: hint});
	if (after.solutionShown && !(sameStep && before!.solutionShown)) events.push({kind: 'solution-shown', ...ids});
	const answeredNow = after.quiz?.answered && !(sameStep && before!.quiz?.answered?.key === after.quiz.answered.key);
	if (answeredNow && !after.quiz!.answered!.correct) events.push({kind: 'check-failed', ...ids, unmet: [`answered ${after.quiz!.answered!.key}, which is not right`]});
	if (after.passed && !(sameStep && before!.passed)) {
		events.push({kind: 'step-passed', ...ids, withHelp: Boolean(after.solutionShown) || after.hintsShown.length > 0});
	}
	return events;
}

export function mirrorLessonDriver(driver: LessonDriver, report: Report): LessonDriver {
	let last: LessonView | null = null;
	let started = false;
	const observe = (shell: ShellState) => {
		const view = driver.view(shell);
		for (const event of viewChanges(last, view)) report(event);
		last = view;
		started = true;
	};
	return {
		view(shell) {
			const view = driver.view(shell);
			if (!started) observe(shell); // the step the learner resumes on
			return view;
		},
		afterCommand(before, after, line, result) {
			if (!started) observe(before);
			const next = driver.afterCommand(before, after, line, result);
			const view = driver.view(next);
			const ids = last ? {chapterId: last.chapterId, stepId: last.stepId} : {};
			report({kind: 'command-run', ...ids, line, exitCode: result.exitCode});
			// An attempt: the command changed the world, and the task's check still is not met.
			if (view && last && view.kind === 'task' && view.stepId === last.stepId && !view.passed && after.world !== before.world && view.unmet.length > 0) {
				report({kind: 'check-failed', chapterId: view.chapterId, stepId: view.stepId, unmet: view.unmet});
			}
			for (const event of viewChanges(last, view)) report(event);
			last = view;
			return next;
		},
		afterTick(shell) {
			const next = driver.afterTick(shell);
			observe(next);
			return next;
		},
		action(name, shell) {
			const next = driver.action(name, shell);
			observe(next);
			return next;
		},
		flush: shell => driver.flush(shell),
	};
}

/** Without a lesson (free play), only the commands are mirrored. */
export function commandsOnlyDriver(report: Report): LessonDriver {
	return {
		view: () => null,
		afterCommand(_before, after, line, result) {
			report({kind: 'command-run', line, exitCode: result.exitCode});
			return after;
		},
		afterTick: shell => shell,
		action: (_name, shell) => shell,
		flush() {},
	};
}
