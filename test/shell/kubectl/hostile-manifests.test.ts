// The tester's hostile manifests: each answers in kubectl's words, never `internal error`.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n') + '\n';

test('a YAML alias bomb gets go-yaml\'s "excessive aliasing" error, from a file and from a heredoc, with or without --dry-run', () => {
	for (const flags of ['', ' --dry-run=client', ' --dry-run=server']) {
		const shell = sandboxShell({files: {'bomb.yaml': bomb}});
		const fromFile = run(shell, `kubectl apply -f bomb.yaml${flags}`);
		assert.equal(fromFile.stderr, 'error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing\n');
		assert.equal(fromFile.exitCode, 1);
		const fromHeredoc = run(shell, `kubectl create -f -${flags} <<EOF\n${bomb}EOF`);
		assert.equal(fromHeredoc.stderr, 'error: error parsing STDIN: error converting YAML to JSON: yaml: document contains excessive aliasing\n');
	}
});

test('deep nesting and wrong types at the top fields answer in kubectl words', () => {
	const cases: Record<string, string> = {
		'deep.yaml': '['.repeat(3000) + ']'.repeat(3000) + '\n',
		'types.yaml': 'apiVersion: 1\nkind: [Pod]\nmetadata: 3\nspec: x\n',
		'labels.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {a: 1}\n  labels: [1]\nspec:\n  containers: {a: 1}\n',
	};
	for (const name of Object.keys(cases)) {
		const result = run(sandboxShell({files: cases}), `kubectl apply -f ${name}`);
		assert.equal(result.exitCode, 1, name);
		assert.match(result.stderr, /^(error: |Error from server)/, name);
		assert.doesNotMatch(result.stderr, /internal error/, name);
	}
});

test('what the manifest fuzzer found: wrong types deep inside, __proto__ keys, nesting past what the parser survives', () => {
	const files = {
		'port.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports: [-1]\n',
		'template.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: "-"\n',
		'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [80]\n',
		'proto.yaml': '__proto__: {polluted: true}\napiVersion: v1\nkind: Pod\nmetadata: {name: p, __proto__: {x: 1}}\nspec:\n  containers: [{name: c, image: nginx}]\n',
		'deep.yaml': '['.repeat(900) + ']'.repeat(900) + '\n',
		'deeper.yaml': '['.repeat(10_001) + ']'.repeat(10_001) + '\n',
	};
	const shell = sandboxShell({files});
	assert.equal(run(shell, 'kubectl apply -f port.yaml').stderr, 'Error from server (BadRequest): error when creating "port.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.ports of type v1.ContainerPort\n');
	assert.match(run(shell, 'kubectl apply -f template.yaml --dry-run=client').stderr, /cannot unmarshal string into Go struct field PodTemplateSpec\.spec\.template\.metadata of type v1\.ObjectMeta/);
	assert.match(run(shell, 'kubectl create -f service.yaml').stderr, /cannot unmarshal number into Go struct field ServiceSpec\.spec\.ports of type v1\.ServicePort/);
	assert.equal(run(shell, 'kubectl apply -f proto.yaml').stdout, 'pod/p created\n');
	assert.equal(Object.prototype.hasOwnProperty.call({}, 'polluted'), false);
	assert.match(run(shell, 'kubectl apply -f deep.yaml').stderr, /^error: error parsing deep\.yaml: \[simulator\] the YAML nests 900 levels deep; k8s-tutor reads up to 500/);
	assert.equal(run(shell, 'kubectl apply -f deeper.yaml').stderr, 'error: error parsing deeper.yaml: error converting YAML to JSON: yaml: exceeded max depth of 10000\n');
	assert.equal(run(shell, `kubectl patch pod p -p '${'{"a":'.repeat(600)}1${'}'.repeat(600)}'`).exitCode, 1);
});
