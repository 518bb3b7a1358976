import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const forceWarning = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

function shellWithPods(...names: string[]) {
	const shell = sandboxShell();
	for (const name of names) run(shell, `kubectl run ${name} --image=nginx`);
	run(shell, 'sleep 30');
	return shell;
}

test('kubectl delete pod waits (on the virtual clock) until the pod is gone, within its grace period', () => {
	const shell = shellWithPods('a');
	const before = shell.state.world.time;
	const result = run(shell, 'kubectl delete pod a');
	assert.deepEqual([result.stdout, result.stderr, result.exitCode], ['pod "a" deleted\n', '', 0]);
	const waited = shell.state.world.time - before;
	assert.ok(waited > 0 && waited <= 35_000, `waited ${waited} ms`);
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});

test('--wait=false returns at once with the pod still Terminating', () => {
	const shell = shellWithPods('b');
	const before = shell.state.world.time;
	assert.equal(run(shell, 'kubectl delete pod b --wait=false').stdout, 'pod "b" deleted\n');
	assert.equal(shell.state.world.time, before);
	assert.match(run(shell, 'kubectl get pods').stdout, /^b +1\/1 +Terminating +0 +30s$/m);
});

test('--now is a grace period of 1; --grace-period=0 --force deletes at once with the real warning', () => {
	const shell = shellWithPods('c', 'd');
	const before = shell.state.world.time;
	assert.equal(run(shell, 'kubectl delete pod c --now').stdout, 'pod "c" deleted\n');
	assert.ok(shell.state.world.time - before <= 6_000);
	const forced = run(shell, 'kubectl delete pod d --grace-period=0 --force');
	assert.deepEqual([forced.stdout, forced.stderr, forced.exitCode], ['pod "d" force deleted\n', forceWarning, 0]);
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
	assert.equal(run(shell, 'kubectl delete pod x --now --grace-period=3').stderr, 'error: --now and --grace-period cannot be specified together\n');
});

test('a pod on a powered-off node: delete gives up waiting after the grace period and the pod stays Terminating', () => {
	const shell = shellWithPods('e');
	const node = run(shell, 'kubectl get pod e -o wide').stdout.match(/worker-\d/)![0];
	run(shell, `ssh ${node} poweroff`);
	const before = shell.state.world.time;
	assert.equal(run(shell, 'kubectl delete pod e').stdout, 'pod "e" deleted\n');
	assert.equal(shell.state.world.time - before, 35_000);
	assert.match(run(shell, 'kubectl get pods').stdout, /^e .* Terminating /m);
});

test('delete -f waits too', () => {
	const shell = sandboxShell({files: {'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: f\nspec:\n  containers:\n  - name: web\n    image: nginx\n'}});
	run(shell, 'kubectl apply -f pod.yaml');
	run(shell, 'sleep 30');
	const before = shell.state.world.time;
	assert.equal(run(shell, 'kubectl delete -f pod.yaml').stdout, 'pod "f" deleted\n');
	assert.ok(shell.state.world.time > before);
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});
