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
