import assert from 'node:assert/strict';
import {test} from 'node:test';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {formatProblem} from '../../source/lessons/lint.ts';
import {parseChapter} from '../../source/lessons/parse-chapter.ts';
import {quizAnswerLengthProblems} from '../../source/lessons/quiz-answer-length.ts';

/** A chapter of quizzes; `longAnswer[i]` says whether quiz i's right answer (b) is its longest choice. */
function quizChapter(longAnswer: boolean[], rightText = 'the right answer, which is long', locale: 'en' | 'zh-CN' = 'en') {
	const yaml = `id: q\nsteps:\n${longAnswer.map((_, i) => `  - id: q${i}\n    choices: [a, b]\n    answer: b\n`).join('')}`;
	const md = `# Q\n\n${longAnswer
		.map((long, i) => `## q${i}: Quiz\n\nWhich?\n\n### choices\n\n- a: ${long ? 'short' : 'a wrong answer that is longer than any'}\n- b: ${rightText}\n\n### explanations\n\n- a: no\n- b: yes\n`)
		.join('\n')}`;
	const {chapter, problems} = parseChapter({folder: '01-q', yaml, texts: {en: md, [locale]: md}});
	assert.deepEqual(problems.filter(p => p.severity === 'error'), []);
	return chapter!;
}

test('lint warns when the right answer is the longest choice in more than half of the quizzes', () => {
	const problems = quizAnswerLengthProblems(quizChapter([true, true, true, false]));
	assert.equal(problems.length, 1);
	assert.equal(problems[0]!.severity, 'warning');
	assert.equal(problems[0]!.file, '01-q/text/en.md');
	assert.match(problems[0]!.message, /longest choice in 3 of 4 quizzes \(q0, q1, q2\)/);
});

test('half of the quizzes or fewer is no warning', () => {
	assert.deepEqual(quizAnswerLengthProblems(quizChapter([true, true, false, false])), []);
});

test('a tie with another choice counts as longest', () => {
	const problems = quizAnswerLengthProblems(quizChapter([false, false, false], 'a wrong answer that is longer than any'));
	assert.equal(problems.length, 1);
});

test('width is measured in terminal columns: a CJK character takes two', () => {
	// 10 CJK characters are 20 columns, longer than "short" (5) in every quiz.
	const problems = quizAnswerLengthProblems(quizChapter([true, true], '正确的答案就是这一个'));
	assert.ok(problems.some(p => p.file === '01-q/text/en.md'));
	const narrow = quizAnswerLengthProblems(quizChapter([false, false], '正确答案'));
	assert.deepEqual(narrow, []);
});

test('in the built-in lessons, no chapter gives its quiz answers away by length, in any language', () => {
	const pack = loadLessonPack(builtInLessonsDir());
	assert.deepEqual(pack.chapters.flatMap(quizAnswerLengthProblems).map(formatProblem), []);
});

// After a wrong answer the tutor shows the right choice's explanation under "The right answer is
// b) ...": one that opens with "Right." / "对。" then reads as if the learner had been right.
test('no right choice’s explanation opens with a verdict (it is also shown after a wrong answer)', () => {
	const pack = loadLessonPack(builtInLessonsDir());
	const verdicts: string[] = [];
	for (const chapter of pack.chapters) {
		for (const step of chapter.meta.steps) {
			if (step.kind !== 'quiz' || !step.answer) continue;
			for (const [locale, text] of Object.entries(chapter.texts)) {
				const explanation = text?.steps.get(step.id)?.explanations[step.answer] ?? '';
				if (/^(right|correct|yes)\b|^(对|正确|没错)/i.test(explanation.trim())) verdicts.push(`${chapter.folder} ${step.id} ${locale}: ${explanation.slice(0, 30)}`);
			}
		}
	}
	assert.deepEqual(verdicts, []);
});
