import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

test('golden tables: nodes, kube-system, namespaces, api-resources', () => {
	const shell = sandboxShell();
	assert.equal(
		run(shell, 'kubectl get nodes').stdout,
		`NAME            STATUS   ROLES           AGE   VERSION
control-plane   Ready    control-plane   60s   v1.31.2
worker-1        Ready    <none>          60s   v1.31.2
worker-2        Ready    <none>          60s   v1.31.2
worker-3        Ready    <none>          60s   v1.31.2
`,
	);
	assert.match(
		run(shell, 'kubectl get pods -n kube-system').stdout,
		/^NAME {36}READY {3}STATUS {4}RESTARTS {3}AGE\ncoredns-[a-z0-9]{10}-[a-z0-9]{5} {16}1\/1 {5}Running {3}0 {10}60s\ncoredns-[a-z0-9]{10}-[a-z0-9]{5} {16}1\/1 {5}Running {3}0 {10}60s\netcd-control-plane {22}1\/1 {5}Running {3}0 {10}60s\nkube-apiserver-control-plane/,
	);
	assert.equal(
		run(shell, 'kubectl get ns').stdout,
		`NAME              STATUS   AGE
default           Active   60s
kube-node-lease   Active   60s
kube-public       Active   60s
kube-system       Active   60s
`,
	);
	assert.match(run(shell, 'kubectl get pods -A').stdout, /^NAMESPACE {5}NAME {36}READY/);
	assert.match(run(shell, 'kubectl api-resources').stdout, /^NAME {32}SHORTNAMES {3}APIVERSION {24}NAMESPACED {3}KIND\n/);
	assert.match(run(shell, 'kubectl api-resources').stdout, /\npods {32}po {11}v1 {32}true {9}Pod\n/);
	assert.equal(run(shell, 'kubectl get svc').stdout, 'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   60s\n');
	assert.equal(run(shell, 'kubectl version').stdout, 'Client Version: v1.31.2\nKustomize Version: v5.4.2\nServer Version: v1.31.2\n');
});

