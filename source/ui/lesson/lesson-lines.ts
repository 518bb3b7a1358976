// The lesson pane's content as screen lines: the step's markdown, then what the learner has
// asked for (hints, the solution), the "not yet" list, quiz choices and the keys that act.
import type {LessonView} from '../../app/lesson-view.ts';
import type {Segment, StyledLine} from '../frame/styled-line.ts';
import {textWidth, wrapLine} from '../text-width.ts';
import type {Theme} from '../theme.tsx';

/** A run of text with one style (the shape of the lessons engine's markdown spans). */
export type Span = {text: string; style: 'plain' | 'strong' | 'em' | 'code' | 'link'};

function spanStyle(span: Span, theme: Theme): Omit<Segment, 'text'> {
	switch (span.style) {
		case 'strong':
			return {bold: true};
		case 'em':
			return {underline: !theme.color, color: theme.color ? 'magenta' : undefined};
		case 'code':
			return {color: theme.accent ?? undefined, bold: !theme.color};
		case 'link':
			return {underline: true};
		default:
			return {};
	}
}

/** Wraps styled spans to `width`, keeping each word's style. */
export function wrapSpans(spans: Span[], width: number, theme: Theme, prefix = '', base: Omit<Segment, 'text'> = {}): StyledLine[] {
	const lines: StyledLine[] = [];
	let current: Segment[] = prefix ? [{text: prefix}] : [];
	let used = textWidth(prefix);
	const indent = ' '.repeat(used);
	const flush = () => {
		lines.push({segments: current});
		current = indent ? [{text: indent}] : [];
		used = indent.length;
	};
	for (const span of spans) {
		const style = {...base, ...spanStyle(span, theme)};
		for (const piece of span.text.split(/(\s+)/)) {
			if (!piece) continue;
			if (piece.includes('\n')) {
				flush();
				continue;
			}
			if (/^\s+$/.test(piece)) {
				if (used > indent.length && used < width) {
					current.push({text: ' ', ...style});
					used++;
				}
				continue;
			}
			const w = textWidth(piece);
			if (used + w > width && used > indent.length) flush();
			if (w <= width - used) {
				current.push({text: piece, ...style});
				used += w;
			} else {
				for (const part of wrapLine(piece, Math.max(1, width - used))) {
					if (used + textWidth(part) > width && used > indent.length) flush();
					current.push({text: part, ...style});
					used += textWidth(part);
				}
			}
		}
	}
	if (current.length > (indent ? 1 : 0) || lines.length === 0) lines.push({segments: current});
	return lines;
}

/** The step's text. Until the lessons engine's markdown renderer lands, shown as written. */
export function markdownLines(markdown: string, width: number, theme: Theme): StyledLine[] {
	return markdown.split('\n').flatMap(text => wrapSpans([{text, style: 'plain'}], width, theme));
}

const plainSpans = (text: string): Span[] => [{text, style: 'plain'}];

export function lessonLines(view: LessonView, width: number, theme: Theme): StyledLine[] {
	const out: StyledLine[] = [];
	out.push(...wrapSpans(plainSpans(`${view.stepIndex + 1}/${view.stepCount} · ${view.stepTitle}`), width, theme, '', {bold: true}));
	out.push({segments: []});
	out.push(...markdownLines(view.text, width, theme));
	if (view.quiz) {
		out.push({segments: []});
		out.push(...markdownLines(view.quiz.question, width, theme));
		for (const choice of view.quiz.choices) {
			const chosen = view.quiz.answered?.key === choice.key;
			const mark = chosen ? (view.quiz.answered!.correct ? '✓' : '✗') : ' ';
			out.push(...wrapSpans(plainSpans(choice.text), width, theme, `${mark}${choice.key}) `, chosen ? {bold: true, color: view.quiz.answered!.correct ? theme.ok : theme.bad} : {}));
		}
		if (view.quiz.answered) out.push(...wrapSpans(plainSpans(view.quiz.answered.explanation), width, theme, '  ', {dim: theme.dim}));
	}
	view.hintsShown.forEach((hint, i) => {
		out.push({segments: []});
		out.push(...wrapSpans(plainSpans(hint), width, theme, `Hint ${i + 1}: `, {color: theme.warn}));
	});
	if (view.solutionShown?.length) {
		out.push({segments: []});
		out.push({segments: [{text: 'Solution:', bold: true, color: theme.warn}]});
		for (const command of view.solutionShown) out.push({segments: [{text: '  $ ' + command, color: theme.accent, bold: !theme.color}]});
	}
	if (view.kind === 'task' && !view.passed && view.unmet.length) {
		out.push({segments: []});
		out.push({segments: [{text: 'Not yet:', bold: true}]});
		for (const unmet of view.unmet) out.push(...wrapSpans(plainSpans(unmet), width, theme, '  • '));
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
	if (view.kind !== 'task' || view.passed) keys.push(`next ${k('n')}`);
	keys.push(`reset ${k('r')}`);
	return keys.join(' · ');
}
