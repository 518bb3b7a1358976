// `ls -R` lists each folder, then its subfolders depth first, under `path:` headers, as GNU
// coreutils prints it. It was refused with "ls: invalid option -- 'R'" (a wrong fact).
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../../helpers/shell.ts';

function tree() {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	run(shell, 'mkdir -p /tmp/t/a/b/c /tmp/t/d; touch /tmp/t/a/x /tmp/t/a/b/y /tmp/t/z; cd /tmp/t');
	return shell;
}

test('ls -R: every folder under a header, depth first, a blank line between blocks', () => {
	const shell = tree();
	assert.equal(run(shell, 'ls -R | cat').text, '.:\na\nd\nz\n\n./a:\nb\nx\n\n./a/b:\nc\ny\n\n./a/b/c:\n\n./d:\n');
	assert.equal(run(shell, 'ls -R').text, '.:\na  d  z\n\n./a:\nb  x\n\n./a/b:\nc  y\n\n./a/b/c:\n\n./d:\n');
	assert.equal(run(shell, 'ls -R a z | cat').text, 'z\n\na:\nb\nx\n\na/b:\nc\ny\n\na/b/c:\n', 'files first, then folders');
	assert.equal(run(shell, 'ls --recursive a/ | cat').text, 'a/:\nb\nx\n\na/b:\nc\ny\n\na/b/c:\n');
	assert.equal(run(shell, 'ls -R z').text, 'z\n');
});

test('ls -aR never goes into . and ..; ls -lR lists each block long', () => {
	const shell = tree();
	assert.equal(run(shell, 'ls -aR a | cat').text, 'a:\n.\n..\nb\nx\n\na/b:\n.\n..\nc\ny\n\na/b/c:\n.\n..\n');
	const long = run(shell, 'ls -lR a').text;
	assert.match(long, /^a:\ntotal \d+\ndrwxr-xr-x .* b\n-rw-r--r-- .* x\n\na\/b:\ntotal \d+\n/);
	assert.match(long, /\n\na\/b\/c:\ntotal 0\n$/);
});
