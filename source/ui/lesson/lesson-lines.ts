// The lesson pane's content as screen lines: the step's markdown, then what the learner has
// asked for (hints, the solution), the "not yet" list, quiz choices and the keys that act.
import type {LessonView} from '../../app/lesson-view.ts';
import {successLine} from '../../app/success-line.ts';
import type {StyledLine} from '../frame/styled-line.ts';
import type {Theme} from '../theme.tsx';
import type {UiText} from '../../i18n/messages.ts';
import {markdownLines, wrapCodeLine} from './markdown-lines.ts';
import {wrapSpans} from './spans.ts';
import {markdownBlocks, type Span} from '../../lessons/markdown.ts';

const plainSpans = (text: string): Span[] => [{text, style: 'plain'}];

/** A one-paragraph markdown string (a hint, a "not yet" item) as styled spans. */
function inlineSpans(markdown: string): Span[] {
	const blocks = markdownBlocks(markdown);
	const first = blocks[0];
	return first && (first.kind === 'paragraph' || first.kind === 'heading') && blocks.length === 1 ? first.spans : plainSpans(markdown);
}

/**
 * Whether n and a quiz's letters act bare now (key-handlers.ts): with the lesson focused, or on
 * an empty prompt on a step with nothing to type. Otherwise they are typed, and need Alt.
 */
export function bareStepKeys(view: LessonView, focused: boolean, promptEmpty: boolean): boolean {
	return focused || (promptEmpty && view.kind !== 'task');
}

export function lessonLines(view: LessonView, width: number, theme: Theme, text: UiText, bare = false): StyledLine[] {
	const next = bare ? 'n' : 'Alt-n';
	const out: StyledLine[] = [];
	// A finished chapter reopened: review it or start it over (the question in full, first).
	if (view.pendingConfirm === 'restart' && view.confirmText) {
		out.push(...wrapSpans(plainSpans(view.confirmText), width, theme, '', {bold: true, color: theme.warn}));
		out.push({segments: []});
	}
	// What the learner just achieved, in full, before the next step's text.
	if (view.passedNote) {
		out.push(...wrapSpans(plainSpans(successLine(view.passedNote)), width, theme, '', {bold: true, color: theme.ok}));
		out.push({segments: []});
	}
	out.push(...wrapSpans(plainSpans(`${view.stepIndex + 1}/${view.stepCount} · ${view.stepTitle}`), width, theme, '', {bold: true}));
	out.push({segments: []});
	out.push(...markdownLines(view.text, width, theme));
	if (view.quiz) {
		// The driver's question is the step's text: show it once.
		if (view.quiz.question.trim() !== view.text.trim()) {
			out.push({segments: []});
			out.push(...markdownLines(view.quiz.question, width, theme));
		}
		for (const choice of view.quiz.choices) {
			const chosen = view.quiz.answered?.key === choice.key;
			const mark = chosen ? (view.quiz.answered!.correct ? '✓' : '✗') : ' ';
			out.push(...wrapSpans(inlineSpans(choice.text), width, theme, `${mark}${choice.key}) `, chosen ? {bold: true, color: view.quiz.answered!.correct ? theme.ok : theme.bad} : {}));
		}
		const answered = view.quiz.answered;
		if (answered) out.push(...wrapSpans(inlineSpans(answered.explanation), width, theme, '  ', {dim: theme.dim}));
		if (answered?.right && !view.passed) {
			out.push({segments: []});
			out.push(...wrapSpans(inlineSpans(text.quizAnswerIs(answered.right.key, answered.right.text)), width, theme, '  ', {bold: true, color: theme.ok}));
			if (answered.right.explanation) out.push(...wrapSpans(inlineSpans(answered.right.explanation), width, theme, '  '));
			out.push(...wrapSpans(plainSpans(text.quizAgainOrNext(next)), width, theme, '  ', {dim: theme.dim}));
		}
	}
	view.hintsShown.forEach((hint, i) => {
		out.push({segments: []});
		out.push(...wrapSpans(inlineSpans(hint), width, theme, text.hint(i + 1), {color: theme.warn}));
	});
	if (view.solutionShown?.length) {
		out.push({segments: []});
		out.push({segments: [{text: text.solution, bold: true, color: theme.warn}]});
		for (const command of view.solutionShown) {
			// A long command wraps with bash's own continuation mark, never cut off at the column.
			wrapCodeLine(command, width - 4).forEach((piece, i) => out.push({segments: [{text: (i === 0 ? '  $ ' : '') + piece, color: theme.accent, bold: !theme.color}]}));
		}
	}
	if (view.kind === 'task' && !view.passed && view.unmet.length) {
		out.push({segments: []});
		out.push({segments: [{text: text.notYet, bold: true}]});
		for (const unmet of view.unmet) out.push(...wrapSpans(inlineSpans(unmet), width, theme, '  • '));
	}
	if (view.passed) {
		out.push({segments: []});
		out.push({segments: [{text: view.kind === 'task' ? text.done : '✓', bold: true, color: theme.ok}, {text: view.chapterDone ? text.chapterComplete : text.nextStepHint(next)}]});
	}
	return out;
}

/** The keys line under the lesson: only what acts on this step, as it acts now (`bare`: see bareStepKeys). */
export function lessonKeysText(view: LessonView, focused: boolean, text: UiText, bare = focused): string {
	const say = text.lessonKeys;
	const k = (key: string) => (focused ? key : `Alt-${key}`);
	const step = (key: string) => (bare ? key : `Alt-${key}`);
	if (view.pendingConfirm) return view.pendingConfirm === 'solution' ? text.confirmSolution : view.pendingConfirm === 'restart' ? text.confirmRestart : text.confirmReset;
	const keys: string[] = [];
	const openTask = view.kind === 'task' && !view.passed;
	if (openTask) {
		if (view.hintsLeft > 0 && !view.locked?.hints) keys.push(`${say.hint} ${k('h')}`);
		if (!view.solutionShown && !view.locked?.solutions) keys.push(`${say.solution} ${k('s')}`);
	}
	// A quiz takes answers until it is passed; n moves on once an answer (right or wrong) was given.
	if (view.quiz && !view.passed) keys.push(`${say.answer} ${step(view.quiz.choices.map(c => c.key).join('/'))}`);
	if (view.chapterDone) keys.push(`${say.chapters} ${k('m')}`, `${say.startOver} ${k('r')}`);
	else if (view.kind === 'quiz') {
		if (view.quiz?.answered) keys.push(`${say.next} ${step('n')}`);
	} else if (view.kind !== 'task') keys.push(`${say.next} ${step('n')}`);
	else if (view.passed) keys.push(`${say.next} ${k('n')}`);
	if (openTask) keys.push(`${say.reset} ${k('r')}`);
	return keys.join(' · ');
}
