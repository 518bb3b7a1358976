// ConfigMaps, Secrets and ServiceAccounts as a real cluster has them, and pods that use them
// (outputs checked against kubectl 1.32: `create ... --dry-run=client -o yaml`, printers, describers).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('kubectl create configmap and secret build the objects kubectl builds', () => {
	const shell = sandboxShell({files: {'app.env': 'A=1\n# comment\n\nB=2\n', 'conf/f1': 'hi\n', 'conf/g.conf': 'x\ny'}});
	assert.equal(run(shell, 'kubectl create configmap x --from-literal=k=v --from-literal=a=b --dry-run=client -o yaml').stdout, 'apiVersion: v1\ndata:\n  a: b\n  k: v\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: x\n');
	assert.equal(run(shell, 'kubectl create secret generic s --from-literal=password=s3cret --dry-run=client -o yaml').stdout, 'apiVersion: v1\ndata:\n  password: czNjcmV0\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n');
	assert.equal(
		run(shell, 'kubectl create secret docker-registry r --docker-username=u --docker-password=p --docker-email=e@x --dry-run=client -o yaml').stdout,
		'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiZW1haWwiOiJlQHgiLCJhdXRoIjoiZFRwdyJ9fX0=\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: r\ntype: kubernetes.io/dockerconfigjson\n',
	);
	assert.equal(
		run(shell, 'kubectl create secret generic s --type=kubernetes.io/tls --from-literal=a=b --dry-run=client -o json').stdout,
		'{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "creationTimestamp": null\n    },\n    "data": {\n        "a": "Yg=="\n    },\n    "type": "kubernetes.io/tls"\n}\n',
	);
	const errors: [string, string][] = [
		['kubectl create secret docker-registry r', 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n'],
		["kubectl create configmap c --from-literal='a b=1'", `error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`],
		['kubectl create configmap c --from-literal=ab', 'error: invalid literal source ab, expected key=value\n'],
		['kubectl create configmap c --from-file=/nonexist', 'error: error reading /nonexist: no such file or directory\n'],
		['kubectl create configmap', "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n"],
		['kubectl create configmap c --from-literal=a=1 --from-literal=a=2', 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n'],
		['kubectl create secret foo x', "error: unknown command \"foo x\"\nSee 'kubectl create secret -h' for help and examples\n"],
	];
	for (const [line, stderr] of errors) assert.deepEqual([run(shell, line).stderr, run(shell, line).exitCode], [stderr, 1], line);
	assert.equal(run(shell, 'kubectl create cm env --from-env-file=app.env').stdout, 'configmap/env created\n');
	assert.equal(run(shell, 'kubectl create cm files --from-file=conf --from-file=k2=conf/f1').stdout, 'configmap/files created\n');
	assert.equal(run(shell, 'kubectl create secret generic db --from-literal=user=admin --from-literal=password=s3cret').stdout, 'secret/db created\n');
	assert.equal(run(shell, 'kubectl get cm').stdout, 'NAME               DATA   AGE\nenv                2      0s\nfiles              3      0s\nkube-root-ca.crt   1      60s\n');
	assert.equal(run(shell, 'kubectl get secrets').stdout, 'NAME   TYPE     DATA   AGE\ndb     Opaque   2      0s\n');
	// Each value, a newline, then an empty line, as the real kubectl 1.32 printed it through the API endpoint.
	assert.equal(run(shell, 'kubectl describe cm files').stdout, 'Name:         files\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nf1:\n----\nhi\n\n\ng.conf:\n----\nx\ny\n\nk2:\n----\nhi\n\n\n\nBinaryData\n====\n\nEvents:  <none>\n');
	assert.equal(run(shell, 'kubectl describe secret db').stdout, 'Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\nuser:      5 bytes\n');
	assert.match(run(shell, 'kubectl get secret db -o yaml').stdout, /^apiVersion: v1\ndata:\n {2}password: czNjcmV0\n {2}user: YWRtaW4=\nkind: Secret\n[\s\S]*\ntype: Opaque\n$/);
});

test('every namespace has a default ServiceAccount and the kube-root-ca.crt ConfigMap, new ones too', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create namespace team');
	assert.equal(run(shell, 'kubectl get sa -n team').stdout, 'NAME      SECRETS   AGE\ndefault   0         0s\n');
	assert.equal(run(shell, 'kubectl get cm -n team').stdout, 'NAME               DATA   AGE\nkube-root-ca.crt   1      0s\n');
	assert.equal(run(shell, 'kubectl describe sa default').stdout, 'Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n');
	assert.match(run(shell, 'kubectl describe cm kube-root-ca.crt').stdout, /^Name: {9}kube-root-ca.crt\nNamespace: {4}default\nLabels: {7}<none>\nAnnotations: {2}kubernetes.io\/description:\n {16}Contains a CA bundle .{100,}\.\.\.\n\nData\n====\nca.crt:\n----\n-----BEGIN CERTIFICATE-----\n/);
});

