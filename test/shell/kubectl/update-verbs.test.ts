import assert from 'node:assert/strict';
import {test} from 'node:test';
import {applyJsonPatch, mergePatch, strategicMergePatch} from '../../../source/shell/commands/kubectl/patches.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function started() {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'kubectl run solo --image=nginx --labels=app=solo,tier=front');
	run(shell, 'sleep 40');
	return shell;
}

test('get -L adds a column per label key (last path segment, upper case) before LABELS', () => {
	const shell = started();
	const hash = run(shell, 'kubectl get rs -o name').stdout.trim().split('-').pop()!;
	const names = run(shell, 'kubectl get pods -o name').stdout.trim().split('\n').map(n => n.slice(4));
	const [a, b] = names.filter(n => n.startsWith('web-'));
	assert.equal(
		run(shell, 'kubectl get pods -L app,tier').stdout,
		`NAME                   READY   STATUS    RESTARTS   AGE   APP    TIER\nsolo                   1/1     Running   0          40s   solo   front\n${a}   1/1     Running   0          39s   web\n${b}   1/1     Running   0          39s   web\n`,
	);
	const both = run(shell, 'kubectl get pods solo -L app -L example.com/tier --show-labels').stdout;
	assert.equal(both, 'NAME   READY   STATUS    RESTARTS   AGE   APP    TIER   LABELS\nsolo   1/1     Running   0          40s   solo          app=solo,tier=front\n');
	assert.match(run(shell, `kubectl get pods ${a} -L pod-template-hash`).stdout, new RegExp(`POD-TEMPLATE-HASH\\n${a} .* ${hash}\\n$`));
});

test('set image rolls a deployment out; rollout status follows it to the end', () => {
	const shell = started();
	assert.equal(run(shell, 'kubectl set image deployment/web nginx=nginx:1.27').stdout, 'deployment.apps/web image updated\n');
	// A line per watch event (each change of the deployment), repeats included, as the real kubectl 1.32 prints them through the endpoint.
	assert.equal(
		run(shell, 'kubectl rollout status deployment/web').stdout,
		'Waiting for deployment spec update to be observed...\nWaiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\nWaiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\nWaiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\nWaiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\ndeployment "web" successfully rolled out\n',
	);
	assert.match(run(shell, 'kubectl get deploy web -o wide').stdout, /nginx:1\.27/);
	assert.deepEqual([run(shell, 'kubectl set image deployment/web nope=x').stderr, run(shell, 'kubectl set image deployment/web nope=x').exitCode], ['error: unable to find container named "nope"\n', 1]);
	assert.equal(run(shell, 'kubectl set image pod/solo solo=nginx:1.27').stdout, 'pod/solo image updated\n');
	run(shell, 'sleep 20');
	assert.match(run(shell, 'kubectl describe pod solo').stdout, /Killing +\S+ +kubelet +Container solo definition changed, will be restarted/);
	assert.equal(run(shell, 'kubectl rollout status rc/nope').stderr, 'Error from server (NotFound): replicationcontrollers "nope" not found\n');
});

test('patch: strategic (default), merge and json, with the real messages', () => {
	const shell = started();
	assert.equal(run(shell, `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`).stdout, 'deployment.apps/web patched\n');
	assert.equal(run(shell, `kubectl patch deployment web -p '{"spec":{"replicas":3}}'`).stdout, 'deployment.apps/web patched (no change)\n');
	assert.equal(run(shell, `kubectl patch pod solo --type=merge -p '{"metadata":{"labels":{"tier":null,"env":"dev"}}}'`).stdout, 'pod/solo patched\n');
	assert.match(run(shell, 'kubectl get pod solo --show-labels').stdout, / app=solo,env=dev\n$/);
	assert.equal(run(shell, `kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`).stdout, 'deployment.apps/web patched\n');
	run(shell, 'sleep 30');
	assert.match(run(shell, 'kubectl get deploy web').stdout, /web +1\/1 +1 +1 /);
	assert.equal(run(shell, `kubectl patch deploy web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`).stderr, 'The request is invalid: the server rejected our request due to an error in our request\n');
	assert.equal(run(shell, `kubectl patch pod solo -p '{bad'`).stderr, `error: unable to parse "{bad": yaml: did not find expected ',' or '}'\n`);
	assert.match(run(shell, `kubectl patch pod solo -p '{"spec":{"restartPolicy":"Never"}}'`).stderr, /^The Pod "solo" is invalid: spec: Forbidden: pod updates may not change fields other than/);
	assert.equal(run(shell, `kubectl patch pod nope -p '{}'`).stderr, 'Error from server (NotFound): pods "nope" not found\n');
});

