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
	// kubectl's tabwriter remembers column widths (liggitt/tabwriter RememberWidths): once a
	// ContainerCreating row has widened STATUS, later rows keep that width (as the real kubectl 1.32 printed).
	assert.match(rows[rows.length - 1]!, /^web {4}1\/1 {5}Running {13}0 {10}\d+s$/);
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

// The output formats of a watch, as the real kubectl 1.32 printed them against the API endpoint:
// kubectl's tabwriter remembers the column widths of the list; yaml prints one document per
// object (the list's objects too), each after the first behind a ---; json one object after
// another, keys sorted, indented by 4; name one line per event.
test('get -w -o wide streams wide rows in the list\'s columns (a header cell may hold a space)', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 20');
	const watched = run(shell, 'kubectl get pods -w -o wide');
	assert.match(watched.stdout, /^NAME {3}READY {3}STATUS {4}RESTARTS {3}AGE {3}IP {11}NODE {7}NOMINATED NODE {3}READINESS GATES\n/);
	const next = run(shell, 'kubectl run db --image=nginx');
	const rows = followFor(followOf(watched), next.state.world, 12).text.split('\n').filter(Boolean);
	assert.match(rows[0]!, /^db {5}0\/1 {5}ContainerCreating {3}0 {10}\ds {4}<none> {7}worker-\d {3}<none> {11}<none>$/);
	assert.match(rows.at(-1)!, /^db {5}1\/1 {5}Running {13}0 {10}\d+s +10\.244\.\d+\.\d+ {3}worker-\d {3}<none> {11}<none>$/);
});

test('get -w on an empty list prints the header with the first event', () => {
	const shell = sandboxShell();
	const watched = run(shell, 'kubectl get pods -w');
	assert.equal(watched.stdout + watched.stderr, '');
	const next = run(shell, 'kubectl run db --image=nginx');
	assert.match(followFor(followOf(watched), next.state.world, 2).text, /^NAME {3}READY {3}STATUS {14}RESTARTS {3}AGE\ndb {5}0\/1 {5}ContainerCreating {3}0 {10}\ds\n/);
});

test('get -w -o yaml prints each object as its own document, --- between them, the list\'s objects first', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'kubectl run db --image=nginx');
	run(shell, 'sleep 20');
	const watched = run(shell, 'kubectl get pods -w -o yaml');
	const docs = watched.stdout.split('---\n');
	assert.equal(docs.length, 2);
	assert.match(docs[0]!, /^apiVersion: v1\nkind: Pod\nmetadata:\n[\s\S]*\n  name: db\n/);
	assert.match(docs[1]!, /^apiVersion: v1\nkind: Pod\nmetadata:\n[\s\S]*\n  name: web\n/);
	assert.ok(!watched.stdout.includes('kind: List'));
	const next = run(shell, 'kubectl label pod web tier=front');
	const streamed = followFor(followOf(watched), next.state.world, 2).text;
	assert.match(streamed, /^---\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "[^"]+"\n  labels:\n    run: web\n    tier: front\n  name: web\n/);
	assert.equal(streamed.split('---\n').length, 2, 'one event, one document');
});

test('get -w -o json prints each object on its own, keys sorted, indented by 4; -o name prints TYPE/NAME per event', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 20');
	const watched = run(shell, 'kubectl get pods -w -o json');
	assert.match(watched.stdout, /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",\n {4}"metadata": \{\n {8}"creationTimestamp": "[^"]+",\n {8}"labels": \{\n {12}"run": "web"\n {8}\},\n {8}"name": "web",\n/);
	assert.match(watched.stdout, /\n\}\n$/);
	const next = run(shell, 'kubectl label pod web tier=front');
	const streamed = followFor(followOf(watched), next.state.world, 2).text;
	assert.match(streamed, /^\{\n {4}"apiVersion": "v1",\n[\s\S]*"tier": "front"[\s\S]*\n\}\n$/);
	assert.equal(JSON.parse(streamed).metadata.labels.tier, 'front');
	const named = run(shell, 'kubectl get pods -w -o name');
	assert.equal(named.stdout, 'pod/web\n');
	const after = run(shell, 'kubectl label pod web tier=back --overwrite');
	assert.equal(followFor(followOf(named), after.state.world, 2).text, 'pod/web\n');
	// The non-watching -o json sorts its keys too, as kubectl prints what it decoded.
	assert.match(run(shell, 'kubectl get pod web -o json').stdout, /^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Pod",\n {4}"metadata": \{\n {8}"creationTimestamp"/);
});

test('get pod NAME -w watches that pod only', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'kubectl run db --image=nginx');
	run(shell, 'sleep 20');
	const watched = run(shell, 'kubectl get pod web -w');
	assert.match(watched.stdout, /^NAME +READY +STATUS +RESTARTS +AGE\nweb +1\/1 +Running +0 +20s\n$/);
	const next = run(shell, 'kubectl label pod db tier=front');
	assert.equal(followFor(followOf(watched), next.state.world, 2).text, '');
	const web = run(shell, 'kubectl label pod web tier=front');
	assert.match(followFor(followOf(watched), web.state.world, 2).text, /^web +1\/1 +Running/);
});
