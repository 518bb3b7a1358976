// kubectl wait on the virtual clock (kubectl's wait: "condition met" per object, "timed out
// waiting for the condition on <plural>/<name>", "unrecognized condition: %q").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

type Shell = ReturnType<typeof sandboxShell>;
const then = (shell: Shell, line: string): Shell => ({...shell, state: run(shell, line).state});

test('waits until a Deployment is Available and its pods are Ready, letting simulated time pass', () => {
	const shell = then(sandboxShell(), 'kubectl create deployment web --image=nginx --replicas=2');
	const before = shell.state.world.time;
	const available = run(shell, 'kubectl wait --for=condition=Available deployment/web --timeout=60s');
	assert.equal(available.stdout, 'deployment.apps/web condition met\n');
	assert.ok(available.state.world.time > before, 'time passed while waiting');
	const ready = run(shell, 'kubectl wait --for=condition=Ready pod -l app=web');
	assert.match(ready.stdout, /^pod\/web-\w+-\w+ condition met\npod\/web-\w+-\w+ condition met\n$/);
	assert.match(run(shell, "kubectl wait pods -l app=web --for=jsonpath='{.status.phase}'=Running").stdout, /condition met\n.*condition met\n$/s);
});

test('a pod whose image does not exist never becomes Ready: the wait times out', () => {
	const shell = then(sandboxShell(), 'kubectl run bad --image=nginx:9.9.9');
	const before = shell.state.world.time;
	const result = run(shell, 'kubectl wait --for=condition=Ready pod/bad --timeout=20s');
	assert.equal(result.exitCode, 1);
	assert.equal(result.stderr, 'error: timed out waiting for the condition on pods/bad\n');
	assert.equal(result.state.world.time - before, 20_000);
});

test('--for=delete returns once the pods are gone; bad conditions are refused in kubectl’s words', () => {
	let shell = then(sandboxShell(), 'kubectl run web --image=nginx');
	shell = then(shell, 'kubectl wait --for=condition=Ready pod/web');
	shell = then(shell, 'kubectl delete pod web --wait=false');
	assert.equal(run(shell, 'kubectl wait --for=delete pod/web --timeout=60s').stdout, 'pod/web condition met\n');
	assert.equal(run(shell, 'kubectl wait --for=bogus pod/web').stderr, 'error: unrecognized condition: "bogus"\n');
	assert.equal(run(shell, 'kubectl wait pod/web').stderr, 'error: unrecognized condition: ""\n');
});
