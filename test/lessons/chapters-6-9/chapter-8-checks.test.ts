// Chapter 8's checks accept every valid way and only valid ways (issue 13 §6). The port-clash
// task passes only for a new pod without the clash: the crashing pod is Ready for a moment each
// time container two restarts (ready until it fails), and a deleted pod is not a fixed one.
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

const chapter = loadLessonPack(join(projectRoot, 'lessons')).chapters.find(c => c.number === 8)!;
const runtime = lessonRuntime(chapter);
const index = chapter.meta.steps.findIndex(s => s.id === 'port-clash');
const step = chapter.meta.steps[index]!;

function atPortClash() {
	let shell: ShellState = replayToStep(chapter, index, runtime);
	const window = stepWindow(shell);
	const type = (line: string) => {
		const result = runLine(shell, line, runtime);
		shell = result.state;
		window.commands.push({line, exitCode: result.exitCode});
	};
	const passedWithin = (seconds: number) => {
		for (let s = 0; s < seconds; s++) {
			shell = {...shell, world: tick(shell.world, 1000)};
			if (checkStep(step, shell, window, 'en').passed) return true;
		}
		return false;
	};
	return {type, passedWithin};
}

test('the crash-looping pod never passes, whatever second the check looks at', () => {
	const {type, passedWithin} = atPortClash();
	type('kubectl apply -f clash.yaml');
	assert.equal(passedWithin(30), false);
	type('kubectl logs clash -c two');
	assert.equal(passedWithin(240), false, 'a restart of container two is not a fix');
	type('kubectl delete pod clash');
	assert.equal(passedWithin(40), false, 'a deleted pod is not a fixed one');
});

test('deleting the pod and creating it with one container passes', () => {
	const {type, passedWithin} = atPortClash();
	type('kubectl apply -f clash.yaml');
	passedWithin(30);
	type('kubectl logs clash -c two');
	type('kubectl delete pod clash');
	passedWithin(35);
	type('kubectl run clash --image=luksa/kubia --port=8080');
	assert.equal(passedWithin(60), true, 'kubectl run is another valid way');
});

test('two-containers accepts --container as well as -c, and an exec\'d shell typing hostname', () => {
	const at = chapter.meta.steps.findIndex(s => s.id === 'two-containers');
	const two = chapter.meta.steps[at]!;
	for (const lines of [
		['kubectl exec duo --container=web -- hostname', 'kubectl exec duo --container sidecar -- hostname'],
		['kubectl exec -it duo -c web -- sh', 'hostname', 'exit', 'kubectl exec -it duo -c sidecar -- sh', 'hostname', 'exit'],
	]) {
		let shell: ShellState = replayToStep(chapter, at, runtime);
		const window = stepWindow(shell);
		for (const line of ['kubectl apply -f duo.yaml', 'sleep 30', ...lines]) {
			const result = runLine(shell, line, runtime);
			shell = result.state;
			window.commands.push({line, exitCode: result.exitCode}, ...(result.asRun ? [{line: result.asRun, exitCode: result.exitCode}] : []));
		}
		assert.deepEqual(checkStep(two, shell, window, 'en').unmet, [], lines.join('; '));
	}
});
