// Issue 13 §6: a command typed inside `kubectl exec -it ... -- sh` or `docker exec -it ... sh`
// counts as the learner having run it through kubectl or docker, so lesson checks accept it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createTutorController} from '../../source/app/tutor-controller.ts';
import {createLessonSession} from '../../source/app/lesson-session.ts';
import {lessonRuntime} from '../../source/lessons/lint.ts';
import {builtInLessonsDir, loadLessonPack} from '../../source/lessons/load-pack.ts';
import {memoryProgressStore} from '../../source/lessons/progress/progress-store.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('a line typed in an exec\'d shell carries the command it amounts to', () => {
	const shell = sandboxShell();
	run(shell, 'docker run -d --name web nginx');
	assert.equal(run(shell, 'hostname').asRun, undefined, 'the learner\'s own shell');
	run(shell, 'docker exec -it web sh');
	const inside = run(shell, 'ps aux');
	assert.equal(inside.asRun, 'docker exec -it web sh -c ps aux');
	run(shell, 'exit');
	assert.equal(run(shell, 'hostname').asRun, undefined, 'back out: no longer');
});

test('chapter 8: hostname typed inside kubectl exec -it duo -c sidecar -- sh passes the step', () => {
	const chapter = loadLessonPack(builtInLessonsDir()).chapters.find(c => c.meta.id === 'pods')!;
	const runtime = lessonRuntime(chapter);
	const session = createLessonSession({chapter, locale: 'en', runtime, store: memoryProgressStore()});
	const controller = createTutorController(session.initialShell(), runtime, session);
	controller.lessonAction('next');
	assert.equal(controller.snapshot().lesson!.stepId, 'two-containers');
	for (const line of ['kubectl apply -f duo.yaml', 'sleep 30', 'kubectl exec -it duo -c web -- sh', 'hostname', 'exit', 'kubectl exec -it duo -c sidecar -- sh']) controller.submit(line);
	assert.equal(controller.snapshot().lesson!.stepId, 'two-containers', 'not yet: the sidecar\'s hostname is still to come');
	controller.submit('hostname');
	assert.notEqual(controller.snapshot().lesson!.stepId, 'two-containers', 'the step passed');
});
