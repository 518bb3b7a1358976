// kubectl auth can-i and whoami, answered by the cluster's RBAC: the admin of kubeadm's
// admin.conf can do everything; --as a user or a service account gets what its bindings give.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('can-i: yes for the admin, no for an unbound user, and what a RoleBinding grants in its namespace only', () => {
	const shell = sandboxShell();
	const yes = run(shell, 'kubectl auth can-i create deployments');
	assert.equal(yes.stdout, 'yes\n');
	assert.equal(yes.exitCode, 0);
	const no = run(shell, 'kubectl auth can-i create deployments --as=jane');
	assert.equal(no.stdout, 'no\n');
	assert.equal(no.exitCode, 1);
	run(shell, 'kubectl create sa robot');
	run(shell, 'kubectl create role pod-reader --verb=get,list --resource=pods');
	run(shell, 'kubectl create rolebinding robot-reads --role=pod-reader --serviceaccount=default:robot');
	const robot = '--as=system:serviceaccount:default:robot';
	assert.equal(run(shell, `kubectl auth can-i list pods ${robot}`).stdout, 'yes\n');
	assert.equal(run(shell, `kubectl auth can-i delete pods ${robot}`).stdout, 'no\n');
	assert.equal(run(shell, `kubectl auth can-i list pods ${robot} -n kube-system`).stdout, 'no\n');
	assert.equal(run(shell, `kubectl auth can-i list deployments ${robot}`).stdout, 'no\n');
	run(shell, 'kubectl create clusterrolebinding jane-view --clusterrole=view --user=jane');
	assert.equal(run(shell, 'kubectl auth can-i get deployments.apps --as=jane -n kube-system').stdout, 'yes\n');
	assert.equal(run(shell, 'kubectl auth can-i get secrets --as=jane').stdout, 'no\n', 'view does not read secrets');
	assert.equal(run(shell, 'kubectl auth can-i get pods/log --as=jane').stdout, 'yes\n');
	assert.equal(run(shell, 'kubectl auth can-i get pods --as=bob --as-group=devs').stdout, 'no\n');
	run(shell, 'kubectl create rolebinding devs-edit --clusterrole=edit --group=devs');
	assert.equal(run(shell, 'kubectl auth can-i create pods --as=bob --as-group=devs -q').stdout, '');
	assert.equal(run(shell, 'kubectl auth can-i create pods --as=bob --as-group=devs -q').exitCode, 0);
	assert.equal(run(shell, 'kubectl auth can-i get /healthz --as=anyone').stdout, 'yes\n');
});

test('can-i warnings and usage errors are kubectl\'s', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl auth can-i get nodes').stderr, "Warning: resource 'nodes' is not namespace scoped\n");
	assert.equal(run(shell, 'kubectl auth can-i get nodes -A').stderr, '');
	assert.equal(run(shell, 'kubectl auth can-i get foos --as=jane').stderr, "Warning: the server doesn't have a resource type 'foos'\n");
	assert.equal(run(shell, 'kubectl auth can-i frob pods').stderr, "Warning: verb 'frob' is not a known verb\n");
	assert.equal(run(shell, 'kubectl auth can-i get').stderr, "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n");
	assert.equal(run(shell, 'kubectl auth can-i --list -A').stderr, "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n");
});

test('can-i --list shows the rules, one row per resource with verbs merged; whoami names the user and groups', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create role web-admin --verb=get,update --resource=deployments.apps --resource-name=web');
	run(shell, 'kubectl create rolebinding ann-web --role=web-admin --user=ann');
	const list = run(shell, 'kubectl auth can-i --list --as=ann').stdout.split('\n');
	assert.match(list[0]!, /^Resources +Non-Resource URLs +Resource Names +Verbs$/);
	assert.ok(list.some(l => /^deployments\.apps +\[\] +\[web\] +\[get update\]$/.test(l)), list.join('\n'));
	assert.ok(list.some(l => /^ +\[\/healthz\] +\[\] +\[get\]$/.test(l)), list.join('\n'));
	assert.match(run(shell, 'kubectl auth can-i --list').stdout, /\n\*\.\* +\[\] +\[\] +\[\*\]\n/);
	assert.equal(run(shell, 'kubectl auth whoami').stdout, 'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n');
	assert.equal(run(shell, 'kubectl auth whoami --as=system:serviceaccount:dev:ci').stdout, 'ATTRIBUTE   VALUE\nUsername    system:serviceaccount:dev:ci\nGroups      [system:serviceaccounts system:serviceaccounts:dev system:authenticated]\n');
});
