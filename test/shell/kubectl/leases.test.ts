// coordination.k8s.io/v1 Leases: each kubelet renews its node's Lease in kube-node-lease every
// 10 s, the node lifecycle controller's NotReady follows from the Lease, and kube-system holds
// the control plane's leader-election and identity leases, as on a kubeadm cluster.
// Goldens compared with the real kubectl 1.32 through the API endpoint (times aside).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const renewTime = (shell: ReturnType<typeof sandboxShell>, node: string) => run(shell, `kubectl get lease ${node} -n kube-node-lease -o jsonpath={.spec.renewTime}`).stdout;

test('kubectl get leases -A lists a Lease per node and the control plane leases; the default namespace has none', () => {
	const shell = sandboxShell();
	const out = run(shell, 'kubectl get leases -A').stdout.split('\n');
	assert.match(out[0]!, /^NAMESPACE {9}NAME {35}HOLDER {70}AGE$/);
	assert.deepEqual(
		out.slice(1, 5).map(l => l.split(/ +/).slice(0, 3).join(' ')),
		['kube-node-lease control-plane control-plane', 'kube-node-lease worker-1 worker-1', 'kube-node-lease worker-2 worker-2', 'kube-node-lease worker-3 worker-3'],
	);
	assert.match(out[5]!, /^kube-system {7}apiserver-[a-z2-7]{26} {3}apiserver-[a-z2-7]{26}_[0-9a-f-]{36} {3}\d+s$/);
	assert.match(out[6]!, /^kube-system {7}kube-controller-manager {16}control-plane_[0-9a-f-]{36} {26}\d+s$/);
	assert.match(out[7]!, /^kube-system {7}kube-scheduler {25}control-plane_[0-9a-f-]{36} {26}\d+s$/);
	assert.equal(run(shell, 'kubectl get leases').stderr, 'No resources found in default namespace.\n');
	assert.match(run(shell, 'kubectl api-resources').stdout, /\nleases {43}coordination\.k8s\.io\/v1 {12}true {9}Lease\n/);
});

test('a node Lease as the kubelet writes it: owned by its Node, 40 s duration, a MicroTime renewTime', () => {
	const shell = sandboxShell();
	const uid = run(shell, 'kubectl get node worker-1 -o jsonpath={.metadata.uid}').stdout;
	const yaml = run(shell, 'kubectl get lease worker-1 -n kube-node-lease -o yaml').stdout;
	assert.match(yaml, new RegExp(`^apiVersion: coordination\\.k8s\\.io/v1\nkind: Lease\nmetadata:\n  creationTimestamp: "[^"]+"\n  name: worker-1\n  namespace: kube-node-lease\n  ownerReferences:\n  - apiVersion: v1\n    kind: Node\n    name: worker-1\n    uid: ${uid}\n  resourceVersion: "\\d+"\n  uid: [0-9a-f-]{36}\nspec:\n  holderIdentity: worker-1\n  leaseDurationSeconds: 40\n  renewTime: "2026-01-05T09:0\\d:\\d\\d\\.000000Z"\n$`));
});

test('kubelets renew their Lease every 10 s; a stopped kubelet stops renewing and the node goes NotReady 40 s after its last renewal', () => {
	const shell = sandboxShell();
	const first = Date.parse(renewTime(shell, 'worker-2'));
	run(shell, 'sleep 10');
	assert.equal(Date.parse(renewTime(shell, 'worker-2')) - first, 10_000);
	run(shell, 'ssh worker-2 sudo systemctl stop kubelet');
	run(shell, 'exit');
	const last = Date.parse(renewTime(shell, 'worker-2'));
	run(shell, 'sleep 30');
	assert.equal(Date.parse(renewTime(shell, 'worker-2')), last, 'no renewal without a kubelet');
	assert.equal(Date.parse(renewTime(shell, 'worker-1')) > last, true, 'the other kubelets go on');
	assert.match(run(shell, 'kubectl get node worker-2').stdout, /worker-2 +Ready /);
	// The controller checks every 5 s: NotReady once the Lease is more than 40 s old.
	run(shell, 'sleep 15');
	assert.match(run(shell, 'kubectl get node worker-2').stdout, /worker-2 +NotReady /);
	assert.match(run(shell, 'kubectl describe node worker-2').stdout, /\nLease:\n  HolderIdentity:  worker-2\n  AcquireTime:     <unset>\n  RenewTime:       Mon, 05 Jan 2026 09:\d\d:\d\d \+0000\nConditions:\n/);
	// The kubelet comes back: it renews its Lease and posts Ready.
	run(shell, 'ssh worker-2 sudo systemctl start kubelet');
	run(shell, 'exit');
	run(shell, 'sleep 10');
	assert.equal(Date.parse(renewTime(shell, 'worker-2')) > last, true);
	assert.match(run(shell, 'kubectl get node worker-2').stdout, /worker-2 +Ready /);
});

