// A lesson in plain mode (screen readers, scripts): step texts as plain text, a line per passed
// step, and the lesson's own words typed as lines: hint, check, solution, reset, next, answer X, y/n.
import type {PlainHooks} from '../app/plain-session.ts';
import type {TutorController} from '../app/tutor-controller.ts';
import type {LessonSession, ProgressEvent} from '../app/lesson-session.ts';
import {renderMarkdownPlain} from './markdown.ts';
import {messages} from '../i18n/catalog.ts';

export function plainLessonHooks(session: LessonSession, controller: TutorController, settings: {width?: number; notices?: string[]} = {}): PlainHooks {
	const chapter = session.chapter;
	const say = messages(chapter.locale).lesson;
	const width = settings.width ?? 80;
	const pending: ProgressEvent[] = [];
	let hintsUsed = 0;
	let solutionsShown = 0;
	session.onProgress(event => {
		pending.push(event);
		if (event.type === 'hint-used') hintsUsed++;
		if (event.type === 'solution-shown') solutionsShown++;
	}, {replay: true});
	const md = (text: string) => renderMarkdownPlain(text, {width});

	const stepText = (index: number): string => {
		const step = chapter.steps[index]!;
		const lines = ['', say.stepHeading(index + 1, chapter.steps.length, step.text.title), ''];
		// The current step's text from the view: it may be filled in from the world (the final challenge's summary).
		const body = index === session.stepIndex() ? (controller.snapshot().lesson?.text ?? step.text.body) : step.text.body;
		if (body) lines.push(md(body));
		if (step.kind === 'quiz') {
			lines.push('');
			for (const key of step.choices ?? []) lines.push(`  ${key}) ${md(step.text.choices[key] ?? key)}`);
			lines.push('', say.quizUsage(step.choices ?? []));
		}
		return lines.join('\n');
	};

	/** What happened since the last look, as lines: passed steps, the next step's text, the end. */
	const drain = (): string => {
		const out: string[] = [];
		for (const event of pending.splice(0, pending.length)) {
			if (event.type === 'step-passed') {
				const step = chapter.steps[event.stepIndex]!;
				if (step.kind === 'read') continue;
				out.push(say.stepPassed(event.stepIndex + 1, chapter.steps.length, step.text.title));
				if (step.text.success) out.push(md(step.text.success));
			}
			if (event.type === 'step-started') out.push(stepText(event.stepIndex));
			if (event.type === 'notice') out.push(event.text);
		}
		return out.join('\n');
	};

	const act = (name: string) => controller.lessonAction(name);
	const view = () => controller.snapshot().lesson!;

	return {
		intro() {
			const lines = [...(settings.notices ?? []), say.chapterHeading(chapter.number, chapter.title)];
			const events = drain();
			return [...lines, events || stepText(session.stepIndex())].join('\n');
		},
		interceptLine(line) {
			const words = line.trim().split(/\s+/);
			const word = words[0]?.toLowerCase() ?? '';
			const lesson = view();
			if (lesson.pendingConfirm) {
				if (['y', 'yes'].includes(word)) {
					const what = lesson.pendingConfirm;
					act('confirm');
					if (what === 'solution') return [say.solution, ...(view().solutionShown ?? []).map(cmd => '  ' + cmd)].join('\n');
					return say.resetDone + '\n' + drain();
				}
				if (['n', 'no'].includes(word)) {
					act('cancel');
					return say.cancelled;
				}
				return say.confirmUsage;
			}
			if (words.length === 1 && word === 'hint') {
				if (lesson.hintsLeft === 0) return say.noMoreHints;
				act('hint');
				const shown = view().hintsShown;
				return `${say.hint(shown.length, shown.length + view().hintsLeft)} ${md(shown[shown.length - 1]!)}`;
			}
			if (words.length === 1 && word === 'check') {
				if (lesson.kind !== 'task') return say.notATask;
				act('check');
				const after = view();
				if (after.stepId !== lesson.stepId || after.passed) return say.allMet + '\n' + drain();
				return [messages(chapter.locale).check.notYet, ...after.unmet.map(u => `  - ${u}`)].join('\n');
			}
			if (words.length === 1 && (word === 'solution' || word === 'reset') && lesson.kind === 'task') {
				act(word);
				return view().confirmText;
			}
			// An unanswered quiz: next does nothing yet, so say how to answer instead of nothing.
			if (words.length === 1 && word === 'next' && lesson.kind === 'quiz' && !lesson.quiz?.answered) return say.quizUsage(lesson.quiz?.choices.map(c => c.key) ?? []);
			if (words.length === 1 && word === 'next' && lesson.kind !== 'task') {
				act('next');
				return drain();
			}
			if (word === 'answer' && lesson.kind === 'quiz') {
				const key = words[1]?.toLowerCase() ?? '';
				const keys = lesson.quiz?.choices.map(c => c.key) ?? [];
				if (!keys.includes(key)) return say.quizUsage(keys);
				act(`answer:${key}`);
				const answered = view().stepId === lesson.stepId ? view().quiz?.answered : {key, correct: true, explanation: chapter.steps[lesson.stepIndex]!.text.explanations[key] ?? ''};
				if (!answered) return undefined;
				const right = answered.right ? [md(say.quizAnswerIs(answered.right.key, answered.right.text)), md(answered.right.explanation), say.quizAgainOrNext] : [];
				return [answered.correct ? say.quizRight : say.quizWrong, md(answered.explanation), ...right, drain()].filter(Boolean).join('\n');
			}
			return undefined;
		},
		afterCommand: () => drain(),
		finished: () => session.chapterDone(),
		outro() {
			if (session.chapterDone()) return say.chapterDone(session.xp().chapter, hintsUsed, solutionsShown);
			const index = session.stepIndex();
			return say.chapterNotDone(index + 1, chapter.steps.length, chapter.steps[index]!.text.title);
		},
	};
}
