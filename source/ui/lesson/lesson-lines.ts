// The lesson pane's content as screen lines: the step's markdown, then what the learner has
// asked for (hints, the solution), the "not yet" list, quiz choices and the keys that act.
import type {LessonView} from '../../app/lesson-view.ts';
import type {StyledLine} from '../frame/styled-line.ts';
import type {Theme} from '../theme.tsx';
import {markdownLines} from './markdown-lines.ts';
import {wrapSpans} from './spans.ts';
import {markdownBlocks, type Span} from '../../lessons/markdown.ts';

const plainSpans = (text: string): Span[] => [{text, style: 'plain'}];

/** A one-paragraph markdown string (a hint, a "not yet" item) as styled spans. */
function inlineSpans(markdown: string): Span[] {
	const blocks = markdownBlocks(markdown);
	const first = blocks[0];
	return first && (first.kind === 'paragraph' || first.kind === 'heading') && blocks.length === 1 ? first.spans : plainSpans(markdown);
}

export function lessonLines(view: LessonView, width: number, theme: Theme): StyledLine[] {
	const out: StyledLine[] = [];
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
		if (view.quiz.answered) out.push(...wrapSpans(inlineSpans(view.quiz.answered.explanation), width, theme, '  ', {dim: theme.dim}));
	}
	view.hintsShown.forEach((hint, i) => {
		out.push({segments: []});
		out.push(...wrapSpans(inlineSpans(hint), width, theme, `Hint ${i + 1}: `, {color: theme.warn}));
	});
	if (view.solutionShown?.length) {
		out.push({segments: []});
		out.push({segments: [{text: 'Solution:', bold: true, color: theme.warn}]});
		for (const command of view.solutionShown) out.push({segments: [{text: '  $ ' + command, color: theme.accent, bold: !theme.color}]});
	}
	if (view.kind === 'task' && !view.passed && view.unmet.length) {
		out.push({segments: []});
		out.push({segments: [{text: 'Not yet:', bold: true}]});
		for (const unmet of view.unmet) out.push(...wrapSpans(inlineSpans(unmet), width, theme, '  • '));
	}
	if (view.passed) {
		out.push({segments: []});
		out.push({segments: [{text: view.kind === 'task' ? '✓ Done!' : '✓', bold: true, color: theme.ok}, {text: view.chapterDone ? ' Chapter complete.' : ' Alt-n for the next step.'}]});
	}
	return out;
}

/** The keys line under the lesson: only what acts on this step. */
export function lessonKeysText(view: LessonView, focused: boolean): string {
	const k = (key: string) => (focused ? key : `Alt-${key}`);
	if (view.pendingConfirm) return `${view.pendingConfirm === 'solution' ? 'Show the solution' : 'Reset this step'}? y / n`;
	const keys: string[] = [];
	if (view.kind === 'task' && !view.passed) {
		if (view.hintsLeft > 0) keys.push(`hint ${k('h')}`);
		if (!view.solutionShown) keys.push(`solution ${k('s')}`);
	}
	if (view.quiz && !view.quiz.answered) keys.push(`answer ${view.quiz.choices.map(c => c.key).join('/')}`);
	if (view.chapterDone) keys.push(`chapters ${k('m')}`);
	else if (view.kind !== 'task') keys.push('next n');
	else if (view.passed) keys.push(`next ${k('n')}`);
	keys.push(`reset ${k('r')}`);
	return keys.join(' · ');
}