test('the API server validates Secrets and ConfigMaps in its own words', () => {
	const shell = sandboxShell({
		files: {
			'bad64.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  password: not*base64\n',
			'string.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  password: s3cret\n',
			'docker.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: reg\ntype: kubernetes.io/dockerconfigjson\ndata: {}\n',
			'sa-token.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: tok\ntype: kubernetes.io/service-account-token\n',
			'key.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\ndata:\n  "a b": x\n',
			'pod-sa.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: robot\n  containers:\n  - name: c\n    image: nginx\n',
		},
	});
	assert.equal(run(shell, 'kubectl apply -f bad64.yaml').stderr, 'Error from server (BadRequest): error when creating "bad64.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3\n');
	assert.equal(run(shell, 'kubectl apply -f string.yaml').stdout, 'secret/plain created\n');
	assert.match(run(shell, 'kubectl get secret plain -o yaml').stdout, /^apiVersion: v1\ndata:\n {2}password: czNjcmV0\nkind: Secret\n/);
	assert.equal(run(shell, 'kubectl get secret plain -o jsonpath={.stringData}').stdout, '');
	assert.equal(run(shell, 'kubectl apply -f docker.yaml').stderr, 'The Secret "reg" is invalid: data[.dockerconfigjson]: Required value\n');
	assert.equal(run(shell, 'kubectl apply -f sa-token.yaml').stderr, 'The Secret "tok" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value\n');
	assert.match(run(shell, 'kubectl apply -f key.yaml').stderr, /^The ConfigMap "k" is invalid: data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters/);
	assert.equal(run(shell, 'kubectl apply -f pod-sa.yaml').stderr, 'Error from server (Forbidden): error when creating "pod-sa.yaml": pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found\n');
});

const podYaml = `apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: mode
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    volumeMounts:
    - name: config
      mountPath: /etc/app
  volumes:
  - name: config
    configMap:
      name: app-config
`;

test('a pod reads ConfigMaps and Secrets: a missing one is CreateContainerConfigError until it exists, then env and files', () => {
	const shell = sandboxShell({files: {'pod.yaml': podYaml}});
	run(shell, 'kubectl apply -f pod.yaml');
	run(shell, 'sleep 20');
	assert.match(run(shell, 'kubectl get pod cfg').stdout, /cfg {4}0\/1 {5}ContainerCreating /);
	assert.match(run(shell, 'kubectl describe pod cfg').stdout, /Warning {2}FailedMount {2}.*kubelet {12}MountVolume\.SetUp failed for volume "config" : configmap "app-config" not found\n/);
	run(shell, 'kubectl create configmap app-config --from-literal=mode=fast --from-literal=level=3');
	run(shell, 'sleep 15');
	assert.match(run(shell, 'kubectl get pod cfg').stdout, /cfg {4}0\/1 {5}CreateContainerConfigError {3}0 /);
	assert.equal(run(shell, 'kubectl get pod cfg -o jsonpath={.status.containerStatuses[0].state.waiting.message}').stdout, 'secret "db" not found');
	const described = run(shell, 'kubectl describe pod cfg').stdout;
	assert.ok(
		described.includes(
			"    Environment Variables from:\n      app-config  ConfigMap with prefix 'CFG_'  Optional: false\n    Environment:\n      MODE:      <set to the key 'mode' of config map 'app-config'>  Optional: false\n      PASSWORD:  <set to the key 'password' in secret 'db'>          Optional: false\n    Mounts:\n      /etc/app from config (rw)\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-",
		),
		described,
	);
	assert.ok(described.includes('Volumes:\n  config:\n    Type:      ConfigMap (a volume populated by a ConfigMap)\n    Name:      app-config\n    Optional:  false\n  kube-api-access-'), described);
	assert.match(described, /Warning {2}Failed {5}.*kubelet {12}Error: secret "db" not found\n/);
	run(shell, 'kubectl create secret generic db --from-literal=password=s3cret');
	run(shell, 'sleep 15');
	assert.match(run(shell, 'kubectl get pod cfg').stdout, /cfg {4}1\/1 {5}Running /);
	assert.equal(run(shell, 'kubectl exec cfg -- cat /etc/app/mode').stdout, 'fast');
	assert.equal(run(shell, 'kubectl exec cfg -- ls /etc/app').stdout, 'level  mode\n');
	const world = shell.state.world;
	const container = world.cluster!.podRuntimes.get('default/cfg')!.containers[0]!;
	const node = world.cluster!.podRuntimes.get('default/cfg')!.node;
	// docker inspect's Config.Env: the image's PATH, the kubernetes Service's variables, then the pod's own.
	const kubernetesService = {KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443', KUBERNETES_SERVICE_PORT_HTTPS: '443', KUBERNETES_PORT: 'tcp://10.96.0.1:443', KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443', KUBERNETES_PORT_443_TCP_PROTO: 'tcp', KUBERNETES_PORT_443_TCP_PORT: '443', KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1'};
	assert.deepEqual(world.dockers.get(node)!.containers.get(container.containerId!)!.env, {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...kubernetesService, CFG_level: '3', CFG_mode: 'fast', MODE: 'fast', PASSWORD: 's3cret'});
});
