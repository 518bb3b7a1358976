// mv and cp (added for chapter 6's static-pod manifests): move, copy, and coreutils' errors.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test('mv moves a file into a folder or to a new name; cp copies; errors read like coreutils', () => {
	const shell = sandboxShell();
	run(shell, 'echo hello > /root/a.txt');
	assert.equal(run(shell, 'mv /root/a.txt /tmp/').exitCode, 0);
	assert.equal(run(shell, 'cat /tmp/a.txt').text, 'hello\n');
	assert.equal(run(shell, 'cat /root/a.txt').exitCode, 1, 'the source is gone');
	assert.equal(run(shell, 'cp /tmp/a.txt /root/b.txt').exitCode, 0);
	assert.equal(run(shell, 'cat /tmp/a.txt /root/b.txt').text, 'hello\nhello\n');
	assert.equal(run(shell, 'mv /nope /tmp').text, "mv: cannot stat '/nope': No such file or directory\n");
	assert.match(run(shell, 'mv /root/b.txt').text, /^mv: missing destination file operand after '\/root\/b\.txt'/);
});
