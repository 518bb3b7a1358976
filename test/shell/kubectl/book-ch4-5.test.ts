// Manifests in the shape of the book's chapter 4-5 ones (our own fixtures): accepted by the API
// server and behaving as the book describes.
import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {realDisk} from '../../../source/node/real-disk.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function bookShell() {
	const shell = sandboxShell();
	shell.runtime = {...shell.runtime, disk: realDisk(fileURLToPath(new URL('../../fixtures/book-ch4-5/', import.meta.url)))};
	return shell;
}

test('a Service without a selector gets its endpoints from a user-made Endpoints object', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f external-service.yaml').stdout, 'service/external-service created\n');
	assert.equal(run(shell, 'kubectl apply -f external-service-endpoints.yaml').stdout, 'endpoints/external-service created\n');
	run(shell, 'sleep 5');
	assert.match(run(shell, 'kubectl get ep external-service').stdout, /\nexternal-service {3}11\.11\.11\.11:80,22\.22\.22\.22:80 {3}5s\n$/);
	assert.match(run(shell, 'kubectl describe svc external-service').stdout, /\nEndpoints: +11\.11\.11\.11:80,22\.22\.22\.22:80\n/);
	// The EndpointSlice mirroring controller copies them into a slice, as it does for a Service without a selector.
	assert.equal(run(shell, 'kubectl get endpointslices').stdout, 'NAME                     ADDRESSTYPE   PORTS   ENDPOINTS                 AGE\nexternal-service-vvbmn   IPv4          80      11.11.11.11,22.22.22.22   5s\nkubernetes               IPv4          6443    192.168.56.20             65s\n');
});

test('an ExternalName Service has no cluster IP; kubectl shows the external name', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f external-service-externalname.yaml').stdout, 'service/external-service-name created\n');
	assert.equal(run(shell, 'kubectl get svc external-service-name').stdout, 'NAME                    TYPE           CLUSTER-IP   EXTERNAL-IP           PORT(S)   AGE\nexternal-service-name   ExternalName   <none>       api.somecompany.com   80/TCP    0s\n');
	const described = run(shell, 'kubectl describe svc external-service-name').stdout;
	assert.match(described, /\nType: {14}ExternalName\nIP Families: {7}<none>\nIP: *\nIPs: {15}<none>\nExternal Name: {5}api\.somecompany\.com\n/);
	assert.equal(run(shell, 'kubectl get svc external-service-name -o jsonpath={.spec.clusterIP}').stdout, '');
});

test('a DaemonSet with a nodeSelector runs one pod on each matching node, following labels', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f ssd-monitor-daemonset.yaml').stdout, 'daemonset.apps/ssd-monitor created\n');
	run(shell, 'sleep 5');
	assert.equal(run(shell, 'kubectl get ds').stdout, 'NAME          DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nssd-monitor   0         0         0       0            0           disk=ssd        5s\n');
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
	run(shell, 'kubectl label node worker-1 disk=ssd');
	run(shell, 'kubectl label node worker-3 disk=ssd');
	run(shell, 'sleep 10');
	assert.equal(run(shell, 'kubectl get ds').stdout, 'NAME          DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nssd-monitor   2         2         2       2            2           disk=ssd        15s\n');
	const nodes = run(shell, 'kubectl get pods -o jsonpath={.items[*].spec.nodeName}').stdout.split(' ').sort();
	assert.deepEqual(nodes, ['worker-1', 'worker-3']);
	assert.match(run(shell, 'kubectl describe pod -l app=ssd-monitor').stdout, /Successfully assigned default\/ssd-monitor-[a-z0-9]{5} to worker-/);
	run(shell, 'kubectl label node worker-1 disk=hdd --overwrite');
	run(shell, 'sleep 40');
	assert.equal(run(shell, 'kubectl get pods -o jsonpath={.items[*].spec.nodeName}').stdout, 'worker-3');
	const described = run(shell, 'kubectl describe ds ssd-monitor').stdout;
	assert.match(described, /^Name: {11}ssd-monitor\nSelector: {7}app=ssd-monitor\nNode-Selector: {2}disk=ssd\nLabels: {9}<none>\nAnnotations: {4}deprecated\.daemonset\.template\.generation: 1\nDesired Number of Nodes Scheduled: 1\nCurrent Number of Nodes Scheduled: 1\n/);
	assert.match(described, /Normal {2}SuccessfulDelete {2}\S+ +daemonset-controller {2}Deleted pod: ssd-monitor-[a-z0-9]{5}\n$/);
});

