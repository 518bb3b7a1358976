// A node whose kubelet was silent is NotReady and the node controller marks its pods not ready.
// When the kubelet reports again, its first sync writes its own view back: the pods are Ready
// again (they stayed 0/1 Running for ever, with or without a readiness probe).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const probed = `apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  nodeName: NODE
  containers:
  - name: kubia
    image: luksa/kubia
    readinessProbe:
      httpGet: {path: /, port: 8080}
      periodSeconds: 5
`;

test("a node's pods are Ready again once its kubelet reports again", () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run kubia --image=luksa/kubia');
	run(shell, 'sleep 40');
	const node = run(shell, 'kubectl get pod kubia -o jsonpath={.spec.nodeName}').stdout.trim();
	assert.match(node, /^worker-\d$/);
	assert.equal(run(shell, `kubectl apply -f - <<EOF\n${probed.replace('NODE', node)}EOF`).exitCode, 0);
	run(shell, 'sleep 40');
	const ready = () => run(shell, 'kubectl get pods kubia probed --no-headers').stdout.split('\n').filter(Boolean).map(l => l.split(/\s+/).slice(0, 3).join(' '));
	assert.deepEqual(ready(), ['kubia 1/1 Running', 'probed 1/1 Running']);
	run(shell, `ssh ${node} systemctl stop kubelet`);
	run(shell, 'sleep 60');
	assert.deepEqual(ready(), ['kubia 0/1 Running', 'probed 0/1 Running'], 'the node controller marked them not ready');
	run(shell, `ssh ${node} systemctl start kubelet`);
	run(shell, 'sleep 15');
	assert.match(run(shell, 'kubectl get nodes').stdout, new RegExp(`${node} +Ready `));
	assert.deepEqual(ready(), ['kubia 1/1 Running', 'probed 1/1 Running']);
});
