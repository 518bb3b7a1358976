// kubectl --as in the built-in kubectl: RBAC decides each request the real kubectl would send, in
// its order; the expected texts are what the real kubectl 1.32 printed through the API endpoint
// for the same commands (jane may get and list pods in default, nothing else).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const binding = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: jane-reads}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}\nsubjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]\n';
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: kubia}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: kubia}}\n  template:\n    metadata: {labels: {app: kubia}}\n    spec: {containers: [{name: kubia, image: luksa/kubia}]}\n';

function janeReadsPods() {
	const shell = sandboxShell({files: {'rb.yaml': binding, 'dep.yaml': deployment}});
	run(shell, 'kubectl apply -f dep.yaml');
	run(shell, 'kubectl run web --image=nginx');
	run(shell, 'kubectl create role pod-reader --verb=get,list --resource=pods');
	run(shell, 'kubectl apply -f rb.yaml');
	run(shell, 'sleep 20');
	return shell;
}

const why = (verb: string, resource: string, group = '', scope = 'in the namespace "default"') => `User "jane" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`;

test('what RBAC allows runs as usual for the --as user; what it refuses ends with the API server\'s 403, worded as kubectl words it', () => {
	const shell = janeReadsPods();
	assert.match(run(shell, 'kubectl get pods --as jane').stdout, /^NAME +READY/);
	assert.match(run(shell, 'kubectl describe pod web --as jane').stdout, /^Name: +web\n/);
	const cases: [string, string][] = [
		['get deploy', `Error from server (Forbidden): deployments.apps is forbidden: ${why('list', 'deployments', 'apps')}`],
		['get deploy kubia', `Error from server (Forbidden): deployments.apps "kubia" is forbidden: ${why('get', 'deployments', 'apps')}`],
		['get nodes', `Error from server (Forbidden): nodes is forbidden: ${why('list', 'nodes', '', 'at the cluster scope')}`],
		['get pods -A', `Error from server (Forbidden): pods is forbidden: ${why('list', 'pods', '', 'at the cluster scope')}`],
		['get pods -n kube-system', `Error from server (Forbidden): pods is forbidden: ${why('list', 'pods', '', 'in the namespace "kube-system"')}`],
		['logs web', `Error from server (Forbidden): pods "web" is forbidden: ${why('get', 'pods/log')}`],
		['delete pod web', `Error from server (Forbidden): pods "web" is forbidden: ${why('delete', 'pods')}`],
		['scale deploy kubia --replicas=2', `error: no objects passed to scale deployments.apps "kubia" is forbidden: ${why('get', 'deployments', 'apps')}`],
		['label pod web a=b', `Error from server (Forbidden): pods "web" is forbidden: ${why('patch', 'pods')}`],
		['run x --image=nginx', `Error from server (Forbidden): pods is forbidden: ${why('create', 'pods')}`],
		['create deployment y --image=nginx', `error: failed to create deployment: deployments.apps is forbidden: ${why('create', 'deployments', 'apps')}`],
		['create token default', `error: failed to create token: serviceaccounts "default" is forbidden: ${why('create', 'serviceaccounts/token')}`],
		['apply -f dep.yaml', `Error from server (Forbidden): error when retrieving current configuration of:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "kubia", Namespace: "default"\nfrom server for: "dep.yaml": deployments.apps "kubia" is forbidden: ${why('get', 'deployments', 'apps')}`],
		['delete -f dep.yaml', `Error from server (Forbidden): error when deleting "dep.yaml": deployments.apps "kubia" is forbidden: ${why('delete', 'deployments', 'apps')}`],
		['port-forward pod/web 9999:80', `error: error upgrading connection: pods "web" is forbidden: ${why('create', 'pods/portforward')}`],
		['cordon worker-1', `Error from server (Forbidden): nodes "worker-1" is forbidden: ${why('get', 'nodes', '', 'at the cluster scope')}`],
		['events', `Error from server (Forbidden): events is forbidden: ${why('list', 'events')}`],
	];
	for (const [command, expected] of cases) {
		const result = run(shell, `kubectl ${command} --as jane`);
		assert.deepEqual([result.exitCode, result.stderr], [1, expected + '\n'], command);
	}
	// Nothing changed: every refused command stopped before it acted.
	assert.match(run(shell, 'kubectl get pod web').stdout, /web +1\/1 +Running/);
	assert.equal(run(shell, 'kubectl get deploy kubia -o jsonpath={.spec.replicas}').stdout, '1');
	assert.equal(run(shell, 'kubectl get pod x').exitCode, 1);
});

test('a group given with --as-group brings its bindings; the kubeconfig\'s own user is not limited', () => {
	const shell = janeReadsPods();
	run(shell, 'kubectl create clusterrolebinding ops-view --clusterrole=view --group=ops');
	assert.match(run(shell, 'kubectl get deploy --as jane --as-group ops').stdout, /^NAME +READY/);
	assert.equal(run(shell, 'kubectl delete pod web --as jane --as-group ops').stderr, `Error from server (Forbidden): pods "web" is forbidden: ${why('delete', 'pods')}\n`);
	assert.match(run(shell, 'kubectl get deploy').stdout, /^NAME +READY/);
});

test('get of several types lists what jane may list and ends with a 403 per type she may not, in kubectl\'s order', () => {
	const shell = janeReadsPods();
	const all = run(shell, 'kubectl get all --as jane');
	assert.equal(all.exitCode, 1);
	assert.match(all.stdout, /^NAME +READY +STATUS +RESTARTS +AGE\nkubia-\S+ /, 'the pods, without a type prefix: the only type listed');
	const denied: [string, string][] = [['replicationcontrollers', ''], ['services', ''], ['daemonsets', 'apps'], ['deployments', 'apps'], ['replicasets', 'apps'], ['statefulsets', 'apps'], ['cronjobs', 'batch'], ['jobs', 'batch']];
	assert.equal(all.stderr, denied.map(([r, g]) => `Error from server (Forbidden): ${g ? `${r}.${g}` : r} is forbidden: ${why('list', r, g)}\n`).join(''));
	const none = run(shell, 'kubectl get deploy,svc --as jane');
	assert.deepEqual([none.exitCode, none.stdout], [1, '']);
	assert.equal(none.stderr.split('\n').length, 3);
});

test('--token of a service account (kubectl create token) acts as that account; a token the server does not accept is 401', () => {
	const shell = janeReadsPods();
	const token = run(shell, 'kubectl create token default').stdout.trim();
	const refused = run(shell, `kubectl get pods --token=${token}`);
	assert.equal(refused.stderr, `Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"\n`);
	assert.match(run(shell, `kubectl auth whoami --token=${token}`).stdout, /Username +system:serviceaccount:default:default\n/);
	run(shell, 'kubectl create rolebinding sa-view --clusterrole=view --serviceaccount=default:default');
	assert.match(run(shell, `kubectl get pods --token=${token}`).stdout, /^NAME +READY/);
	assert.equal(run(shell, 'kubectl get pods --token=not-a-token').stderr, 'error: You must be logged in to the server (Unauthorized)\n');
});
