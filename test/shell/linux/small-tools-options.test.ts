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

test('python3 -m http.server reads argparse\'s options: --directory=DIR and prefixes, its words for a bad option', () => {
	const usage = 'usage: server.py [-h] [--cgi] [-b ADDRESS] [-d DIRECTORY] [-p VERSION] [port]\n';
	const answer = (line: string) => {
		const r = run(sandboxShell(), line);
		return [r.exitCode, r.stderr];
	};
	assert.deepEqual(answer('python3 -m http.server --foo'), [2, `${usage}server.py: error: unrecognized arguments: --foo\n`]);
	assert.deepEqual(answer('python3 -m http.server -d'), [2, `${usage}server.py: error: argument -d/--directory: expected one argument\n`]);
	assert.deepEqual(answer('python3 -m http.server 8000 9000'), [2, `${usage}server.py: error: unrecognized arguments: 9000\n`]);
	assert.deepEqual(answer('python3 -m http.server --cgi=1'), [2, `${usage}server.py: error: argument --cgi: ignored explicit argument '1'\n`]);
	const shell = sandboxShell();
	runAll(shell, ['mkdir -p /srv/site', 'echo hi > /srv/site/index.html']);
	const served = run(shell, 'python3 -m http.server --directory=/srv/site 8123 &');
	assert.equal(served.exitCode, 0, served.text);
	assert.equal(run(shell, 'curl -s localhost:8123/index.html').stdout, 'hi\n');
	assert.match(run(sandboxShell(), 'python3 -m http.server --help').stdout, /^usage: server\.py/);
});
