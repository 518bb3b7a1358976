// kubectl apply --server-side in the built-in kubectl: the same field-manager decisions as the API
// endpoint gives the real kubectl 1.32 (the conformance script runs this sequence through both).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const manifest = (replicas: number, image = 'nginx') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ssa\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ssa\n  template:\n    metadata:\n      labels:\n        app: ssa\n    spec:\n      containers:\n      - name: ssa\n        image: ${image}\n`;

const advice = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

test('apply --server-side creates, a scale takes .spec.replicas, the next apply conflicts until --force-conflicts', () => {
	const shell = sandboxShell({files: {'ssa.yaml': manifest(3), 'v2.yaml': manifest(3, 'nginx:1.27')}});
	assert.deepEqual([run(shell, 'kubectl apply --server-side -f ssa.yaml').text], ['deployment.apps/ssa serverside-applied\n']);
	run(shell, 'kubectl scale deployment ssa --replicas=2');
	const refused = run(shell, 'kubectl apply --server-side -f ssa.yaml');
	assert.deepEqual([refused.exitCode, refused.stderr], [1, `error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas\n${advice}`]);
	assert.equal(run(shell, 'kubectl get deploy ssa -o jsonpath={.spec.replicas}').stdout, '2');
	const other = run(shell, 'kubectl apply --server-side -f v2.yaml --field-manager=other');
	assert.match(other.stderr, /^error: Apply failed with 2 conflicts: conflicts with "kubectl":\n- \.spec\.template\.spec\.containers\[name="ssa"\]\.image\nconflicts with "kubectl" with subresource "scale" using apps\/v1:\n- \.spec\.replicas\n/);
	assert.equal(run(shell, 'kubectl apply --server-side --force-conflicts -f ssa.yaml').stdout, 'deployment.apps/ssa serverside-applied\n');
	assert.equal(run(shell, 'kubectl get deploy ssa -o jsonpath={.spec.replicas}').stdout, '3');
	// kubectl hides managedFields unless asked.
	assert.doesNotMatch(run(shell, 'kubectl get deploy ssa -o yaml').stdout, /managedFields/);
	assert.match(run(shell, 'kubectl get deploy ssa -o yaml --show-managed-fields').stdout, /\n {2}managedFields:\n {2}- apiVersion: apps\/v1\n {4}fieldsType: FieldsV1\n {4}fieldsV1:\n {6}f:spec:\n {8}f:replicas: \{\}\n[\s\S]*\n {14}k:\{"name":"ssa"\}:\n {16}\.: \{\}\n[\s\S]*\n {4}manager: kubectl\n {4}operation: Apply\n/);
});

test('--server-side is a switch, not a flag with a value: -f after it is still the file', () => {
	const shell = sandboxShell({files: {'ssa.yaml': manifest(1)}});
	const done = run(shell, 'kubectl apply --server-side -f ssa.yaml');
	assert.deepEqual([done.exitCode, done.stderr], [0, '']);
});

test('a client-side apply, then kubectl set image: the next server-side apply conflicts with "kubectl-set", as on a real cluster', () => {
	const shell = sandboxShell({files: {'ssa.yaml': manifest(3)}});
	run(shell, 'kubectl apply -f ssa.yaml');
	run(shell, 'kubectl set image deploy/ssa ssa=nginx:1.27');
	assert.match(run(shell, 'kubectl apply --server-side -f ssa.yaml').stderr, /^error: Apply failed with 1 conflict: conflict with "kubectl-set" using apps\/v1: \.spec\.template\.spec\.containers\[name="ssa"\]\.image\n/);
	const owners = run(shell, 'kubectl get deploy ssa -o yaml --show-managed-fields').stdout.match(/manager: \S+/g);
	assert.deepEqual(owners, ['manager: kubectl-client-side-apply', 'manager: kubectl-set']);
});
