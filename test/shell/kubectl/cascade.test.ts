// kubectl delete --cascade (kubectl's GetCascadingStrategy; the API's propagationPolicy): orphan
// leaves the dependents running and unowned, background (the default) deletes them with the owner.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

type Shell = ReturnType<typeof sandboxShell>;
const then = (shell: Shell, line: string): Shell => ({...shell, state: run(shell, line).state});

function deploymentWithPods(): Shell {
	return then(then(sandboxShell(), 'kubectl create deployment web --image=nginx --replicas=2'), 'sleep 30');
}

test('--cascade=orphan deletes the Deployment and leaves its ReplicaSet and pods running, no longer owned', () => {
	const shell = then(deploymentWithPods(), 'kubectl delete deployment web --cascade=orphan');
	assert.match(run(shell, 'kubectl get rs').stdout, /^web-\w+ +2 +2 +2 /m);
	const rs = JSON.parse(run(shell, 'kubectl get rs -o json').stdout).items[0];
	assert.equal(rs.metadata.ownerReferences, undefined);
	const after = then(shell, `kubectl delete rs ${rs.metadata.name} --cascade=orphan`);
	const pods = JSON.parse(run(after, 'kubectl get pods -o json').stdout).items;
	assert.equal(pods.length, 2);
	for (const pod of pods) {
		assert.equal(pod.status.phase, 'Running');
		assert.equal(pod.metadata.ownerReferences, undefined);
	}
});

test('the default (background) deletes the dependents with their owner', () => {
	const settled = then(then(deploymentWithPods(), 'kubectl delete deployment web'), 'sleep 40');
	assert.equal(run(settled, 'kubectl get rs').stderr, 'No resources found in default namespace.\n');
	assert.equal(run(settled, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});

test('the old boolean values warn as kubectl does; an unknown value is refused', () => {
	const shell = deploymentWithPods();
	const orphaned = run(shell, 'kubectl delete deployment web --cascade=false');
	assert.match(orphaned.stderr, /^warning: --cascade=false is deprecated \(boolean value\) and can be replaced with --cascade=orphan\.\n/);
	assert.match(run({...shell, state: orphaned.state}, 'kubectl get rs').stdout, /^web-/m);
	const bad = run(shell, 'kubectl delete deployment web --cascade=sideways');
	assert.equal(bad.exitCode, 1);
	assert.equal(bad.stderr, 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"\n');
});
