// The learner's ~/.kube/config is a file on their machine, and it says what kubectl uses: kubectl
// used a kubeconfig that `cat ~/.kube/config` and `ls ~/.kube` did not show. `kubectl config`
// writes what it changes to that file, as the real kubectl does (clientcmd.ModifyConfig).
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('~/.kube/config on the learner\'s host is the kubeconfig kubectl config view shows', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	assert.equal(run(shell, 'ls ~/.kube').stdout, 'config\n');
	const file = run(shell, 'cat ~/.kube/config').stdout;
	const lines = file.split('\n');
	assert.match(lines[0]!, /^# \[simulator\] /, 'the omitted certificate data is said to be the simulator\'s');
	assert.match(lines[1]!, /^# \[模拟器\] /, 'in Chinese too');
	assert.equal(lines.slice(2).join('\n'), run(shell, 'kubectl config view').stdout);
	assert.match(file, /^current-context: kubernetes-admin@kubernetes$/m);
});

test('kubectl config set-context / use-context write the file', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'kubectl config set-context --current --namespace=kube-system');
	assert.match(run(shell, 'cat ~/.kube/config').stdout, /^ {4}namespace: kube-system$/m);
	run(shell, 'kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev');
	run(shell, 'kubectl config use-context dev');
	assert.equal(run(shell, 'grep current-context ~/.kube/config').stdout, 'current-context: dev\n');
	assert.equal(run(shell, 'kubectl config current-context').stdout, 'dev\n');
});

test('a node reached with ssh has no ~/.kube/config (kubeadm writes none there)', () => {
	const shell = sandboxShell({world: createSandboxWorld()});
	run(shell, 'ssh worker-1');
	assert.equal(run(shell, 'ls ~/.kube').exitCode, 2);
});
