// A container's exit code is the status its main process exited with, as docker reports it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dockerShell, run} from './helpers.ts';

test('exit 3 in docker run -it leaves the container Exited (3); a plain exit leaves Exited (0)', () => {
	const shell = dockerShell();
	run(shell, 'docker run -it --name box ubuntu bash');
	assert.equal(run(shell, 'exit 3').exitCode, 3);
	assert.match(run(shell, 'docker ps -a').stdout, /Exited \(3\) .* box\n/);
	assert.equal(run(shell, "docker inspect -f '{{.State.ExitCode}}' box").stdout, '3\n');
	run(shell, 'docker run -it --name calm ubuntu bash');
	run(shell, 'exit');
	assert.match(run(shell, 'docker ps -a').stdout, /Exited \(0\) .* calm\n/);
});

test('a container that exits non-zero is restarted by --restart on-failure', () => {
	const shell = dockerShell();
	run(shell, 'docker run -it --restart on-failure:1 --name flaky ubuntu bash');
	run(shell, 'exit 1');
	assert.match(run(shell, 'docker ps -a').stdout, /Restarting \(1\) .* flaky\n/);
	run(shell, 'sleep 2');
	assert.equal(run(shell, "docker inspect -f '{{.RestartCount}}' flaky").stdout, '1\n');
});

test('docker login without -u says in a [simulator] line who it logs in as (it was an unmarked line on stdout)', () => {
	const shell = dockerShell();
	const login = run(shell, 'docker login');
	assert.equal(login.stdout, 'Login Succeeded\n');
	assert.match(login.stderr, /^\[simulator\] no username or password asked: the simulated registry logs you in as "learner"/);
});
