import assert from 'node:assert/strict';
import {test} from 'node:test';
import {classroomEvents} from '../../source/classroom/lesson-progress.ts';
import {loadLessonPack} from '../../source/lessons/load-pack.ts';
import {localizeChapter} from '../../source/lessons/localize.ts';
import {fileURLToPath} from 'node:url';

const pack = loadLessonPack(fileURLToPath(new URL('./fixtures/pack', import.meta.url)));
const chapter = localizeChapter(pack.chapters[0]!, 'en');

test("the lesson driver's events become classroom events", () => {
	const ids = {chapterId: 'first', stepId: 'make-note'};
	assert.deepEqual(classroomEvents({type: 'step-started', ...ids, stepIndex: 1, kind: 'task'}, chapter), [{kind: 'step-entered', ...ids, chapterNumber: 1, stepIndex: 1, stepCount: 4, title: 'Make a note', stepKind: 'task'}]);
	assert.deepEqual(classroomEvents({type: 'command-run', ...ids, line: 'ls', exitCode: 0, unmet: ['no note']}, chapter), [{kind: 'command-run', ...ids, line: 'ls', exitCode: 0, unmet: ['no note']}]);
	assert.deepEqual(classroomEvents({type: 'command-run', chapterId: 'first', stepId: 'intro', line: 'ls', exitCode: 0, unmet: []}, chapter), [{kind: 'command-run', chapterId: 'first', stepId: 'intro', line: 'ls', exitCode: 0}], 'a read step has no check');
	assert.deepEqual(classroomEvents({type: 'hint-used', ...ids, hintIndex: 0, hint: 'Use echo.'}, chapter), [{kind: 'hint-used', ...ids, hintNumber: 1}]);
	assert.deepEqual(classroomEvents({type: 'solution-shown', ...ids, solution: []}, chapter), [{kind: 'solution-shown', ...ids}]);
	assert.deepEqual(classroomEvents({type: 'check-failed', ...ids, unmet: ['x']}, chapter), [{kind: 'check-failed', ...ids, unmet: ['x']}]);
	assert.deepEqual(classroomEvents({type: 'quiz-answered', chapterId: 'first', stepId: 'pick', key: 'b', correct: false, explanation: ''}, chapter), [{kind: 'check-failed', chapterId: 'first', stepId: 'pick', unmet: ['answered b, which is not right']}]);
	assert.deepEqual(classroomEvents({type: 'quiz-answered', chapterId: 'first', stepId: 'pick', key: 'a', correct: true, explanation: ''}, chapter), []);
	assert.deepEqual(classroomEvents({type: 'step-passed', ...ids, stepIndex: 1, xp: 5, hintsUsed: 1, solutionShown: false, attempts: 2, timeSpentMs: 10}, chapter), [{kind: 'step-passed', ...ids, withHelp: true}]);
	assert.deepEqual(classroomEvents({type: 'chapter-completed', chapterId: 'first', xp: 10}, chapter), [{kind: 'step-passed', chapterId: 'first', stepId: 'end'}], 'finishing a chapter passes its summary');
});
