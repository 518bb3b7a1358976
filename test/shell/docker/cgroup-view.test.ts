// Issue 15, finding 7: with cgroup v2, docker gives each container a private cgroup namespace
// rooted at its own cgroup (moby: cgroupns mode "private" is the default on cgroup v2), so inside
// it /proc/self/cgroup reads "0::/" and /sys/fs/cgroup is its own group: memory.max is its limit.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dockerShell, expectLine, run} from './helpers.ts';

test('inside a container /proc/self/cgroup is 0::/ and /sys/fs/cgroup/memory.max shows --memory', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	expectLine(shell, 'docker run --rm --memory 100m busybox cat /proc/self/cgroup', '0::/\n');
	expectLine(shell, 'docker run --rm --memory 100m busybox cat /sys/fs/cgroup/memory.max', '104857600\n');
	expectLine(shell, 'docker run --rm --cpus 0.5 busybox cat /sys/fs/cgroup/cpu.max', '50000 100000\n');
	expectLine(shell, 'docker run --rm busybox cat /sys/fs/cgroup/memory.max', 'max\n');
});

test('the host still sees the container in its docker-<id>.scope', () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name limited -m 64m busybox sleep 300');
	const id = run(shell, 'docker inspect -f {{.Id}} limited').stdout.trim();
	const pid = run(shell, 'docker inspect -f {{.State.Pid}} limited').stdout.trim();
	expectLine(shell, `cat /proc/${pid}/cgroup`, `0::/system.slice/docker-${id}.scope\n`);
	expectLine(shell, 'docker exec limited cat /proc/1/cgroup', '0::/\n');
	assert.equal(run(shell, `cat /sys/fs/cgroup/system.slice/docker-${id}.scope/memory.max`).stdout, '67108864\n');
});
