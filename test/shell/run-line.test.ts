import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../helpers/shell.ts';

test('echo with variables, pipes and filters', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'echo hello world').stdout, 'hello world\n');
	assert.equal(run(shell, "echo 'a b' \"c  d\" e\\ f").stdout, 'a b c  d e f\n');
	assert.equal(run(shell, 'echo -e "one\\ntwo\\nthree" | grep -v two | wc -l').stdout, '2\n');
	assert.equal(run(shell, 'echo -e "b\\na\\nc" | sort | head -n 2').stdout, 'a\nb\n');
	assert.equal(run(shell, 'X=42').exitCode, 0);
	assert.equal(run(shell, 'echo $X ${X} "$X" \'$X\'').stdout, '42 42 42 $X\n');
	assert.match(run(shell, 'echo $$').stdout, /^\d+\n$/);
});

test('exit codes, && and || and $?', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'false || echo rescued').stdout, 'rescued\n');
	assert.equal(run(shell, 'false && echo never').stdout, '');
	run(shell, 'false');
	assert.equal(run(shell, 'echo $?').stdout, '1\n');
	const missing = run(shell, 'kubectll get pods');
	assert.equal(missing.exitCode, 127);
	assert.match(missing.stderr, /kubectll: command not found/);
});

test('redirection writes into the simulated filesystem', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'echo first > notes.txt').exitCode, 0);
	run(shell, 'echo second >> notes.txt');
	assert.equal(run(shell, 'grep -c . < notes.txt').stdout, '2\n');
	assert.equal(run(shell, 'echo x > /nope/file').stderr, 'bash: /nope/file: No such file or directory\n');
	assert.equal(run(shell, 'cd /tmp && pwd').stdout, '/tmp\n');
});

test('syntax errors are reported, never thrown', () => {
	const shell = sandboxShell();
	for (const line of ['echo "unterminated', "echo 'x", '| grep', 'echo a ||', 'echo >', '&&']) {
		const result = run(shell, line);
		assert.equal(result.exitCode, 2, line);
		assert.match(result.stderr, /^bash: /, line);
	}
});

test('here-documents feed stdin', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'grep b <<EOF\na\nb\nc\nEOF').stdout, 'b\n');
});

test('sleep advances the simulated clock', () => {
	const shell = sandboxShell();
	const before = shell.state.world.time;
	run(shell, 'sleep 2m');
	assert.equal(shell.state.world.time - before, 120_000);
	assert.match(run(shell, 'sleep soon').stderr, /invalid time interval/);
});

test('$HOSTNAME inside a container is the container\'s hostname, not the machine\'s', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'echo $HOSTNAME').stdout, 'host-1\n');
	run(shell, 'docker run -it --name c1 ubuntu bash');
	const inside = run(shell, 'echo $HOSTNAME').stdout.trim();
	assert.match(inside, /^[0-9a-f]{12}$/);
	assert.equal(run(shell, 'hostname').stdout.trim(), inside);
});

test('variables expand when their command runs, not when the line is read', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'true; false; echo $?').stdout, '1\n');
	assert.equal(run(shell, 'false || echo "status $?"').stdout, 'status 1\n');
	assert.equal(run(shell, 'X=one; echo $X; X=two; echo ${X}').stdout, 'one\ntwo\n');
	assert.equal(run(shell, 'D=/tmp/out.txt; echo hi > $D; cat $D').stdout, 'hi\n');
	assert.equal(run(shell, "echo 'a\u0000b' \"$X\"").stdout, "ab two\n");
});
