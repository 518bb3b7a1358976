import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const book = (name: string) => readFileSync(new URL(`../../fixtures/book/${name}`, import.meta.url), 'utf8');
const files = Object.fromEntries(['kubia-manual.yaml', 'kubia-manual-with-labels.yaml', 'kubia-gpu.yaml', 'custom-namespace.yaml', 'kubia-rc.yaml'].map(f => [f, book(f)]));

test('a pod from the book reaches Running with the real Events', () => {
	const shell = sandboxShell({files});
	assert.equal(run(shell, 'kubectl apply -f kubia-manual.yaml').stdout, 'pod/kubia-manual created\n');
	assert.equal(run(shell, 'kubectl apply -f kubia-manual.yaml').stdout, 'pod/kubia-manual unchanged\n');
	run(shell, 'sleep 40');
	const get = run(shell, 'kubectl get pods');
	assert.match(get.stdout, /^NAME {11}READY {3}STATUS {4}RESTARTS {3}AGE\nkubia-manual {3}1\/1 {5}Running {3}0 {10}40s\n$/);
	const describe = run(shell, 'kubectl describe pod kubia-manual').stdout;
	for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']) assert.match(describe, new RegExp(`Normal +${reason} `));
	assert.match(describe, /Successfully assigned default\/kubia-manual to worker-\d/);
	assert.match(run(shell, 'kubectl get pod kubia-manual -o yaml').stdout, /uid: [0-9a-f-]{36}\n/);
});

test('labels, namespaces, nodeSelector', () => {
	const shell = sandboxShell({files});
	run(shell, 'kubectl apply -f kubia-manual-with-labels.yaml');
	assert.match(run(shell, 'kubectl get po --show-labels').stdout, /creation_method=manual,env=prod/);
	assert.equal(run(shell, 'kubectl get po -l env=debug').stderr, 'No resources found in default namespace.\n');
	assert.equal(run(shell, 'kubectl apply -f custom-namespace.yaml').stdout, 'namespace/custom-namespace created\n');
	assert.equal(run(shell, 'kubectl apply -f kubia-manual.yaml -n custom-namespace').exitCode, 0);
	assert.match(run(shell, 'kubectl get pods -n custom-namespace').stdout, /kubia-manual/);
	run(shell, 'kubectl apply -f kubia-gpu.yaml');
	run(shell, 'sleep 10');
	assert.match(run(shell, 'kubectl get pod kubia-gpu').stdout, /Pending/);
	assert.match(run(shell, 'kubectl describe pod kubia-gpu').stdout, /0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 node\(s\) didn't match Pod's node affinity\/selector\./);
	assert.equal(run(shell, 'kubectl label node worker-1 gpu=true').stdout, 'node/worker-1 labeled\n');
	run(shell, 'sleep 60');
	assert.match(run(shell, 'kubectl get pod kubia-gpu -o wide').stdout, /Running .* worker-1 /);
});

test('a ReplicationController replaces a deleted pod and the pods of a powered-off node', () => {
	const shell = sandboxShell({files});
	run(shell, 'kubectl apply -f kubia-rc.yaml');
	run(shell, 'sleep 60');
	const names = () => run(shell, 'kubectl get pods -o name').stdout.trim().split('\n');
	assert.equal(names().length, 3);
	const victim = names()[0]!.split('/')[1]!;
	assert.equal(run(shell, `kubectl delete pod ${victim}`).stdout, `pod "${victim}" deleted\n`);
	run(shell, 'sleep 60');
	const after = run(shell, 'kubectl get pods').stdout;
	assert.equal((after.match(/Running/g) ?? []).length, 3);
	assert.doesNotMatch(after, new RegExp(victim));
	// Power off the node of one replica: NotReady after 40 s, evicted after 300 s, replaced elsewhere.
	const wide = run(shell, 'kubectl get pods -o wide').stdout;
	const node = wide.match(/(worker-\d)/)![1]!;
	shell.state = {...shell.state, world: {...shell.state.world, hosts: new Map(shell.state.world.hosts).set(node, {...shell.state.world.hosts.get(node)!, reachable: false})}};
	run(shell, 'sleep 50');
	assert.match(run(shell, 'kubectl get nodes').stdout, new RegExp(`${node} +NotReady`));
	run(shell, 'sleep 320');
	const final = run(shell, 'kubectl get pods -o wide').stdout;
	const running = final.split('\n').filter(l => / Running /.test(l));
	assert.equal(running.length, 3);
	assert.ok(running.every(l => !l.includes(node)));
	assert.match(final, /Terminating/);
});

