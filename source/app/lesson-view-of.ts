// The view of a lesson model: what the screen, plain mode and the classroom show of it.
import type {ShellState} from '../shell/types.ts';
import type {LessonEnv, LessonModel} from './lesson-model.ts';
import {chapterXpOf} from './lesson-update.ts';
import type {LessonView} from './lesson-view.ts';
import {messages} from '../i18n/catalog.ts';

export function lessonViewOf(model: LessonModel, env: LessonEnv, shell: ShellState): LessonView {
	const {chapter} = env;
	const live = model.step;
	const current = chapter.steps[live.index]!;
	const text = current.text;
	const say = messages(env.locale).lesson;
	const body = env.plugins.reduce((b, plugin) => plugin.expandText?.(b, shell, model.record, env.locale) ?? b, text.body);
	return {
		chapterId: chapter.id,
		chapterNumber: chapter.number,
		chapterTitle: chapter.title,
		stepId: current.id,
		stepIndex: live.index,
		stepCount: chapter.steps.length,
		stepTitle: text.title,
		text: body,
		kind: current.kind,
		hintsShown: text.hints.slice(0, live.hintsShown),
		hintsLeft: Math.max(0, text.hints.length - live.hintsShown),
		solutionShown: live.solutionShown ? current.solution : undefined,
		unmet: live.unmet,
		passed: live.passed,
		quiz: current.kind === 'quiz' ? {question: text.body, choices: (current.choices ?? []).map(key => ({key, text: text.choices[key] ?? key})), answered: live.answered} : undefined,
		xp: model.otherXp + chapterXpOf(model.record),
		celebration: model.celebration,
		passedNote: model.celebration?.stepIndex === live.index - 1 ? model.celebration.message : undefined,
		pendingConfirm: live.pendingConfirm,
		paneDepth: current.pane ?? chapter.chapter.meta.pane,
		chapterDone: model.done,
		confirmText: live.pendingConfirm === 'solution' ? say.confirmSolution : live.pendingConfirm === 'reset' ? say.confirmReset : live.pendingConfirm === 'restart' ? say.confirmRestart : undefined,
	};
}
