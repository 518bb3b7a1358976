import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../helpers/shell.ts';

test('$(...) puts a command\'s output into the line, split into words', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'echo pid=$(echo 42)').stdout, 'pid=42\n');
	assert.equal(run(shell, 'echo $(echo a   b) c').stdout, 'a b c\n');
	assert.equal(run(shell, "echo \"[$(echo 'a   b')]\"").stdout, '[a   b]\n', 'inside double quotes the output is one word, spaces kept');
	assert.equal(run(shell, "echo '$(echo no)'").stdout, '$(echo no)\n', 'single quotes keep it literal');
	assert.equal(run(shell, 'echo $(echo $(echo nested))').stdout, 'nested\n');
});

test('$(...) output is text, never shell syntax, and the inner command stays out of the history', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, "echo $(echo 'a;b|c')").stdout, 'a;b|c\n');
	const before = shell.state.session.history.length;
	run(shell, 'echo $(echo inner)');
	assert.deepEqual(shell.state.session.history.slice(before), ['echo $(echo inner)']);
	const broken = run(shell, 'echo $(echo oops');
	assert.equal(broken.exitCode, 2);
	assert.match(broken.stderr, /unexpected EOF while looking for matching `\)'/);
});

test('what the inner command does to the world stays, as with a real subshell', () => {
	const shell = sandboxShell();
	run(shell, 'echo $(echo hello > /tmp/from-inner)');
	assert.equal(run(shell, 'grep hello /tmp/from-inner').stdout, 'hello\n');
});

test('$? after a $(...) in the same command is the substitution\'s status, as GNU bash 5.2 on this machine prints', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'echo $(false) $?').stdout, '1\n');
	assert.equal(run(shell, 'true; echo $(exit 3) $?').stdout, '3\n');
	assert.equal(run(shell, 'x=$(false) y=$?; echo $y').stdout, '1\n');
	assert.equal(run(shell, 'x=$(false); echo $?').stdout, '1\n');
	assert.equal(run(shell, 'x=$(exit 5) true; echo $?').stdout, '0\n', 'a command after the assignments sets $?');
	assert.equal(run(shell, 'false; echo "$(echo $?)"').stdout, '1\n', 'inside, $? is the status before it');
});
