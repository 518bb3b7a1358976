// bash and sh exist on the simulated hosts as on Ubuntu: `bash -c 'CMD'` runs CMD in a child shell
// (its variables, directory and exit are its own), `bash` alone opens one until `exit`, and
// `sudo bash -c` / `ssh HOST sh -c` run their command instead of opening a prompt. They said
// "bash: bash: command not found", and `sudo bash -c 'echo hi'` silently opened a root shell.
import assert from 'node:assert/strict';
import test from 'node:test';
import {createSandboxWorld} from '../../source/engine/scenarios/sandbox.ts';
import {run, sandboxShell} from '../helpers/shell.ts';

test('bash -c and sh -c run a line in a child shell whose variables and directory are its own', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const me = run(shell, 'echo $$').stdout;
	const child = run(shell, 'bash -c "echo hi; echo \\$\\$"');
	assert.equal(child.stdout.split('\n')[0], 'hi');
	assert.notEqual(child.stdout.split('\n')[1] + '\n', me, 'a process of its own');
	assert.equal(run(shell, 'sh -c "exit 3"; echo rc=$?').text, 'rc=3\n');
	assert.equal(run(shell, 'bash -c "cd /tmp; X=1"; pwd; echo X=$X').text, '/root\nX=\n');
	assert.equal(run(shell, 'bash -c "echo a; ls /nope; echo b"').text, "a\nls: cannot access '/nope': No such file or directory\nb\n");
	const missing = run(shell, 'bash -c');
	assert.deepEqual([missing.stderr, missing.exitCode], ['bash: -c: option requires an argument\n', 2]);
	assert.equal(run(shell, 'echo $$').stdout, me, 'still in the login shell');
});

test('bash alone opens a child shell until exit; in a container only the shells its image has', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const login = run(shell, 'echo $$').stdout.trim();
	run(shell, 'bash');
	assert.match(run(shell, 'ps -o pid,ppid,cmd').stdout, new RegExp(`^ +\\d+ +${login} bash$`, 'm'));
	assert.equal(run(shell, 'exit').stdout, 'exit\n');
	assert.equal(run(shell, 'echo $$').stdout.trim(), login);
	run(shell, 'docker run -d --name bb busybox sleep 999');
	run(shell, 'docker exec -it bb sh');
	assert.equal(run(shell, 'bash').stderr, 'sh: bash: not found\n', 'busybox has no bash');
	assert.equal(run(shell, 'sh -c "echo inside"').stdout, 'inside\n');
});

test('sudo bash -c and ssh HOST sh -c run the command and open no prompt', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const sudo = run(shell, 'sudo -u learner bash -c "echo hi; whoami"');
	assert.equal(sudo.stdout, 'hi\nlearner\n');
	assert.equal(sudo.state.session.frames.length, 1);
	const remote = run(shell, 'ssh host-2 sh -c hostname');
	assert.equal(remote.stdout, 'host-2\n');
	assert.equal(run(shell, 'hostname').stdout, 'host-1\n');
});

test('exit ends the shell running the line: nothing after it runs (bash -c, a loop, a function, ssh, the login shell)', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const child = run(shell, "bash -c 'exit 1; echo x'");
	assert.deepEqual([child.text, child.exitCode], ['', 1]);
	assert.equal(run(shell, "bash -c 'for i in 1 2; do exit 4; done; echo y'; echo rc=$?").text, 'rc=4\n');
	assert.equal(run(shell, "sh -c 'f() { exit 6; echo no; }; f; echo no2'; echo rc=$?").text, 'rc=6\n');
	assert.equal(run(shell, "bash -c 'while exit 7; do echo a; done; echo b'; echo rc=$?").text, 'rc=7\n');
	run(shell, 'ssh host-2');
	assert.equal(run(shell, 'exit; echo x').text, 'logout\nConnection to host-2 closed.\n');
	assert.equal(run(shell, 'hostname').text, 'host-1\n');
	const quit = run(shell, 'exit; echo gone');
	assert.equal(quit.text, 'logout\n');
	assert.deepEqual(quit.effects, [{kind: 'exit-tutor'}]);
});

test('exit in a copy of the shell (a subshell, $(...), a pipeline) ends only that copy, silently', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	const sub = run(shell, '(exit 3); echo rc=$?');
	assert.deepEqual([sub.text, sub.effects], ['rc=3\n', []], 'the learner is not logged out of the tutor');
	assert.equal(run(shell, '(echo a; exit 2; echo b); echo rc=$?').text, 'a\nrc=2\n');
	assert.equal(run(shell, 'X=$(echo in; exit 5; echo no); echo "$X" $?').text, 'in 5\n');
	const piped = run(shell, 'exit 1 | cat; echo still');
	assert.deepEqual([piped.text, piped.effects], ['still\n', []]);
});

test('ssh HOST LINE hands the words, joined, to bash -c as sshd does: lists, cd, exit N, word splitting; bash -c names the line in errors', () => {
	const shell = sandboxShell({world: createSandboxWorld({cluster: false})});
	assert.equal(run(shell, "ssh host-2 'hostname; whoami'").text, 'host-2\nroot\n');
	assert.equal(run(shell, "ssh host-2 'cd /tmp && pwd'").text, '/tmp\n');
	assert.equal(run(shell, "ssh host-2 'exit 2; echo x'; echo rc=$?").text, 'rc=2\n');
	assert.equal(run(shell, 'ssh host-2 echo "a  b"').text, 'a b\n', 'the remote shell splits the joined line again');
	const missing = run(shell, 'ssh host-2 nosuch');
	assert.deepEqual([missing.stderr, missing.exitCode], ['bash: line 1: nosuch: command not found\n', 127]);
	assert.equal(run(shell, 'bash -c nosuch').stderr, 'bash: line 1: nosuch: command not found\n');
	assert.equal(run(shell, 'nosuch').stderr, 'bash: nosuch: command not found\n', 'at the prompt: no line number');
	assert.equal(run(shell, 'hostname').text, 'host-1\n');
});
