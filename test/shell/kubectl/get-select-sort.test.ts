// kubectl get --field-selector (filtered by the API server, its own refusals) and --sort-by
// (kubectl's JSONPath sorter); delete honours --field-selector too.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';
import {quantityValue, relaxedPath} from '../../../source/shell/commands/kubectl/sort-by.ts';

function names(text: string): string[] {
	return text.trim().split('\n').slice(1).map(line => line.split(/\s+/)[0]!);
}

test('--field-selector filters by spec.nodeName and status.phase; != and == work; chained terms are ANDed', () => {
	const shell = sandboxShell();
	const onWorker1 = run(shell, 'kubectl get pods -n kube-system --field-selector spec.nodeName=worker-1');
	assert.equal(onWorker1.exitCode, 0, onWorker1.text);
	assert.deepEqual(names(onWorker1.stdout).map(n => n.replace(/-\w+$/, '')), ['kube-proxy']);
	assert.equal(onWorker1.stderr, '');
	const notRunning = run(shell, 'kubectl get pods -A --field-selector=status.phase!=Running');
	assert.equal(notRunning.stdout, '');
	assert.equal(notRunning.stderr, 'No resources found\n');
	const both = run(shell, 'kubectl get pods -n kube-system --field-selector status.phase==Running,metadata.name=etcd-control-plane -o name');
	assert.equal(both.stdout, 'pod/etcd-control-plane\n');
});

test('an unsupported field is refused with the API server words, per kind', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl get pods --field-selector foo=bar').stderr, 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n');
	assert.equal(run(shell, 'kubectl get deploy -l app=x --field-selector spec.replicas=1').stderr, 'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=x", field selector "spec.replicas=1": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n');
	assert.equal(run(shell, 'kubectl get nodes --field-selector metadata.namespace=x').exitCode, 1);
	assert.equal(run(shell, 'kubectl get nodes --field-selector spec.unschedulable=false -o name').stdout.split('\n').filter(Boolean).length, 4);
	assert.equal(run(shell, 'kubectl get pods etcd --field-selector status.phase=Running').stderr, 'error: name cannot be provided when a selector is specified\n');
});

test('delete --field-selector deletes only the matching pods', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run done --image=busybox --restart=Never -- true');
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 40');
	assert.match(run(shell, 'kubectl get pod done').stdout, /Completed/);
	const deleted = run(shell, 'kubectl delete pods --field-selector status.phase=Succeeded');
	assert.equal(deleted.stdout, 'pod "done" deleted\n', deleted.text);
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, 'pod/web\n');
});

test('--sort-by sorts as kubectl: relaxed paths, numbers and quantities by value, missing fields first', () => {
	const shell = sandboxShell();
	for (const [name, replicas] of [['b', 3], ['a', 10], ['c', 2]] as const) run(shell, `kubectl create deployment ${name} --image=nginx --replicas=${replicas}`);
	assert.deepEqual(names(run(shell, 'kubectl get deploy --sort-by=.spec.replicas').stdout), ['c', 'b', 'a']);
	assert.deepEqual(names(run(shell, "kubectl get deploy --sort-by='{.metadata.name}'").stdout), ['a', 'b', 'c']);
	assert.equal(run(shell, 'kubectl get deploy --sort-by=metadata.name -o name').stdout, 'deployment.apps/a\ndeployment.apps/b\ndeployment.apps/c\n');
	assert.equal(run(shell, 'kubectl get deploy --sort-by=.spec.nothing').stderr, 'error: couldn\'t find any field with path "{.spec.nothing}" in the list of objects\n');
	assert.equal(run(shell, 'kubectl get deploy --sort-by=.spec.replicas').stderr, '', 'no "not simulated" note any more');
	assert.ok(quantityValue('500Mi')! < quantityValue('1G')!);
	assert.ok(quantityValue('100m')! < quantityValue('1')!);
	assert.equal(quantityValue('web-1'), undefined);
	assert.deepEqual(relaxedPath('{.a.b}'), {path: '{.a.b}'});
	assert.ok('error' in relaxedPath('{a}{b}'));
});

test('get events --field-selector involvedObject.name and type', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'kubectl run other --image=nginx');
	run(shell, 'sleep 20');
	const rows = run(shell, 'kubectl get events --field-selector involvedObject.name=web').stdout.trim().split('\n').slice(1);
	assert.ok(rows.length > 2);
	assert.ok(rows.every(r => r.includes('pod/web')), rows.join('\n'));
	assert.equal(run(shell, 'kubectl get events --field-selector type=Warning').stderr, 'No resources found in default namespace.\n');
	assert.match(run(shell, 'kubectl get events --field-selector count=1').stderr, /field label not supported: count/);
});
