// kubectl create deployment|service|job|cronjob|rolebinding|clusterrolebinding|serviceaccount|
// namespace: --dry-run=client -o yaml|json byte for byte as real kubectl 1.32 (fixtures made
// with it), and the objects they create on the simulated cluster.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/kubectl-create/${name}`, import.meta.url), 'utf8');

const golden: [string, string][] = [
	['deploy.yaml', 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml'],
	['deploy-ns.yaml', 'kubectl create deployment web --image=nginx -n dev --dry-run=client -o yaml'],
	['deploy-multi.yaml', 'kubectl create deployment multi --image=nginx --image=redis --dry-run=client -o yaml'],
	['svc-cip.yaml', 'kubectl create service clusterip web --tcp=80:8080 --tcp=443 --dry-run=client -o yaml'],
	['svc-np.yaml', 'kubectl create service nodeport web --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml'],
	['svc-lb.yaml', 'kubectl create service loadbalancer web --tcp=80 --dry-run=client -o yaml'],
	['svc-en.yaml', 'kubectl create service externalname ext --external-name=example.com --dry-run=client -o yaml'],
	['svc-headless.yaml', 'kubectl create service clusterip headless --clusterip=None --dry-run=client -o yaml'],
	['job.yaml', 'kubectl create job pi --image=perl --dry-run=client -o yaml -- perl -e 1'],
	['cj.yaml', "kubectl create cronjob hello --image=busybox '--schedule=*/1 * * * *' --restart=Never --dry-run=client -o yaml -- date"],
	['rb.yaml', 'kubectl create rolebinding rb --role=pod-reader --user=alice --group=devs --serviceaccount=default:sa --dry-run=client -o yaml'],
	['crb.yaml', 'kubectl create clusterrolebinding crb --clusterrole=view --serviceaccount=kube-system:x --dry-run=client -o yaml'],
	['sa.yaml', 'kubectl create serviceaccount sa -n dev --dry-run=client -o yaml'],
	['ns.yaml', 'kubectl create namespace team --dry-run=client -o yaml'],
	['sa.json', 'kubectl create sa x --dry-run=client -o json'],
	['deploy.json', 'kubectl create deployment web --image=nginx --dry-run=client -o json'],
	['svc.json', 'kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o json'],
];

test('create generators print what real kubectl 1.32 prints for --dry-run=client -o yaml|json', () => {
	const shell = sandboxShell();
	for (const [file, line] of golden) {
		const result = run(shell, line);
		assert.equal(result.stderr, '', line);
		assert.equal(result.stdout, fixture(file), line);
	}
	assert.equal(run(shell, 'kubectl create rolebinding rb --clusterrole=edit --user=bob --dry-run=client -o name').stdout, 'rolebinding.rbac.authorization.k8s.io/rb\n');
	assert.equal(run(shell, 'kubectl get deploy,jobs,cronjobs,rolebindings -o name').stdout, '', 'a client dry run creates nothing');
});

test('create role builds one rule per API group, with kubectl\'s checks', () => {
	const shell = sandboxShell();
	assert.equal(
		run(shell, 'kubectl create role pod-reader --verb=get,list --verb=watch --resource=pods,deployments.apps,deploy --resource-name=web --dry-run=client -o yaml').stdout,
		'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: pod-reader\nrules:\n- apiGroups:\n  - ""\n  resourceNames:\n  - web\n  resources:\n  - pods\n  verbs:\n  - get\n  - list\n  - watch\n- apiGroups:\n  - apps\n  resourceNames:\n  - web\n  resources:\n  - deployments\n  verbs:\n  - get\n  - list\n  - watch\n',
	);
	assert.equal(run(shell, 'kubectl create role r --resource=pods').stderr, 'error: at least one verb must be specified\n');
	assert.equal(run(shell, 'kubectl create role r --verb=get').stderr, 'error: at least one resource must be specified\n');
	assert.equal(run(shell, 'kubectl create role r --verb=get --resource=nopes').stderr, 'error: the server doesn\'t have a resource type "nopes"\n');
	const odd = run(shell, 'kubectl create clusterrole c --verb=frob --resource=nodes');
	assert.equal(odd.stderr, "Warning: 'frob' is not a standard resource verb\n");
	assert.equal(odd.stdout, 'clusterrole.rbac.authorization.k8s.io/c created\n');
	assert.match(run(shell, 'kubectl get clusterrole c -o yaml').stdout, /resources:\n {2}- nodes\n {2}verbs:\n {2}- frob/);
});

test('create generators create the objects, and fail in kubectl\'s words', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'kubectl create deployment web --image=nginx').stdout, 'deployment.apps/web created\n');
	assert.equal(run(shell, 'kubectl create deployment web --image=nginx').stderr, 'error: failed to create deployment: deployments.apps "web" already exists\n');
	assert.equal(run(shell, 'kubectl create service nodeport web --tcp=80:8080').stdout, 'service/web created\n');
	assert.match(run(shell, 'kubectl get svc web').stdout, /NodePort .* 80:3\d{4}\/TCP/);
	assert.equal(run(shell, 'kubectl create service clusterip web').stderr, 'error: at least one tcp port specifier must be provided\n');
	assert.equal(run(shell, 'kubectl create service clusterip').stderr, "error: exactly one NAME is required, got 0\nSee 'kubectl create service clusterip -h' for help and examples\n");
	assert.equal(run(shell, 'kubectl create job j').stderr, 'error: either --image or --from must be specified\n');
	assert.equal(run(shell, 'kubectl create rolebinding rb').stderr, 'error: exactly one of clusterrole or role must be specified\n');
	assert.equal(run(shell, 'kubectl create rolebinding rb --role=r --serviceaccount=foo').stderr, 'error: serviceaccount must be <namespace>:<name>\n');
	assert.equal(run(shell, 'kubectl create cronjob c --image=busybox').stderr, 'error: required flag(s) "schedule" not set\n');
	assert.equal(run(shell, 'kubectl create sa robot').stdout, 'serviceaccount/robot created\n');
	assert.equal(run(shell, 'kubectl create rolebinding robot-view --clusterrole=view --serviceaccount=default:robot').stdout, 'rolebinding.rbac.authorization.k8s.io/robot-view created\n');
	assert.equal(run(shell, 'kubectl create namespace team').stdout, 'namespace/team created\n');
	assert.equal(run(shell, 'kubectl create namespace team').stderr, 'Error from server (AlreadyExists): namespaces "team" already exists\n');
});

