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
