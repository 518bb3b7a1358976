import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test("chapter 1: killing a container's main process from the host leaves the container exited at once", () => {
	const shell = sandboxShell();
	run(shell, 'docker run -d --name app-1 nginx');
	assert.equal(run(shell, "kill $(docker inspect -f '{{.State.Pid}}' app-1)").exitCode, 0);
	const container = [...shell.state.world.dockers.get('host-1')!.containers.values()].find(c => c.name === 'app-1')!;
	assert.equal(container.state, 'exited');
});

test('nginx killed with SIGTERM from the host shuts down and exits 0, as under docker stop; SIGKILL gives 137 (playtest, chapter 1)', () => {
	const shell = sandboxShell();
	run(shell, 'docker run -d --name app-1 nginx');
	run(shell, 'docker run -d --name app-2 nginx');
	run(shell, "kill $(docker inspect -f '{{.State.Pid}}' app-1)");
	run(shell, "kill -9 $(docker inspect -f '{{.State.Pid}}' app-2)");
	assert.equal(run(shell, "docker inspect -f '{{.State.ExitCode}}' app-1 app-2").stdout, '0\n137\n');
});

test('a container\'s PID 1 without a SIGTERM handler ignores SIGTERM from the host (pid_namespaces(7)); SIGKILL still ends it', () => {
	const shell = sandboxShell();
	run(shell, "docker run -d --name loop busybox sh -c 'while true; do sleep 1; done'");
	assert.equal(run(shell, "kill $(docker inspect -f '{{.State.Pid}}' loop)").exitCode, 0, 'kill itself succeeds: the signal is sent and ignored');
	assert.equal(run(shell, "docker inspect -f '{{.State.Status}}' loop").stdout, 'running\n');
	run(shell, "kill -9 $(docker inspect -f '{{.State.Pid}}' loop)");
	assert.equal(run(shell, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' loop").stdout, 'exited 137\n');
});
