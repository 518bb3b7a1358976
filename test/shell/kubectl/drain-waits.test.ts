// kubectl drain waits until the pods it evicted are gone, as the real one does: on a live node
// that is their grace period (virtual time runs); on a node that is down they never go, and the
// real drain would wait for ever, so the simulator says so instead of printing "drained". A forced
// delete warns before it deletes, as kubectl prints it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const podsOn = (shell: ReturnType<typeof sandboxShell>, node: string) =>
	run(shell, 'kubectl get pods -o wide --no-headers').stdout.split('\n').filter(l => l.split(/\s+/)[6] === node);

test('drain returns once the evicted pods are gone', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=luksa/kubia --replicas=3');
	run(shell, 'sleep 40');
	const node = podsOn(shell, 'worker-1').length ? 'worker-1' : 'worker-2';
	const drained = run(shell, `kubectl drain ${node} --ignore-daemonsets`);
	assert.match(drained.stdout, /^pod\/web-\S+ evicted\n/m);
	assert.match(drained.stdout, new RegExp(`node/${node} drained\\n$`));
	assert.deepEqual(podsOn(shell, node), [], 'nothing left on the node, not even Terminating');
});

test('drain of a node that is down says that a real drain would keep waiting; a forced delete warns first', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=luksa/kubia --replicas=3');
	run(shell, 'sleep 40');
	const node = podsOn(shell, 'worker-2').length ? 'worker-2' : 'worker-1';
	run(shell, `power off ${node}`);
	run(shell, 'sleep 60');
	const drained = run(shell, `kubectl drain ${node} --ignore-daemonsets --force`);
	assert.equal(drained.exitCode, 1);
	assert.doesNotMatch(drained.stdout, /drained|evicted\n/);
	// kubectl's DaemonSet warning comes first on stderr, as the real kubectl prints it.
	assert.match(drained.stderr, /^Warning: ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-\S+\n\[simulator\] kubectl drain waits until the evicted pods are gone, and web-\S+ on worker-\d never go while its kubelet is down: a real drain keeps waiting \(until --timeout, or Ctrl-C\)\./);
	assert.match(run(shell, 'kubectl get deploy web --no-headers').stdout, /^web +3\/3 /, 'the replacements run elsewhere');
	const forced = run(shell, `kubectl delete pods --field-selector spec.nodeName=${node} --force --grace-period=0`);
	assert.match(forced.text, /^Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated\. The resource may continue to run on the cluster indefinitely\.\npod "web-\S+" force deleted\n$/);
	assert.deepEqual(podsOn(shell, node), []);
});
