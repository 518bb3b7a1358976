// Chapters 6, 7 and 9 ask the learner to look at what happened: kubectl describe, kubectl get events,
// kubectl get ev and kubectl 1.32's kubectl events all count, and ReplicaSets by any name (issue 13 §6).
import assert from 'node:assert/strict';
import {join} from 'node:path';
import {test} from 'node:test';
import {tick} from '../../../source/engine/tick.ts';
import {checkStep, replayToStep, stepWindow} from '../../../source/lessons/chapter-world.ts';
import {lessonRuntime} from '../../../source/lessons/lint.ts';
import {loadLessonPack} from '../../../source/lessons/load-pack.ts';
import {localizeChapter} from '../../../source/lessons/localize.ts';
import {runLine} from '../../../source/shell/run-line.ts';
import type {ShellState} from '../../../source/shell/types.ts';
import {projectRoot} from '../../helpers/built-cli.ts';

const pack = loadLessonPack(join(projectRoot, 'lessons'));

function unmetAfter(chapterNumber: number, stepId: string, lines: string[], ownWords = false): string[] {
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
	const own = ownWords ? localizeChapter(chapter, 'en').steps[index]!.text.unmet : undefined;
	return checkStep(chapter.meta.steps[index]!, shell, window, 'en', own).unmet;
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

test('chapter 6 stop-scheduler: passes once the learner has looked at stuck, so its Events text is read first', () => {
	const stop = ['ssh control-plane', 'mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/', 'exit', '@20', 'kubectl run stuck --image=luksa/kubia'];
	assert.deepEqual(unmetAfter(6, 'stop-scheduler', stop, true), ['you have not looked at stuck yet (`kubectl get pods -o wide`, `kubectl describe pod stuck`)']);
	for (const look of ['kubectl get pods -o wide', 'kubectl describe pod stuck', 'kubectl get po', 'kubectl get all']) assert.deepEqual(unmetAfter(6, 'stop-scheduler', [...stop, look]), [], look);
});

test('chapter 6 first-pod: a mistyped image says ImagePullBackOff after the "not Running yet" words', () => {
	const unmet = unmetAfter(6, 'first-pod', ['kubectl run kubia --image=luksa/kubai --port=8080', '@30', 'kubectl describe pod kubia'], true);
	assert.equal(unmet.length, 1);
	assert.match(unmet[0]!, /not Running yet .*; now ImagePullBackOff: `kubectl describe pod kubia` says why$/);
});
