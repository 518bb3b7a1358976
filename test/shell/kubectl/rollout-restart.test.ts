// kubectl rollout restart: the template gets kubectl.kubernetes.io/restartedAt, so the Deployment
// rolls out new pods through a new ReplicaSet, as on a real cluster.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('rollout restart replaces every pod through a new ReplicaSet and a new revision', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'sleep 30');
	const before = JSON.parse(run(shell, 'kubectl get pods -o json').stdout).items.map((p: any) => p.metadata.name);
	assert.equal(run(shell, 'kubectl rollout restart deployment/web').stdout, 'deployment.apps/web restarted\n');
	assert.match(run(shell, 'kubectl rollout status deployment/web').stdout, /deployment "web" successfully rolled out\n$/);
	run(shell, 'sleep 40');
	const after = JSON.parse(run(shell, 'kubectl get pods -o json').stdout).items;
	assert.equal(after.length, 2);
	for (const pod of after) assert.ok(!before.includes(pod.metadata.name), pod.metadata.name);
	const template = JSON.parse(run(shell, 'kubectl get deployment web -o json').stdout).spec.template;
	assert.match(template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	assert.match(run(shell, 'kubectl rollout history deployment/web').stdout, /^2 +<none>$/m);
});