test('a deleted node Lease is recreated by its kubelet, and the node stays Ready', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl delete lease worker-1 -n kube-node-lease').stdout, 'lease.coordination.k8s.io "worker-1" deleted\n');
	run(shell, 'sleep 10');
	assert.match(run(shell, 'kubectl get lease worker-1 -n kube-node-lease').stdout, /^NAME {7}HOLDER {5}AGE\nworker-1 {3}worker-1 {3}\d+s\n$/);
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get node worker-1').stdout, /worker-1 +Ready /);
});

test('a deleted Node takes its Lease with it (the Lease is owned by the Node)', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl delete node worker-3');
	assert.equal(run(shell, 'kubectl get lease worker-3 -n kube-node-lease').stderr, 'Error from server (NotFound): leases.coordination.k8s.io "worker-3" not found\n');
});

test('kubectl describe lease prints the generic describer: every field, labelled from its name', () => {
	const shell = sandboxShell();
	const uid = run(shell, 'kubectl get node worker-1 -o jsonpath={.metadata.uid}').stdout;
	const out = run(shell, 'kubectl describe lease worker-1 -n kube-node-lease').stdout;
	const expected = [
		'Name:         worker-1',
		'Namespace:    kube-node-lease',
		'Labels:       <none>',
		'Annotations:  <none>',
		'API Version:  coordination.k8s.io/v1',
		'Kind:         Lease',
		'Metadata:',
		'  Creation Timestamp:  <time>',
		'  Owner References:',
		'    API Version:     v1',
		'    Kind:            Node',
		'    Name:            worker-1',
		`    UID:             ${uid}`,
		'  Resource Version:  <rv>',
		'  UID:               <uid>',
		'Spec:',
		'  Holder Identity:         worker-1',
		'  Lease Duration Seconds:  40',
		'  Renew Time:              <time>',
		'Events:                    <none>',
		'',
	].join('\n');
	assert.equal(
		out
			.replace(/2026-01-05T[\d:.]+Z/g, '<time>')
			.replace(/(Resource Version: +)\d+/, '$1<rv>')
			.replace(/(\n {2}UID: +)[0-9a-f-]{36}/, '$1<uid>'),
		expected,
	);
});

test('leader election: a restarted kube-scheduler takes its Lease over once the old holder\'s 15 s have run out', () => {
	const shell = sandboxShell();
	const holder = () => run(shell, 'kubectl get lease kube-scheduler -n kube-system -o jsonpath={.spec.holderIdentity}/{.spec.leaseTransitions}').stdout;
	const before = holder();
	assert.match(before, /^control-plane_[0-9a-f-]{36}\/0$/);
	run(shell, 'ssh control-plane sudo mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/');
	run(shell, 'sleep 5');
	const stopped = run(shell, 'kubectl get lease kube-scheduler -n kube-system -o jsonpath={.spec.renewTime}').stdout;
	run(shell, 'sleep 20');
	assert.equal(run(shell, 'kubectl get lease kube-scheduler -n kube-system -o jsonpath={.spec.renewTime}').stdout, stopped, 'a stopped scheduler renews nothing');
	run(shell, 'ssh control-plane sudo mv /tmp/kube-scheduler.yaml /etc/kubernetes/manifests/');
	run(shell, 'sleep 5');
	const after = holder();
	assert.notEqual(after.split('/')[0], before.split('/')[0]);
	assert.equal(after.split('/')[1], '1');
});

test('NotReady follows from the Lease: renewing a stopped kubelet\'s Lease by hand keeps its node Ready; an older renewTime does not', () => {
	const shell = sandboxShell();
	run(shell, 'ssh worker-2 sudo systemctl stop kubelet');
	run(shell, 'exit');
	run(shell, 'sleep 30');
	const renewAt = (iso: string) => run(shell, `kubectl patch lease worker-2 -n kube-node-lease --type=merge -p '{"spec":{"renewTime":"${iso}"}}'`);
	const clock = () => Date.parse(run(shell, 'kubectl get lease worker-1 -n kube-node-lease -o jsonpath={.spec.renewTime}').stdout);
	assert.equal(renewAt(new Date(clock()).toISOString().replace('Z', '000Z')).stdout, 'lease.coordination.k8s.io/worker-2 patched\n');
	run(shell, 'sleep 10');
	renewAt('2026-01-05T09:00:00.000000Z');
	run(shell, 'sleep 20');
	assert.match(run(shell, 'kubectl get node worker-2').stdout, /worker-2 +Ready /, 'renewed by hand 30 s ago, within the 40 s grace; the older renewTime is ignored');
	run(shell, 'sleep 15');
	assert.match(run(shell, 'kubectl get node worker-2').stdout, /worker-2 +NotReady /);
});
