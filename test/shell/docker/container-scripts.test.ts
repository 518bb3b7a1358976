// Issue 15, finding 4: a container's `sh -c` script is a process in virtual time. Its loop runs,
// its `sleep` blocks only itself, its output reaches `docker logs` as time passes, and nothing in
// it moves the world clock. Messages matched (busybox 1.36 ash, shell/ash.c):
//   "%s: not found" for a missing command (ash_msg_and_raise: "sh: curl: not found"), exit 127;
//   "syntax error: unexpected %s (expecting \"done\")" for an unfinished loop, exit 2.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {findContainer} from '../../../source/engine/docker/runtime.ts';
import {dockerShell, expectLine, run, type Shell} from './helpers.ts';

function container(shell: Shell, name: string) {
	const c = findContainer(shell.state.world.dockers.get('host-1')!, name);
	assert.ok(c, name);
	return c;
}

test("docker run -d busybox sh -c 'while true; do date; sleep 5; done' keeps running and logs the date every 5 s", () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	const started = run(shell, "docker run -d --name ticker busybox sh -c 'while true; do date; sleep 5; done'");
	assert.equal(started.exitCode, 0, started.text);
	const at = shell.state.world.time;
	assert.equal(container(shell, 'ticker').state, 'running');
	run(shell, 'sleep 12');
	const logs = run(shell, 'docker logs ticker').stdout.trim().split('\n');
	assert.equal(logs.length, 3, logs.join('\n'));
	const times = logs.map(line => Date.parse(line.replace(/^\w+ (\w+) +(\d+) ([\d:]+) UTC (\d+)$/, '$1 $2 $4 $3 UTC')));
	assert.deepEqual([times[1]! - times[0]!, times[2]! - times[1]!], [5000, 5000]);
	// busybox date's default format: "%a %b %e %H:%M:%S %Z %Y"
	assert.match(logs[0]!, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/);
	assert.equal(shell.state.world.time - at, 12_000);
	assert.match(run(shell, 'docker ps').stdout, /Up 12 seconds +ticker/);
});

test("sh -c 'echo hi; sleep 3600' prints hi at once and does not move the world's clock an hour", () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	const before = shell.state.world.time;
	const result = run(shell, "docker run --name napper busybox sh -c 'echo hi; sleep 3600'");
	assert.equal(result.stdout, 'hi\n');
	assert.ok(shell.state.world.time - before < 60_000, `the clock moved ${shell.state.world.time - before} ms`);
	assert.equal(container(shell, 'napper').state, 'running');
	run(shell, 'sleep 3600');
	expectLine(shell, 'docker ps -a --format "{{.Names}} {{.Status}}"', 'napper Exited (0) Less than a second ago\n');
});

test('&&, || and exit codes of a script end the container with its status', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, "docker run -d --name chain busybox sh -c 'sleep 1 && false || exit 3'");
	run(shell, 'sleep 2');
	assert.equal(container(shell, 'chain').state, 'exited');
	assert.equal(container(shell, 'chain').exitCode, 3);
	run(shell, "docker run -d --name missing busybox sh -c 'sleep 1; curl http://web'");
	run(shell, 'sleep 2');
	assert.equal(run(shell, 'docker logs missing').text, 'sh: curl: not found\n');
	assert.equal(container(shell, 'missing').exitCode, 127);
	expectLine(shell, "docker run --name broken busybox sh -c 'while true; do echo x'", 'sh: syntax error: unexpected end of file (expecting "done")\n', '', 2);
});

test('a script runs other tools of its image (ls) while it loops, and its sleep child does not stop other containers', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, "docker run -d --name lister busybox sh -c 'for i in 1 2; do ls /etc/hostname; sleep 1; done; echo done'");
	run(shell, 'docker run -d --name other busybox sleep 30');
	run(shell, 'sleep 3');
	expectLine(shell, 'docker logs lister', '/etc/hostname\n/etc/hostname\ndone\n');
	assert.equal(container(shell, 'other').state, 'running');
});

test('docker build of a Dockerfile that is only FROM alpine builds alpine itself (it used to be an internal error)', () => {
	const shell = dockerShell({Dockerfile: 'FROM alpine\n'});
	const result = run(shell, 'docker build -t only-from .');
	assert.equal(result.exitCode, 0, result.text);
	assert.ok(!result.text.includes('internal error'), result.text);
	// The legacy builder: "Step 1/1 : FROM alpine", " ---> <id>", "Successfully built <id>", "Successfully tagged only-from:latest"
	const id = run(shell, 'docker images -q alpine').stdout.trim();
	assert.match(result.stdout, new RegExp(`Step 1/1 : FROM alpine\\n[\\s\\S]* ---> ${id}\\nSuccessfully built ${id}\\nSuccessfully tagged only-from:latest\\n$`));
	expectLine(shell, 'docker images -q only-from', id + '\n');
});
