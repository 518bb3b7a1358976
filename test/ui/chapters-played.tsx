// Every chapter of the built-in pack played through the real dashboard at 80x24, as issue 13
// asks: read steps with n, each task's solution submitted line by line (stopping when the step
// passes early, and virtual time let run while its check waits, as a learner waits), every quiz
// answered wrong first by its key (the right answer must be named, the step must not be stuck),
// then right, then n; the chapter reaches its summary.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import type {Chapter} from '../../source/lessons/parse-chapter.ts';
import type {ProgressEvent} from '../../source/app/lesson-session.ts';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {defaultSettleMs} from '../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, keys, renderUi} from '../helpers/ui.tsx';
import {dashboard} from './fixtures.tsx';

const pack = loadLessonPack(join(projectRoot, 'lessons'));

/** Registers a test per chapter of the pack whose number `which` accepts (the plays are split over files to use both cores). */
export function playChapters(which: (n: number) => boolean): void {
	afterEach(cleanupUi);
	for (const chapter of pack.chapters.filter(c => which(c.number))) {
		const name = `chapter ${chapter.number} (${chapter.meta.id}) played in the dashboard at 80x24, every quiz wrong first`;
		test(name, () => play(chapter));
	}
}

async function play(chapter: Chapter): Promise<void> {
	const store = memoryProgressStore();
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store});
	const events: ProgressEvent[] = [];
	session.onProgress(e => events.push(e), {replay: true});
	const controller = createTutorController(session.initialShell(), runtime, session);
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	const steps = chapter.meta.steps;
	const at = () => controller.snapshot().lesson!;
	const moved = (id: string) => ui.waitFor(() => at().stepId !== id || at().chapterDone, `leaving step ${id}`);
	for (let guard = 0; guard <= steps.length; guard++) {
		const view = at();
		const step = steps[view.stepIndex]!;
		await ui.waitForText(`${view.stepIndex + 1}/${steps.length} ·`);
		if (step.kind === 'summary') break;
		if (step.kind === 'read') {
			ui.press('n');
			await moved(step.id);
			continue;
		}
		if (step.kind === 'quiz') {
			const wrong = step.choices!.find(key => key !== step.answer)!;
			const frame = await ui.waitForText('answer ');
			assert.doesNotMatch(frame.split('\n').find(l => l.includes('answer '))!, /next n/, `${step.id}: no "next" before an answer`);
			ui.press(wrong);
			await ui.waitForText(`The right answer is ${step.answer})`);
			ui.press(step.answer!);
			await ui.waitFor(() => at().passed, `${step.id}: the right answer passes`);
			// The keys line offers what acts now: on an empty prompt, a bare n moves on.
			await ui.waitFor(f => /(^|· )next n\b/m.test(f), `${step.id}: the keys line offers n after the right answer`);
			ui.press('n');
			await moved(step.id);
			continue;
		}
		// A task: its solution fed line by line as the prompt submits it (quicker than typing each key),
		// stopping when the step passes early, as a learner would.
		for (const line of step.solution ?? []) {
			if (at().stepId !== step.id) break;
			controller.submit(line);
		}
		for (let waited = 0; at().stepId === step.id && waited < (step.settle ?? defaultSettleMs); waited += 1000) controller.stepOnce();
		assert.notEqual(at().stepId, step.id, `${step.id}: passed after its solution (unmet: ${session.check(controller.snapshot().shell).unmet.join('; ')})`);
	}
	assert.equal(at().kind, 'summary');
	assert.equal(at().chapterDone, true, 'the summary completes the chapter');
	assert.ok(store.read().chapters[chapter.meta.id]?.completedAt, 'saved as completed');
	const quizzes = steps.filter(s => s.kind === 'quiz').length;
	const answers = events.filter(e => e.type === 'quiz-answered');
	assert.equal(answers.filter(e => e.type === 'quiz-answered' && !e.correct).length, quizzes, 'every wrong answer told to the classroom');
	assert.equal(answers.filter(e => e.type === 'quiz-answered' && e.correct).length, quizzes);
}