test('kube-proxy runs as a DaemonSet in kube-system, one pod per node, as kubeadm installs it', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl get ds -n kube-system').stdout, 'NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE\nkube-proxy   4         4         4       4            4           kubernetes.io/os=linux   60s\n');
	const first = run(shell, 'kubectl get pods -n kube-system -l k8s-app=kube-proxy -o jsonpath={.items[0].metadata.name}').stdout;
	run(shell, `kubectl delete pod -n kube-system ${first} --wait=false`);
	run(shell, 'sleep 40');
	const names = run(shell, 'kubectl get pods -n kube-system -l k8s-app=kube-proxy -o jsonpath={.items[*].metadata.name}').stdout.split(' ');
	assert.equal(names.length, 4);
	assert.ok(!names.includes(first), names.join(' '));
	assert.match(run(shell, 'kubectl describe ds kube-proxy -n kube-system').stdout, /Normal {2}SuccessfulCreate {2}\S+ +daemonset-controller {2}Created pod: kube-proxy-[a-z0-9]{5}\n$/);
});

test('a StatefulSet makes web-0 then web-1 (each once the one before is Ready), stable hostnames, scales down from the top', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f web-statefulset.yaml').stdout, 'statefulset.apps/web created\n');
	run(shell, 'sleep 3');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, 'pod/web-0\n');
	run(shell, 'sleep 10');
	assert.equal(run(shell, 'kubectl get sts').stdout, 'NAME   READY   AGE\nweb    1/2     13s\n');
	run(shell, 'sleep 15');
	assert.equal(run(shell, 'kubectl get sts').stdout, 'NAME   READY   AGE\nweb    2/2     28s\n');
	assert.equal(run(shell, 'kubectl exec web-1 -- hostname').stdout, 'web-1\n');
	assert.equal(run(shell, 'kubectl get pod web-1 -o jsonpath={.spec.hostname}.{.spec.subdomain}').stdout, 'web-1.nginx');
	assert.equal(run(shell, 'kubectl scale sts web --replicas=3').stdout, 'statefulset.apps/web scaled\n');
	run(shell, 'sleep 15');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, 'pod/web-0\npod/web-1\npod/web-2\n');
	run(shell, 'kubectl scale sts web --replicas=1');
	run(shell, 'sleep 60');
	assert.equal(run(shell, 'kubectl get pods -o name').stdout, 'pod/web-0\n');
	const described = run(shell, 'kubectl describe sts web').stdout;
	assert.match(described, /\nReplicas: +1 desired \| 1 total\n/);
	assert.match(described, /delete Pod web-2 in StatefulSet web successful\n.*delete Pod web-1 in StatefulSet web successful\n$/);
	assert.equal(run(shell, 'kubectl scale pod web-0 --replicas=2').stderr, 'Error from server (NotFound): the server could not find the requested resource\n');
});

test('an Ingress (networking.k8s.io/v1) is stored; without an ingress controller its ADDRESS stays empty', () => {
	const shell = bookShell();
	assert.equal(run(shell, 'kubectl apply -f kubia-ingress.yaml').stdout, 'ingress.networking.k8s.io/kubia created\n');
	run(shell, 'sleep 30');
	assert.equal(run(shell, 'kubectl get ingress').stdout, 'NAME    CLASS    HOSTS               ADDRESS   PORTS   AGE\nkubia   <none>   kubia.example.com             80      30s\n');
	assert.match(run(shell, 'kubectl describe ing kubia').stdout, /\nRules:\n {2}Host {15}Path {2}Backends\n {2}---- {15}---- {2}--------\n {2}kubia\.example\.com\n {21}\/ {5}kubia-nodeport:80 \(<error: services "kubia-nodeport" not found>\)\n/);
});
