// Containers whose programs behave over virtual time: the OOM killer, sleep, a kill from the host.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {containerId, dockerShell, expectLine, run} from './helpers.ts';

test('docker run -m 64m with stress over the limit: OOM-killed, Exited (137), OOMKilled true', () => {
	const shell = dockerShell();
	run(shell, 'docker pull polinux/stress');
	run(shell, 'docker run -d --name mem -m 64m polinux/stress stress --vm 1 --vm-bytes 200M');
	assert.match(run(shell, 'docker ps').stdout, /Up Less than a second +mem\n/);
	run(shell, 'sleep 3');
	assert.match(run(shell, 'docker ps -a').stdout, /Exited \(137\) \d seconds? ago +mem\n/);
	expectLine(shell, 'docker inspect -f "{{.State.OOMKilled}} {{.State.ExitCode}}" mem', 'true 137\n');
	assert.match(run(shell, 'dmesg').stdout, new RegExp(`oom_memcg=/system\\.slice/docker-${containerId(shell, 'mem')}\\.scope`));
});

test('sleep N ends by itself (exit 0); a container killed from the host exits 137; --rm containers go away', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, 'docker run -d --name nap busybox sleep 5');
	run(shell, 'docker run -d --rm --name gone busybox sleep 5');
	run(shell, 'sleep 6');
	assert.match(run(shell, 'docker ps -a').stdout, /Exited \(0\) 1 second ago +nap\n/);
	assert.doesNotMatch(run(shell, 'docker ps -a').stdout, /gone/);
	run(shell, 'docker run -d --name victim busybox sleep 500');
	const pid = run(shell, 'docker inspect -f "{{.State.Pid}}" victim').stdout.trim();
	run(shell, `kill -9 ${pid}`);
	expectLine(shell, 'docker inspect -f "{{.State.Status}} {{.State.ExitCode}}" victim', 'exited 137\n');
});

test('--restart always brings an OOM-killed container back with a growing back-off; docker stop ends it for good', () => {
	const shell = dockerShell();
	run(shell, 'docker pull polinux/stress');
	run(shell, 'docker run -d --name mem --restart always -m 64m polinux/stress stress --vm 1 --vm-bytes 200M');
	run(shell, 'sleep 1');
	assert.match(run(shell, 'docker ps').stdout, /Restarting \(137\) Less than a second ago +mem\n/);
	run(shell, 'sleep 5');
	const [count, status] = run(shell, 'docker inspect -f "{{.RestartCount}} {{.State.Status}}" mem').stdout.trim().split(' ');
	assert.ok(Number(count) >= 2, `restarted ${count} times`);
	assert.ok(status === 'running' || status === 'restarting');
	run(shell, 'docker stop mem');
	run(shell, 'sleep 5');
	expectLine(shell, 'docker inspect -f "{{.State.Status}} {{.RestartCount}}" mem', `exited ${run(shell, 'docker inspect -f "{{.RestartCount}}" mem').stdout.trim()}\n`);
	expectLine(shell, 'docker run --rm --restart always busybox', '', "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n", 125);
	expectLine(shell, 'docker run --restart sometimes busybox', '', "docker: Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n\nRun 'docker run --help' for more information\n", 125);
});
