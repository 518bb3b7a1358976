// kubectl taint (kubectl's taint command: "node/<name> tainted|untainted", its --overwrite and
// not-found errors) and what taints do: NoSchedule keeps new pods off, NoExecute evicts the pods
// that do not tolerate it (the taint eviction controller), kube-proxy tolerates everything.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

function nodesOfPods(shell: ReturnType<typeof sandboxShell>, namespace = 'default'): string[] {
	return JSON.parse(run(shell, `kubectl get pods -n ${namespace} -o json`).stdout).items.filter((p: any) => !p.metadata.deletionTimestamp).map((p: any) => p.spec.nodeName);
}

test('NoExecute evicts pods that do not tolerate it; their replacements avoid the node; kube-proxy stays', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=3');
	run(shell, 'sleep 30');
	assert.ok(nodesOfPods(shell).includes('worker-2'));
	assert.equal(run(shell, 'kubectl taint nodes worker-2 maint=yes:NoExecute').stdout, 'node/worker-2 tainted\n');
	run(shell, 'sleep 40');
	assert.equal(nodesOfPods(shell).length, 3);
	assert.ok(!nodesOfPods(shell).includes('worker-2'), nodesOfPods(shell).join(','));
	assert.match(run(shell, 'kubectl get events').stdout, /TaintManagerEviction +pod\/web-\w+-\w+ +Marking for deletion Pod default\/web-/);
	assert.ok(nodesOfPods(shell, 'kube-system').includes('worker-2'), 'kube-proxy tolerates every taint');
	assert.equal(run(shell, 'kubectl taint nodes worker-2 maint:NoExecute-').stdout, 'node/worker-2 untainted\n');
});

test('NoSchedule keeps new pods off the node and leaves running ones', () => {
	const shell = sandboxShell();
	for (const node of ['worker-1', 'worker-2']) run(shell, `kubectl taint nodes ${node} dedicated=db:NoSchedule`);
	run(shell, 'kubectl create deployment web --image=nginx --replicas=3');
	run(shell, 'sleep 30');
	assert.deepEqual(nodesOfPods(shell), ['worker-3', 'worker-3', 'worker-3']);
});

test('kubectl’s errors: the same taint twice, a missing taint, a bad effect, a non-node resource', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl taint nodes worker-1 dedicated=db:NoSchedule');
	const cases: [string, string][] = [
		['kubectl taint nodes worker-1 dedicated=db:NoSchedule', 'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n'],
		['kubectl taint nodes worker-1 other:NoExecute-', 'error: taint "other:NoExecute" not found\n'],
		['kubectl taint nodes worker-1 foo=bar:Sometimes', 'error: invalid taint spec: foo=bar:Sometimes, unsupported taint effect\n'],
		['kubectl taint pods web foo=bar:NoSchedule', 'error: invalid resource type pods, only node types are supported\n'],
	];
	for (const [line, expected] of cases) {
		const result = run(shell, line);
		assert.equal(result.stderr, expected, line);
		assert.equal(result.exitCode, 1, line);
	}
	assert.equal(run(shell, 'kubectl taint nodes worker-1 dedicated=web:NoSchedule --overwrite').stdout, 'node/worker-1 tainted\n');
	assert.match(run(shell, 'kubectl describe node worker-1').stdout, /^Taints: +dedicated=web:NoSchedule$/m);
});