test('create job --from=cronjob/NAME copies the CronJob\'s job template, owned by it', () => {
	const shell = sandboxShell();
	run(shell, "kubectl create cronjob hello --image=busybox --schedule='*/5 * * * *' -- echo hi");
	const yaml = run(shell, 'kubectl create job manual --from=cronjob/hello --dry-run=client -o yaml').stdout;
	assert.match(yaml, /annotations:\n {4}cronjob.kubernetes.io\/instantiate: manual\n/);
	assert.match(yaml, /ownerReferences:\n {2}- apiVersion: batch\/v1\n {4}controller: true\n {4}kind: CronJob\n {4}name: hello\n {4}uid: [0-9a-f-]+\n/);
	assert.match(yaml, /command:\n {8}- echo\n {8}- hi\n/);
	assert.equal(run(shell, 'kubectl create job manual --from=cronjob/hello').stdout, 'job.batch/manual created\n');
	run(shell, 'sleep 20');
	assert.match(run(shell, 'kubectl get jobs manual').stdout, /manual +\w+ +1\/1/);
	assert.equal(run(shell, 'kubectl create job x --from=cronjob/nope').stderr, 'Error from server (NotFound): cronjobs.batch "nope" not found\n');
	assert.equal(run(shell, 'kubectl create job x --from=cronjob/hello -- date').stderr, 'error: cannot specify --from and command\n');
});
