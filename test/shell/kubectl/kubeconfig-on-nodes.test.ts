// kubectl on a kubeadm node finds no kubeconfig until it is given one, as on a real cluster: it
// falls back to localhost:8080 and says so in kubectl's own words. kubeadm's admin.conf on the
// control plane works through --kubeconfig, $KUBECONFIG or a copy in ~/.kube/config, for root.
// (kubectl on the control plane used to work with no kubeconfig at all: a wrong fact.)
import assert from 'node:assert/strict';
import test from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const noServer = /^(E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"http:\/\/localhost:8080\/api\?timeout=32s\\": dial tcp 127\.0\.0\.1:8080: connect: connection refused"\n){5}The connection to the server localhost:8080 was refused - did you specify the right host or port\?\n$/;

test('on the control plane, kubectl without a kubeconfig gets the real localhost:8080 error', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl get nodes').exitCode, 0, "the learner's own machine is set up");
	run(shell, 'ssh control-plane');
	const bare = run(shell, 'kubectl get nodes');
	assert.match(bare.stderr, noServer);
	assert.equal(bare.exitCode, 1);
	assert.equal(run(shell, 'kubectl version').text, 'Client Version: v1.31.2\nKustomize Version: v5.4.2\nThe connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
	assert.match(run(shell, 'kubectl config view').stdout, /^contexts: null$/m);
});

test("kubeadm's admin.conf works through --kubeconfig (before or after the verb), KUBECONFIG or ~/.kube/config", () => {
	const shell = sandboxShell();
	run(shell, 'ssh control-plane');
	assert.match(run(shell, 'kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes').stdout, /^control-plane +Ready/m);
	assert.match(run(shell, 'kubectl get nodes --kubeconfig=/etc/kubernetes/admin.conf').stdout, /^worker-1 +Ready/m);
	assert.equal(run(shell, 'kubectl --kubeconfig /etc/kubernetes/nope.conf get nodes').stderr, 'error: stat /etc/kubernetes/nope.conf: no such file or directory\n');
	run(shell, 'export KUBECONFIG=/etc/kubernetes/admin.conf');
	assert.equal(run(shell, 'kubectl get nodes').exitCode, 0);
	assert.match(run(shell, 'kubectl config view').stdout, /^current-context: kubernetes-admin@kubernetes$/m);
	run(shell, 'unset KUBECONFIG');
	assert.equal(run(shell, 'kubectl get nodes').exitCode, 1);
	run(shell, 'mkdir -p $HOME/.kube && cp -i /etc/kubernetes/admin.conf $HOME/.kube/config');
	assert.equal(run(shell, 'kubectl get nodes').exitCode, 0);
	run(shell, 'exit');
	assert.match(run(shell, 'ssh control-plane sudo kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes').stdout, /^control-plane +Ready/m);
	assert.equal(run(shell, 'ssh learner@control-plane kubectl --kubeconfig /etc/kubernetes/admin.conf get nodes').stderr, 'error: error loading config file "/etc/kubernetes/admin.conf": open /etc/kubernetes/admin.conf: permission denied\n');
});

test('on a worker: the same error, with as many discovery tries as the verb makes', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'ssh worker-1 kubectl get pods').stderr, noServer);
	const logs = run(shell, 'ssh worker-1 kubectl logs web').stderr.split('\n');
	assert.equal(logs.filter(l => l.startsWith('E')).length, 4);
	assert.equal(run(shell, 'ssh worker-1 kubectl run x --image=nginx').stderr.split('\n').filter(l => l.includes('memcache.go')).length, 1);
	assert.equal(run(shell, 'kubectl -n kube-system get pods').exitCode, 0, 'a global flag before the verb');
});