test('errors in the real wording, exit code 1', () => {
	const shell = sandboxShell({files: {...files, 'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  contianers: []\n', 'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n    labels: a\n', 'noimage.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: web\n'}});
	assert.deepEqual([run(shell, 'kubectl get podz').stderr, run(shell, 'kubectl get podz').exitCode], ['error: the server doesn\'t have a resource type "podz"\n[simulator] did you mean \'pods\'?\n', 1]);
	// A word far from every type gets kubectl's line alone.
	assert.equal(run(shell, 'kubectl get widgets').stderr, 'error: the server doesn\'t have a resource type "widgets"\n');
	assert.equal(run(shell, 'kubectl get pod x').stderr, 'Error from server (NotFound): pods "x" not found\n');
	assert.equal(run(shell, 'kubectl apply -f bad.yaml').stderr, 'Error from server (BadRequest): error when creating "bad.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contianers"\n');
	assert.equal(run(shell, 'kubectl apply -f broken.yaml').stderr, 'error: error parsing broken.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n');
	assert.equal(run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  contianers: x: y\nEOF').stderr, 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context\n');
	assert.equal(run(shell, 'kubectl apply -f noimage.yaml').stderr, 'The Pod "x" is invalid: spec.containers[0].image: Required value\n');
	assert.equal(run(shell, 'kubectl apply -f nope.yaml').stderr, 'error: the path "nope.yaml" does not exist\n');
	assert.equal(run(shell, 'kubectl get pods').stderr, 'No resources found in default namespace.\n');
});

test('a here-doc through stdin, scale, and etcd on the control plane', () => {
	const shell = sandboxShell({files});
	const result = run(shell, "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\nEOF");
	assert.equal(result.stdout, 'namespace/from-stdin created\n');
	run(shell, 'kubectl apply -f kubia-rc.yaml');
	assert.equal(run(shell, 'kubectl scale rc kubia --replicas=5').stdout, 'replicationcontroller/kubia scaled\n');
	run(shell, 'sleep 30');
	assert.equal((run(shell, 'kubectl get pods').stdout.match(/kubia-/g) ?? []).length, 5);
	const etcd = run(shell, 'kubectl get pods -n kube-system');
	assert.match(etcd.stdout, /etcd-control-plane/);
});

test('relabelling a pod out of the ReplicationController: the pod stays, the controller makes a new one', () => {
	const shell = sandboxShell({files});
	run(shell, 'kubectl apply -f kubia-rc.yaml');
	run(shell, 'sleep 40');
	const pod = run(shell, 'kubectl get pods -o name').stdout.split('\n')[0]!.split('/')[1]!;
	assert.equal(run(shell, `kubectl label pod ${pod} app=foo --overwrite`).stdout, `pod/${pod} labeled\n`);
	run(shell, 'sleep 30');
	assert.equal((run(shell, 'kubectl get pods -l app=kubia --no-headers').stdout.match(/Running/g) ?? []).length, 3);
	const released = JSON.parse(run(shell, `kubectl get pod ${pod} -o json`).stdout);
	assert.equal(released.metadata.ownerReferences, undefined);
	assert.equal(released.status.phase, 'Running');
	assert.match(run(shell, 'kubectl describe rc kubia').stdout, /Created pod: kubia-\w{5}\n(.*\n)*.*Created pod/);
});
