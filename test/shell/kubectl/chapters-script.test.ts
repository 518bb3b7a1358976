// test/scripts/chapters-6-8.txt walks every task of chapters 6-8 in the sandbox, one command per
// line, with the tutor started in test/scripts (manifests in k8s/, the kubia app in kubia/).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {replayScript} from '../../helpers/shell.ts';

test('chapters-6-8.txt runs through and shows what each task teaches', () => {
	const {all, at} = replayScript('chapters-6-8.txt');
	// 6: the control plane as pods; no scheduler, no scheduling; etcd holds the pod; kubelet down, node NotReady.
	assert.match(at('kubectl get pods -n kube-system'), /kube-scheduler-control-plane +1\/1 +Running/);
	assert.doesNotMatch(all('kubectl get pods -n kube-system')[1]!, /kube-scheduler/);
	assert.match(at('kubectl get pods'), /kubia-manual +0\/1 +Pending/);
	assert.match(at('etcdctl get /registry/pods/default/kubia-manual'), /^\/registry\/pods\/default\/kubia-manual\n\{"apiVersion":"v1","kind":"Pod"/);
	assert.match(all('kubectl get nodes')[1]!, /worker-3 +NotReady/);
	assert.match(all('kubectl get nodes')[2]!, /worker-3 +Ready/);
	assert.match(all('kubectl get nodes')[3]!, /NotReady/);
	// 7: events, scaling, self-healing, Insufficient cpu, image back-off, Services.
	for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) assert.match(at('kubectl describe pod kubia-mine'), new RegExp(`Normal +${reason} `));
	assert.match(at('kubectl get rc'), /kubia +3 +0 +0/);
	assert.match(all('kubectl get rc')[1]!, /kubia +5 +5 +5/);
	const replicas = at('kubectl get pods -o wide -l app=kubia');
	assert.ok(new Set(replicas.match(/worker-\d/g)).size >= 2, replicas);
	const afterPowerOff = all('kubectl get pods -o wide -l app=kubia')[1]!;
	const down = afterPowerOff.match(/Terminating .*(worker-\d)/)![1]!;
	assert.equal(afterPowerOff.split('\n').filter(l => / Running /.test(l) && !l.includes(down)).length, 5);
	assert.match(at('kubectl describe pod kubia-huge'), /FailedScheduling .* Insufficient cpu/);
	assert.match(at('kubectl get pod kubia-typo'), /ImagePullBackOff|ErrImagePull/);
	assert.match(all('kubectl get pod kubia-typo')[1]!, /Running/);
	const answers = all('kubectl exec kubia-manual -- curl -s kubia');
	assert.ok(answers.every(a => /^You've hit kubia-[a-z0-9]{5}\n$/.test(a)), answers.join(''));
	assert.match(at('curl -s worker-1:30123'), /^You've hit kubia-/);
	// 8: one hostname and localhost per pod, separate filesystems, a port clash, no NAT between pods.
	assert.equal(at('kubectl exec app-with-sidecar -c sidecar -- hostname'), 'app-with-sidecar\n');
	assert.equal(at('kubectl exec app-with-sidecar -c sidecar -- curl -s localhost:8080'), "You've hit app-with-sidecar\n");
	assert.match(at('kubectl exec app-with-sidecar -c sidecar -- ls /tmp/only-here || echo "the sidecar does not see it"'), /does not see it/);
	assert.match(at('kubectl get pod port-clash'), /1\/2 +(CrashLoopBackOff|Error)/);
	assert.match(at('kubectl logs port-clash -c second'), /\nError: listen EADDRINUSE :::8080\n {4}at Object\.exports\._errnoException \(util\.js:1050:11\)\n/, 'node 7\'s words: the kubia image is FROM node:7');
	const sidecarIp = at('kubectl get pod app-with-sidecar -o wide').match(/10\.244\.\d+\.\d+/)![0];
	assert.match(at('kubectl logs kubia-manual'), new RegExp(`Received request from ::ffff:${sidecarIp.replace(/\./g, '\\.')}`));
	assert.match(at('kubectl get deploy'), /frontend +3\/3 +3 +3/);
	assert.match(at('kubectl get deploy'), /backend +1\/1/);
});
