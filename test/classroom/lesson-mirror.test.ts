import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {LessonView} from '../../source/app/lesson-view.ts';
import type {LessonDriver} from '../../source/app/tutor-controller.ts';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {mirrorLessonDriver, viewChanges} from '../../source/classroom/lesson-mirror.ts';
import type {ProgressEvent} from '../../source/classroom/protocol.ts';
import {sandboxShell} from '../helpers/shell.ts';

const view = (patch: Partial<LessonView> = {}): LessonView => ({
	chapterId: 'containers',
	chapterNumber: 1,
	chapterTitle: 'Containers',
	stepId: 'run',
	stepIndex: 1,
	stepCount: 4,
	stepTitle: 'Run it',
	text: '',
	kind: 'task',
	hintsShown: [],
	hintsLeft: 2,
	unmet: ['no container runs'],
	passed: false,
	xp: 0,
	paneDepth: 'host',
	chapterDone: false,
	...patch,
});

test('view changes become progress events', () => {
	assert.deepEqual(viewChanges(null, view()), [{kind: 'step-entered', chapterId: 'containers', stepId: 'run', chapterNumber: 1, stepIndex: 1, stepCount: 4, title: 'Run it'}]);
	assert.deepEqual(viewChanges(view(), view({hintsShown: ['a', 'b']})), [
		{kind: 'hint-used', chapterId: 'containers', stepId: 'run', hintNumber: 1},
		{kind: 'hint-used', chapterId: 'containers', stepId: 'run', hintNumber: 2},
	]);
	assert.deepEqual(viewChanges(view(), view({solutionShown: ['docker run x'], passed: true})), [
		{kind: 'solution-shown', chapterId: 'containers', stepId: 'run'},
		{kind: 'step-passed', chapterId: 'containers', stepId: 'run', withHelp: true},
	]);
	// A read step passes by moving on.
	const read = view({kind: 'read', stepId: 'intro', stepIndex: 0, unmet: []});
	assert.deepEqual(
		viewChanges(read, view()).map(event => event.kind),
		['step-passed', 'step-entered'],
	);
	const quiz = view({kind: 'quiz', stepId: 'quiz', quiz: {question: 'q', choices: []}});
	assert.deepEqual(viewChanges(quiz, {...quiz, quiz: {question: 'q', choices: [], answered: {key: 'b', correct: false, explanation: ''}}}), [
		{kind: 'check-failed', chapterId: 'containers', stepId: 'quiz', unmet: ['answered b, which is not right']},
	]);
	assert.deepEqual(viewChanges(view(), view()), []);
});

test('a mirrored driver reports commands, failed attempts and passes through a real controller', () => {
	const shell = sandboxShell();
	let current = view();
	const driver: LessonDriver = {
		view: () => current,
		afterCommand(_before, after, line) {
			if (line === 'pass') current = {...current, passed: true, unmet: []};
			return after;
		},
		afterTick: state => state,
		action(name, state) {
			if (name === 'hint') current = {...current, hintsShown: [...current.hintsShown, 'try docker run']};
			return state;
		},
		flush() {},
	};
	const events: ProgressEvent[] = [];
	const controller = createTutorController(shell.state, shell.runtime, mirrorLessonDriver(driver, event => events.push(event)));
	controller.snapshot();
	controller.submit('echo hi'); // no change to the world: not an attempt
	controller.submit('sleep 1'); // changed the world (time passed), and the step is still unmet: a failed attempt
	controller.lessonAction('hint');
	controller.submit('pass');
	assert.deepEqual(
		events.map(event => event.kind),
		['step-entered', 'command-run', 'command-run', 'check-failed', 'hint-used', 'command-run', 'step-passed'],
	);
	assert.deepEqual(events[1], {kind: 'command-run', chapterId: 'containers', stepId: 'run', line: 'echo hi', exitCode: 0});
	assert.deepEqual(events[3], {kind: 'check-failed', chapterId: 'containers', stepId: 'run', unmet: ['no container runs']});
	assert.deepEqual(events.at(-1), {kind: 'step-passed', chapterId: 'containers', stepId: 'run', withHelp: true});
});
