import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../helpers/shell.ts';

test('edit FILE asks the screen to open the editor on that file', () => {
	const shell = sandboxShell({files: {'pod.yaml': 'kind: Pod\n'}});
	shell.runtime.disk = {...shell.runtime.disk, displayPath: path => `/work/${path}`};
	const result = run(shell, 'edit pod.yaml');
	assert.equal(result.exitCode, 0);
	assert.deepEqual(result.effects, [{kind: 'edit', path: 'pod.yaml'}]);
});

test('edit without a file, or with no disk behind the session, says so', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'edit').text, 'edit: usage: edit FILE\n');
	const noDisk = sandboxShell();
	noDisk.runtime.disk = {...noDisk.runtime.disk, displayPath: undefined};
	assert.match(run(noDisk, 'edit pod.yaml').text, /no files on your disk/);
});
