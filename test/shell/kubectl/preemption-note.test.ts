// PriorityClass preemption is not modelled: a pending pod that a real scheduler would make room
// for (by evicting lower-priority pods) says so in a [simulator] line of kubectl describe, and
// nothing is evicted.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const pod = (name: string, priorityClass?: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${priorityClass ? `  priorityClassName: ${priorityClass}\n` : ''}  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: "64"\n`;

test('a pending higher-priority pod: describe says preemption is not simulated; the lower-priority pods keep running', () => {
	const shell = sandboxShell({files: {'high.yaml': pod('high', 'high'), 'plain.yaml': pod('plain')}});
	run(shell, 'kubectl create deployment low --image=nginx --replicas=2');
	run(shell, 'kubectl create priorityclass high --value=1000');
	run(shell, 'sleep 20');
	run(shell, 'kubectl apply -f high.yaml');
	run(shell, 'kubectl apply -f plain.yaml');
	run(shell, 'sleep 10');
	const note = '[simulator] preemption is not simulated: a real scheduler would try to evict lower-priority pods to make room for this pod; here it stays Pending until room frees up\n';
	const high = run(shell, 'kubectl describe pod high').stdout;
	assert.match(high, /^Priority: +1000\n/m);
	assert.match(high, /FailedScheduling/);
	assert.ok(high.endsWith(note), high);
	assert.ok(!run(shell, 'kubectl describe pod plain').stdout.includes('[simulator] preemption'), 'priority 0: nothing lower to preempt');
	assert.equal(run(shell, 'kubectl get pods -l app=low --field-selector=status.phase=Running -o name').stdout.trim().split('\n').length, 2);
});