test('short names, singular and plural forms name the same resources', () => {
	const shell = sandboxShell();
	const nodes = run(shell, 'kubectl get nodes').stdout;
	for (const form of ['no', 'node', 'nodes', 'Node']) assert.equal(run(shell, `kubectl get ${form}`).stdout, nodes);
	for (const form of ['po', 'pod', 'pods', 'rc', 'replicationcontroller', 'rs', 'deploy', 'deployment', 'svc', 'ep', 'ns', 'ev', 'cs']) {
		assert.notEqual(run(shell, `kubectl get ${form}`).exitCode, 127, form);
		assert.doesNotMatch(run(shell, `kubectl get ${form}`).stderr, /doesn't have a resource type/, form);
	}
});

test('a Deployment rolls out a new image: a new ReplicaSet scales up, the old one down to 0', () => {
	const shell = sandboxShell({files: {'v1.yaml': deployment('nginx:1.26'), 'v2.yaml': deployment('nginx:1.27')}});
	assert.equal(run(shell, 'kubectl apply -f v1.yaml').stdout, 'deployment.apps/web created\n');
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get deploy web').stdout, /web +3\/3 +3 +3 /);
	assert.equal(run(shell, 'kubectl apply -f v2.yaml').stdout, 'deployment.apps/web configured\n');
	assert.equal(run(shell, 'kubectl apply -f v2.yaml').stdout, 'deployment.apps/web unchanged\n');
	run(shell, 'sleep 120');
	const rs = run(shell, 'kubectl get rs').stdout.trim().split('\n').slice(1);
	assert.equal(rs.length, 2);
	assert.ok(rs.some(l => /web-\w+ +3 +3 +3 /.test(l)) && rs.some(l => /web-\w+ +0 +0 +0 /.test(l)), rs.join('\n'));
	const pods = run(shell, 'kubectl get pods -o json').stdout;
	const images = (JSON.parse(pods).items as any[]).map(p => p.spec.containers[0].image);
	assert.deepEqual(images, ['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
	assert.match(run(shell, 'kubectl describe deploy web').stdout, /ScalingReplicaSet .*Scaled down replica set web-\w+ to \d from \d/);
	assert.match(run(shell, 'kubectl delete deploy web').stdout, /^deployment.apps "web" deleted\n$/);
	run(shell, 'sleep 40');
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});

test('label, annotate, cordon, drain, delete -l, expose and a NodePort', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment web --image=nginx --replicas=2');
	run(shell, 'sleep 40');
	assert.equal(run(shell, 'kubectl cordon worker-1').stdout, 'node/worker-1 cordoned\n');
	assert.match(run(shell, 'kubectl get nodes').stdout, /worker-1 +Ready,SchedulingDisabled/);
	assert.match(run(shell, 'kubectl drain worker-2').stderr, /cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-/);
	const drained = run(shell, 'kubectl drain worker-2 --ignore-daemonsets');
	assert.match(drained.stdout, /node\/worker-2 drained\n$/);
	run(shell, 'kubectl drain worker-1 --ignore-daemonsets'); // the cordoned node keeps its pods until drained too
	run(shell, 'sleep 40');
	const wide = run(shell, 'kubectl get pods -o wide -l app=web').stdout;
	assert.equal((wide.match(/worker-3/g) ?? []).length, 2, wide);
	assert.equal(run(shell, 'kubectl uncordon worker-1').stdout, 'node/worker-1 uncordoned\n');
	assert.equal(run(shell, 'kubectl expose deployment web --port=80 --type=NodePort').stdout, 'service/web exposed\n');
	run(shell, 'sleep 2');
	const port = run(shell, 'kubectl get svc web').stdout.match(/80:(\d+)\/TCP/)![1];
	assert.match(run(shell, `curl -s worker-1:${port}`).stdout, /Welcome to nginx!/);
	assert.equal(run(shell, 'kubectl label pods -l app=web tier=front').stdout.split('\n').filter(Boolean).length, 2);
	assert.match(run(shell, 'kubectl annotate deploy web owner=me').stdout, /^deployment.apps\/web annotated\n$/);
	assert.match(run(shell, 'kubectl get pods --show-labels').stdout, /app=web,pod-template-hash=\w+,tier=front/);
	assert.match(run(shell, 'kubectl delete svc web').stdout, /^service "web" deleted\n$/);
});

test('a bare pod on a powered-off node is not replaced; the ReplicationController pod is', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run lonely --image=nginx');
	run(shell, 'kubectl create deployment kept --image=nginx --replicas=1');
	run(shell, 'sleep 40');
	const node = run(shell, 'kubectl get pod lonely -o wide').stdout.match(/worker-\d/)![0];
	run(shell, `ssh ${node} poweroff`);
	run(shell, 'sleep 400');
	const pods = run(shell, 'kubectl get pods -o wide').stdout;
	assert.match(pods, /lonely +\d\/1 +Terminating/);
	assert.equal((pods.match(/^lonely/gm) ?? []).length, 1);
	assert.match(pods, /kept-\w+-\w+ +1\/1 +Running/);
});

test('errors: unknown verbs, bad selectors, bad output formats, missing names', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'kubectl gett pods').stderr, /^error: unknown command "gett" for "kubectl"/);
	assert.match(run(shell, 'kubectl get pods -o yml').stderr, /^error: unable to match a printer suitable for the output format "yml"/);
	assert.match(run(shell, 'kubectl delete pod').stderr, /^error: resource\(s\) were provided, but no name was specified/);
	assert.equal(run(shell, 'kubectl scale rc nope --replicas=2').stderr, 'Error from server (NotFound): replicationcontrollers "nope" not found\n');
	assert.equal(run(shell, 'kubectl logs nope').stderr, 'Error from server (NotFound): pods "nope" not found\n');
	assert.equal(run(shell, 'kubectl get deploy nope').stderr, 'Error from server (NotFound): deployments.apps "nope" not found\n');
	assert.equal(run(shell, 'kubectl get pods').exitCode, 0);
	assert.equal(run(shell, 'ssh worker-1').exitCode, 0);
	assert.match(run(shell, 'kubectl get pods').stderr, /^(E\d{4} [\d:.]+ +\d+ memcache\.go:265\] .*connection refused"\n){5}The connection to the server localhost:8080 was refused - did you specify the right host or port\?\n$/);
});

test('etcdctl on the control plane reads objects under /registry, with the usual env and flags', () => {
	const shell = sandboxShell();
	assert.match(run(shell, 'etcdctl get /registry/pods --prefix --keys-only').stderr, /connection refused/);
	run(shell, 'ssh control-plane');
	const keys = run(shell, 'ETCDCTL_API=3 etcdctl --endpoints=https://127.0.0.1:2379 --cacert /etc/kubernetes/pki/etcd/ca.crt --cert /etc/kubernetes/pki/etcd/server.crt --key /etc/kubernetes/pki/etcd/server.key get /registry/minions --prefix --keys-only');
	assert.equal(keys.stdout, '/registry/minions/control-plane\n\n/registry/minions/worker-1\n\n/registry/minions/worker-2\n\n/registry/minions/worker-3\n\n');
	const ns = run(shell, 'etcdctl get /registry/namespaces/kube-system').stdout.split('\n');
	assert.equal(ns[0], '/registry/namespaces/kube-system');
	assert.equal(JSON.parse(ns[1]!).metadata.name, 'kube-system');
	assert.match(run(shell, 'etcdctl get /registry/services/specs/default/kubernetes').stdout, /"clusterIP":"10\.96\.0\.1"/);
});

