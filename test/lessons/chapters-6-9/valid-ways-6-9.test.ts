// Chapters 6, 7 and 9 ask the learner to look at what happened: kubectl describe, kubectl get events,
// kubectl get ev and kubectl 1.32's kubectl events all count, and ReplicaSets by any name (issue 13 §6).
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {tick} from '../../../source/engine/tick.ts';
import {checkStep, replayToStep, stepWindow} from '../../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../../source/lessons/lint.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {runLine} from '../../../source/shell/run-line.ts';
import type {ShellState} from '../../../source/shell/types.ts';
import {projectRoot} from '../../helpers/built-cli.ts';

const pack = loadLessonPack(join(projectRoot, 'lessons'));

function unmetAfter(chapterNumber: number, stepId: string, lines: string[]): string[] {
	const chapter = pack.chapters.find(c => c.number === chapterNumber)!;
	const runtime = lessonRuntime(chapter);
	const index = chapter.meta.steps.findIndex(s => s.id === stepId);
	let shell: ShellState = replayToStep(chapter, index, runtime);
	const window = stepWindow(shell);
	for (const line of lines) {
		if (line.startsWith('@')) {
			shell = {...shell, world: tick(shell.world, Number(line.slice(1)) * 1000)};
			continue;
		}
		const result = runLine(shell, line, runtime);
		shell = result.state;
		window.commands.push({line, exitCode: result.exitCode});
	}
	return checkStep(chapter.meta.steps[index]!, shell, window, 'en').unmet;
}

test('chapter 6 first-pod: kubectl events or kubectl get ev reads the story', () => {
	for (const read of ['kubectl events', 'kubectl get ev']) assert.deepEqual(unmetAfter(6, 'first-pod', ['kubectl run kubia --image=luksa/kubia --port=8080', '@30', read]), [], read);
	assert.equal(unmetAfter(6, 'first-pod', ['kubectl run kubia --image=luksa/kubia --port=8080', '@30', 'kubectl get pods']).length, 1);
});

test('chapter 7 run-replicas: kubectl events reads what the controller did', () => {
	assert.deepEqual(unmetAfter(7, 'run-replicas', ['kubectl apply -f kubia-rc.yaml', '@60', 'kubectl events']), []);
});

test('chapter 9 create: ReplicaSets seen with flags before the verb or the full resource name', () => {
	for (const look of ['kubectl -n default get rs', 'kubectl get replicasets.apps'])
		assert.deepEqual(unmetAfter(9, 'create', ['kubectl apply -f kubia-deployment.yaml', '@60', look]), [], look);
});