test('patch kinds on plain data', () => {
	const pod = {spec: {containers: [{name: 'a', image: 'x', ports: [{containerPort: 80}]}, {name: 'b', image: 'y'}]}};
	const containersOf = (patched: unknown) => (patched as typeof pod).spec.containers;
	assert.deepEqual(containersOf(strategicMergePatch(pod, {spec: {containers: [{name: 'b', image: 'z'}]}})), [{name: 'a', image: 'x', ports: [{containerPort: 80}]}, {name: 'b', image: 'z'}]);
	assert.deepEqual(containersOf(mergePatch(pod, {spec: {containers: [{name: 'b', image: 'z'}]}})), [{name: 'b', image: 'z'}]);
	assert.deepEqual(applyJsonPatch(pod, [{op: 'add', path: '/spec/containers/0/ports/-', value: {containerPort: 81}}, {op: 'remove', path: '/spec/containers/1'}]), {value: {spec: {containers: [{name: 'a', image: 'x', ports: [{containerPort: 80}, {containerPort: 81}]}]}}});
	assert.ok('error' in applyJsonPatch(pod, [{op: 'test', path: '/spec/containers/0/image', value: 'nope'}]));
});

test('top without metrics-server', () => {
	const shell = sandboxShell();
	for (const line of ['kubectl top pods', 'kubectl top node']) assert.deepEqual([run(shell, line).stderr, run(shell, line).exitCode], ['error: Metrics API not available\n', 1]);
});

test('rollout history lists revisions with their change-cause; undo brings the previous template back as a new revision', () => {
	const shell = started();
	assert.equal(run(shell, 'kubectl rollout undo deployment/web').stderr, 'error: no rollout history found for deployment "web"\n');
	assert.equal(run(shell, 'kubectl rollout history deployment/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
	run(shell, 'kubectl set image deployment/web nginx=nginx:1.27');
	run(shell, 'kubectl annotate deployment web kubernetes.io/change-cause="image 1.27"');
	run(shell, 'kubectl rollout status deployment/web');
	assert.equal(run(shell, 'kubectl rollout history deployment/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.27\n\n');
	assert.equal(run(shell, 'kubectl rollout undo deployment/web').stdout, 'deployment.apps/web rolled back\n');
	assert.match(run(shell, 'kubectl rollout status deployment/web').stdout, /deployment "web" successfully rolled out\n$/);
	assert.equal(run(shell, 'kubectl rollout history deploy/web').stdout, 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         image 1.27\n3         <none>\n\n');
	assert.match(run(shell, 'kubectl get deploy web -o wide').stdout, /web .* nginx +nginx +app=web\n$/);
	assert.equal(run(shell, 'kubectl rollout undo deployment/web --to-revision=3').stdout, 'deployment.apps/web skipped rollback (current template already matches revision 3)\n');
	assert.equal(run(shell, 'kubectl rollout undo deployment/web --to-revision=9').stderr, 'error: unable to find specified revision 9 in history\n');
});

test('kubectl edit points to edit FILE + apply, and to patch for the object it names', () => {
	const shell = started();
	const hint = run(shell, 'kubectl edit deployment web');
	assert.deepEqual([hint.stderr, hint.exitCode], [`[simulator] kubectl edit is not simulated here. Change the manifest on your disk and apply it:\n  edit FILE.yaml\n  kubectl apply -f FILE.yaml\nor change fields in place: kubectl patch deployment.apps/web -p '{"spec":{...}}', kubectl set image, kubectl scale\n`, 1]);
	assert.equal(run(shell, 'kubectl edit deploy/nope').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
	assert.match(run(shell, 'kubectl edit').stderr, /^error: You must provide one or more resources by argument or filename\./);
});
