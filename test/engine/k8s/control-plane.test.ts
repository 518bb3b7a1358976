import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';

test('without the controller manager a deleted replica is not replaced; with it back, it is', () => {
	const shell = sandboxShell({files: {'rc.yaml': rc}});
	run(shell, 'kubectl apply -f rc.yaml');
	run(shell, 'sleep 40');
	run(shell, 'ssh control-plane');
	run(shell, 'mv /etc/kubernetes/manifests/kube-controller-manager.yaml /root/');
	run(shell, 'exit');
	run(shell, 'sleep 5');
	assert.match(run(shell, 'kubectl get cs').stdout, /controller-manager +Unhealthy/);
	const victim = run(shell, 'kubectl get pods -o name').stdout.split('\n')[0]!.split('/')[1]!;
	run(shell, `kubectl delete pod ${victim} --grace-period=0 --force`);
	run(shell, 'sleep 30');
	assert.equal((run(shell, 'kubectl get pods --no-headers').stdout.match(/^web-/gm) ?? []).length, 1);
	run(shell, 'ssh control-plane');
	run(shell, 'mv /root/kube-controller-manager.yaml /etc/kubernetes/manifests/');
	run(shell, 'exit');
	run(shell, 'sleep 40');
	assert.equal((run(shell, 'kubectl get pods --no-headers').stdout.match(/^web-\w+ +1\/1 +Running/gm) ?? []).length, 2);
});

test('without the API server kubectl cannot connect; kubectl on a worker has no kubeconfig', () => {
	const shell = sandboxShell();
	run(shell, 'ssh control-plane');
	run(shell, 'export KUBECONFIG=/etc/kubernetes/admin.conf'); // kubeadm's admin kubeconfig, as root on the control plane
	run(shell, 'mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/');
	run(shell, 'sleep 5');
	const down = run(shell, 'kubectl get pods');
	assert.equal(down.exitCode, 1);
	assert.equal(down.stderr, 'The connection to the server 192.168.56.20:6443 was refused - did you specify the right host or port?\n');
	run(shell, 'mv /tmp/kube-apiserver.yaml /etc/kubernetes/manifests/');
	run(shell, 'sleep 5');
	assert.equal(run(shell, 'kubectl get pods -n kube-system --no-headers').exitCode, 0);
	run(shell, 'exit');
	run(shell, 'ssh worker-1');
	assert.match(run(shell, 'kubectl get nodes').stderr, /^(E\d{4} [\d:.]+ +\d+ memcache\.go:265\] .*connection refused"\n){5}The connection to the server localhost:8080 was refused - did you specify the right host or port\?\n$/);
});

test('a pod that asks for a host port taken on every worker waits, with the real reason', () => {
	const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n`;
	const shell = sandboxShell({files: {'a.yaml': pod('a'), 'b.yaml': pod('b'), 'c.yaml': pod('c'), 'd.yaml': pod('d')}});
	for (const f of ['a', 'b', 'c', 'd']) run(shell, `kubectl apply -f ${f}.yaml`);
	run(shell, 'sleep 5');
	const nodes = ['a', 'b', 'c'].map(p => run(shell, `kubectl get pod ${p} -o wide`).stdout.match(/worker-\d/)![0]);
	assert.equal(new Set(nodes).size, 3);
	assert.match(run(shell, 'kubectl describe pod d').stdout, /0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 node\(s\) didn't have free ports for the requested pod ports\./);
});

test('a pod waiting for CPU is scheduled as soon as another pod gives its requests back', () => {
	const pod = (name: string, cpu: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources:\n      requests:\n        cpu: "${cpu}"\n`;
	const shell = sandboxShell({files: {'manifests/a.yaml': pod('a', '1500m'), 'manifests/b.yaml': pod('b', '1500m'), 'manifests/c.yaml': pod('c', '1500m'), 'd.yaml': pod('d', '1500m')}});
	assert.equal(run(shell, 'kubectl apply -f manifests').stdout, 'pod/a created\npod/b created\npod/c created\n');
	run(shell, 'kubectl apply -f d.yaml');
	run(shell, 'sleep 10');
	assert.match(run(shell, 'kubectl get pod d').stdout, /Pending/);
	run(shell, 'kubectl delete pod a --grace-period=0 --force');
	run(shell, 'sleep 2');
	assert.match(run(shell, 'kubectl get pod d -o wide').stdout, /worker-\d/);
});