test('flags: real ones not modelled are accepted with a note, unknown ones get kubectl\'s error', () => {
	const shell = sandboxShell();
	const chunked = run(shell, 'kubectl get nodes --chunk-size=10 --no-headers');
	assert.equal(chunked.exitCode, 0);
	assert.match(chunked.stdout, /^control-plane +Ready/);
	assert.equal(chunked.stderr, '[simulator] kubectl: --chunk-size accepted, not simulated here\n');
	assert.equal(run(shell, 'kubectl get pods --frobnicate').stderr, "error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.\n");
	assert.equal(run(shell, 'kubectl get pods -x').stderr, "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n");
});

test('describe of a ReplicationController and a Service reads as the real ones', () => {
	const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: kubia\nspec:\n  replicas: 2\n  selector:\n    app: kubia\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia\n        ports:\n        - containerPort: 8080\n';
	const shell = sandboxShell({files: {'rc.yaml': rc}});
	run(shell, 'kubectl apply -f rc.yaml');
	run(shell, 'kubectl expose rc kubia --port=80 --target-port=8080');
	run(shell, 'sleep 40');
	const text = run(shell, 'kubectl describe rc kubia').stdout;
	assert.match(text, /^Name: {9}kubia\nNamespace: {4}default\nSelector: {5}app=kubia\nLabels: {7}app=kubia\nAnnotations: {2}<none>\nReplicas: {5}2 current \/ 2 desired\nPods Status: {2}2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n {2}Labels: {2}app=kubia\n {2}Containers:\n {3}kubia:\n {4}Image: {9}luksa\/kubia\n {4}Port: {10}8080\/TCP\n/);
	assert.match(text, /Events:\n {2}Type {4}Reason {12}Age {3}From {20}Message\n {2}---- {4}------ {12}---- {2}---- {20}-------\n {2}Normal {2}SuccessfulCreate {2}\d+s {3}replication-controller {2}Created pod: kubia-\w{5}\n/);
	const svc = run(shell, 'kubectl describe svc kubia').stdout;
	assert.match(svc, /^Name: {21}kubia\n/);
	assert.match(svc, /\nType: {21}ClusterIP\n/);
	assert.match(svc, /\nTargetPort: {15}8080\/TCP\nEndpoints: {16}10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080\n/);
	assert.match(svc, /\nEvents: {19}<none>\n$/);
});

test('-o jsonpath and -o custom-columns', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 30');
	assert.match(run(shell, "kubectl get pod web -o jsonpath='{.status.podIP}'").stdout, /^10\.244\.\d+\.\d+$/);
	assert.equal(run(shell, "kubectl get nodes -o jsonpath='{.items[*].metadata.name}'").stdout, 'control-plane worker-1 worker-2 worker-3');
	assert.match(run(shell, 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName').stdout, /^NAME   NODE\nweb    worker-\d\n$/);
	assert.match(run(shell, "kubectl get pods -o jsonpath='{.items[0].spec.nodeName'").stderr, /^error: error parsing jsonpath/);
});

test('kubectl run -it attaches to a shell in the new pod; exit ends it and the kubelet restarts it', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl run -it box --image=busybox -- sh').stdout, "If you don't see a command prompt, try pressing enter.\n");
	assert.equal(run(shell, 'hostname').stdout, 'box\n');
	run(shell, 'exit');
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n');
	run(shell, 'sleep 10');
	assert.match(run(shell, 'kubectl get pod box').stdout, /box +1\/1 +Running +1 /);
	assert.equal(run(shell, 'kubectl run -it nope --image=no/such-image -- sh').stderr, 'error: timed out waiting for the condition\n');
});

test('Events are API objects too: -o yaml, and etcd keys under /registry/events', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'sleep 20');
	const list = JSON.parse(run(shell, 'kubectl get events -o json').stdout);
	const scheduled = list.items.find((e: any) => e.reason === 'Scheduled');
	assert.equal(scheduled.involvedObject.name, 'web');
	assert.equal(scheduled.source.component, 'default-scheduler');
	assert.match(scheduled.metadata.name, /^web\.[0-9a-f]{16}$/);
	run(shell, 'ssh control-plane');
	assert.match(run(shell, 'etcdctl get /registry/events/default --prefix --keys-only').stdout, /^\/registry\/events\/default\/web\.[0-9a-f]{16}\n/);
});

test('--dry-run=client -o yaml writes a manifest; a dry run changes nothing', () => {
	const shell = sandboxShell();
	assert.equal(
		run(shell, 'kubectl create deployment web --image=nginx --dry-run=client -o yaml').stdout,
		`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
	);
	run(shell, 'kubectl run web --image=nginx --dry-run=client -o yaml > pod.yaml');
	assert.equal(run(shell, 'kubectl apply -f pod.yaml --dry-run=client').stdout, 'pod/web created (dry run)\n');
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
	assert.equal(run(shell, 'kubectl apply -f pod.yaml').stdout, 'pod/web created\n');
});
