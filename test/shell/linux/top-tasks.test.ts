// top's "Tasks:" line counts top itself (procps lists its own process): total = running + sleeping,
// never a negative count, also in a container where the only other task is busy.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {run, sandboxShell} from '../../helpers/shell.ts';

test("top's task counts add up and include top, on a host and in a busy container", () => {
	const shell = sandboxShell();
	assert.equal(run(shell, 'docker run -d --name st polinux/stress stress --cpu 1').exitCode, 0);
	run(shell, 'sleep 5');
	for (const line of ['top -b -n 1', 'docker exec st top -b -n 1']) {
		const tasks = /^Tasks: +(\d+) total, +(\d+) running, +(-?\d+) sleeping/m.exec(run(shell, line).stdout);
		assert.ok(tasks, line);
		const [total, running, sleeping] = tasks.slice(1).map(Number) as [number, number, number];
		assert.ok(sleeping >= 0, `${line}: ${tasks[0]}`);
		assert.equal(total, running + sleeping, `${line}: ${tasks[0]}`);
	}
});
