// Playtest finding (chapter 1 at 80x24): answering three quizzes in a row pushed three ✓ lines
// into the shell, which then counted as "a long output being read": the shell area grew and the
// lesson pane shrank to 10 lines while the learner was reading quiz choices. Only a command's
// own output makes the shell grow.
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {projectRoot} from '../helpers/built-cli.ts';
import {cleanupUi, renderUi} from '../helpers/ui.tsx';
import {dashboard} from './fixtures.tsx';

afterEach(cleanupUi);

test('quizzes answered one after another leave the lesson pane its height', async () => {
	const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 1)!;
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store: memoryProgressStore()});
	const controller = createTutorController(session.initialShell(), runtime, session);
	const ui = renderUi(dashboard(controller).element, {columns: 80, rows: 24});
	const steps = chapter.meta.steps;
	const at = () => controller.snapshot().lesson!;
	const ruleRow = (f: string) => f.split('\n').findIndex(line => /^─{30}/.test(line));
	await ui.waitForText(`1/${steps.length} ·`);
	ui.press('n');
	while (steps[at().stepIndex]!.kind === 'task') {
		const id = at().stepId;
		for (const line of steps[at().stepIndex]!.solution ?? []) if (at().stepId === id) controller.submit(line);
		for (let i = 0; i < 60 && at().stepId === id; i++) controller.stepOnce();
	}
	controller.submit('echo one; echo two'); // a short output: the shell keeps its usual height
	const start = at().stepIndex;
	const before = ruleRow(await ui.waitForText(`${start + 1}/${steps.length} ·`));
	let answered = 0;
	while (steps[at().stepIndex]!.kind === 'quiz') {
		const step = steps[at().stepIndex]!;
		ui.press(step.choices!.find(k => k !== step.answer)!);
		await ui.waitForText('The right answer is');
		ui.press(step.answer!);
		await ui.waitFor(() => at().passed, 'passed');
		ui.press('n');
		await ui.waitFor(() => at().stepId !== step.id, 'moved on');
		answered++;
	}
	assert.ok(answered >= 3, `chapter 1 has quizzes in a row (${answered})`);
	const after = ruleRow(await ui.waitForText(`${at().stepIndex + 1}/${steps.length} ·`));
	assert.equal(after, before, 'the shell area did not grow over the lesson');
});

test('a pasted here-document is not an output being read: the lesson pane keeps its height (playtest, chapter 8)', async () => {
	const {lastRunHeight} = await import('../../source/ui/shell/shell-lines.ts');
	const heredoc = ['root@host-1:~# kubectl apply -f - <<EOF', ...Array.from({length: 10}, (_, i) => `> line ${i}`), '> EOF'].join('\n');
	const output = [{id: 1, kind: 'command' as const, text: heredoc}, {id: 2, kind: 'stdout' as const, text: 'pod/clash created\n'}, {id: 3, kind: 'success' as const, text: '✓ done'}];
	assert.equal(lastRunHeight(output, 80, {commandOutputOnly: true}), 3, 'the command as one line, and its output');
	assert.equal(lastRunHeight(output, 80), 15, 'what scrolled past is still counted for the "more lines above" notice');
});
