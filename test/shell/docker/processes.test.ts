// Issue 15, finding 5: processes look as they do on a real host.
// - nginx's entrypoint execs nginx, whose master renames itself (ngx_setproctitle "master process %s")
//   and forks one worker per CPU ("worker process", worker_processes auto), as the nginx user.
// - busybox ps (procps/ps.c, 1.36): DEFAULT_O_STR "pid,user,time,args"; header "PID   USER     TIME  COMMAND";
//   BSD words such as `aux` are ignored.
// - procps-ng ps with no terminal selects the processes without one ("      1 ?        00:00:00 ps").
// - nsenter looks the program up in the target's mount namespace ("nsenter: failed to execute %s").
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {dockerShell, expectLine, run} from './helpers.ts';

test("nginx's PID 1 is the master process with one worker per CPU; the image has no ps", () => {
	const shell = dockerShell();
	run(shell, 'docker run -d --name web nginx');
	const top = run(shell, 'docker top web').stdout.split('\n').filter(Boolean);
	const cpus = shell.state.world.hosts.get('host-1')!.cpus;
	assert.match(top[1]!, /^root .* nginx: master process nginx -g daemon off;$/);
	assert.equal(top.filter(line => / nginx: worker process$/.test(line)).length, cpus);
	expectLine(shell, 'docker exec web ps', '', 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in $PATH: unknown\n', 126);
	const pid = run(shell, "docker inspect -f '{{.State.Pid}}' web").stdout.trim();
	expectLine(shell, `nsenter -t ${pid} -p -m ps`, '', 'nsenter: failed to execute ps: No such file or directory\n', 127);
});

test("busybox's ps lists its processes (pid 1 first) in busybox's columns, under docker exec and a shared pid namespace", () => {
	const shell = dockerShell();
	run(shell, "docker run -d --name busy busybox sh -c 'while true; do sleep 5; done'");
	run(shell, 'sleep 6');
	expectLine(shell, 'docker exec busy ps', `PID   USER     TIME  COMMAND
    1 root      0:00 sh -c while true; do sleep 5; done
    3 root      0:00 sleep 5
    4 root      0:00 ps
`);
	expectLine(shell, 'docker exec busy ps aux', `PID   USER     TIME  COMMAND
    1 root      0:00 sh -c while true; do sleep 5; done
    3 root      0:00 sleep 5
    4 root      0:00 ps aux
`);
	expectLine(shell, 'docker run --rm busybox ps', 'PID   USER     TIME  COMMAND\n    1 root      0:00 ps\n');
	const pid = run(shell, "docker inspect -f '{{.State.Pid}}' busy").stdout.trim();
	assert.match(run(shell, `nsenter -t ${pid} -p -m ps`).stdout, /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 sh -c while true/);
});

test('docker run --pid=host busybox ps shows the host processes', () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	const out = run(shell, 'docker run --rm --pid=host busybox ps').stdout;
	assert.match(out, /^PID {3}USER {5}TIME {2}COMMAND\n {4}1 root {6}0:00 \/sbin\/init\n/);
	assert.match(out, /\/usr\/bin\/dockerd/);
});

test('procps ps in a container without a terminal lists the processes without one', () => {
	const shell = dockerShell();
	run(shell, 'docker pull ubuntu');
	expectLine(shell, 'docker run --rm ubuntu ps', '    PID TTY          TIME CMD\n      1 ?        00:00:00 ps\n');
});

test("the shell execs the last command of sh -c (and `exec`), so ps shows it as PID 1; tail -f keeps a container up", () => {
	const shell = dockerShell();
	run(shell, 'docker pull busybox');
	run(shell, "docker run -d --name last busybox sh -c 'echo start; sleep 1000'");
	run(shell, "docker run -d --name follow busybox sh -c 'tail -f /dev/null'");
	run(shell, "docker run -d --name exec busybox sh -c 'exec sleep 1000'");
	run(shell, 'sleep 2');
	expectLine(shell, 'docker exec last ps', 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1000\n    2 root      0:00 ps\n');
	expectLine(shell, 'docker exec follow ps', 'PID   USER     TIME  COMMAND\n    1 root      0:00 tail -f /dev/null\n    2 root      0:00 ps\n');
	expectLine(shell, 'docker exec exec ps', 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1000\n    2 root      0:00 ps\n');
	assert.deepEqual(run(shell, 'docker ps --format "{{.Names}} {{.Status}}"').stdout.trim().split('\n').sort(), ['exec Up 2 seconds', 'follow Up 2 seconds', 'last Up 2 seconds']);
});
