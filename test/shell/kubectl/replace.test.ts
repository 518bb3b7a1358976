// kubectl replace -f: a PUT of the whole object; --force deletes and creates it again.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const pod = (image: string, port = 80) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ${image}\n    ports:\n    - containerPort: ${port}\n`;

test('replace -f changes what may change, refuses what may not, and needs the object to exist', () => {
	const shell = sandboxShell({files: {'v1.yaml': pod('nginx:1.26'), 'v2.yaml': pod('nginx:1.27'), 'port.yaml': pod('nginx:1.27', 8080)}});
	assert.equal(run(shell, 'kubectl replace').stderr, 'error: must specify --filename to replace\n');
	assert.equal(run(shell, 'kubectl replace -f v1.yaml').stderr, 'Error from server (NotFound): error when replacing "v1.yaml": pods "web" not found\n');
	run(shell, 'kubectl apply -f v1.yaml');
	const replaced = run(shell, 'kubectl replace -f v2.yaml');
	assert.equal(replaced.stdout, 'pod/web replaced\n');
	assert.equal(run(shell, "kubectl get pod web -o jsonpath='{.spec.containers[0].image}'").stdout, 'nginx:1.27');
	const refused = run(shell, 'kubectl replace -f port.yaml');
	assert.match(refused.stderr, /^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
	assert.equal(refused.exitCode, 1);
	const forced = run(shell, 'kubectl replace --force -f port.yaml');
	assert.equal(forced.stdout, 'pod "web" deleted\npod/web replaced\n', forced.text);
	assert.equal(run(shell, "kubectl get pod web -o jsonpath='{.spec.containers[0].ports[0].containerPort}'").stdout, '8080');
});
