// kubectl config against kubeadm's admin kubeconfig, as the real kubectl prints it (checked with
// kubectl 1.32 on a kubeconfig of the same shape): view with DATA+OMITTED, get-contexts, the
// context's namespace used by later commands, use-context of a missing context, --context.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('config view prints the admin kubeconfig with its secrets omitted, and works with the API server down', () => {
	const shell = sandboxShell();
	const view = run(shell, 'kubectl config view').stdout;
	assert.match(view, /^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: DATA\+OMITTED\n    server: https:\/\/[\d.]+:6443\n  name: kubernetes\n/);
	assert.match(view, /current-context: kubernetes-admin@kubernetes\nkind: Config\npreferences: \{\}\nusers:\n- name: kubernetes-admin\n  user:\n    client-certificate-data: DATA\+OMITTED\n    client-key-data: DATA\+OMITTED\n$/);
	assert.equal(run(shell, 'kubectl config current-context').stdout, 'kubernetes-admin@kubernetes\n');
});

test('set-context --current --namespace makes later commands use that namespace', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create namespace dev');
	assert.equal(run(shell, 'kubectl config set-context --current --namespace=dev').stdout, 'Context "kubernetes-admin@kubernetes" modified.\n');
	assert.match(run(shell, 'kubectl config get-contexts').stdout, /^CURRENT +NAME +CLUSTER +AUTHINFO +NAMESPACE\n\* +kubernetes-admin@kubernetes +kubernetes +kubernetes-admin +dev\n$/);
	run(shell, 'kubectl run web --image=nginx');
	assert.match(run(shell, 'kubectl get pods -n dev').stdout, /^web /m);
	assert.equal(run(shell, 'kubectl get pods -n default').stderr, 'No resources found in default namespace.\n');
	assert.match(run(shell, 'kubectl config view --minify').stdout, /    namespace: dev\n/);
});

test('a context that does not exist is refused in kubectl’s words', () => {
	const shell = sandboxShell();
	const use = run(shell, 'kubectl config use-context nope');
	assert.equal(use.stderr, 'error: no context exists with the name: "nope"\n');
	assert.equal(use.exitCode, 1);
	assert.equal(run(shell, 'kubectl get pods --context=foo').stderr, 'Error in configuration: context was not found for specified context: foo\n');
	assert.equal(run(shell, 'kubectl config delete-context zz').stderr, 'error: cannot delete context zz, not in /root/.kube/config\n');
});

test('several contexts: set-context creates and modifies, use-context switches the namespace, --context borrows one (as kubectl 1.32 prints)', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create namespace dev');
	assert.equal(run(shell, 'kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev').stdout, 'Context "dev" created.\n');
	assert.equal(run(shell, 'kubectl config set-context dev --namespace=dev').stdout, 'Context "dev" modified.\n');
	assert.equal(run(shell, 'kubectl config get-contexts').stdout, 'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n          dev                           kubernetes   kubernetes-admin   dev\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n'.replace(/ +\n/g, '\n'));
	run(shell, 'kubectl run web --image=nginx --context=dev');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, '', 'the current context is still the default namespace');
	assert.equal(run(shell, 'kubectl config use-context dev').stdout, 'Switched to context "dev".\n');
	assert.equal(run(shell, 'kubectl config current-context').stdout, 'dev\n');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, 'pod/web\n');
	assert.match(run(shell, 'kubectl config view --minify').stdout, /contexts:\n- context:\n    cluster: kubernetes\n    namespace: dev\n    user: kubernetes-admin\n  name: dev\ncurrent-context: dev\n/);
	assert.equal(run(shell, 'kubectl config use-context kubernetes-admin@kubernetes').stdout, 'Switched to context "kubernetes-admin@kubernetes".\n');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, '');
	assert.equal(run(shell, 'kubectl config rename-context dev staging').stdout, 'Context "dev" renamed to "staging".\n');
	assert.equal(run(shell, 'kubectl config get-contexts staging').stdout.split('\n')[1]!.trim(), 'staging   kubernetes   kubernetes-admin   dev');
	assert.equal(run(shell, 'kubectl config delete-context staging').stdout, 'deleted context staging from /root/.kube/config\n');
	assert.equal(run(shell, 'kubectl config use-context staging').stderr, 'error: no context exists with the name: "staging"\n');
	run(shell, 'kubectl config set-context other --cluster=elsewhere --user=kubernetes-admin');
	assert.match(run(shell, 'kubectl get pods --context=other').stderr, /^\[simulator\] the context "other" names the cluster "elsewhere"/);
});
