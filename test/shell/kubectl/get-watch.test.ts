// kubectl get -w / --watch-only: the list, then a row per change as virtual time passes, until
// Ctrl-C or the next command in the interactive shell; a bounded run where nobody can press Ctrl-C.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createTutorController} from '../../../source/app/tutor-controller.ts';
import {followFor} from '../../../source/shell/follow.ts';
import type {FollowSpec} from '../../../source/shell/types.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function followOf(result: {effects: {kind: string}[]}): FollowSpec {
	const effect = result.effects.find(e => e.kind === 'follow') as {kind: 'follow'; follow: FollowSpec} | undefined;
	assert.ok(effect, 'a follow effect');
	return effect.follow;
}

test('get -w prints the list now and returns at once; the watch prints each change of a pod as its row', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	const watched = run(shell, 'kubectl get pods -w');
	assert.match(watched.stdout, /^NAME +READY +STATUS +RESTARTS +AGE\nweb +0\/1 +(Pending|ContainerCreating) +0 +0s\n$/);
	assert.equal(watched.state.world.time, shell.state.world.time, 'the command itself does not move the clock');
	const ran = followFor(followOf(watched), shell.state.world, 30);
	const rows = ran.text.split('\n').filter(Boolean);
	assert.ok(rows.length >= 1, ran.text);
	assert.match(rows[rows.length - 1]!, /^web {4}1\/1 {5}Running {3}0 {10}\d+s$/);
	assert.ok(!ran.text.includes('NAME'), 'no header again');
});

test('--watch-only prints nothing for the list; its first event comes with the header; -A adds NAMESPACE', () => {
	const shell = sandboxShell();
	const only = run(shell, 'kubectl get pods --watch-only');
	assert.equal(only.stdout, '');
	assert.equal(only.stderr, '');
	const next = run(shell, 'kubectl run web --image=nginx');
	const ran = followFor(followOf(only), next.state.world, 5);
	assert.match(ran.text, /^NAME +READY +STATUS +RESTARTS +AGE\nweb +0\/1 +\w+ +0 +\d+s\n/);
	const all = run(shell, 'kubectl get pods -A -w -l run=web');
	assert.match(all.stdout, /^NAMESPACE +NAME +READY/);
	assert.equal(all.stdout.split('\n').filter(Boolean).length, 2, 'the label selector holds for the list');
});

test('in the tutor the watch follows virtual time until Ctrl-C; a new command also ends it; plain mode runs it bounded', () => {
	const shell = sandboxShell();
	const controller = createTutorController(shell.state, shell.runtime);
	controller.submit('kubectl create deployment web --image=nginx --replicas=2');
	controller.submit('kubectl get pods -w');
	assert.equal(controller.snapshot().following, true);
	const before = controller.snapshot().output.length;
	for (let i = 0; i < 20; i++) controller.advance(1000);
	const streamed = controller.snapshot().output.slice(before).map(e => e.text).join('\n');
	assert.match(streamed, /web-\w+-\w+ +1\/1 +Running/);
	assert.equal(controller.interrupt(), true);
	assert.equal(controller.snapshot().following, false);
	assert.equal(controller.snapshot().output.at(-1)!.text, '^C');
	const after = controller.snapshot().output.length;
	controller.submit('kubectl scale deployment web --replicas=3');
	controller.advance(20_000);
	assert.equal(controller.snapshot().output.length, after + 2, 'nothing streams after Ctrl-C');
	assert.equal(controller.interrupt(), false);
	controller.submit('kubectl get deploy -w');
	controller.submit('kubectl get nodes');
	assert.equal(controller.snapshot().following, false, 'the next command ends the watch');
	controller.submit('kubectl scale deployment web --replicas=1');
	controller.submit('kubectl get pods --watch-only');
	assert.match(controller.settleFollow(), /Terminating|Completed|Running/);
	assert.equal(controller.snapshot().following, false);
});
