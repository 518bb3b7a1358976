// tee, readlink, id and su read their options from their specs (option-specs.ts), not by looking
// for one exact word: a cluster (-ai), a long name (--append, --canonicalize, --user, --login) and
// "--" work as getopt_long reads them. Compared with coreutils 9 and util-linux su.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, runAll, sandboxShell} from '../../helpers/shell.ts';

test('tee -ai appends (the a inside a cluster), tee -- -name writes a file named -name', () => {
	const shell = sandboxShell();
	runAll(shell, ['echo one > /tmp/t', 'echo two | tee -ai /tmp/t > /dev/null']);
	assert.equal(run(shell, 'cat /tmp/t').stdout, 'one\ntwo\n');
	runAll(shell, ['cd /tmp', 'echo three | tee -- -dash > /dev/null']);
	assert.equal(run(shell, 'cat -- -dash').stdout, 'three\n');
});

test('readlink --canonicalize is -f; -n drops the newline of one name, and is ignored (with a warning) for several', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'readlink --canonicalize /proc/self/cwd').stdout, run(shell, 'readlink -f /proc/self/cwd').stdout);
	const cwd = run(shell, 'readlink /proc/self/cwd').stdout;
	assert.equal(run(shell, 'readlink -n /proc/self/cwd').stdout, cwd.trimEnd());
	const two = run(shell, 'readlink -n /proc/self/cwd /proc/self/cwd');
	assert.deepEqual([two.stdout, two.stderr], [cwd + cwd, 'readlink: ignoring --no-newline with multiple arguments\n']);
});

test('id --user and -un as -u and -u -n; su --login is su -; su -c is not taken for a user name', () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'id --user').stdout, run(shell, 'id -u').stdout);
	assert.equal(run(shell, 'id -un').stdout, 'root\n');
	assert.equal(run(shell, 'id --user --name').stdout, 'root\n');
	runAll(shell, ['cd /tmp', 'su --login learner']);
	assert.deepEqual([run(shell, 'whoami').stdout, run(shell, 'pwd').stdout], ['learner\n', '/home/learner\n']);
	runAll(shell, ['exit']);
	assert.equal(run(shell, 'su -c whoami learner').stderr, '[simulator] su -c is not simulated here; run it with: sudo -u USER COMMAND\n');
});
