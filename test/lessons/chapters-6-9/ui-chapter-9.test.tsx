// Chapter 9 (deployments) played end to end in the interactive dashboard at 80x24, as a learner
// would: read steps with n, each task's commands typed at the prompt, each quiz answered wrong
// first (the step stays open and names the right answer), then right.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createTutorController} from '../../../source/app/tutor-controller.ts';
import {createLessonSession} from '../../../source/app/lesson-session.ts';
import {lessonRuntime} from '../../../source/lessons/lint.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../../source/lessons/progress/progress-store.ts';
import {projectRoot} from '../../helpers/built-cli.ts';
import {cleanupUi, keys, renderUi} from '../../helpers/ui.tsx';
import {dashboard} from '../../ui/fixtures.tsx';

afterEach(cleanupUi);

test('chapter 9 completes in the dashboard at 80x24: deployment, service, rollout, bad rollout, undo, drain', async () => {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.meta.id === 'deployments')!;
	const store = memoryProgressStore();
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store});
	const controller = createTutorController(session.initialShell(), runtime, session);
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	const steps = chapter.meta.steps;
	for (const [index, step] of steps.entries()) {
		await ui.waitFor(() => controller.snapshot().lesson!.stepId === step.id, `step ${step.id}`);
		await ui.waitForText(`${index + 1}/${steps.length} ·`);
		if (step.kind === 'summary') break;
		if (step.kind === 'read') ui.press('n');
		if (step.kind === 'quiz') {
			const wrong = step.choices!.find(c => c !== step.answer)!;
			ui.press(wrong);
			await ui.waitFor(() => controller.snapshot().lesson!.quiz?.answered?.correct === false, 'the wrong answer marked wrong');
			assert.equal(controller.snapshot().lesson!.stepId, step.id, 'a wrong answer keeps the quiz open');
			ui.press(step.answer!);
			await ui.waitFor(() => controller.snapshot().lesson!.quiz?.answered?.correct === true, 'the right answer marked right');
			ui.press('n');
		}
		if (step.kind === 'task') {
			for (const line of step.solution!) {
				ui.type(line);
				await ui.waitForText(line.slice(0, 20));
				ui.press(keys.enter);
				await ui.waitFor(() => controller.snapshot().lesson!.stepId !== step.id || controller.snapshot().output.some(o => o.text.includes(line)), `${line} to run`);
			}
		}
	}
	assert.equal(controller.snapshot().lesson!.chapterDone, true);
	assert.ok(store.read().chapters.deployments?.completedAt, 'the chapter is saved as completed');
	await ui.waitForText('What you learned');
});
