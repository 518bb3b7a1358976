// Bugs the typed Kubernetes objects (engine/k8s/kinds.ts, issue 12) brought to light: code that
// read every kind as if it had the same spec.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('a StorageClass is stored without a spec: its fields are top-level (defaulting gave it `spec: {}`)', () => {
	const shell = sandboxShell({files: {'sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: example.com/fast\n'}});
	assert.equal(run(shell, 'kubectl apply -f sc.yaml').stdout, 'storageclass.storage.k8s.io/fast created\n');
	const yaml = run(shell, 'kubectl get sc fast -o yaml').stdout;
	assert.match(yaml, /\nprovisioner: example\.com\/fast\nreclaimPolicy: Delete\nvolumeBindingMode: Immediate\n$/);
	assert.doesNotMatch(yaml, /spec/);
});

test('kubectl expose service uses the Service\'s selector (a map, not matchLabels), as in kubectl expose --help', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create deployment nginx --image=nginx');
	run(shell, 'kubectl expose deployment nginx --port=80');
	const exposed = run(shell, 'kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https');
	assert.equal(exposed.text, 'service/nginx-https exposed\n');
	assert.equal(run(shell, 'kubectl get svc nginx-https -o jsonpath={.spec.selector}').stdout, '{"app":"nginx"}');
	assert.equal(run(shell, 'kubectl get svc nginx-https -o jsonpath={.spec.ports[0].targetPort}').stdout, '8443');
});

test('kubectl expose of a kind without a selector is refused in kubectl\'s words, not an internal error', () => {
	const shell = sandboxShell();
	run(shell, 'kubectl create configmap cm --from-literal=a=b');
	const refused = run(shell, 'kubectl expose configmap cm --port=80');
	assert.equal(refused.text, 'error: cannot expose a ConfigMap\n');
	assert.equal(refused.exitCode, 1);
});

test('a List whose item is null is refused as an item without apiVersion is, not an internal error', () => {
	const shell = sandboxShell({files: {'null.yaml': 'apiVersion: v1\nkind: List\nitems:\n- null\n', 'number.yaml': 'apiVersion: v1\nkind: List\nitems:\n- 5\n'}});
	const refused = run(shell, 'kubectl apply -f null.yaml');
	assert.equal(refused.exitCode, 1);
	assert.equal(refused.text, run(shell, 'kubectl apply -f number.yaml').text.replace('number.yaml', 'null.yaml'));
	assert.match(refused.text, /^error: error validating "null\.yaml": error validating data: apiVersion not set/);
});

test('a Node registered by hand is stored with an empty spec and the zero NodeStatus, and describe, cordon and taint work on it', () => {
	const shell = sandboxShell({files: {'node.yaml': 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n'}});
	assert.equal(run(shell, 'kubectl apply -f node.yaml').stdout, 'node/n1 created\n');
	const yaml = run(shell, 'kubectl get node n1 -o yaml').stdout;
	assert.match(yaml, /\nspec: \{\}\nstatus:\n {2}daemonEndpoints:\n {4}kubeletEndpoint:\n {6}Port: 0\n {2}nodeInfo:\n {4}architecture: ""\n {4}bootID: ""\n/);
	const described = run(shell, 'kubectl describe node n1');
	assert.equal(described.exitCode, 0, described.text);
	assert.match(described.stdout, /^Name: +n1\n/);
	assert.equal(run(shell, 'kubectl cordon n1').text, 'node/n1 cordoned\n');
	assert.equal(run(shell, 'kubectl taint node n1 a=b:NoSchedule').text, 'node/n1 tainted\n');
});

test('an EndpointSlice needs its addressType, as the API server validates it (it was stored without one)', () => {
	const slice = (extra: string) => `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: s\n${extra}`;
	const shell = sandboxShell({files: {'none.yaml': slice(''), 'odd.yaml': slice('addressType: IPv5\n'), 'ok.yaml': slice('addressType: IPv4\n')}});
	assert.equal(run(shell, 'kubectl apply -f none.yaml').stderr, 'The EndpointSlice "s" is invalid: addressType: Required value\n');
	assert.equal(run(shell, 'kubectl apply -f odd.yaml').stderr, 'The EndpointSlice "s" is invalid: addressType: Unsupported value: "IPv5": supported values: "FQDN", "IPv4", "IPv6"\n');
	assert.equal(run(shell, 'kubectl apply -f ok.yaml').stdout, 'endpointslice.discovery.k8s.io/s created\n');
});
