// A quiz whose right answer is always its longest choice is answered by length, not by knowing.
// Lint warns when, in one language, the right answer is the longest choice (a tie counts) in more
// than half of a chapter's quizzes. Width is what the learner sees: CJK characters take two columns.
import {displayWidth} from './markdown.ts';
import type {Chapter, Problem} from './parse-chapter.ts';

export function quizAnswerLengthProblems(chapter: Chapter): Problem[] {
	const problems: Problem[] = [];
	const quizzes = chapter.meta.steps.filter(step => step.kind === 'quiz' && step.answer !== undefined);
	if (quizzes.length === 0) return problems;
	for (const [locale, text] of Object.entries(chapter.texts)) {
		if (!text) continue;
		const longest = quizzes.filter(step => {
			const choices = text.steps.get(step.id)?.choices ?? {};
			const right = choices[step.answer!];
			if (right === undefined) return false;
			const rightWidth = shownWidth(right);
			return Object.values(choices).every(choice => shownWidth(choice) <= rightWidth);
		});
		if (longest.length * 2 > quizzes.length) {
			problems.push({
				severity: 'warning',
				file: `${chapter.folder}/text/${locale}.md`,
				line: text.steps.get(longest[0]!.id)?.line,
				message: `the right answer is the longest choice in ${longest.length} of ${quizzes.length} quizzes (${longest.map(s => s.id).join(', ')}): a learner can answer by length; make the wrong choices as long as the right one`,
			});
		}
	}
	return problems;
}

function shownWidth(markdown: string): number {
	return displayWidth(markdown.replace(/[`*_]/g, '').trim());
}
